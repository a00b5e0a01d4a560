"""Customer voices: pyttsx3 over Debian's espeak-ng, an optional telephone-line effect, a cache.

Measured pitfalls that shape this module (see shared ARCHITECTURE.md):
- pyttsx3 used from several threads at once crashed the process (double free; espeak-ng
  synthesises on a thread of its own and calls back into Python from it): every use of
  the engine here holds one process-wide lock (`_ENGINE_LOCK`). Nothing else in the project
  may use pyttsx3 directly.
- Two save_to_file calls before one runAndWait write only the last file: one line at a time.
- runAndWait returns after one 10 ms tick, not when the file is written: espeak-ng's
  retrieval mode synthesises asynchronously, and under CPU load (a Whisper decode) the file
  was not there yet. We wait for pyttsx3's 'finished-utterance' notification and for
  espeak-ng's queue to drain before reading the file or releasing the lock, and we let the
  queue drain after setting rate, pitch and volume (see `_drain`).
- say() needs an audio device: we only render to files (the UI plays them with st.audio).
- espeak-ng can be initialised once per process, so one engine is kept for the process's life.
  Rendering a line takes about 10-20 ms.
- espeak-ng misplaces Ukrainian word stress and ignores stress marks in text: Ukrainian lines go
  through `stress.mark`, which speaks mis-stressed words as `[[phonemes]]`; pyttsx3 never asks
  for phoneme input, so `_render` turns espeak-ng's PHONEMES flag on for such lines only. A
  marked line that fails to render is said unmarked. Off by default (SIMULATOR_TTS_STRESS=1: on).
- pyttsx3 swallows errors of queued commands (they reach only 'error' listeners, which we
  turn into TTSError) and silently ignores an unknown variant: the voice actually set is
  compared with the one asked for before each render.
"""

from __future__ import annotations

import atexit
import gc
import hashlib
import json
import logging
import math
import os
import shutil
import sys
import tempfile
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from simulator.voice import stress
from simulator.voice.audio import read_wav, wav_bytes
from simulator import settings

log = logging.getLogger(__name__)

VOICES = {"uk": "zle/uk", "en": "gmw/en-us"}
GENDERS = {"female": "f3", "male": None}  # espeak-ng's base voices are male
# Mood -> (rate factor, pitch offset, volume offset): how an upset customer sounds.
MOODS = {
    "calm": (1.00, 0, 0.00),
    "worried": (1.05, 8, 0.00),
    "irritated": (1.12, 3, 0.05),
    "angry": (1.25, 12, 0.10),
}
MAX_TEXT_CHARS = 5000
INSTALL_HINT = "install espeak-ng: sudo apt-get install espeak-ng"
# Part of every cache key: bump when the rendering or the line effect changes.
CACHE_VERSION = 2


class TTSError(RuntimeError):
    """Speech could not be synthesised (espeak-ng missing, a voice or variant unknown)."""


@dataclass(frozen=True)
class VoiceSpec:
    """How a customer sounds. `variant` is an espeak-ng variant (e.g. 'f3', 'm3'); when None
    it follows `gender`. `rate` is words per minute, `pitch` 0-99, `volume` 0-1."""

    language: str
    gender: str = "female"
    variant: str | None = None
    rate: int = 165
    pitch: int = 50
    volume: float = 0.9
    mood: str = "calm"

    def __post_init__(self):
        if self.language not in VOICES:
            raise ValueError(f"language must be one of {sorted(VOICES)}, not {self.language!r}")
        if self.gender not in GENDERS:
            raise ValueError(f"gender must be one of {sorted(GENDERS)}, not {self.gender!r}")
        if self.mood not in MOODS:
            raise ValueError(f"mood must be one of {sorted(MOODS)}, not {self.mood!r}")
        if self.variant is not None and not self.variant.replace("_", "").isalnum():
            raise ValueError(f"variant must be an espeak-ng variant name, not {self.variant!r}")
        if not 80 <= self.rate <= 450:
            raise ValueError(f"rate must be 80-450 words per minute, not {self.rate}")
        if not 0 <= self.pitch <= 99:
            raise ValueError(f"pitch must be 0-99, not {self.pitch}")
        if not 0.0 <= self.volume <= 1.0:
            raise ValueError(f"volume must be 0-1, not {self.volume}")


def effective_settings(spec: VoiceSpec) -> dict:
    """The engine settings for `spec` once its mood is applied."""
    rate_factor, pitch_offset, volume_offset = MOODS[spec.mood]
    variant = spec.variant or GENDERS[spec.gender]
    voice = VOICES[spec.language] + (f"+{variant}" if variant else "")
    return {
        "voice": voice,
        "rate": min(450, round(spec.rate * rate_factor)),
        "pitch": min(99, spec.pitch + pitch_offset),
        "volume": round(min(1.0, spec.volume + volume_offset), 3),
    }


def synthesize(text: str, spec: VoiceSpec, phone_line: bool = False) -> bytes:
    """The customer saying `text`, as 16-bit PCM mono WAV bytes (22.05 kHz)."""
    text = " ".join(text.split())
    if not text:
        raise ValueError("nothing to say: the text is empty")
    if len(text) > MAX_TEXT_CHARS:
        raise ValueError(f"text too long to synthesise ({len(text)} > {MAX_TEXT_CHARS} chars)")
    settings = effective_settings(spec)
    marking = spec.language == "uk" and stress.enabled()
    key = _cache_key(text, settings, phone_line, stress.VERSION if marking else None)
    cached = _CACHE.get(key)
    if cached is not None:
        return cached
    if phone_line:  # the plain line (cached too) through the telephone line
        samples, rate = read_wav(synthesize(text, spec))
        wav = wav_bytes(phone_line_effect(samples, rate, seed=int(key[:8], 16)), rate)
    else:
        wav = _render_marked(text, settings) if marking else _render(text, settings)
    _CACHE.put(key, wav)
    return wav


def _render_marked(text: str, settings: dict) -> bytes:
    """`text` with its Ukrainian word stress marked; said unmarked if the marked line fails."""
    marked = text if stress.has_phonemes(text) else stress.mark(text)
    if marked == text:
        return _render(text, settings)
    try:
        return _render(marked, settings, phonemes=True)
    except TTSError as exc:
        log.warning("stress-marked line failed to render (%s); said unmarked", exc)
        return _render(text, settings)


def _cache_key(text: str, settings: dict, phone_line: bool, marking: str | None = None) -> str:
    payload = {"v": CACHE_VERSION, "text": text, "settings": settings, "phone": phone_line}
    if marking:
        payload["stress"] = marking
    return hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


# ---------------------------------------------------------------- the telephone line


def _band_gain(freqs: np.ndarray, low: float = 300.0, high: float = 3400.0, ramp: float = 150.0):
    """1 inside [low, high], raised-cosine edges `ramp` Hz wide on each side, 0 outside."""
    gain = np.zeros_like(freqs)
    gain[(freqs >= low + ramp / 2) & (freqs <= high - ramp / 2)] = 1.0
    for edge, rising in ((low, True), (high, False)):
        sel = np.abs(freqs - edge) < ramp / 2
        phase = (freqs[sel] - (edge - ramp / 2)) / ramp  # 0 -> 1 across the edge
        gain[sel] = 0.5 - 0.5 * np.cos(np.pi * (phase if rising else 1 - phase))
    return gain


def _resample(samples: np.ndarray, n_out: int) -> np.ndarray:
    """Band-limited resampling of a whole clip by zero-padding or truncating its spectrum."""
    spectrum = np.fft.rfft(samples)
    bins = n_out // 2 + 1
    if bins <= spectrum.size:
        spectrum = spectrum[:bins]
    else:
        spectrum = np.concatenate([spectrum, np.zeros(bins - spectrum.size, spectrum.dtype)])
    return np.fft.irfft(spectrum, n_out) * (n_out / samples.size)


def _smooth(n: int) -> int:
    """The smallest m >= n with no prime factor above 5: FFTs of such lengths are fast."""
    while True:
        rest = n
        for p in (2, 3, 5):
            while rest % p == 0:
                rest //= p
        if rest == 1:
            return n
        n += 1


def phone_line_effect(samples: np.ndarray, rate: int, seed: int = 0) -> np.ndarray:
    """What a customer sounds like over a phone: 300-3400 Hz, 8 kHz G.711 mu-law, line hiss.

    Numpy only: FFT filtering and resampling of the whole clip (lines are seconds long). The
    clip is zero-padded to a length that maps exactly onto 8 kHz and factors into small
    primes, which keeps the FFTs fast. The hiss is seeded, so a line always renders the same.
    """
    if samples.size == 0:
        return samples.astype(np.float32)
    step = math.gcd(rate, 8000)
    unit, unit8 = rate // step, 8000 // step
    blocks = _smooth(-(-samples.size // unit))
    n, n8 = blocks * unit, blocks * unit8
    spectrum = np.fft.rfft(samples, n) * _band_gain(np.fft.rfftfreq(n, 1 / rate))
    line = _resample(np.fft.irfft(spectrum, n), n8)
    line += np.random.default_rng(seed).normal(0.0, 10 ** (-52 / 20), n8)  # hiss, -52 dBFS
    mu = 255.0  # G.711 mu-law, 8 bits per sample
    coded = np.round(np.sign(line) * np.log1p(mu * np.minimum(np.abs(line), 1.0)) / np.log1p(mu) * 127)
    line = np.sign(coded) * np.expm1(np.abs(coded) / 127 * np.log1p(mu)) / mu
    spectrum = np.fft.rfft(line) * _band_gain(np.fft.rfftfreq(n8, 1 / 8000))
    out = _resample(np.fft.irfft(spectrum, n8), n)[: samples.size]
    return out.astype(np.float32)


# ---------------------------------------------------------------- the engine

_ENGINE_LOCK = threading.RLock()
_engine = None
_espeak = None  # pyttsx3's ctypes binding of libespeak-ng, for IsPlaying
_engine_errors: list[Exception] = []
_finished = threading.Event()
_workdir: Path | None = None
_phoneme_input = False  # the line being rendered holds [[phonemes]] (set under the lock)
RENDER_TIMEOUT = 30.0  # seconds; espeak-ng renders a line in about 10 ms


def _get_engine():
    """The process's one pyttsx3 engine (created on first use; the caller holds the lock)."""
    global _engine, _espeak, _workdir
    if _engine is not None:
        return _engine
    try:
        import pyttsx3
        from pyttsx3.drivers import _espeak as espeak

        engine = pyttsx3.init("espeak")
        voice_ids = {voice.id for voice in engine.getProperty("voices")}
    except (RuntimeError, OSError, ImportError) as exc:
        raise TTSError(f"espeak-ng is not available ({exc}); {INSTALL_HINT}") from None
    missing = sorted(set(VOICES.values()) - voice_ids)
    if missing:
        raise TTSError(f"espeak-ng has no voice {', '.join(missing)}; {INSTALL_HINT}")
    _allow_phoneme_input(espeak)
    engine.connect("error", lambda name, exception: _engine_errors.append(exception))
    engine.connect("finished-utterance", lambda **_: _finished.set())
    _workdir = Path(tempfile.mkdtemp(prefix="simulator-tts-"))
    _espeak = espeak
    # pyttsx3 queues property changes until its driver has gone idle once, which only the end
    # of a synthesis does: a first line makes setProperty take effect at once from now on.
    _save(engine, "Hello.", _workdir / "warm-up.wav", time.monotonic() + RENDER_TIMEOUT)
    _engine = engine  # a strong reference: pyttsx3 keeps engines only weakly
    atexit.register(_release_engine)
    return engine


def _allow_phoneme_input(espeak) -> None:
    """Make the driver's espeak_Synth honour `[[phonemes]]` while `_phoneme_input` is set.

    pyttsx3 calls `_espeak.Synth(text, flags=ENDPAUSE | CHARS_UTF8)` (looked up at each call);
    without espeak-ng's PHONEMES flag `[[...]]` is read out as letters.
    """
    synth = espeak.Synth
    if getattr(synth, "_simulator_phonemes", False):
        return

    def synth_with_phonemes(text, *args, flags=0, **kwargs):
        if _phoneme_input:
            flags |= espeak.PHONEMES
        return synth(text, *args, flags=flags, **kwargs)

    synth_with_phonemes._simulator_phonemes = True
    espeak.Synth = synth_with_phonemes


def _release_engine() -> None:
    """Drop the engine while the interpreter is intact: pyttsx3's finaliser fails noisily
    ("'NoneType' object has no attribute 'suppress'") when it runs during shutdown."""
    global _engine
    with _ENGINE_LOCK:
        _engine = None
        gc.collect()
        if _workdir is not None:
            shutil.rmtree(_workdir, ignore_errors=True)


class _DropSavedNotice:
    """A stdout that drops pyttsx3's 'Audio saved to PATH' line and passes everything else.

    pyttsx3 prints that line on every save from espeak-ng's own synthesis thread (retrieval
    mode runs asynchronously), which would pollute CLI output such as JSON.
    """

    def __init__(self, stream, notice: str):
        self._stream, self._notice, self._newline_from = stream, notice, None

    def write(self, text):
        if text == self._notice:
            self._newline_from = threading.get_ident()
            return len(text)
        if text == "\n" and self._newline_from == threading.get_ident():
            self._newline_from = None
            return len(text)
        return self._stream.write(text)

    def __getattr__(self, name):
        return getattr(self._stream, name)


def _drain(deadline: float) -> None:
    """Wait until espeak-ng's command queue is empty.

    In retrieval mode espeak-ng queues parameter changes and synthesis for its own thread, and
    pyttsx3's runAndWait calls espeak_Cancel when that queue is busy, which drops the queued
    rate, pitch and volume: the line then came out at the previous line's speed.
    """
    while _espeak.IsPlaying():
        if time.monotonic() > deadline:
            raise TTSError(f"espeak-ng did not finish within {RENDER_TIMEOUT:.0f} s")
        time.sleep(0.0005)


def _apply(engine, settings: dict, deadline: float) -> None:
    for name in ("voice", "rate", "pitch", "volume"):
        engine.setProperty(name, settings[name])
    if engine.getProperty("voice") != settings["voice"].lower():
        raise ValueError(f"espeak-ng has no voice variant {settings['voice']!r}")
    _drain(deadline)
    applied = (engine.getProperty("rate"), engine.getProperty("pitch"), round(engine.getProperty("volume") * 100))
    wanted = (settings["rate"], settings["pitch"], round(settings["volume"] * 100))
    if applied != wanted:
        raise TTSError(f"espeak-ng did not apply rate, pitch, volume {wanted} (has {applied})")


def _save(engine, text: str, target: Path, deadline: float) -> None:
    """Synthesise `text` to `target` and return once espeak-ng is idle again."""
    target.unlink(missing_ok=True)
    _engine_errors.clear()
    _finished.clear()
    stdout = sys.stdout
    sys.stdout = _DropSavedNotice(stdout, f"Audio saved to {target}")
    try:
        engine.save_to_file(text, str(target))
        engine.runAndWait()
        if not _finished.wait(max(0.0, deadline - time.monotonic())):
            raise TTSError(f"espeak-ng did not finish within {RENDER_TIMEOUT:.0f} s")
        while engine.isBusy():  # the driver's last steps after the notification
            _drain(deadline)
            time.sleep(0.0005)
        _drain(deadline)
    finally:
        sys.stdout = stdout
    if _engine_errors:
        raise TTSError(f"espeak-ng failed: {_engine_errors[0]}")


def _render(text: str, settings: dict, phonemes: bool = False) -> bytes:
    global _phoneme_input
    with _ENGINE_LOCK:
        engine = _get_engine()
        deadline = time.monotonic() + RENDER_TIMEOUT
        _drain(deadline)
        _apply(engine, settings, deadline)
        target = _workdir / "line.wav"
        _phoneme_input = phonemes
        try:
            _save(engine, text, target, deadline)
        finally:
            _phoneme_input = False
        try:
            wav = target.read_bytes()
        except FileNotFoundError:
            raise TTSError("espeak-ng wrote no audio") from None
    if len(wav) <= 44:
        raise TTSError("espeak-ng produced no audio for this text")
    return wav


# ---------------------------------------------------------------- the cache


class _Cache:
    """In-memory LRU in front of an on-disk directory of WAV files named by key.

    The directory is `SIMULATOR_TTS_CACHE` or `data/cache/tts` (read at each use, so tests and
    sites can point it elsewhere). Writes are atomic (temp file + rename) so a concurrent
    reader never sees half a file; a read-only or full disk only costs the disk cache.
    """

    def __init__(self, max_items: int = 256):
        self._items: OrderedDict[str, bytes] = OrderedDict()
        self._max_items = max_items
        self._lock = threading.Lock()

    @staticmethod
    def directory() -> Path:
        return settings.current().tts_cache

    def get(self, key: str) -> bytes | None:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        try:
            data = self._path(key).read_bytes()
        except OSError:
            return None
        self._remember(key, data)
        return data

    def put(self, key: str, data: bytes) -> None:
        self._remember(key, data)
        path = self._path(key)
        tmp = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".wav")
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(tmp, path)
        except OSError as exc:
            if tmp is not None:
                Path(tmp).unlink(missing_ok=True)
            log.warning("TTS disk cache not written (%s): %s", path.parent, exc)

    def clear_memory(self) -> None:
        with self._lock:
            self._items.clear()

    def _remember(self, key: str, data: bytes) -> None:
        with self._lock:
            self._items[key] = data
            self._items.move_to_end(key)
            while len(self._items) > self._max_items:
                self._items.popitem(last=False)

    def _path(self, key: str) -> Path:
        return self.directory() / key[:2] / f"{key}.wav"


_CACHE = _Cache()


def cache_directory() -> Path:
    """Where rendered lines are kept on disk (``SIMULATOR_TTS_CACHE``, read at each use)."""
    return _Cache.directory()


def clear_memory_cache() -> None:
    """Forget the in-memory copies (the disk cache stays): for measuring and tests."""
    _CACHE.clear_memory()
