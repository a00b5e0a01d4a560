"""Decoding and checking recorded replies: every way a recording can be unusable."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from voice_helpers import duration, encode

from simulator.voice import audio

RATE = audio.SAMPLE_RATE


def _tone(seconds: float, amplitude: float = 0.3) -> np.ndarray:
    t = np.arange(round(seconds * RATE)) / RATE
    return (amplitude * np.sin(2 * np.pi * 440 * t)).astype(np.float32)


def _code(data: bytes, limits: audio.Limits = audio.Limits()) -> str:
    with pytest.raises(audio.AudioError) as caught:
        audio.decode(data, limits)
    return caught.value.code


@pytest.mark.parametrize(
    "container, codec, rate",
    [
        ("webm", "libopus", 48000),
        ("ogg", "libopus", 48000),
        ("mp3", "libmp3lame", 44100),
        ("ipod", "aac", 44100),
        ("wav", "pcm_s16le", 22050),
    ],
)
def test_browser_and_upload_formats_decode_to_16k_mono(english_wav, container, codec, rate):
    data = encode(english_wav, container, codec, rate)
    samples = audio.decode(data)
    assert samples.dtype == np.float32 and samples.ndim == 1
    assert abs(samples.size / RATE - duration(english_wav)) < 0.1
    assert 0.05 < np.abs(samples).max() <= 1.0


def test_empty_recording():
    assert _code(b"") == "empty"
    assert _code(audio.wav_bytes(np.zeros(0, np.float32), RATE)) == "empty"


def test_junk_bytes_and_text_are_not_audio():
    assert _code(np.random.default_rng(0).bytes(5000)) == "not_audio"
    assert _code("Доброго дня! Це текстовий файл, а не запис.\n".encode() * 20) == "not_audio"
    assert _code(b"%PDF-1.7\n" + b"0" * 1000) == "not_audio"


def test_damaged_audio_is_corrupt(english_wav):
    webm = encode(english_wav, "webm", "libopus", 48000)
    assert _code(webm[:200]) == "corrupt"  # the header only, cut off
    assert _code(b"OggS" + np.random.default_rng(1).bytes(3000)) == "corrupt"
    assert _code(english_wav[:12] + b"\x00" * 40) == "corrupt"


def test_a_recording_cut_off_midway_keeps_what_decoded(english_wav):
    webm = encode(english_wav, "webm", "libopus", 48000)
    samples = audio.decode(webm[: len(webm) // 2])
    assert 0.5 < samples.size / RATE < duration(english_wav)


def test_too_short_and_too_long():
    assert _code(audio.wav_bytes(_tone(0.1), RATE)) == "too_short"
    assert _code(audio.wav_bytes(_tone(121.0), RATE)) == "too_long"
    assert _code(audio.wav_bytes(_tone(3.0), RATE), audio.Limits(max_seconds=2.0)) == "too_long"
    assert audio.decode(audio.wav_bytes(_tone(0.4), RATE)).size == round(0.4 * RATE)


def test_too_large_is_refused_before_decoding():
    assert _code(b"RIFF" + b"\x00" * (25 * 1024 * 1024)) == "too_large"
    assert _code(audio.wav_bytes(_tone(1.0), RATE), audio.Limits(max_bytes=1000)) == "too_large"


def test_limits_from_the_environment(monkeypatch):
    monkeypatch.setenv("SIMULATOR_AUDIO_MAX_MB", "0.5")
    monkeypatch.setenv("SIMULATOR_AUDIO_MAX_SECONDS", "10")
    limits = audio.Limits.from_env()
    assert (limits.max_bytes, limits.max_seconds) == (512 * 1024, 10.0)
    assert "10" in audio.message("too_long", "uk", limits)


def test_silence_is_refused_but_quiet_speech_is_not(english_wav):
    assert _code(audio.wav_bytes(np.zeros(3 * RATE, np.float32), RATE)) == "silent"
    hum = np.random.default_rng(2).normal(0, 0.0005, 3 * RATE).astype(np.float32)  # a mic's noise floor
    assert _code(audio.wav_bytes(hum, RATE)) == "silent"
    quiet = np.concatenate([np.zeros(5 * RATE, np.float32), _tone(0.5, amplitude=0.05)])
    assert audio.decode(audio.wav_bytes(quiet, RATE)).size == quiet.size


def test_arrays_are_checked_too():
    with pytest.raises(audio.AudioError) as caught:
        audio.check(np.full(RATE, np.nan, np.float32))
    assert caught.value.code == "corrupt"
    assert audio.check(_tone(1.0)).size == RATE


@pytest.mark.parametrize("code", sorted(audio.MESSAGES))
def test_every_code_has_a_clear_message_in_both_languages(code):
    uk, en = audio.message(code, "uk"), audio.message(code, "en")
    assert uk and en and uk != en
    assert any("а" <= ch <= "я" or ch in "іїєґ" for ch in uk.lower())
    assert all(ch < "\u0400" or ch > "\u04ff" for ch in en)
    assert "{" not in uk + en
    error = audio.AudioError(code)
    assert error.text("uk") == uk and str(error) == en


def test_the_empty_message_tells_what_to_do():
    assert audio.message("empty", "uk") == "Запис порожній. Натисніть «Записати» і скажіть відповідь ще раз."


SIGNATURES = [
    b"",
    b"RIFF\x00\x00\x00\x00WAVE",
    b"\x1aE\xdf\xa3",
    b"OggS",
    b"ID3",
    b"\xff\xfb",
    b"\x00\x00\x00\x20ftypM4A ",
    b"fLaC",
    b"\xff\xf1",
]


@settings(max_examples=150, deadline=None)
@given(prefix=st.sampled_from(SIGNATURES), body=st.binary(max_size=4000))
def test_junk_never_crashes(prefix, body):
    try:
        samples = audio.decode(prefix + body)
    except audio.AudioError as exc:
        assert exc.code in audio.MESSAGES
    else:
        assert samples.dtype == np.float32 and np.isfinite(samples).all()
