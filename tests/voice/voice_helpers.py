"""Helpers for the voice tests (a plain module: test files import it by name)."""

from __future__ import annotations

import io
import re
from fractions import Fraction

import av
import numpy as np

from simulator.voice import audio

ENGLISH_LINE = "Hello, I was charged twice for electricity this month. Please refund the money to my card."
ENGLISH_KEYWORDS = {"charged", "twice", "electricity", "month", "refund", "money", "card"}
UKRAINIAN_LINE = "Добрий день, з мене двічі зняли гроші за електроенергію цього місяця."


def words_of(text: str) -> set[str]:
    return set(re.findall(r"[\w']+", text.lower()))


def assert_english_heard(text: str, at_least: int = 5) -> None:
    heard = words_of(text) & ENGLISH_KEYWORDS
    assert len(heard) >= at_least, f"only {sorted(heard)} of {sorted(ENGLISH_KEYWORDS)} in {text!r}"


def duration(wav: bytes) -> float:
    samples, rate = audio.read_wav(wav)
    return samples.size / rate


def pad(wav: bytes, before: float = 0.0, after: float = 0.0) -> bytes:
    """The clip with digital silence before and after it."""
    samples, rate = audio.read_wav(wav)
    parts = [np.zeros(round(before * rate), np.float32), samples, np.zeros(round(after * rate), np.float32)]
    return audio.wav_bytes(np.concatenate(parts), rate)


def encode(wav: bytes, container: str, codec: str, rate: int) -> bytes:
    """Re-encode a WAV clip with PyAV, as a browser recorder or an upload would deliver it."""
    samples, source_rate = audio.read_wav(wav)
    frame = av.AudioFrame.from_ndarray((samples * 32767).astype(np.int16)[None, :], format="s16", layout="mono")
    frame.sample_rate = source_rate
    buf = io.BytesIO()
    with av.open(buf, "w", format=container) as out:
        stream = out.add_stream(codec, rate=rate)
        stream.layout = "mono"
        resampler = av.AudioResampler(format=stream.format.name, layout="mono", rate=rate)
        written = 0
        for chunk in resampler.resample(frame) + resampler.resample(None):
            # timestamps by samples written: the resampler's own made the mp4 (ipod) muxer refuse
            # some clip lengths with EINVAL (3 of 82 lengths tried), so a test failed by the take
            chunk.pts, chunk.time_base = written, Fraction(1, rate)
            written += chunk.samples
            for packet in stream.encode(chunk):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return buf.getvalue()
