"""Speech recognition of a trainee's spoken reply.

`get_transcriber()` returns the process's shared `Transcriber` for the configured backend and
model; `transcribe(audio, language, hints)` gives a `Transcript` with the text, the word
timings and how long the trainee took to start speaking.

Backends (`SIMULATOR_ASR_BACKEND`):
- 'faster-whisper' (default): CTranslate2, int8 on CPU. Measured settings (ARCHITECTURE.md and
  bench/voice.py): temperature 0 with no fallback and condition_on_previous_text off (without
  them the decoder looped on Ukrainian for 10 s), a repetition guard (see below), the
  scenario's language forced, the silero VAD on (and Whisper's own no-speech gate off, see
  `_run`), word timestamps on, and the decoder's crowded tail after the speech dropped
  (`heard_segments`).
- 'openai-whisper': the reference PyTorch implementation, see openai_backend.py.
- 'http': a transcription server over the OpenAI-compatible HTTP API, see http_backend.py.

Models (`SIMULATOR_ASR_MODEL`): see models.py. tiny.en knows English only; asking it for
Ukrainian raises `UnsupportedLanguage` rather than silently loading another model: a site
that configured tiny.en for speed should learn at once that its Ukrainian scenarios need base.

Each model is loaded once per process and shared by all threads. Decodes run through a gate:
`SIMULATOR_ASR_PARALLEL` at a time (default 2, sharing the cores: `cpu_threads`), at
most `SIMULATOR_ASR_MAX_QUEUE` waiting (default 4); beyond that `AsrBusy` tells the caller to
try again instead of letting requests pile up.

What the backends share (the transcript, the errors, the gate, the checks, the base class) is
in transcription.py, re-exported here: `asr.Transcript` and the rest work as before.
"""

from __future__ import annotations

import threading

from simulator import settings
from simulator.voice import encoder_window
from simulator.voice import models
from simulator.voice.transcription import (
    LANGUAGES,
    BACKENDS,
    HEARD_AS,
    MAX_PROMPT_TOKENS,
    NO_REPEAT_NGRAM_SIZE,
    AsrError,
    AsrBusy,
    UnsupportedLanguage,
    Word,
    Transcript,
    Transcriber,
    Gate,
    cpu_threads,
    check_language,
    prepare_audio,
    build_prompt,
    heard_segments,
    WhisperTranscriber,
)

__all__ = ["LANGUAGES", "BACKENDS", "HEARD_AS", "MAX_PROMPT_TOKENS", "NO_REPEAT_NGRAM_SIZE", "AsrError", "AsrBusy", "UnsupportedLanguage", "Word", "Transcript", "Transcriber", "Gate", "cpu_threads", "check_language", "prepare_audio", "build_prompt", "WhisperTranscriber", "get_transcriber", "FasterWhisperTranscriber"]

def get_transcriber(backend: str | None = None, model: str | None = None) -> Transcriber:
    """The shared transcriber for `backend` and `model` (defaults from the environment).

    The model itself loads on first use (or `load()`), once per process.
    """
    global _GATE
    backend = backend or settings.current().asr_backend or BACKENDS[0]
    if backend not in BACKENDS:
        raise AsrError(f"unknown speech recognition backend {backend!r}: use one of {', '.join(BACKENDS)}")
    model = model or settings.current().asr_model or models.BASE
    key = (backend, model)
    with _REGISTRY_LOCK:
        if key not in _REGISTRY:
            if backend == "openai-whisper":
                from simulator.voice.openai_backend import OpenAIWhisperTranscriber as cls
            elif backend == "http":
                from simulator.voice.http_backend import HttpTranscriber as cls
            else:
                cls = FasterWhisperTranscriber
            _GATE = _GATE or Gate.from_env()
            _REGISTRY[key] = cls(model, gate=_GATE)
        return _REGISTRY[key]


_REGISTRY: dict[tuple[str, str], Transcriber] = {}
_REGISTRY_LOCK = threading.Lock()
_GATE: Gate | None = None  # one queue for all shared transcribers: they compete for the same cores


class FasterWhisperTranscriber(WhisperTranscriber):
    """faster-whisper (CTranslate2) on CPU, int8."""

    backend = "faster-whisper"

    def _load(self):
        ref = models.resolve(self.model_name)
        from faster_whisper import WhisperModel

        model = WhisperModel(
            str(ref.path),
            device="cpu",
            compute_type="int8",
            cpu_threads=self._threads(),
            num_workers=self.gate.parallel,
            local_files_only=True,
        )
        encoder_window.install(model)     # encode the recording, not 30 s of padding
        return model

    def _threads(self) -> int:
        """CPU threads per decode (the transcription server sets its own)."""
        return cpu_threads(self.gate)

    def _multilingual(self, model) -> bool:
        return model.model.is_multilingual

    def verifier_model(self):
        """The loaded model, for checking wordings against a recording (verify.py): only
        this backend exposes the decoder's probabilities of a given text."""
        return self.load()

    def _count_tokens(self, model, text: str) -> int:
        return len(model.hf_tokenizer.encode(" " + text, add_special_tokens=False).ids)

    def _language_probabilities(self, model, samples):
        with encoder_window.whole_window():     # the trimmed window misheard the language (encoder_window)
            _, _, probabilities = model.detect_language(audio=samples)
        return dict(probabilities)

    def _run(self, model, samples, language, prompt):
        with encoder_window.capturing() as encodings, encoder_window.for_language(model, language):
            words, text = self._decode(model, samples, language, prompt)
        if encodings:       # the whole window was encoded: the check against the recording reads it too
            encoder_window.remember(model, samples, encodings[0])
        return words, text

    def _decode(self, model, samples, language, prompt):
        segments, _ = model.transcribe(
            samples,
            language=language,
            task="transcribe",
            beam_size=self.beam_for(language),
            temperature=0.0,
            condition_on_previous_text=False,
            no_repeat_ngram_size=NO_REPEAT_NGRAM_SIZE,
            initial_prompt=prompt,
            vad_filter=True,
            # The silero VAD has already kept only speech. Whisper's own "no speech" gate
            # (no_speech_prob > 0.6 with avg_logprob < -1) then dropped whole windows of real
            # but unclear Ukrainian: an 11.8 s spoken reference came back empty, and a reply
            # must never count as silence because it was hard to hear.
            no_speech_threshold=None,
            word_timestamps=True,
        )
        # the generator does the work
        return heard_segments([(s.text, [Word(w.word, w.start, w.end, w.probability) for w in (s.words or ())])
                               for s in segments])
