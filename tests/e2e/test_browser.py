"""The app in a real browser: the demo trainee logs in, completes a chat scenario by typing
and a voice scenario by speaking through the fake microphone, and each call ends on its
scorecard. Screenshots go to test-artifacts/e2e/.

Which answer to give is read off the page: the customer's line on screen names the node the
call is at (branches may take another path than expected), and the test answers it with that
node's reference answer (the first when typed, the shortest when spoken by our own TTS).
"""
from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

from e2e_helpers import screenshot

from simulator.scenario.loader import load_library
from simulator.scenario.model import Scenario
from simulator.voice import tts
from simulator.voice.audio import read_wav

ROOT = Path(__file__).resolve().parents[2]
LIBRARY = load_library(ROOT / "scenarios")
CHAT_SCENARIO = "en-payment-slip"
VOICE_SCENARIO = "en-three-zone-readings"
TRAINEE_VOICE = tts.VoiceSpec("en", gender="female", rate=200)
TURN_SECONDS = 90


def log_in(page, url: str) -> None:
    page.goto(url)
    page.get_by_label("Ім'я користувача").fill("demo-trainee")
    page.get_by_label("Пароль").fill("demo-password")
    page.get_by_role("button", name="Увійти").click()
    page.get_by_role("heading", name="Сценарії для тренування").wait_for()


def start_practice(page, scenario_id: str) -> None:
    page.locator(f".st-key-scenario_card-{scenario_id}-practice button").click()
    page.wait_for_url("**/call?attempt=*")
    page.get_by_test_id("stChatMessage").first.wait_for()


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


def test_trainee_completes_a_chat_call(page, app_server):
    scenario = LIBRARY.get(CHAT_SCENARIO)
    log_in(page, app_server.url)
    screenshot(page, "01-catalogue")
    started = time.monotonic()
    start_practice(page, CHAT_SCENARIO)

    def type_reply(node: str) -> None:
        box = page.get_by_test_id("stChatInputTextArea")
        box.fill(scenario.nodes[node].references[0])
        box.press("Enter")

    answer_every_turn(page, scenario, type_reply, "02-chat-feedback")
    finish_on_scorecard(page, "03-chat-scorecard")
    print(f"chat call, start to scorecard: {time.monotonic() - started:.1f} s")


def test_trainee_completes_a_voice_call_through_the_microphone(page, app_server, microphone):
    from playwright.sync_api import expect

    scenario = LIBRARY.get(VOICE_SCENARIO)
    log_in(page, app_server.url)
    started = time.monotonic()
    start_practice(page, VOICE_SCENARIO)
    spoken_seconds = []

    def speak_reply(node: str) -> None:
        answer = tts.synthesize(min(scenario.nodes[node].references, key=len), TRAINEE_VOICE)
        samples, rate = read_wav(answer)
        spoken_seconds.append(samples.size / rate)
        spoken = microphone.with_suffix(".next.wav")
        spoken.write_bytes(answer)
        os.replace(spoken, microphone)      # Chromium reads the file again at each new recording
        page.get_by_role("button", name="Record", exact=True).click()
        page.get_by_role("button", name="Stop recording").wait_for()
        page.wait_for_timeout(int((samples.size / rate + 0.6) * 1000))
        page.get_by_role("button", name="Stop recording").click()
        send = page.get_by_role("button", name="Надіслати відповідь")
        expect(send).to_be_enabled(timeout=15_000)
        send.click()

    answer_every_turn(page, scenario, speak_reply, "04-voice-feedback")
    finish_on_scorecard(page, "05-voice-scorecard")
    print(f"voice call, start to scorecard: {time.monotonic() - started:.1f} s, of which "
          f"{sum(spoken_seconds):.1f} s speaking ({len(spoken_seconds)} replies)")
    page.get_by_test_id("stExpander").filter(has_text="1. ").first.click()
    page.get_by_test_id("stAudio").first.wait_for()
    screenshot(page, "06-voice-scorecard-turn")
