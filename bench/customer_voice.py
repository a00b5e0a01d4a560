"""How well Whisper base hears the Ukrainian customer voice: today's espeak-ng vs stress-marked.

The Ukrainian customer lines of the library (every node's `customer` lines in scenarios/uk),
each said as its persona would (speech.customer_voice, no telephone line) twice: as espeak-ng
says the text ("plain", SIMULATOR_TTS_STRESS=0) and with word stress marked (stress.py,
"stressed"). Each clip is transcribed by faster-whisper base in Ukrainian with no hints. Printed
per variant: mean and median CER (speech.cer), uncached synthesis time per line (target
< 100 ms on 2 cores, as bench/voice.py's customer line), stress-marking time per line with an
empty word cache, and how many words were re-stressed. Nothing is asserted: the figures depend
on the machine's load (printed first).

Run: python -m bench.customer_voice [--quick | --all] [--json FILE]
     (default: 30 lines spread over the library; --quick: 10; --all: every line)
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VARIANTS = ("plain", "stressed")


def customer_lines(limit: int | None) -> list[tuple[object, str]]:
    """(scenario, line) for every Ukrainian customer line, `limit` of them evenly spread."""
    from simulator.library.loader import load_library

    library = load_library(ROOT / "scenarios" / "uk")
    lines = [
        (scenario, line)
        for _, scenario in sorted(library.scenarios.items())
        for node in scenario.nodes.values()
        for line in node.customer
    ]
    if limit and limit < len(lines):
        step = len(lines) / limit
        lines = [lines[int(i * step)] for i in range(limit)]
    return lines


def run(limit: int | None = 30, show: int = 5) -> dict:
    from simulator.voice import asr, stress, tts
    from simulator.voice.speech import cer, customer_voice

    load = os.getloadavg()
    print(f"customer voice bench on {os.cpu_count()} cores, load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    lines = customer_lines(limit)
    print(f"  {len(lines)} Ukrainian customer lines, Whisper base, language uk, no hints")
    transcriber = asr.FasterWhisperTranscriber("base")
    started = time.perf_counter()
    transcriber.load()
    print(f"  model loaded in {time.perf_counter() - started:.1f} s")

    previous = {name: os.environ.get(name) for name in ("SIMULATOR_TTS_CACHE", "SIMULATOR_TTS_STRESS")}
    rows = []
    figures: dict = {"lines": len(lines), "variants": {}}
    with tempfile.TemporaryDirectory(prefix="customer-voice-bench-") as cache:
        os.environ["SIMULATOR_TTS_CACHE"] = cache
        try:
            tts.synthesize("Готово.", tts.VoiceSpec("uk"))  # the engine starts once per process
            stress.clear_cache()
            stress.mark("Готово, дякую.")  # the dictionary loads once per process
            stress.clear_cache()
            mark_ms, restressed = [], 0
            for _, line in lines:
                t0 = time.perf_counter()
                marked = stress.mark(line)
                mark_ms.append((time.perf_counter() - t0) * 1000)
                restressed += marked.count("[[")
            figures["mark_uncached_ms"] = statistics.median(mark_ms)
            figures["mark_uncached_max_ms"] = max(mark_ms)
            figures["restressed_words"] = restressed
            for variant in VARIANTS:
                os.environ["SIMULATOR_TTS_STRESS"] = "1" if variant == "stressed" else "0"
                stress.clear_cache()  # uncached marking counts in the synthesis time
                errors, synth_ms, asr_s, audio_s = [], [], [], []
                for k, (scenario, line) in enumerate(lines):
                    spec = customer_voice(scenario)
                    t0 = time.perf_counter()
                    wav = tts.synthesize(line, spec, phone_line=False)
                    synth_ms.append((time.perf_counter() - t0) * 1000)
                    t0 = time.perf_counter()
                    heard = transcriber.transcribe(wav, "uk")
                    asr_s.append(time.perf_counter() - t0)
                    audio_s.append(heard.duration)
                    errors.append(cer(line, heard.text))
                    if variant == VARIANTS[0]:
                        rows.append({"line": line, "marked": stress.mark(line)})
                    rows[k][variant] = {"cer": round(errors[-1], 3), "heard": heard.text}
                result = {
                    "mean_cer": statistics.mean(errors),
                    "median_cer": statistics.median(errors),
                    "synth_ms": statistics.median(synth_ms),
                    "synth_max_ms": max(synth_ms),
                    "asr_s_per_line": statistics.mean(asr_s),
                    "audio_s_per_line": statistics.mean(audio_s),
                }
                figures["variants"][variant] = result
                print(
                    f"  {variant:9} mean CER {result['mean_cer']:.3f}  median {result['median_cer']:.3f}"
                    f"  synthesis {result['synth_ms']:.0f} ms/line (max {result['synth_max_ms']:.0f})"
                    f"  transcription {result['asr_s_per_line']:.2f} s/line for {result['audio_s_per_line']:.1f} s of speech"
                )
        finally:
            for name, value in previous.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value
    plain, marked = (figures["variants"][v]["mean_cer"] for v in VARIANTS)
    better = sum(r["stressed"]["cer"] < r["plain"]["cer"] for r in rows)
    worse = sum(r["stressed"]["cer"] > r["plain"]["cer"] for r in rows)
    print(
        f"  stress marking: {figures['restressed_words']} words re-stressed in {len(lines)} lines,"
        f" {figures['mark_uncached_ms']:.1f} ms/line with an empty word cache (max {figures['mark_uncached_max_ms']:.1f});"
        f" mean CER {plain:.3f} -> {marked:.3f} ({marked - plain:+.3f}); lines better {better}, worse {worse}"
    )
    for row in sorted(rows, key=lambda r: r["stressed"]["cer"] - r["plain"]["cer"])[:show]:
        print(f"    {row['plain']['cer']:.2f} -> {row['stressed']['cer']:.2f}  {row['line'][:70]}")
        print(f"      plain:    {row['plain']['heard'][:90]}")
        print(f"      stressed: {row['stressed']['heard'][:90]}")
    figures["rows"] = rows
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--quick", action="store_true", help="10 lines")
    size.add_argument("--all", action="store_true", help="every Ukrainian customer line")
    parser.add_argument("--json", type=Path, help="write the figures and every transcript here")
    args = parser.parse_args(argv)
    figures = run(None if args.all else 10 if args.quick else 30)
    if args.json:
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
