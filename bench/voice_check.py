"""The voice check's figures on our own voices: what the product's recogniser hears of the
check's sentences said by espeak-ng (male, as the hearing benchmark's trainee; female, slower
and faster too), through a telephone line, under white noise, spoken quietly, read in the
wrong order, and of noise or silence alone. The thresholds in simulator/voice/check.py were
set on these figures; run this again after changing the sentences, the voices or the model.

Run: python -m bench.voice_check [--language uk|en] [--quick]   (about 2 minutes on 2 cores)
"""
from __future__ import annotations

import argparse
import time
from collections.abc import Iterator

import numpy as np

from simulator.voice import asr, audio, check, tts

RATE = audio.SAMPLE_RATE


def _samples(wav: bytes) -> np.ndarray:
    return audio.decode(wav)     # 16 kHz mono, as the check receives a recording


def _wav(samples: np.ndarray) -> bytes:
    return audio.wav_bytes(np.clip(samples, -1.0, 1.0), RATE)


def _rms(samples: np.ndarray) -> float:
    return float(np.sqrt(np.mean(np.square(samples, dtype=np.float64))))


def cases(language: str, quick: bool = False) -> Iterator[tuple[str, list[bytes]]]:
    """(what, the three recordings) for each condition measured."""
    rng = np.random.default_rng(0)
    sentences = check.SENTENCES[language]
    male = tts.VoiceSpec(language, gender="male")
    clean = [_samples(tts.synthesize(text, male)) for text in sentences]
    yield "male (the hearing benchmark's trainee)", [_wav(s) for s in clean]
    if not quick:
        for name, spec in (("female", tts.VoiceSpec(language)), ("male, slower (140 wpm)", tts.VoiceSpec(language, gender="male", rate=140)),
                           ("male, faster (200 wpm)", tts.VoiceSpec(language, gender="male", rate=200))):
            yield name, [tts.synthesize(text, spec) for text in sentences]
    yield "male, telephone line", [tts.synthesize(text, male, phone_line=True) for text in sentences]
    for snr in (20, 10, 5, 0):
        noisy = []
        for s in clean:
            noise = rng.normal(0, 1, s.size).astype(np.float32)
            noisy.append(_wav(s + noise * (_rms(s) / _rms(noise) / 10 ** (snr / 20))))
        yield f"male, white noise at SNR {snr} dB", noisy
    for gain in (-20, -30):
        floor = 10 ** (-60 / 20)    # a quiet microphone's own hiss
        yield f"male, {gain} dB quieter (hiss at -60 dBFS)", [
            _wav(s * 10 ** (gain / 20) + rng.normal(0, floor, s.size).astype(np.float32)) for s in clean]
    yield "male, the sentences read in the wrong order", [_wav(s) for s in reversed(clean)]
    yield "white noise alone, -30 dBFS", [_wav(rng.normal(0, 10 ** (-30 / 20), 3 * RATE).astype(np.float32)) for _ in sentences]
    yield "silence", [_wav(np.zeros(3 * RATE, np.float32)) for _ in sentences]


def run(languages: tuple[str, ...] = ("en", "uk"), quick: bool = False) -> list[dict]:
    transcriber = asr.get_transcriber()
    rows = []
    print(f"{'lang':4} {'CER':>5} {'unclear':>7} {'level':>6}  {'verdict':16} {'s':>5}  case")
    for language in languages:
        for name, recordings in cases(language, quick):
            started = time.perf_counter()
            result = check.check(recordings, language, transcriber)
            seconds = time.perf_counter() - started
            row = {"language": language, "case": name, "cer": result.cer, "unclear": result.unclear_share,
                   "level_db": result.level_db, "verdict": result.verdict if result.complete else "(not complete)",
                   "seconds": round(seconds, 1), "heard": [s.heard for s in result.sentences]}
            rows.append(row)
            print(f"{language:4} {_f(row['cer'], 5)} {_f(row['unclear'], 7)} {_f(row['level_db'], 6, '.0f')}  "
                  f"{row['verdict']:16} {seconds:5.1f}  {name}", flush=True)
    return rows


def _f(value: float | None, width: int, spec: str = ".2f") -> str:
    return f"{'-':>{width}}" if value is None else f"{value:{width}{spec}}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", choices=("uk", "en"), action="append")
    parser.add_argument("--quick", action="store_true", help="our male voice only, without the other voices")
    args = parser.parse_args()
    run(tuple(args.language or ("en", "uk")), quick=args.quick)


if __name__ == "__main__":
    main()
