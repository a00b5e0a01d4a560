"""Decode and check a trainee's recorded reply before it reaches speech recognition.

Browsers record WebM/Opus (Chrome, Firefox) or MP4/AAC (Safari); uploads may be WAV, OGG,
MP3 or M4A. Everything is decoded with PyAV (shipped with faster-whisper, no ffmpeg binary)
to 16 kHz mono float32, the input Whisper expects.

Only the container formats above are accepted: the first bytes are matched against their
signatures and the matching demuxer is forced, so junk is refused before ffmpeg guesses at it.
Every failure is an `AudioError` whose `code` names what is wrong; `message(code, lang)` tells
the trainee, in Ukrainian or English, what happened and what to do (the words:
simulator/texts/audio_messages.py).
"""

from __future__ import annotations

import io
import wave
from dataclasses import dataclass

import numpy as np

from simulator import plural, settings
from simulator.texts.audio_messages import MESSAGES

SAMPLE_RATE = 16_000


@dataclass(frozen=True)
class Limits:
    """What a reply may be. `silence_rms` is compared with the loudest 50 ms frame, so a long
    reply with a short spoken part is not mistaken for silence."""

    max_bytes: int = 25 * 1024 * 1024
    max_seconds: float = 120.0
    min_seconds: float = 0.3
    silence_rms: float = 0.005

    @classmethod
    def from_env(cls) -> Limits:
        """Defaults, overridable by SIMULATOR_AUDIO_MAX_MB and SIMULATOR_AUDIO_MAX_SECONDS."""
        default = cls()
        chosen = settings.current()
        max_mb, max_seconds = chosen.audio_max_mb, chosen.audio_max_seconds
        return cls(
            max_bytes=int(float(max_mb) * 1024 * 1024) if max_mb else default.max_bytes,
            max_seconds=max_seconds if max_seconds else default.max_seconds,
        )


class AudioError(ValueError):
    """A recording that cannot be used; `code` is one of MESSAGES' keys."""

    def __init__(self, code: str, detail: str = "", limits: Limits = Limits()):
        self.code = code
        self.limits = limits
        self.message = message(code, "en", limits)
        super().__init__(f"{self.message} ({detail})" if detail else self.message)

    def text(self, lang: str) -> str:
        """The message for the trainee in `lang` ('uk' or 'en')."""
        return message(self.code, lang, self.limits)


def message(code: str, lang: str, limits: Limits = Limits()) -> str:
    """A clear message in Ukrainian ('uk') or English ('en'): what is wrong, what to do."""
    language = "uk" if lang == "uk" else "en"
    return plural.format(MESSAGES[code][language], language, max_seconds=round(limits.max_seconds),
                         max_mb=round(limits.max_bytes / 2**20))


# Signature -> the PyAV demuxer to force. Order matters only in that each test is exact.
def _sniff(data: bytes) -> str | None:
    head = data[:12]
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return "wav"
    if head[:4] == b"\x1aE\xdf\xa3":  # EBML: WebM / Matroska
        return "matroska"
    if head[:4] == b"OggS":
        return "ogg"
    if head[4:8] == b"ftyp":  # MP4 / M4A / 3GP
        return "mov"
    if head[:3] == b"ID3" or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE6 == 0xE2):
        return "mp3"  # an ID3 tag, or an MPEG audio layer III frame sync
    if head[:4] == b"fLaC":
        return "flac"
    if len(head) > 1 and head[0] == 0xFF and head[1] & 0xF6 == 0xF0:
        return "aac"  # ADTS
    return None


def decode(data: bytes, limits: Limits = Limits()) -> np.ndarray:
    """Decode a recording to 16 kHz mono float32 and check it against `limits`.

    Raises AudioError; never anything else for bad input.
    """
    if not data:
        raise AudioError("empty", limits=limits)
    if len(data) > limits.max_bytes:
        raise AudioError("too_large", f"{len(data)} bytes", limits)
    fmt = _sniff(data)
    if fmt is None:
        raise AudioError("not_audio", "unrecognised file signature", limits)
    samples = _decode_with_av(data, fmt, limits)
    return check(samples, limits)


def check(samples: np.ndarray, limits: Limits = Limits()) -> np.ndarray:
    """Check 16 kHz mono samples (already decoded) for length and silence."""
    samples = np.asarray(samples, dtype=np.float32).reshape(-1)
    if samples.size == 0:
        raise AudioError("empty", "no audio samples", limits)
    seconds = samples.size / SAMPLE_RATE
    if seconds > limits.max_seconds:
        raise AudioError("too_long", f"{seconds:.1f} s", limits)
    if seconds < limits.min_seconds:
        raise AudioError("too_short", f"{seconds:.2f} s", limits)
    if not np.isfinite(samples).all():
        raise AudioError("corrupt", "non-finite samples", limits)
    if loudest_frame_rms(samples) < limits.silence_rms:
        raise AudioError("silent", limits=limits)
    return samples


def loudest_frame_rms(samples: np.ndarray, frame: int = SAMPLE_RATE // 20) -> float:
    """RMS of the loudest 50 ms frame."""
    usable = samples[: samples.size // frame * frame]
    if usable.size == 0:
        return float(np.sqrt(np.mean(np.square(samples, dtype=np.float64))))
    frames = usable.reshape(-1, frame).astype(np.float64)
    return float(np.sqrt(np.square(frames).mean(axis=1)).max())


def _decode_with_av(data: bytes, fmt: str, limits: Limits) -> np.ndarray:
    import av  # imported here: the core and the CLI start without loading ffmpeg

    # Stop decoding a little past the limit: a small Opus file can hold hours of audio.
    max_samples = int((limits.max_seconds + 1) * SAMPLE_RATE)
    chunks: list[np.ndarray] = []
    total = 0
    try:
        with av.open(io.BytesIO(data), format=fmt, mode="r") as container:
            stream = next((s for s in container.streams if s.type == "audio"), None)
            if stream is None:
                raise AudioError("not_audio", "no audio stream", limits)
            resampler = av.AudioResampler(format="flt", layout="mono", rate=SAMPLE_RATE)
            for frame in container.decode(stream):
                for out in resampler.resample(frame):
                    chunk = out.to_ndarray().reshape(-1)
                    chunks.append(chunk)
                    total += chunk.size
                if total > max_samples:
                    raise AudioError("too_long", f"over {limits.max_seconds:.0f} s", limits)
            for out in resampler.resample(None):
                chunks.append(out.to_ndarray().reshape(-1))
    except AudioError:
        raise
    except Exception as exc:  # av.error.* and anything else ffmpeg may raise on junk
        if not chunks:
            raise AudioError("corrupt", f"{type(exc).__name__}: {exc}", limits) from None
        # A recording cut off mid-frame (browser tab closed, upload truncated): keep what
        # decoded cleanly rather than losing the whole reply.
    return np.concatenate(chunks) if chunks else np.zeros(0, dtype=np.float32)


def wav_bytes(samples: np.ndarray, rate: int) -> bytes:
    """Encode float samples in [-1, 1] (or int16) as 16-bit PCM mono WAV."""
    samples = np.asarray(samples)
    if samples.dtype != np.int16:
        samples = (np.clip(samples, -1.0, 1.0) * 32767.0).round().astype("<i2")
    buf = io.BytesIO()
    with wave.open(buf, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(samples.astype("<i2").tobytes())
    return buf.getvalue()


def wav_seconds(data: bytes) -> float:
    """How long a WAV recording says it is; 0 when it is not WAV or its header is damaged
    (what an unusable take of a reply cost the trainee to say, see PracticeSession.unusable_take)."""
    try:
        with wave.open(io.BytesIO(data), "rb") as wav:
            return wav.getnframes() / wav.getframerate()
    except (wave.Error, EOFError, ZeroDivisionError, ValueError):
        return 0.0


def read_wav(data: bytes) -> tuple[np.ndarray, int]:
    """Read 16-bit PCM mono WAV bytes (as written by espeak-ng or wav_bytes) at their own rate."""
    with wave.open(io.BytesIO(data), "rb") as wav:
        if wav.getsampwidth() != 2 or wav.getnchannels() != 1:
            raise ValueError("expected 16-bit mono PCM WAV")
        rate = wav.getframerate()
        frames = wav.readframes(wav.getnframes())
    return np.frombuffer(frames, dtype="<i2").astype(np.float32) / 32768.0, rate
