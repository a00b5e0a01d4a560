"""Fixtures for the browser tests: the app server, Chromium with a fake microphone, a page.

No Chromium or no Playwright is a failure, never a skip: ./test.sh installs them.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from e2e_helpers import CHROMIUM, INSTALL, AppServer

from simulator.voice.audio import wav_bytes


@pytest.fixture(scope="session")
def app_server(tmp_path_factory):
    server = AppServer(tmp_path_factory.mktemp("e2e-app"))
    try:
        print(f"\napp server answered after {server.wait_until_up():.1f} s")
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def microphone(tmp_path_factory) -> Path:
    """The file Chromium records from; a test writes each answer over it before recording."""
    return tmp_path_factory.mktemp("e2e-mic") / "microphone.wav"


@pytest.fixture(scope="session")
def browser(microphone):
    if not CHROMIUM.exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: {INSTALL}", pytrace=False)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail(f"the playwright package is missing: {INSTALL}", pytrace=False)
    microphone.write_bytes(wav_bytes(np.zeros(16000, np.float32), 16000))   # silence until a test speaks
    args = [
        "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
        f"--use-file-for-fake-audio-capture={microphone}%noloop",
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--autoplay-policy=no-user-gesture-required",
    ]
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=args)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, app_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="uk-UA")
    context.grant_permissions(["microphone"], origin=app_server.url)
    opened = context.new_page()
    opened.set_default_timeout(30_000)
    yield opened
    context.close()
