"""Helpers for the browser tests (a plain module: the tests import it by name).

A real app server and a real browser: `streamlit run streamlit_app.py` on a free port with
its own temporary data folder, and Debian's Chromium driven by Playwright, with a WAV file
standing in for the microphone (see shared ARCHITECTURE.md).

Chromium reads the fake-microphone file again at every new recording, so one browser can
answer every turn of a call: the test writes the next answer's WAV over the file before it
presses Record (measured: three takes alternating two files arrived as those files).

"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts" / "e2e"
INSTALL = "run ./test.sh, which installs it (Debian package chromium, Python package playwright)"
SERVER_START_SECONDS = 90


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class AppServer:
    """`streamlit run` in its own process group, on loopback, with a temporary data folder."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = folder / "streamlit.log"
        env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL" and not k.startswith("SIMULATOR_")}
        env.update(
            SIMULATOR_DATA_DIR=str(folder / "data"),
            SIMULATOR_TTS_CACHE=str(folder / "tts-cache"),
            SIMULATOR_MODEL_DIR=str(folder / "models"),
            SIMULATOR_DEMO="1",
        )
        command = [sys.executable, "-m", "streamlit", "run", "streamlit_app.py", "--server.headless", "true",
                   "--server.address", "127.0.0.1", "--server.port", str(self.port),
                   "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
        with open(self.log, "wb") as out:
            self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                                            start_new_session=True)

    def wait_until_up(self) -> float:
        started = time.monotonic()
        while time.monotonic() - started < SERVER_START_SECONDS:
            if self.process.poll() is not None:
                raise RuntimeError(f"streamlit exited with {self.process.returncode}:\n{self.log.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as answer:
                    if answer.status == 200:
                        return time.monotonic() - started
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"streamlit did not answer within {SERVER_START_SECONDS} s:\n{self.log.read_text()[-3000:]}")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=15)


def screenshot(page, name: str) -> Path:
    """A full-page screenshot under test-artifacts/e2e/ (gitignored); prints its path."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    print(f"screenshot: {path}")
    return path
