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


def test_auto_is_the_default_and_trims_english_only(monkeypatch):
    """Ukrainian keeps the whole window while one foil gains a fact through the check with the
    trimmed one; English met every condition (docs/voice.md)."""
    monkeypatch.delenv("SIMULATOR_ASR_WINDOW", raising=False)
    assert encoder_window.window() == "auto"
    model = Model()
    encoder_window.install(model)
    with encoder_window.for_language(model, "en"):
        assert model.encode(_features(500)) == 600
    with encoder_window.for_language(model, "uk"):
        assert model.encode(_features(500)) == 3000
    monkeypatch.setenv("SIMULATOR_ASR_WINDOW", "speech")
    encoder_window.install(model)
    assert encoder_window.window() == "speech"
    for language in ("uk", "en"):
        with encoder_window.for_language(model, language):
            assert model.encode(_features(500)) == 600
    encoder_window.install(model, "full")
    for language in ("uk", "en"):
        with encoder_window.for_language(model, language):
            assert model.encode(_features(500)) == 3000


def test_a_whole_window_encoding_is_captured_and_recalled_for_the_same_recording():
    """Transcription's whole-window encoding is what the check against the recording reads:
    kept per model and recording, only whole windows, only while capturing, at most
    KEPT_ENCODINGS recordings."""
    model = Model()
    encoder_window.install(model, "auto")
    with encoder_window.capturing() as encodings:
        with encoder_window.for_language(model, "en"):
            model.encode(_features(500))            # trimmed: not what the check reads
        with encoder_window.for_language(model, "uk"):
            model.encode(_features(500))
    model.encode_full(_features(700))               # not capturing
    assert [frames for _, frames in encodings] == [500]
    recording = np.linspace(-0.5, 0.5, 16000, dtype=np.float32)
    encoder_window.remember(model, recording, encodings[0])
    assert encoder_window.recalled(model, recording.copy())[1] == 500
    assert encoder_window.recalled(model, recording[::-1].copy()) is None
    assert encoder_window.recalled(Model(), recording) is None
    for k in range(encoder_window.KEPT_ENCODINGS):
        encoder_window.remember(model, recording + k + 1, encodings[0])
    assert encoder_window.recalled(model, recording) is None       # the oldest went first
