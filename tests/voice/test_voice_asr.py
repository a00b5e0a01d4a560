"""Transcription with the real Whisper weights (tiny.en for plumbing, base for the product)."""

from __future__ import annotations

import json
import re
import threading
from pathlib import Path

import numpy as np
import pytest
from voice_helpers import assert_english_heard, duration, encode, pad

from simulator.voice import asr, audio


def test_tiny_en_hears_our_english_customer(tiny, english_wav):
    transcript = tiny.transcribe(english_wav, "en")
    assert_english_heard(transcript.text)
    assert (transcript.backend, transcript.model, transcript.language) == ("faster-whisper", "tiny.en", "en")
    assert transcript.duration == pytest.approx(duration(english_wav), abs=0.01)
    assert {"decode", "queue", "transcribe", "total"} <= set(transcript.timings)


def test_base_hears_english(base, english_wav):
    assert_english_heard(base.transcribe(english_wav, "en").text)


def test_base_writes_ukrainian_in_cyrillic(base, ukrainian_wav):
    text = base.transcribe(ukrainian_wav, "uk").text
    letters = re.findall(r"[^\W\d_]", text)
    assert len(letters) >= 20, text
    cyrillic = [ch for ch in letters if "\u0400" <= ch <= "\u04ff"]
    assert len(cyrillic) / len(letters) > 0.9, text


def test_hints_are_used_and_capped(base, ukrainian_wav):
    hints = ["Двічі зняли гроші за інтернет.", "Поверну кошти на картку."]
    transcript = base.transcribe(ukrainian_wav, "uk", hints=hints)
    assert re.search(r"[а-яіїєґ]", transcript.text.lower())
    many = [f"Підказка номер {i} про повернення коштів за подвійне списання." for i in range(100)]
    prompt = asr.build_prompt(many, lambda text: len(base.load().hf_tokenizer.encode(" " + text).ids))
    tokens = len(base.load().hf_tokenizer.encode(" " + prompt).ids)
    assert asr.MAX_PROMPT_TOKENS - 30 < tokens <= asr.MAX_PROMPT_TOKENS
    assert prompt.startswith("Підказка номер 0 ")  # the first hints are kept
    assert asr.build_prompt(["a", "a", " ", "b!"], len) == "a. b!"
    assert asr.build_prompt([], len) is None


def test_speech_start_measures_the_pause_before_the_reply(tiny, english_wav):
    transcript = tiny.transcribe(pad(english_wav, before=1.5, after=0.5), "en")
    assert transcript.speech_start == pytest.approx(1.5, abs=0.5)
    assert transcript.duration == pytest.approx(duration(english_wav) + 2.0, abs=0.01)
    assert transcript.speech_duration == pytest.approx(duration(english_wav), abs=1.0)
    starts = [w.start for w in transcript.words]
    assert starts == sorted(starts)
    assert all(0 <= w.start <= w.end <= transcript.duration + 0.01 for w in transcript.words)
    assert all(0 <= w.probability <= 1 for w in transcript.words)
    assert_english_heard(" ".join(w.word for w in transcript.words))


def test_compressed_recordings_and_arrays_are_accepted(tiny, english_wav):
    webm = encode(english_wav, "webm", "libopus", 48000)
    assert_english_heard(tiny.transcribe(webm, "en").text)
    samples = audio.decode(english_wav)
    assert_english_heard(tiny.transcribe(samples, "en").text)


def test_transcript_serialises_to_json(tiny, english_wav):
    data = json.loads(json.dumps(tiny.transcribe(english_wav, "en").to_dict()))
    assert set(data) == {
        "text",
        "language",
        "duration",
        "speech_start",
        "speech_duration",
        "words",
        "timings",
        "backend",
        "model",
    }
    assert set(data["words"][0]) == {"word", "start", "end", "probability"}


def test_language_is_detected_when_not_given(base, english_wav, ukrainian_wav):
    assert base.transcribe(english_wav, None).language == "en"
    assert base.transcribe(ukrainian_wav, None).language == "uk"


def test_tiny_en_refuses_ukrainian(tiny, ukrainian_wav):
    with pytest.raises(asr.UnsupportedLanguage, match="English only.*base"):
        tiny.transcribe(ukrainian_wav, "uk")
    with pytest.raises(asr.AsrError, match="language must be"):
        tiny.transcribe(ukrainian_wav, "de")


def test_bad_audio_reaches_the_caller_as_audio_error(tiny):
    with pytest.raises(audio.AudioError) as caught:
        tiny.transcribe(b"", "en")
    assert caught.value.code == "empty"
    with pytest.raises(audio.AudioError) as caught:
        tiny.transcribe(np.zeros(audio.SAMPLE_RATE * 2, np.float32), "en")
    assert caught.value.code == "silent"


def test_the_gate_bounds_the_queue():
    gate = asr.Gate(parallel=1, max_waiting=1)
    inside, release, waiting = threading.Event(), threading.Event(), threading.Event()

    def hold():
        with gate.enter():
            inside.set()
            release.wait(10)

    def wait_in_line():
        waiting.set()
        with gate.enter() as waited:
            results.append(waited)

    results: list[float] = []
    first, second = threading.Thread(target=hold), threading.Thread(target=wait_in_line)
    first.start()
    inside.wait(10)
    second.start()
    waiting.wait(10)
    for _ in range(200):  # until the second caller is queued
        if gate._inside == 2:
            break
        threading.Event().wait(0.01)
    with pytest.raises(asr.AsrBusy, match="busy, try again"), gate.enter():
        pass
    release.set()
    first.join(10)
    second.join(10)
    assert len(results) == 1 and results[0] > 0
    with gate.enter() as waited:  # free again
        assert waited < 1


def test_shared_transcriber_per_backend_and_model(monkeypatch):
    assert asr.get_transcriber("faster-whisper", "tiny.en") is asr.get_transcriber("faster-whisper", "tiny.en")
    monkeypatch.setenv("SIMULATOR_ASR_MODEL", "tiny.en")
    assert asr.get_transcriber().model_name == "tiny.en"
    with pytest.raises(asr.AsrError, match="unknown speech recognition backend"):
        asr.get_transcriber("whisper.cpp")


def test_unclear_ukrainian_speech_is_not_taken_for_silence(base):
    """A spoken reference of uk-estimated-bill (12 s, our Ukrainian voice; espeak-ng's output
    varies a little from run to run, so this exact take is kept losslessly as a fixture) that
    Whisper's no-speech gate dropped whole (no-speech probability 0.76, mean log-probability
    below -1): the reply counted as silence."""
    take = Path(__file__).parent / "fixtures" / "uk-reference-taken-for-silence.flac"
    heard = base.transcribe(take.read_bytes(), "uk")
    assert len(heard.text.split()) >= 10, heard.text
    assert heard.speech_duration > 8, heard


def _segment(text: str, start: float, seconds_a_word: float) -> tuple[str, list[asr.Word]]:
    words = text.split()
    return " " + text, [asr.Word(" " + w, start + k * seconds_a_word, start + (k + 1) * seconds_a_word, 0.9)
                        for k, w in enumerate(words)]


def test_the_decoders_crowded_tail_after_the_speech_is_dropped():
    """Segments at the end whose words take under LOOP_SECONDS_PER_WORD each are Whisper going
    on after the recording (timestamps packed into its last tenth of a second), not speech."""
    speech = _segment("With a two-zone meter electricity at night costs half the day price", 0.0, 0.3)
    loop = _segment("With a 250 meter electricity at tight cost has the day prize", 3.96, 0.002)
    words, text = asr.heard_segments([speech, loop, _segment("I'll be right back.", 3.98, 0.02)])
    assert text == speech[0] and words == speech[1]


def test_crowded_segments_between_heard_ones_and_a_decode_crowded_throughout_are_kept():
    """Unclear Ukrainian has crowded segments in the middle of real speech; and a reply must
    never come back as silence because every segment of it was crowded."""
    first, middle, last = _segment("Тома ти мені", 0.0, 0.3), _segment("мив не мій не ті", 1.0, 0.05), _segment("ті мі тима", 1.3, 0.2)
    assert asr.heard_segments([first, middle, last])[1] == first[0] + middle[0] + last[0]
    crowded = _segment("so yeah okay then", 2.0, 0.01)
    assert asr.heard_segments([crowded]) == (crowded[1], crowded[0])
    one_word = _segment("Thanks.", 2.0, 0.01)       # a single word is too little to call a loop
    assert asr.heard_segments([first, one_word])[1] == first[0] + one_word[0]
    assert asr.heard_segments([]) == ([], "")
