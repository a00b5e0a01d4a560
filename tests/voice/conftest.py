"""Shared fixtures for the voice tests: real espeak-ng, real Whisper weights, no fakes.

Models and caches go to a per-session temporary folder (never the work tree); each Whisper
model is loaded once per session. tiny.en serves the tests about plumbing, base the ones
about Ukrainian and the product's default model.
"""

from __future__ import annotations

import pytest
from voice_helpers import ENGLISH_LINE, UKRAINIAN_LINE

from simulator.voice import asr, tts


@pytest.fixture(scope="session", autouse=True)
def voice_environment(tmp_path_factory):
    """Point the model folder and the TTS cache at temporary folders for the whole session."""
    root = tmp_path_factory.mktemp("voice")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SIMULATOR_MODEL_DIR", str(root / "models"))
        patch.setenv("SIMULATOR_TTS_CACHE", str(root / "tts-cache"))
        for name in (
            "SIMULATOR_ASR_MODEL",
            "SIMULATOR_ASR_BACKEND",
            "SIMULATOR_AUDIO_MAX_MB",
            "SIMULATOR_AUDIO_MAX_SECONDS",
        ):
            patch.delenv(name, raising=False)
        yield root


@pytest.fixture(scope="session")
def tiny(voice_environment):
    model = asr.FasterWhisperTranscriber("tiny.en", gate=asr.Gate(parallel=1, max_waiting=8))
    model.load()
    return model


@pytest.fixture(scope="session")
def base(voice_environment):
    model = asr.FasterWhisperTranscriber("base", gate=asr.Gate(parallel=1, max_waiting=8))
    model.load()
    return model


@pytest.fixture(scope="session")
def english_wav(voice_environment) -> bytes:
    return tts.synthesize(ENGLISH_LINE, tts.VoiceSpec("en"))


@pytest.fixture(scope="session")
def ukrainian_wav(voice_environment) -> bytes:
    return tts.synthesize(UKRAINIAN_LINE, tts.VoiceSpec("uk"))
