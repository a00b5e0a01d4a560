"""Recognition workers: throughput of N spoken replies heard by 1 and 2 worker processes, same run.

Each reply goes the call page's way (simulator.voice.worker_pool.hear: the line, then
speech.hear in a worker: the transcript and the key facts it misses checked against the
recording), N replies sent at once, alternately a Ukrainian and an English reference answer
in our TTS voice. Configurations, on the same clips:
  1 worker  x 1 thread     the unit
  2 workers x 1 thread     target: close to 2x the unit's throughput on 2 free cores
  1 worker  x 2 threads    one model using both cores (what the app's own process does by default)
Transcription servers on loopback (the way to add machines) are measured the same way by
bench/asr_servers.py.

Printed, not asserted. Other work on the machine takes cores from the workers, so the load
average is printed first and each line says how many cores the workers actually got (their
CPU time over the wall time) and the replies per core-minute, which do not depend on it.

Run: python -m bench.worker_pool [--quick]
"""
from __future__ import annotations

import os
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor

from bench.asr_servers import _cpu_seconds

CONFIGURATIONS = (("1 worker  x 1 thread", 1, 1), ("2 workers x 1 thread", 2, 1), ("1 worker  x 2 threads", 1, 2))
REPLIES = (("uk-estimated-bill", "opening"), ("en-three-zone-readings", "opening"))


def clips() -> list[tuple]:
    """(scenario, node id, samples) of each reply: the node's shortest reference answer spoken."""
    from simulator.library.loader import load_library
    from simulator.voice import speech, tts

    library = load_library("scenarios")
    out = []
    for scenario_id, node_id in REPLIES:
        scenario = library.get(scenario_id)
        text = min(scenario.nodes[node_id].references, key=len)
        wav = tts.synthesize(text, tts.VoiceSpec(scenario.language, gender="female", rate=170))
        out.append((scenario, node_id, speech.check_recording(wav)))
    return out


def run(quick: bool = False) -> dict:
    from simulator.voice.worker_pool import Recognition, WorkerPool

    replies = 4 if quick else 12
    load = os.getloadavg()
    print(f"recognition workers bench on {os.cpu_count()} cores, load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}: "
          f"{replies} spoken replies (uk and en in turn) sent at once, heard as the call page hears them")
    work = clips()
    figures: dict = {}
    for name, workers, threads in CONFIGURATIONS:
        pool = WorkerPool(workers, threads=threads)
        try:
            pids = pool.start()
            recognition = Recognition(pool)
            recognition.hear(*work[0], wait=600)        # warm-up
            cpu = _cpu_seconds(pids)
            figures[name] = result = _at_once(recognition, work, replies)
            cpu = _cpu_seconds(pids) - cpu
        finally:
            pool.close()
        result["worker_cores"] = round(cpu / result["wall_s"], 2)
        result["replies_per_core_minute"] = round(60 * result["heard"] / cpu, 1) if cpu else float("nan")
        print(f"  {name:22} {result['replies_per_minute']:5.1f} replies/min, all heard in {result['wall_s']:5.1f} s, "
              f"latency median {result['median_s']:.1f} s (max {result['max_s']:.1f})"
              + (f", errors {result['errors']}" if result["errors"] else "")
              + f"; the workers got {result['worker_cores']:.2f} cores, "
              f"{result['replies_per_core_minute']:.1f} replies per core-minute")
    one, two, both = (figures[name] for name, _, _ in CONFIGURATIONS)
    figures["two_over_one"] = round(two["replies_per_minute"] / one["replies_per_minute"], 2)
    figures["two_over_one_per_core"] = round(two["replies_per_core_minute"] / one["replies_per_core_minute"], 2)
    figures["two_over_one_two_threads"] = round(two["replies_per_minute"] / both["replies_per_minute"], 2)
    print(f"  2 workers give {figures['two_over_one']:.2f}x the throughput of 1 (target close to 2x on 2 free cores) "
          f"with {two['worker_cores']:.2f} cores against {one['worker_cores']:.2f}; per core {figures['two_over_one_per_core']:.2f}x; "
          f"{figures['two_over_one_two_threads']:.2f}x that of 1 worker with 2 threads")
    return figures


def _at_once(recognition, work: list[tuple], replies: int) -> dict:
    def one(k: int):
        started = time.perf_counter()
        try:
            recognition.hear(*work[k % len(work)], wait=600)
        except Exception as exc:  # noqa: BLE001 -- counted and printed: a bench does not stop on a refusal
            return None, f"{type(exc).__name__}: {exc}"
        return time.perf_counter() - started, None

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=replies) as threads:
        results = list(threads.map(one, range(replies)))
    wall = time.perf_counter() - started
    latencies = [latency for latency, _ in results if latency is not None]
    return {
        "replies": replies, "heard": len(latencies), "wall_s": round(wall, 2),
        "replies_per_minute": round(len(latencies) / wall * 60, 1),
        "median_s": round(statistics.median(latencies), 2) if latencies else float("nan"),
        "max_s": round(max(latencies), 2) if latencies else float("nan"),
        "errors": sorted({error for _, error in results if error}),
    }


def main(argv: list[str]) -> int:
    run(quick="--quick" in argv)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
