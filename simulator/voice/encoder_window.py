"""Whisper's encoder run over the recording, not over a 30 s window of padding.

faster-whisper pads every piece of audio to 30 s (3000 mel frames) before encoding it, so a
3 s phrase costs the encoder as much as a 30 s reply: in a hands-free call each phrase is
transcribed on its own, and the padding was most of the work left when a turn ended
(docs/voice.md). By default the full window is still encoded (``window``). The padding is zeros in feature space; `trimmed` drops it, keeping
``MARGIN_FRAMES`` of it after the recording, and the encoder (CTranslate2 accepts any even
number of frames up to 3000) gives one position per two frames kept. The decoder attends
over fewer positions; the text changes a little (measured in bench/turns.py and on the
round trip, docs/voice.md).

Only transcription uses it (asr.FasterWhisperTranscriber). Checking key facts against the
recording (verify.py) encodes the full window as before: its thresholds were calibrated on
that encoding.
"""
from __future__ import annotations

import numpy as np

from simulator import settings

FULL_FRAMES = 3000          # Whisper's 30 s window
MARGIN_FRAMES = 100         # 1 s of the padding kept after the recording
WINDOWS = settings.WINDOWS


def window() -> str:
    """``full`` (the default): the 30 s window; ``speech``: encode the recording and a margin
    (SIMULATOR_ASR_WINDOW). ``speech`` is opt-in: with it the project's Ukrainian voice was
    detected as English when no language was given, a transcription server's text differed from
    the in-process one ("month, please" / "month. Please"), and the voice check read an English
    sentence back differently; the thresholds built on the full window are to be set again."""
    return settings.current().asr_window


def trimmed(features: np.ndarray, margin: int = MARGIN_FRAMES) -> np.ndarray:
    """``features`` ([batch,] mels, frames) without the zero frames at the end beyond ``margin``
    of them; an even number of frames, at least 2."""
    content = np.flatnonzero(np.abs(features.reshape(-1, features.shape[-1])).max(axis=0) > 0)
    keep = min(features.shape[-1], (int(content[-1]) + 1 if content.size else 0) + margin)
    keep = max(2, keep + keep % 2)
    return np.ascontiguousarray(features[..., :min(keep, features.shape[-1])])


def install(model, mode: str | None = None) -> None:
    """Make ``model`` (a faster-whisper WhisperModel) encode only the recording when ``mode``
    (default: `window()`) is ``speech``. ``model.encode_full`` always encodes the whole window."""
    full = type(model).encode.__get__(model)
    model.encode_full = full
    if (mode or window()) == "speech":
        model.encode = lambda features: full(trimmed(features))
    else:
        model.encode = full
