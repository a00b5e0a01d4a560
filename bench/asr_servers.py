"""Transcription servers: throughput of N spoken replies through 1 and 2 servers, same run.

Issue 12 wants "two transcription workers give close to twice the throughput of one". Each
worker here is a `python -m simulator asr-server` process on loopback running base, reached
through the http backend (SIMULATOR_ASR_BACKEND=http) as an app replica would, with N replies
sent at once. On this 2-core machine a fair test of scaling gives each server 1 CPU thread:
  1 server  x 1 thread    the unit
  2 servers x 1 thread    the same work spread over two processes (target: close to 2x)
and, for the whole picture on the same machine:
  1 server  x 2 threads   one worker using both cores (what the in-process default does)
  1 server, 2 decodes at once x 1 thread each (--parallel 2): two workers in one process
A site adds machines the way the second line adds a process: one more URL in SIMULATOR_ASR_URL.

Printed, not asserted. Other work on the machine takes cores from the servers, so the load
average is printed first and each line says how many cores the servers actually got (their
CPU time over the wall time): the ratio of two servers to one means something only when
they got about 2 and 1.

Run: python -m bench.asr_servers [--quick]   (or python -m simulator bench)
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench.voice import REPLY_SECONDS, _reply_clip

MODEL = "base"
LANGUAGE = "en"
CONFIGURATIONS = (  # (name, [(threads, parallel) per server])
    ("1 server  x 1 thread", [(1, 1)]),
    ("2 servers x 1 thread", [(1, 1), (1, 1)]),
    ("1 server  x 2 threads", [(2, 1)]),
    ("1 server, 2 decodes x 1 thread", [(1, 2)]),
)


def run(quick: bool = False) -> dict:
    from simulator.voice.http_backend import HttpTranscriber

    replies = 4 if quick else 12
    load = os.getloadavg()
    print(
        f"transcription servers bench on {os.cpu_count()} cores, load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}: "
        f"{replies} replies of {REPLY_SECONDS:.0f} s ({MODEL}, {LANGUAGE}) sent at once through the http backend"
    )
    figures: dict = {}
    with tempfile.TemporaryDirectory(prefix="asr-servers-bench-") as tmp:
        clip = _reply_clip(LANGUAGE, Path(tmp)).read_bytes()
        servers: dict = {}
        try:
            for name, shape in CONFIGURATIONS:
                # The first configuration's server is reused as the first of two: same process, warm.
                urls, used = [], []
                for k, (threads, parallel) in enumerate(shape):
                    key = (k, threads, parallel)
                    if key not in servers:
                        servers[key] = _server(Path(tmp) / f"server-{len(servers)}.log", threads, parallel, replies)
                        HttpTranscriber(MODEL, urls=[servers[key].url]).transcribe(clip, LANGUAGE)  # warm-up
                    urls.append(servers[key].url)
                    used.append(servers[key].process.pid)
                cpu = _cpu_seconds(used)
                figures[name] = result = _send_at_once(HttpTranscriber(MODEL, urls=urls, timeout=600), clip, replies)
                cpu = _cpu_seconds(used) - cpu
                result["server_cores"] = round(cpu / result["wall_s"], 2)
                result["cpu_s_per_reply"] = round(cpu / replies, 2)
                result["replies_per_core_minute"] = round(60 * replies / cpu, 1) if cpu else float("nan")
                print(
                    f"  {name:31} {result['replies_per_minute']:5.1f} replies/min, all done in {result['wall_s']:5.1f} s, "
                    f"latency median {result['median_s']:.1f} s (max {result['max_s']:.1f}), per server {result['per_server']}"
                    + (f", errors {result['errors']}" if result["errors"] else "")
                    + f"\n  {'':31} decode median {result['decode_median_s']:.2f} s; the servers got "
                    f"{result['server_cores']:.2f} cores, {result['cpu_s_per_reply']:.2f} CPU s a reply "
                    f"({result['replies_per_core_minute']:.1f} replies per core-minute)"
                )
        finally:
            for server in servers.values():
                server.stop()
    one, two = figures[CONFIGURATIONS[0][0]], figures[CONFIGURATIONS[1][0]]
    whole = figures[CONFIGURATIONS[2][0]]
    if one["replies_per_minute"] and whole["replies_per_minute"]:
        figures["two_over_one"] = round(two["replies_per_minute"] / one["replies_per_minute"], 2)
        figures["two_over_one_with_both_cores"] = round(two["replies_per_minute"] / whole["replies_per_minute"], 2)
        print(
            f"  2 servers give {figures['two_over_one']:.2f}x the throughput of 1 (1 thread each; target close to 2x) "
            f"with {two['server_cores']:.2f} cores against {one['server_cores']:.2f}, "
            f"{figures['two_over_one_with_both_cores']:.2f}x that of 1 server with 2 threads"
        )
    return figures


def _send_at_once(transcriber, clip: bytes, replies: int) -> dict:
    def one(_):
        started = time.perf_counter()
        try:
            transcript = transcriber.transcribe(clip, LANGUAGE)
        except Exception as exc:  # counted and printed: a bench does not stop on a refusal
            return None, f"{type(exc).__name__}: {exc}"
        return (time.perf_counter() - started, transcript.timings.get("transcribe")), None

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=replies) as pool:
        results = list(pool.map(one, range(replies)))
    wall = time.perf_counter() - started
    done = [r for r, _ in results if r is not None]
    latencies = [latency for latency, _ in done]
    decodes = [decode for _, decode in done if decode is not None]
    return {
        "replies": replies,
        "wall_s": round(wall, 2),
        "replies_per_minute": round(len(done) / wall * 60, 1),
        "median_s": round(statistics.median(latencies), 2) if latencies else float("nan"),
        "max_s": round(max(latencies), 2) if latencies else float("nan"),
        "decode_median_s": round(statistics.median(decodes), 2) if decodes else float("nan"),
        "per_server": [s.transcribed for s in transcriber.pool.servers],
        "errors": sorted({error for _, error in results if error}),
    }


def _cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time of these processes so far (all their threads)."""
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    return total / os.sysconf("SC_CLK_TCK")


def _server(log: Path, threads: int, parallel: int, queue: int):
    from simulator.voice.asr_server import Spawned

    env = {k: v for k, v in os.environ.items() if k != "SIMULATOR_ASR_API_KEY"}
    args = ("--model", MODEL, "--threads", str(threads), "--parallel", str(parallel), "--max-queue", str(queue))
    return Spawned(*args, log=log, env=env)


def main(argv: list[str]) -> int:
    run(quick="--quick" in argv)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
