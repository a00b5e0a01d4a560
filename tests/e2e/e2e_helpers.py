"""Helpers for the browser tests (a plain module: the tests import it by name).

A real app server and a real browser: `streamlit run serve.py` (as ./run.sh starts the app) on a
free port with its own temporary data folder, and Debian's Chromium driven by Playwright, with a WAV file
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
from collections.abc import Callable
from pathlib import Path

from simulator.scenario.model import Scenario

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts" / "e2e"
INSTALL = "run ./test.sh, which installs it (Debian package chromium, Python package playwright)"
SERVER_START_SECONDS = 90
TURN_SECONDS = 90


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
        command = [sys.executable, "-m", "streamlit", "run", "serve.py", "--server.headless", "true",
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


def log_in(page, url: str, username: str = "demo-trainee", landing: str = "Сценарії для тренування") -> None:
    """Log in as a demo account and wait for the role's landing page (its heading). A browser
    that is logged in already (its session cookie) lands there without the form."""
    page.goto(url)
    form = page.get_by_label("Ім'я користувача")
    heading = page.get_by_role("heading", name=landing)
    form.or_(heading).first.wait_for()
    if form.count():
        form.fill(username)
        page.get_by_label("Пароль").fill("demo-password")
        page.get_by_role("button", name="Увійти").click()
    heading.wait_for()


def start_practice(page, scenario_id: str) -> None:
    page.locator(f".st-key-scenario_card-{scenario_id}-practice button").click()
    page.wait_for_url("**/call?attempt=*")
    # the message box arrives before its text; a loaded machine showed the box with no line yet
    page.get_by_test_id("stChatMessage").filter(has=page.locator("strong")).first.wait_for()


def customer_lines(page, scenario: Scenario) -> list[str]:
    return page.get_by_test_id("stChatMessage").filter(has_text=f"{scenario.persona.name}:").all_inner_texts()


def node_of(scenario: Scenario, shown: str) -> str:
    """The node whose customer line (or the silence prompt) is on screen."""
    for node_id, node in scenario.nodes.items():
        if not node.is_end and any(" ".join(line.split()) in " ".join(shown.split()) for line in node.customer):
            return node_id
    raise AssertionError(f"no node of {scenario.id} says: {shown!r}")


def wait_for_next(page, scenario: Scenario, lines_before: int) -> bool:
    """Wait until a new customer line appears (True) or the scorecard opens (False)."""
    deadline = time.monotonic() + TURN_SECONDS
    while time.monotonic() < deadline:
        if "/attempt" in page.url:
            page.get_by_test_id("stAlertContentSuccess").or_(page.get_by_test_id("stAlertContentError")).first.wait_for()
            return False
        if len(customer_lines(page, scenario)) > lines_before:
            return True
        page.wait_for_timeout(200)
    raise AssertionError(f"no new customer line within {TURN_SECONDS} s (page {page.url})")


def answer_every_turn(page, scenario: Scenario, answer: Callable[[str], None], feedback_shot: str) -> None:
    """Answer the node on screen with ``answer(node_id)`` until the scorecard opens; a
    screenshot of the first reply's feedback on the way."""
    while True:
        lines = customer_lines(page, scenario)
        answer(node_of(scenario, lines[-1]))
        if not wait_for_next(page, scenario, len(lines)):
            return
        if len(lines) == 1:
            page.get_by_text("Оцінка відповіді 1").wait_for()
            screenshot(page, feedback_shot)


def finish_on_scorecard(page, name: str) -> None:
    assert "/attempt" in page.url
    page.get_by_text("Відповідь за відповіддю").wait_for()
    verdict = page.get_by_test_id("stAlert").first.inner_text()
    assert "Зараховано" in verdict or "Не зараховано" in verdict, verdict
    screenshot(page, name)
