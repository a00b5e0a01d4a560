"""Whisper's encoder over the recording and a margin, not over 30 s of padding."""
from __future__ import annotations

import numpy as np
import pytest

from simulator.voice import encoder_window


def _features(content: int, frames: int = 3000) -> np.ndarray:
    features = np.zeros((1, 80, frames), np.float32)
    features[..., :content] = -0.5      # log-mel values of the recording; the padding is exact zeros
    return features


@pytest.mark.parametrize(("content", "kept"), [(301, 402), (300, 400), (2950, 3000), (0, 100)])
def test_the_padding_goes_beyond_a_margin(content, kept):
    trimmed = encoder_window.trimmed(_features(content))
    assert trimmed.shape == (1, 80, kept) and trimmed.flags.c_contiguous
    assert np.array_equal(trimmed[..., :content], _features(content)[..., :content])


class Model:
    def encode(self, features):
        return features.shape[-1]


def test_installed_on_a_model_only_transcription_is_trimmed(monkeypatch):
    model = Model()
    encoder_window.install(model, "speech")
    assert model.encode(_features(500)) == 600 and model.encode_full(_features(500)) == 3000
    with encoder_window.whole_window():         # detecting the language
        assert model.encode(_features(500)) == 3000
    assert model.encode(_features(500)) == 600
    encoder_window.install(model, "full")
    assert model.encode(_features(500)) == 3000
    monkeypatch.setenv("SIMULATOR_ASR_WINDOW", "tiny")
    with pytest.raises(ValueError, match="SIMULATOR_ASR_WINDOW"):
        encoder_window.window()


def test_the_whole_window_is_asked_per_thread():
    """The model is shared by the app's threads: one detecting a language must not widen
    another's transcription."""
    import threading

    model = Model()
    encoder_window.install(model, "speech")
    inside, seen = threading.Event(), []
    done = threading.Event()

    def detecting():
        with encoder_window.whole_window():
            inside.set()
            done.wait(5)

    thread = threading.Thread(target=detecting)
    thread.start()
    inside.wait(5)
    seen.append(model.encode(_features(500)))
    done.set()
    thread.join()
    assert seen == [600]


def test_full_is_the_default_and_speech_the_opt_in(monkeypatch):
    """speech stays opt-in while one foil gains a fact through the check with it (docs/voice.md)."""
    monkeypatch.delenv("SIMULATOR_ASR_WINDOW", raising=False)
    assert encoder_window.window() == "full"
    monkeypatch.setenv("SIMULATOR_ASR_WINDOW", "speech")
    model = Model()
    encoder_window.install(model)
    assert encoder_window.window() == "speech" and model.encode(_features(500)) == 600
