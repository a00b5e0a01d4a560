"""The openai-whisper backend on a checkpoint converted from the installed CTranslate2 weights.

Needs the optional extra; without it this test fails (it is not skipped) and says how to
install it.
"""

from __future__ import annotations

import importlib.util

import numpy as np
import pytest
from voice_helpers import assert_english_heard

from simulator.voice import asr, models, openai_backend


def _require_openai_extra() -> None:
    """Fail (not skip) when the optional extra is missing, saying how to install it."""
    missing = [name for name in ("torch", "whisper") if importlib.util.find_spec(name) is None]
    if missing:
        pytest.fail(f"{', '.join(missing)} not installed: {openai_backend.INSTALL_HINT}", pytrace=False)


def test_reading_the_ctranslate2_file():
    variables = openai_backend.read_ct2(models.resolve("tiny.en").path / "model.bin")
    assert variables["decoder/embeddings/weight"].shape == (51864, 384)
    assert variables["decoder/projection/weight"] is variables["decoder/embeddings/weight"]  # an alias
    assert int(variables["encoder/num_heads"]) == 6


def test_the_checkpoint_maps_every_tensor_one_to_one():
    _require_openai_extra()
    import whisper

    checkpoint = openai_backend.checkpoint_from_ct2(models.resolve("base").path)
    assert checkpoint["dims"] == {
        "n_mels": 80,
        "n_audio_ctx": 1500,
        "n_audio_state": 512,
        "n_audio_head": 8,
        "n_audio_layer": 6,
        "n_vocab": 51865,
        "n_text_ctx": 448,
        "n_text_state": 512,
        "n_text_head": 8,
        "n_text_layer": 6,
    }
    model = whisper.model.Whisper(whisper.model.ModelDimensions(**checkpoint["dims"]))
    expected = {name: tuple(t.shape) for name, t in model.state_dict().items()}
    assert {name: a.shape for name, a in checkpoint["model_state_dict"].items()} == expected
    assert all(a.dtype == np.float16 for a in checkpoint["model_state_dict"].values())


def test_openai_whisper_transcribes_the_same_english(english_wav, tiny):
    _require_openai_extra()
    path = openai_backend.ensure_checkpoint("base")
    assert path == openai_backend.checkpoint_path("base") and path.stat().st_size > 140e6
    transcriber = openai_backend.OpenAIWhisperTranscriber("base", gate=asr.Gate())
    transcript = transcriber.transcribe(english_wav, "en")
    assert transcript.backend == "openai-whisper"
    assert_english_heard(transcript.text)
    assert transcript.speech_start is not None and transcript.speech_start < 0.5
    reference = tiny.transcribe(english_wav, "en")
    assert len(set(transcript.text.lower().split()) & set(reference.text.lower().split())) >= 8


def test_the_backend_is_chosen_by_configuration(monkeypatch):
    _require_openai_extra()
    monkeypatch.setenv("SIMULATOR_ASR_BACKEND", "openai-whisper")
    assert isinstance(asr.get_transcriber(model="base"), openai_backend.OpenAIWhisperTranscriber)
