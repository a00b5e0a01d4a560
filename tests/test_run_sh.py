"""`./run.sh` serves this machine only unless told otherwise: it listens on 127.0.0.1 by default,
and on the network only when the site says so (SIMULATOR_ADDRESS). The listening sockets are
read from /proc/net, so what is checked is where the server really accepts connections."""
from __future__ import annotations

import ipaddress
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
START_SECONDS = 90


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def listening(port: int) -> set[str]:
    """The addresses with a socket listening on TCP ``port``."""
    found = set()
    for table, width in (("/proc/net/tcp", 4), ("/proc/net/tcp6", 16)):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, local_port = local.split(":")
            if state == "0A" and int(local_port, 16) == port:     # 0A: LISTEN
                raw = bytes.fromhex(address)
                # the kernel writes each 32-bit word in host (little-endian) order
                words = b"".join(raw[i:i + 4][::-1] for i in range(0, width, 4))
                found.add(str(ipaddress.ip_address(words)))
    return found


@pytest.fixture
def checkout(tmp_path) -> Path:
    """run.sh, the app and its config as in the repository, with a set-up step that does nothing
    (the real one installs packages, which the test machine already has)."""
    folder = tmp_path / "app"
    folder.mkdir()
    for name in ("run.sh", "serve.py", "streamlit_app.py"):
        shutil.copy2(ROOT / name, folder / name)
    shutil.copytree(ROOT / ".streamlit", folder / ".streamlit")
    for name in ("simulator", "scenarios", "models", ".venv"):
        (folder / name).symlink_to(ROOT / name)
    (folder / "scripts").mkdir()
    (folder / "scripts" / "setup.sh").write_text("#!/bin/sh\nexit 0\n")
    (folder / "scripts" / "setup.sh").chmod(0o755)
    return folder


def nested_address_sent_to(port: int) -> str:
    """Where the server sends a browser asking for ``/foo/bar`` (serve.py's address rule)."""
    asked = urllib.request.Request(f"http://127.0.0.1:{port}/foo/bar", headers={"Accept": "text/html"})
    with urllib.request.urlopen(asked, timeout=10) as answer:
        return answer.geturl().removeprefix(f"http://127.0.0.1:{port}")


def served(checkout: Path, tmp_path: Path, **settings: str) -> tuple[set[str], str]:
    """Start ./run.sh, wait until it answers, and return the addresses it listens on and where
    it sends a browser asking for a nested address."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SIMULATOR_", "STREAMLIT_")) and k != "DATABASE_URL"}
    env.update(SIMULATOR_DATA_DIR=str(tmp_path / "data"), **settings)
    log = tmp_path / f"run-{port}.log"
    with open(log, "wb") as out:
        process = subprocess.Popen(["./run.sh", "--server.headless", "true", "--server.port", str(port),
                                    "--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false"],
                                   cwd=checkout, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        started = time.monotonic()
        while time.monotonic() - started < START_SECONDS:
            assert process.poll() is None, log.read_text()[-3000:]
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as answer:
                    if answer.status == 200:
                        return listening(port), nested_address_sent_to(port)
            except OSError:
                time.sleep(0.2)
        raise AssertionError(f"run.sh did not answer within {START_SECONDS} s:\n{log.read_text()[-3000:]}")
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def test_run_sh_listens_on_loopback_only_by_default(checkout, tmp_path):
    addresses, nested = served(checkout, tmp_path)
    assert addresses == {"127.0.0.1"}
    assert nested == "/page-not-found?address=foo%2Fbar"        # not Streamlit's blank page (issue 11)


def test_a_site_serves_its_network_by_saying_so(checkout, tmp_path):
    assert "0.0.0.0" in served(checkout, tmp_path, SIMULATOR_ADDRESS="0.0.0.0")[0]
