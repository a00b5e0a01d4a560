"""Customer voices with the real espeak-ng."""

from __future__ import annotations

import io
import wave

import numpy as np
import pytest
from voice_helpers import ENGLISH_LINE, UKRAINIAN_LINE, duration

from simulator.voice import audio, tts


def _high_band_share(wav: bytes, above_hz: float = 4000.0) -> float:
    samples, rate = audio.read_wav(wav)
    power = np.abs(np.fft.rfft(samples)) ** 2
    freqs = np.fft.rfftfreq(samples.size, 1 / rate)
    return float(power[freqs > above_hz].sum() / power.sum())


@pytest.mark.parametrize("language, text", [("en", ENGLISH_LINE), ("uk", UKRAINIAN_LINE)])
def test_synthesis_gives_a_mono_16_bit_wav_of_speech(language, text):
    wav = tts.synthesize(text, tts.VoiceSpec(language))
    with wave.open(io.BytesIO(wav)) as w:
        assert (w.getnchannels(), w.getsampwidth()) == (1, 2)
        assert w.getframerate() == 22050
    assert 2.0 < duration(wav) < 12.0
    assert audio.loudest_frame_rms(audio.read_wav(wav)[0]) > 0.05


def test_voices_follow_language_gender_and_variant():
    assert tts.effective_settings(tts.VoiceSpec("uk"))["voice"] == "zle/uk+f3"
    assert tts.effective_settings(tts.VoiceSpec("en", gender="male"))["voice"] == "gmw/en-us"
    assert tts.effective_settings(tts.VoiceSpec("en", variant="m3"))["voice"] == "gmw/en-us+m3"
    male = tts.synthesize("Good morning, I need help.", tts.VoiceSpec("en", gender="male"))
    female = tts.synthesize("Good morning, I need help.", tts.VoiceSpec("en", gender="female"))
    assert male != female


def test_mood_changes_the_settings_and_the_sound():
    calm, angry = tts.VoiceSpec("uk", mood="calm"), tts.VoiceSpec("uk", mood="angry")
    calm_settings, angry_settings = tts.effective_settings(calm), tts.effective_settings(angry)
    assert angry_settings["rate"] > calm_settings["rate"]
    assert angry_settings["pitch"] > calm_settings["pitch"]
    assert angry_settings["volume"] > calm_settings["volume"]
    worried = tts.effective_settings(tts.VoiceSpec("uk", mood="worried"))
    assert worried["pitch"] > calm_settings["pitch"]
    irritated = tts.effective_settings(tts.VoiceSpec("uk", mood="irritated"))
    assert irritated["rate"] > calm_settings["rate"]
    calm_wav, angry_wav = tts.synthesize(UKRAINIAN_LINE, calm), tts.synthesize(UKRAINIAN_LINE, angry)
    assert duration(angry_wav) < 0.9 * duration(calm_wav)  # faster speech


def test_effective_settings_stay_in_range():
    loud = tts.effective_settings(tts.VoiceSpec("en", rate=420, pitch=95, volume=1.0, mood="angry"))
    assert loud == {"voice": "gmw/en-us+f3", "rate": 450, "pitch": 99, "volume": 1.0}


def test_cache_returns_identical_bytes_from_memory_and_disk(voice_environment):
    spec = tts.VoiceSpec("en", mood="worried")
    first = tts.synthesize("Is my payment lost?", spec)
    assert tts.synthesize("Is my payment lost?", spec) == first
    cached = list((voice_environment / "tts-cache").rglob("*.wav"))
    assert any(path.read_bytes() == first for path in cached)
    tts.clear_memory_cache()
    assert tts.synthesize("  Is my   payment lost? ", spec) == first  # whitespace does not matter
    assert not list((voice_environment / "tts-cache").rglob(".tmp-*"))


def test_phone_line_removes_the_high_band():
    spec = tts.VoiceSpec("en")
    plain = tts.synthesize(ENGLISH_LINE, spec)
    phone = tts.synthesize(ENGLISH_LINE, spec, phone_line=True)
    assert _high_band_share(plain) > 0.01
    assert _high_band_share(phone) < 1e-4
    assert _high_band_share(phone, above_hz=3600) < 1e-3
    assert duration(phone) == duration(plain)  # the same rendering, filtered


def test_phone_line_keeps_the_speech_band_and_adds_hiss():
    rate = 22050
    t = np.arange(rate) / rate
    tone = 0.5 * np.sin(2 * np.pi * 1000 * t).astype(np.float32)
    out = tts.phone_line_effect(tone, rate, seed=1)
    assert out.size == tone.size
    assert abs(np.sqrt(np.mean(out[2000:-2000] ** 2)) - np.sqrt(0.125)) < 0.02
    silence = tts.phone_line_effect(np.zeros(rate, np.float32), rate, seed=1)
    assert 0 < np.sqrt(np.mean(silence**2)) < 0.01
    assert np.array_equal(tts.phone_line_effect(tone, rate, seed=1), out)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"language": "ru"},
        {"language": "en", "gender": "other"},
        {"language": "en", "mood": "sleepy"},
        {"language": "en", "pitch": 100},
        {"language": "en", "rate": 10},
        {"language": "en", "volume": 1.5},
        {"language": "en", "variant": "f3; rm -rf"},
    ],
)
def test_bad_voice_specs_are_refused(kwargs):
    with pytest.raises(ValueError):
        tts.VoiceSpec(**kwargs)


def test_unknown_variant_and_empty_text_are_refused():
    with pytest.raises(ValueError, match="no voice variant"):
        tts.synthesize("Hello", tts.VoiceSpec("en", variant="nosuchvariant"))
    with pytest.raises(ValueError, match="empty"):
        tts.synthesize(" \n ", tts.VoiceSpec("en"))
    # the engine is still healthy afterwards
    assert duration(tts.synthesize("Still here.", tts.VoiceSpec("en"))) > 0.5
