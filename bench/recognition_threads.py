"""Recognition threads waiting for each other: how long they spin before they sleep.

A decode's threads meet at a barrier many times a token (CTranslate2's OpenMP, libgomp). The app
sets GOMP_SPINCOUNT=20000 (simulator/voice/__init__.py): with libgomp's own 300,000 the threads
starved each other on cores shared with other work, and a hands-free phrase of 2.7 s took 19-31 s
to transcribe in the browser test with one core kept busy (docs/voice.md, "Threads that wait").
This bench checks the other side of that choice, what it costs when the cores are free, and how
the three ways compare with every core also kept busy by another process:

  spin 20,000      the app's
  spin 300,000     libgomp's own
  sleep at once    OMP_WAIT_POLICY=PASSIVE, GOMP_SPINCOUNT=0

Each way runs in a process of its own (the runtime reads the variables when it loads), base on
CPU with the app's threads, a short phrase and a long reply in the project's English voice, each
transcribed three times after one warm-up; the ways take turns, twice. Printed, not asserted: the
mean seconds a transcription and the ratio to the app's way in the same run.

Run: python -m bench.recognition_threads [--quick]
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WAYS = (
    ("spin 20,000 (the app's)", {"GOMP_SPINCOUNT": "20000"}),
    ("spin 300,000 (libgomp's own)", {"GOMP_SPINCOUNT": "300000"}),
    ("sleep at once (PASSIVE)", {"GOMP_SPINCOUNT": "0", "OMP_WAIT_POLICY": "PASSIVE"}),
)
CLIPS = {
    "phrase": "Calm down, lady, can't you read?",
    "reply": ("I'm happy to explain: the household price has been a flat 4.32 hryvnias per kilowatt hour "
              "since 1 June 2024, VAT included, with no volume tiers, so I can help you work out any bill."),
}
CHILD = """
import json, sys, time
from simulator.voice import asr, audio, tts
clips = json.loads(sys.argv[1])
transcriber = asr.get_transcriber()
out = {}
for name, text in clips.items():
    samples = audio.decode(tts.synthesize(text, tts.VoiceSpec("en", gender="male")), audio.Limits())
    transcriber.transcribe(samples, "en")
    times = []
    for _ in range(int(sys.argv[2])):
        started = time.perf_counter()
        transcriber.transcribe(samples, "en")
        times.append(time.perf_counter() - started)
    out[name] = times
print(json.dumps(out))
"""


def _measure(extra: dict, repeats: int) -> dict[str, list[float]]:
    env = {k: v for k, v in os.environ.items() if k not in ("GOMP_SPINCOUNT", "OMP_WAIT_POLICY")} | extra
    done = subprocess.run([sys.executable, "-c", CHILD, json.dumps(CLIPS), str(repeats)], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def run(quick: bool = False) -> dict:
    rounds, repeats = (1, 2) if quick else (2, 3)
    load = os.getloadavg()
    print(f"recognition threads bench on {os.cpu_count()} cores, load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}: "
          f"base, English, {repeats} transcriptions a clip after a warm-up, {rounds} round(s) a way")
    figures: dict = {}
    for condition in ("cores free", "every core also busy"):
        busy = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(os.cpu_count() or 1)] \
            if condition != "cores free" else []
        try:
            times = {name: {clip: [] for clip in CLIPS} for name, _ in WAYS}
            for _ in range(rounds):
                for name, extra in WAYS:
                    for clip, seconds in _measure(extra, repeats).items():
                        times[name][clip] += seconds
        finally:
            for process in busy:
                process.kill()
                process.wait()
        figures[condition] = {name: {clip: statistics.mean(s) for clip, s in clips.items()} for name, clips in times.items()}
        base = figures[condition][WAYS[0][0]]
        print(f"\n{condition}:")
        print(f"  {'way':30} {'2 s phrase':>11} {'ratio':>6} {'14 s reply':>11} {'ratio':>6}")
        for name, means in figures[condition].items():
            print(f"  {name:30} {means['phrase']:10.2f}s {means['phrase'] / base['phrase']:6.2f} "
                  f"{means['reply']:10.2f}s {means['reply'] / base['reply']:6.2f}")
    return figures


if __name__ == "__main__":
    run(quick="--quick" in sys.argv[1:])
