"""Whisper's encoder run over the recording, not over a 30 s window of padding.

faster-whisper pads every piece of audio to 30 s (3000 mel frames) before encoding it, so a
3 s phrase costs the encoder as much as a 30 s reply: in a hands-free call each phrase is
transcribed on its own, and the padding was most of the work left when a turn ended
(docs/voice.md). The padding is zeros in feature space; `trimmed` drops it, keeping
``MARGIN_FRAMES`` of it after the recording, and the encoder (CTranslate2 accepts any even
number of frames up to 3000) gives one position per two frames kept. The decoder attends
over fewer positions; the text changes a little (the hearing benchmark, docs/voice.md).

The mode (`window()`, SIMULATOR_ASR_WINDOW) decides which transcriptions in a language given
by the caller (the call page, ``play --voice``, the recognition workers, the transcription
server) are trimmed: ``auto`` (the default) English only, ``speech`` every language, ``full``
none. ``auto`` because English met every condition on the hearing benchmark with the trimmed
window (the same facts kept, none gained by a foil, a third less CPU for the transcript) while
Ukrainian did not: one foil (another scenario's reference) gained a fact through the check,
which places wordings after the transcript's words and whose thresholds were set on
full-window transcripts (docs/voice.md). Two things keep the full window whatever the mode:
- detecting the language (`whole_window()`, used when no language is given): on the trimmed
  window Whisper base took the project's Ukrainian voice for English and then looped;
- checking key facts against the recording (verify.py): its thresholds were set on the full
  encoding. When transcription encoded the whole window (a Ukrainian reply under ``auto``), the
  check reads that encoding (`capturing`, `remember`, `recalled`) instead of encoding the
  recording again.
"""
from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext

import numpy as np

from simulator import settings

FULL_FRAMES = 3000          # Whisper's 30 s window
MARGIN_FRAMES = 100         # 1 s of the padding kept after the recording
WINDOWS = settings.WINDOWS
SPEECH_LANGUAGES = ("en",)  # ``auto`` (the default) trims these; measured in docs/voice.md

_THREAD = threading.local()     # the model is shared by threads: the full window is asked per thread


def window() -> str:
    """``auto`` (the default): encode the recording and a margin when transcribing English,
    Whisper's 30 s window for Ukrainian; ``speech``: the recording for every language; ``full``:
    the 30 s window everywhere (SIMULATOR_ASR_WINDOW)."""
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
    keep = min(features.shape[-1], content_frames(features) + margin)
    keep = max(2, keep + keep % 2)
    return np.ascontiguousarray(features[..., :min(keep, features.shape[-1])])


def content_frames(features: np.ndarray) -> int:
    """The mel frames of ``features`` that hold the recording (the padding is exact zeros)."""
    content = np.flatnonzero(np.abs(features.reshape(-1, features.shape[-1])).max(axis=0) > 0)
    return int(content[-1]) + 1 if content.size else 0


def install(model, mode: str | None = None) -> None:
    """Make ``model`` (a faster-whisper WhisperModel) encode only the recording when ``mode``
    (default: `window()`) is ``speech`` or ``auto``, except inside `whole_window()` (which
    `for_language` enters for the languages the mode keeps whole). ``model.encode_full`` always
    encodes the whole window. Within `capturing()`, whole-window encodings are kept."""
    whole = type(model).encode.__get__(model)

    def full(features):
        encoded = whole(features)
        captured = getattr(_THREAD, "captured", None)
        if captured is not None and features.shape[-1] == FULL_FRAMES:
            captured.append((np.array(encoded), content_frames(features)))
        return encoded

    model.encode_full = full
    model.encode_window = mode = mode or window()
    if mode == "full":
        model.encode = full
    else:
        model.encode = lambda features: full(features if getattr(_THREAD, "whole", False) else trimmed(features))


def for_language(model, language: str | None):
    """The context in which ``model`` transcribes ``language`` in its window: the whole window
    (`whole_window()`) unless the model's mode trims that language's recordings (``speech``: every
    language; ``auto``: SPEECH_LANGUAGES)."""
    mode = getattr(model, "encode_window", "full")
    trims = mode == "speech" or (mode == "auto" and language in SPEECH_LANGUAGES)
    return nullcontext() if trims else whole_window()


# One encoder pass a recording: the whole-window encoding transcription made (the default window)
# is what the check of key facts against the recording reads too (verify.py), instead of
# encoding the recording again (a third of the CPU a Ukrainian reply cost, docs/voice.md).
KEPT_ENCODINGS = 4      # recordings whose encodings are kept (about 3 MB each for base)
_ENCODINGS: OrderedDict[tuple[int, bytes], tuple[np.ndarray, int]] = OrderedDict()
_ENCODINGS_LOCK = threading.Lock()


@contextmanager
def capturing() -> Iterator[list[tuple[np.ndarray, int]]]:
    """Within it, each whole-window encoding the current thread makes is appended to the list
    yielded, as (encoder output, mel frames of the recording in it)."""
    before = getattr(_THREAD, "captured", None)
    _THREAD.captured = captured = []
    try:
        yield captured
    finally:
        _THREAD.captured = before


def remember(model, samples: np.ndarray, encoded: tuple[np.ndarray, int]) -> None:
    """Keep ``model``'s whole-window encoding of the recording ``samples`` for `recalled`."""
    key = (id(model), _fingerprint(samples))
    with _ENCODINGS_LOCK:
        _ENCODINGS[key] = encoded
        _ENCODINGS.move_to_end(key)
        while len(_ENCODINGS) > KEPT_ENCODINGS:
            _ENCODINGS.popitem(last=False)


def recalled(model, samples: np.ndarray) -> tuple[np.ndarray, int] | None:
    """``model``'s whole-window encoding of ``samples`` kept by `remember`, or None."""
    with _ENCODINGS_LOCK:
        return _ENCODINGS.get((id(model), _fingerprint(samples)))


def _fingerprint(samples: np.ndarray) -> bytes:
    return hashlib.sha1(np.ascontiguousarray(samples).tobytes()).digest()
