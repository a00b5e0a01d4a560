"""What every speech recognition backend shares (asr.py chooses one; openai_backend.py and
http_backend.py build on this): the languages, the errors, a transcript and its words, the gate
that lets a few decodes run at once, the audio checks, the prompt of hints, and
`WhisperTranscriber`, the base class of the Whisper backends. Its own module so that the
backends and the choosing of one do not import each other (docs/architecture.md)."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from typing import NamedTuple, Protocol

import numpy as np

from simulator import settings
from simulator.voice import audio as audio_io
from simulator.voice import models

LANGUAGES = ("uk", "en")
BACKENDS = ("faster-whisper", "openai-whisper", "http")
# Language detection (only when no language is given): Whisper base often takes Ukrainian,
# synthetic above all, for Russian or Belarusian; in a Ukrainian/English product they count
# as Ukrainian.
HEARD_AS = {"uk": ("uk", "ru", "be"), "en": ("en",)}
# Whisper keeps at most n_text_ctx // 2 - 1 = 223 prompt tokens and drops the oldest; we cap
# the hints ourselves so that the first (most important) ones are the ones kept.
MAX_PROMPT_TOKENS = 223
# Without it, base looped on Ukrainian synthetic speech ("піпі піпі ...", 8-12 s for a 4 s
# clip) even at temperature 0; with it no loop was seen, and clips that did not loop came out
# the same. (repetition_penalty=1.1 also stopped the loops but made every beam-5 decode about
# 60% slower.)
NO_REPEAT_NGRAM_SIZE = 3
# A segment whose words take less than this each is not speech (people say at most about five
# words a second): it is the decoder going on after the recording, its words' timestamps
# crowded at the end ("…costs half the day price With a 250 meter, Electricity at tight cost…"
# in 0.02 s; "I don't know what I'm doing." after a finished reply). See `heard_segments`.
LOOP_SECONDS_PER_WORD = 0.1


class AsrError(RuntimeError):
    """Transcription could not run (configuration, model)."""


class AsrBusy(AsrError):
    """Too many replies are being transcribed at once."""

    def __init__(self):
        super().__init__("speech recognition is busy, try again in a few seconds")


class UnsupportedLanguage(AsrError):
    """The configured model does not know the requested language."""


class Word(NamedTuple):
    word: str
    start: float
    end: float
    probability: float


def heard_segments(segments: Sequence[tuple[str, Sequence[Word]]]) -> tuple[list[Word], str]:
    """The words and text of a decode's segments (text, words) without the crowded ones at its
    end: two words or more in under LOOP_SECONDS_PER_WORD each. Whisper sometimes carries on past
    the end of the speech, repeating the last sentence or making one up with every timestamp
    packed into the last tenth of a second; on the recording window (encoder_window) and on some
    CPUs it looped the voice check's third English sentence four times (CER 2.9). Only the end
    is trimmed: crowded segments between heard ones are kept (unclear Ukrainian has some), and
    a decode that is crowded throughout is kept whole, since a reply must never come back as
    silence because it was hard to hear."""
    keep = len(segments)
    while keep and _crowded(segments[keep - 1][1]):
        keep -= 1
    kept = segments[:keep] if keep else segments
    return [w for _, words in kept for w in words], "".join(text for text, _ in kept)


def _crowded(words: Sequence[Word]) -> bool:
    return len(words) >= 2 and (words[-1].end - words[0].start) / len(words) < LOOP_SECONDS_PER_WORD


@dataclass(frozen=True)
class Transcript:
    """What was said and when. Times are seconds from the start of the recording;
    `speech_start` (None when nothing was said) is the trainee's response latency."""

    text: str
    language: str
    duration: float
    speech_start: float | None
    speech_duration: float
    words: list[Word]
    timings: dict[str, float] = field(default_factory=dict)
    backend: str = ""
    model: str = ""

    def to_dict(self) -> dict:
        data = asdict(self)
        data["words"] = [w._asdict() for w in self.words]
        return data


class Transcriber(Protocol):
    backend: str
    model_name: str

    def transcribe(self, audio: bytes | np.ndarray, language: str | None, hints: Sequence[str] = ()) -> Transcript: ...


class Gate:
    """At most `parallel` decodes at once and `max_waiting` callers queued behind them."""

    def __init__(self, parallel: int = 1, max_waiting: int = 4):
        if parallel < 1 or max_waiting < 0:
            raise ValueError("parallel must be >= 1 and max_waiting >= 0")
        self.parallel = parallel
        self._slots = threading.Semaphore(parallel)
        self._lock = threading.Lock()
        self._inside = 0
        self._limit = parallel + max_waiting

    @classmethod
    def from_env(cls) -> Gate:
        chosen = settings.current()
        return cls(parallel=chosen.asr_parallel, max_waiting=chosen.asr_max_queue)

    @contextmanager
    def enter(self):
        """Hold a decode slot; yields the seconds spent waiting for it."""
        with self._lock:
            if self._inside >= self._limit:
                raise AsrBusy()
            self._inside += 1
        try:
            started = time.perf_counter()
            with self._slots:
                yield time.perf_counter() - started
        finally:
            with self._lock:
                self._inside -= 1


def cpu_threads(gate: Gate) -> int:
    """CPU threads per decode: two threads a core shared among the decodes at once, at most
    every core for one. On 2 cores the default 2 decodes at once get 2 threads each: a reply
    heard alone has both cores, and overlapping replies were heard as fast as with one thread
    each (the load test, docs/operations.md)."""
    cores = os.cpu_count() or 1
    return max(1, min(cores, 2 * cores // gate.parallel))


def check_language(language: str) -> None:
    if language not in LANGUAGES:
        raise AsrError(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}")


def prepare_audio(data: bytes | np.ndarray, limits: audio_io.Limits | None = None) -> tuple[np.ndarray, float]:
    """Decoded, checked 16 kHz mono samples and the seconds it took. Raises AudioError."""
    limits = limits or audio_io.Limits.from_env()
    started = time.perf_counter()
    if isinstance(data, np.ndarray):
        samples = audio_io.check(data, limits)
    else:
        samples = audio_io.decode(bytes(data), limits)
    return samples, time.perf_counter() - started


def build_prompt(
    hints: Sequence[str], count_tokens: Callable[[str], int], max_tokens: int = MAX_PROMPT_TOKENS
) -> str | None:
    """A vocabulary prompt from the node's key facts and reference answers, in their order,
    as many whole hints as fit in `max_tokens`. It biases Whisper toward the words the trainee
    is expected to use (measured on Ukrainian: CER 0.47 -> 0.33)."""
    prompt = ""
    for hint in dict.fromkeys(" ".join(h.split()) for h in hints):  # normalised, de-duplicated
        if not hint:
            continue
        if hint[-1] not in ".!?…":
            hint += "."
        candidate = f"{prompt} {hint}".strip()
        if count_tokens(candidate) > max_tokens:
            break
        prompt = candidate
    return prompt or None


# Whisper's beam width per language when SIMULATOR_ASR_BEAM_SIZE is unset. Ukrainian decodes
# greedily: on 2 cores the beam-5 search was about a third of the time from the end of a spoken
# Ukrainian reply to its feedback, and an unclear Ukrainian transcript (where a wider beam
# could help) is checked against the recording anyway (verify.py, speech._reading). Over every
# library node (`python -m simulator eval hearing --language uk --method verify`, 2026-12-06):
# beam 1 kept 256 of 275 key facts (93.1%; beam 5: 258, 93.8%), 2.2% not heard clearly (2.5%),
# no fact gained by a rude or off-topic reply at either width (another scenario's reference,
# heard as gibberish, gained 4 and 3). English keeps beam 5: its transcript is what is scored.
BEAM_SIZE = {"uk": 1, "en": 5}
DEFAULT_BEAM_SIZE = 5       # a language not listed, or none given (the CLI detects it)


class WhisperTranscriber:
    """What both backends share: lazy one-time loading, checks, the prompt, the gate, timings.

    A backend implements `_load()`, `_multilingual(model)`, `_count_tokens(model, text)` and
    `_run(model, samples, language, prompt) -> (words, text)`.
    """

    backend = ""

    def __init__(self, model: str = models.BASE, gate: Gate | None = None, beam_size: int | None = None):
        self.model_name = model
        self.gate = gate or Gate()
        self.beam_size = beam_size or settings.current().asr_beam_size     # None: per language (beam_for)
        self._model = None
        self._load_lock = threading.Lock()
        self.load_seconds: float | None = None

    def load(self):
        """Load the model once (thread-safe); return it."""
        with self._load_lock:
            if self._model is None:
                started = time.perf_counter()
                self._model = self._load()
                self.load_seconds = time.perf_counter() - started
        return self._model

    def beam_for(self, language: str | None) -> int:
        """The beam width for a reply in ``language``: the one configured, else BEAM_SIZE's."""
        return self.beam_size or BEAM_SIZE.get(language or "", DEFAULT_BEAM_SIZE)

    def transcribe(self, audio: bytes | np.ndarray, language: str | None, hints: Sequence[str] = ()) -> Transcript:
        """Transcribe a reply in `language`, biased toward the vocabulary of `hints`.

        `language` None picks the likelier of LANGUAGES (for the CLI; a call always knows its
        scenario's language). Raises AudioError for unusable audio, AsrBusy when the queue is
        full, UnsupportedLanguage for an English-only model asked for Ukrainian.
        """
        if language is not None:
            check_language(language)
        started = time.perf_counter()
        samples, decode_seconds = prepare_audio(audio)  # bad audio fails before a model loads
        loading = self._model is None
        model = self.load()
        multilingual = self._multilingual(model)
        if language not in (None, "en") and not multilingual:
            raise UnsupportedLanguage(
                f"model {self.model_name} understands English only and cannot transcribe {language!r}: "
                "use the multilingual 'base' model (SIMULATOR_ASR_MODEL=base or --model base)"
            )
        prompt = build_prompt(hints, lambda text: self._count_tokens(model, text))
        with self.gate.enter() as waited:
            run_started = time.perf_counter()
            if language is None:
                probs = self._language_probabilities(model, samples) if multilingual else {"en": 1.0}
                language = max(LANGUAGES, key=lambda code: sum(probs.get(c, 0.0) for c in HEARD_AS[code]))
            words, text = self._run(model, samples, language, prompt)
            run_seconds = time.perf_counter() - run_started
        timings = {"decode": decode_seconds, "queue": waited, "transcribe": run_seconds}
        if loading:
            timings["load"] = self.load_seconds
        timings["total"] = time.perf_counter() - started
        words = [w for w in words if w.word.strip()]
        return Transcript(
            text=" ".join(text.split()),
            language=language,
            duration=round(samples.size / audio_io.SAMPLE_RATE, 3),
            speech_start=round(float(words[0].start), 3) if words else None,
            speech_duration=round(float(words[-1].end - words[0].start), 3) if words else 0.0,
            words=[
                Word(w.word.strip(), round(float(w.start), 3), round(float(w.end), 3), round(float(w.probability), 4))
                for w in words
            ],
            timings={k: round(v, 4) for k, v in timings.items()},
            backend=self.backend,
            model=self.model_name,
        )

    def _load(self):
        raise NotImplementedError

    def _multilingual(self, model) -> bool:
        raise NotImplementedError

    def _count_tokens(self, model, text: str) -> int:
        raise NotImplementedError

    def _language_probabilities(self, model, samples: np.ndarray) -> dict[str, float]:
        raise NotImplementedError

    def _run(self, model, samples: np.ndarray, language: str, prompt: str | None) -> tuple[list[Word], str]:
        raise NotImplementedError
