"""The voice check with real voices and the real default model (Whisper base): our English
voice read clearly is reliable, noise alone is not, our Ukrainian voice is heard in Ukrainian
(and judged as what it is), and unusable recordings get their messages without a verdict."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from simulator.voice import check, tts
from simulator.voice.audio import SAMPLE_RATE, wav_bytes
from simulator.voice.check import CAREFUL, RELIABLE, UNRELIABLE, Sentence, VoiceCheck

OUR_VOICE = {"uk": tts.VoiceSpec("uk", gender="male"), "en": tts.VoiceSpec("en", gender="male")}


def read_aloud(language: str) -> list[bytes]:
    return [tts.synthesize(text, OUR_VOICE[language]) for text in check.SENTENCES[language]]


class NoRecogniser:
    """For checks that must never reach speech recognition."""

    backend, model_name = "none", "none"

    def transcribe(self, *args, **kwargs):
        raise AssertionError("nothing should have been transcribed")


def test_three_short_true_sentences_in_each_language():
    for language in ("uk", "en"):
        sentences = check.SENTENCES[language]
        assert len(sentences) == 3
        assert all(len(s.split()) <= 12 and not any(c.isdigit() for c in s) for s in sentences)


def test_our_english_voice_read_clearly_is_reliable(base):
    result = check.check(read_aloud("en"), "en", base)
    assert result.complete, [s.problem for s in result.sentences]
    assert result.verdict == RELIABLE, (result.cer, result.unclear_share, [s.heard for s in result.sentences])
    assert result.cer <= check.CER_RELIABLE and result.reasons == ()
    assert all(s.quality == "good" and s.words >= 8 for s in result.sentences)
    assert -25 < result.level_db < -5 and not result.too_quiet
    assert result.recogniser == "faster-whisper base"
    assert [s["text"] for s in result.to_record()["sentences"]] == list(check.SENTENCES["en"])


def test_our_english_voice_is_reliable_with_the_numerics_of_a_cpu_that_looped_it():
    """CTranslate2 computes with the CPU's own instructions, so another CPU hears a little
    differently: with AVX only (CT2_FORCE_CPU_ISA, read when the process starts), Whisper base on
    the English recording window (auto) went on after the third sentence and wrote it four more
    times into its last 0.1 s (CER 2.9, the check "unreliable"). The crowded tail is dropped
    (transcription.heard_segments): the sentence is heard once and the check stays reliable."""
    script = ("import json; from simulator.voice import check, tts; "
              "r = check.check([tts.synthesize(t, tts.VoiceSpec('en', gender='male')) for t in check.SENTENCES['en']], 'en'); "
              "print(json.dumps([r.verdict, [s.heard for s in r.sentences], [s.cer for s in r.sentences]]))")
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "CT2_FORCE_CPU_ISA": "AVX", "SIMULATOR_ASR_WINDOW": "auto", "PYTHONPATH": str(root)}
    done = subprocess.run([sys.executable, "-c", script], cwd=root, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    verdict, heard, cers = json.loads(done.stdout.strip().splitlines()[-1])
    assert verdict == RELIABLE, (heard, cers)
    assert heard[2].lower().count("meter") == 1 and max(cers) <= check.CER_RELIABLE, heard


def test_noise_alone_is_unreliable(base):
    rng = np.random.default_rng(1)
    noise = [wav_bytes(rng.normal(0, 0.03, 3 * SAMPLE_RATE).astype(np.float32), SAMPLE_RATE) for _ in range(3)]
    result = check.check(noise, "en", base)
    assert result.complete and result.verdict == UNRELIABLE
    assert result.cer >= 0.9 and "misheard" in result.reasons
    assert {s.quality for s in result.sentences} == {"poor"}


def test_our_ukrainian_voice_is_heard_in_ukrainian_and_judged_as_it_is(base):
    """Base is weak on espeak-ng's Ukrainian (CER about 0.45 when measured): the check says
    so instead of passing it. What is heard is Cyrillic and of the right sentences."""
    result = check.check(read_aloud("uk"), "uk", base)
    assert result.complete
    print("uk, our voice:", result.cer, result.unclear_share, [s.heard for s in result.sentences])
    assert result.cer < 0.8
    assert all(any("а" <= c.lower() <= "я" or c in "іїєґ" for c in s.heard) for s in result.sentences)
    assert result.verdict == (RELIABLE if result.cer <= check.CER_RELIABLE and result.unclear_share <= check.UNCLEAR_RELIABLE
                              else CAREFUL if result.cer <= check.CER_USABLE and result.unclear_share <= check.UNCLEAR_USABLE
                              else UNRELIABLE)


@pytest.mark.parametrize(
    ("code", "recording"),
    [
        ("silent", wav_bytes(np.zeros(2 * SAMPLE_RATE, np.float32), SAMPLE_RATE)),
        ("corrupt", b"RIFF\x24\x00\x00\x00WAVEfmt \x10\x00\x00\x00garbage"),
        ("too_short", wav_bytes(np.full(1600, 0.3, np.float32), SAMPLE_RATE)),
        ("empty", b""),
    ],
)
def test_an_unusable_recording_gets_its_message_and_the_check_is_not_kept(code, recording):
    good = read_aloud("uk")
    result = check.check([good[0], recording, good[2]], "uk", NoRecogniser())
    assert not result.complete and result.verdict == UNRELIABLE
    first, bad, last = result.sentences
    assert bad.problem.code == code and bad.quality == "unusable"
    assert bad.problem.text("uk") != bad.problem.text("en") and bad.problem.text("uk")
    assert first.quality == last.quality == "not_heard" and first.level_db is not None
    assert result.cer is None and result.unclear_share is None and result.reasons == ()
    with pytest.raises(ValueError):
        result.to_record()


def test_the_wrong_number_of_recordings_or_an_unknown_language_is_a_mistake_of_the_caller():
    with pytest.raises(ValueError):
        check.check([b"", b""], "uk", NoRecogniser())
    with pytest.raises(ValueError):
        check.check([b"", b"", b""], "de", NoRecogniser())


def made(cer: float, unclear: float, level: float = -20.0) -> VoiceCheck:
    words = 10
    return VoiceCheck("en", tuple(Sentence(text, "…", cer, words, round(unclear * words), level)
                                  for text in check.SENTENCES["en"]))


@pytest.mark.parametrize(
    ("cer", "unclear", "level", "verdict", "reasons"),
    [
        (0.05, 0.2, -20, RELIABLE, ()),
        (0.15, 0.4, -20, RELIABLE, ()),
        (0.16, 0.2, -20, CAREFUL, ("misheard",)),
        (0.05, 0.5, -20, CAREFUL, ("unsure",)),
        (0.05, 0.2, -45, CAREFUL, ("too_quiet",)),
        (0.35, 0.6, -20, CAREFUL, ("misheard", "unsure")),
        (0.36, 0.2, -20, UNRELIABLE, ("misheard",)),
        (0.10, 0.7, -20, UNRELIABLE, ("unsure",)),
    ],
)
def test_the_verdict_follows_the_thresholds(cer, unclear, level, verdict, reasons):
    result = made(cer, unclear, level)
    assert (result.verdict, result.reasons) == (verdict, reasons)


def test_nothing_heard_at_all_counts_every_word_as_unclear():
    result = VoiceCheck("en", tuple(Sentence(text, "", 1.0, 0, 0, -20.0) for text in check.SENTENCES["en"]))
    assert result.unclear_share == 1.0 and result.verdict == UNRELIABLE


def test_the_speech_level_is_the_loudness_of_the_speech_not_of_the_silence_around_it():
    tone = 0.1 * np.sin(2 * np.pi * 220 * np.arange(SAMPLE_RATE) / SAMPLE_RATE)    # RMS 0.0707: -23 dBFS
    assert check.speech_level_db(tone) == pytest.approx(-23.0, abs=0.1)
    padded = np.concatenate([np.zeros(3 * SAMPLE_RATE), tone[: SAMPLE_RATE // 2], np.zeros(3 * SAMPLE_RATE)])
    assert check.speech_level_db(padded) == pytest.approx(-23.0, abs=0.5)
