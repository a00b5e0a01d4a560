"""Whisper's encoder run over the recording, not over a 30 s window of padding.

faster-whisper pads every piece of audio to 30 s (3000 mel frames) before encoding it, so a
3 s phrase costs the encoder as much as a 30 s reply: in a hands-free call each phrase is
transcribed on its own, and the padding was most of the work left when a turn ended
(docs/voice.md). The padding is zeros in feature space; `trimmed` drops it, keeping
``MARGIN_FRAMES`` of it after the recording, and the encoder (CTranslate2 accepts any even
number of frames up to 3000) gives one position per two frames kept. The decoder attends
over fewer positions; the text changes a little (the hearing benchmark, docs/voice.md).

``speech`` (`window()`, opt-in: SIMULATOR_ASR_WINDOW=speech) trims transcription in a language
given by the caller: the call page, ``play --voice``, the recognition workers, the transcription
server. Two things keep the full window whatever the setting:
- detecting the language (`whole_window()`, used when no language is given): on the trimmed
  window Whisper base took the project's Ukrainian voice for English and then looped;
- checking key facts against the recording (verify.py calls ``encode_full``): its thresholds
  were set on the full encoding.
``full``, the default, encodes the whole window everywhere. ``speech`` saves about 30% of the
transcript's CPU and kept every fact on the hearing benchmark, but stays opt-in: there one foil
(another scenario's reference) gained a fact through the check, which places wordings after the
transcript's words and whose thresholds were set on full-window transcripts (docs/voice.md).
"""
from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np

from simulator import settings

FULL_FRAMES = 3000          # Whisper's 30 s window
MARGIN_FRAMES = 100         # 1 s of the padding kept after the recording
WINDOWS = settings.WINDOWS

_THREAD = threading.local()     # the model is shared by threads: the full window is asked per thread


def window() -> str:
    """``full`` (the default): Whisper's 30 s window everywhere; ``speech``: encode the recording
    and a margin when transcribing in a given language (SIMULATOR_ASR_WINDOW)."""
    return settings.current().asr_window


@contextmanager
def whole_window() -> Iterator[None]:
    """Within it, the current thread's encodes use the full window whatever the setting: for
    detecting the language, which the trimmed window got wrong (the Ukrainian voice heard as
    English, docs/voice.md)."""
    before = getattr(_THREAD, "whole", False)
    _THREAD.whole = True
    try:
        yield
    finally:
        _THREAD.whole = before


def trimmed(features: np.ndarray, margin: int = MARGIN_FRAMES) -> np.ndarray:
    """``features`` ([batch,] mels, frames) without the zero frames at the end beyond ``margin``
    of them; an even number of frames, at least 2."""
    content = np.flatnonzero(np.abs(features.reshape(-1, features.shape[-1])).max(axis=0) > 0)
    keep = min(features.shape[-1], (int(content[-1]) + 1 if content.size else 0) + margin)
    keep = max(2, keep + keep % 2)
    return np.ascontiguousarray(features[..., :min(keep, features.shape[-1])])


def install(model, mode: str | None = None) -> None:
    """Make ``model`` (a faster-whisper WhisperModel) encode only the recording when ``mode``
    (default: `window()`) is ``speech``, except inside `whole_window()`. ``model.encode_full``
    always encodes the whole window."""
    full = type(model).encode.__get__(model)
    model.encode_full = full
    if (mode or window()) == "speech":
        model.encode = lambda features: full(features if getattr(_THREAD, "whole", False) else trimmed(features))
    else:
        model.encode = full
