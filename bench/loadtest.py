"""The load test on both databases, one after the other in the same run.

Starts a throwaway PostgreSQL cluster the way the tests do (tests/store/store_db.py: Debian's
server binaries, a temporary folder, loopback only; note its fsync is off, as in the tests), then
runs `python -m simulator loadtest ARGS` against a fresh SQLite file and against a fresh
PostgreSQL database, each in its own process, and prints both reports.

Run: python -m bench.loadtest [loadtest options, e.g. --trainees 30 --minutes 3 --voice-share 0.33]
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> int:
    from tests.store.store_db import PostgresServer

    server = PostgresServer()
    server.start()
    try:
        with tempfile.TemporaryDirectory(prefix="loadtest-bench-") as tmp:
            for url in (f"sqlite:///{Path(tmp) / 'load.db'}", server.url(server.create_database())):
                print(f"== {url.split(':', 1)[0]}: python -m simulator loadtest {' '.join(argv)}", flush=True)
                env = {**os.environ, "PYTHONPATH": str(ROOT)}
                subprocess.run([sys.executable, "-m", "simulator", "loadtest", *argv, "--database", url], cwd=ROOT,
                               env=env, check=False)
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
