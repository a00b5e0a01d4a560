"""The app in a real browser: the demo trainee logs in, completes an English chat scenario by
typing and a Ukrainian voice scenario by recording and sending each reply through the fake
microphone, and each call ends on its scorecard. Screenshots go to test-artifacts/e2e/.
(English speech in the browser: test_hands_free_browser.py. An English call recorded and sent
here as well took almost three minutes of a suite that must stay under 20.)

Which answer to give is read off the page: the customer's line on screen names the node the
call is at (branches may take another path than expected), and the test answers it with that
node's reference answer.
"""
from __future__ import annotations

import os
import time
from pathlib import Path

from e2e_helpers import (answer_every_turn, customer_lines, finish_on_scorecard, log_in, node_of, screenshot,
                         start_practice, wait_for_next)

from simulator.library.loader import load_library
from simulator.voice import tts
from simulator.voice.audio import read_wav

ROOT = Path(__file__).resolve().parents[2]
LIBRARY = load_library(ROOT / "scenarios")
CHAT_SCENARIO = "en-payment-slip"


def test_trainee_completes_a_chat_call(page, app_server):
    """The trainee's day on the chat channel: a refresh mid-call keeps them in the call, the
    call ends on the customer's last words and "try again", and a bookmark of the scorecard
    opened in a new browser asks to log in (no "Page not found") and then opens it."""
    scenario = LIBRARY.get(CHAT_SCENARIO)
    log_in(page, app_server.url)
    screenshot(page, "01-catalogue")
    started = time.monotonic()
    start_practice(page, CHAT_SCENARIO)

    def type_reply(node: str) -> None:
        box = page.get_by_test_id("stChatInputTextArea")
        box.fill(scenario.nodes[node].references[0])
        box.press("Enter")

    page.get_by_test_id("stChatMessage").filter(has_text=f"{scenario.persona.name}:").first.wait_for()
    opening = node_of(scenario, customer_lines(page, scenario)[-1])
    first = scenario.nodes[opening].references[0]
    type_reply(opening)
    assert wait_for_next(page, scenario, 1)
    page.get_by_text("Оцінка відповіді 1").wait_for()
    screenshot(page, "02-chat-feedback")
    call_url = page.url
    page.reload()                                   # F5 mid-call: a new Streamlit session
    page.get_by_test_id("stChatInputTextArea").wait_for()      # drawn after the whole conversation
    assert len(customer_lines(page, scenario)) == 2
    assert page.url == call_url and page.get_by_text(first).count() >= 1
    assert page.get_by_label("Пароль").count() == 0
    screenshot(page, "02b-chat-after-refresh")
    answer_every_turn(page, scenario, type_reply, "02-chat-feedback")
    finish_on_scorecard(page, "03-chat-scorecard")
    print(f"chat call, start to scorecard: {time.monotonic() - started:.1f} s")
    page.get_by_text("Кінець дзвінка").wait_for()
    closing = page.get_by_test_id("stChatMessage").filter(has_text=f"{scenario.persona.name}:").first.inner_text()
    assert any(" ".join(line.split()) in " ".join(closing.split()) for node in scenario.nodes.values() if node.is_end
               for line in node.customer), closing
    page.get_by_role("button", name="Наступний сценарій:").wait_for()
    assert page.get_by_role("button", name="Спробувати ще раз").is_visible()     # right under the verdict
    screenshot(page, "03b-chat-what-next")

    bookmark = page.url
    fresh = page.context.browser.new_context(viewport={"width": 1280, "height": 900}, locale="uk-UA").new_page()
    try:
        fresh.goto(bookmark)
        fresh.get_by_label("Пароль").wait_for()
        fresh.wait_for_timeout(1000)                # Streamlit's modal, if any, comes with the first run
        assert fresh.get_by_text("Page not found").count() == 0
        screenshot(fresh, "04-bookmark-login")
        log_in(fresh, bookmark, landing=scenario.title)
        assert "/attempt?attempt=" in fresh.url
        fresh.get_by_text("Кінець дзвінка").wait_for()
    finally:
        fresh.context.close()

    # issue 17: the call's map below the scorecard; the second line answered again without the
    # date, and the customer, who went on to 'expected' after the model answer, asks for it
    page.get_by_role("heading", name="Карта розмови").wait_for()
    drawing = page.locator(".st-key-branch_map img")
    drawing.scroll_into_view_if_needed()
    assert drawing.evaluate("image => image.complete && image.naturalWidth > 0")     # the SVG drew
    screenshot(page, "03c-chat-branch-map")
    page.locator(".st-key-branch_map-rewind-1 button:visible").click()     # step 2: a button with its help
    page.wait_for_url("**/call?attempt=*")
    page.get_by_test_id("stChatInputTextArea").wait_for()
    lines = customer_lines(page, scenario)
    assert node_of(scenario, lines[-1]) == "due-date" and len(lines) == 2      # the turns before, replayed
    box = page.get_by_test_id("stChatInputTextArea")
    box.fill("You can pay it in your banking app with the IBAN printed on the bill.")
    box.press("Enter")
    assert wait_for_next(page, scenario, len(lines))
    assert node_of(scenario, customer_lines(page, scenario)[-1]) == "asks-deadline"
    screenshot(page, "03d-chat-rewound")


def press_record(page, attempts: int = 3) -> None:
    """Press Record until recording starts: a click that lands while the page is still redrawing
    the previous turn hits a recorder that is about to be replaced (seen once on a loaded CI)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for attempt in range(attempts):
        page.get_by_role("button", name="Record", exact=True).click()
        try:
            page.get_by_role("button", name="Stop recording").wait_for(timeout=15_000)
            return
        except PlaywrightTimeout:
            if attempt == attempts - 1:
                raise


def say_and_send(page, microphone: Path, answer: bytes) -> float:
    """Record ``answer`` (WAV bytes) through the fake microphone and send it; its seconds."""
    from playwright.sync_api import expect

    samples, rate = read_wav(answer)
    spoken = microphone.with_suffix(".next.wav")
    spoken.write_bytes(answer)
    os.replace(spoken, microphone)      # Chromium reads the file again at each new recording
    press_record(page)
    page.wait_for_timeout(int((samples.size / rate + 0.6) * 1000))
    page.get_by_role("button", name="Stop recording").click()
    send = page.get_by_role("button", name="Надіслати відповідь")
    expect(send).to_be_enabled(timeout=15_000)
    send.click()
    return samples.size / rate


def test_a_ukrainian_reference_spoken_in_the_browser_keeps_its_facts(page, app_server, microphone):
    """«Рахунок за середнім» answered out loud with each node's reference answer in our
    Ukrainian voice (its shortest), which Whisper base writes down as near-gibberish (CER about 0.45; the
    wave the server receives from the browser matches the one sent, docs/voice.md): each
    reply is read from the recording as the reference answer it says, so the call passes.
    A reply the page holds back as not heard clearly is counted as it is, as a trainee would."""
    from playwright.sync_api import expect

    scenario = LIBRARY.get("uk-estimated-bill")      # the library's Ukrainian call with the least to say (about 30 s)
    voice = tts.VoiceSpec("uk", gender="male")
    log_in(page, app_server.url)
    start_practice(page, scenario.id)

    def speak_reply(node: str) -> None:
        lines = len(customer_lines(page, scenario))
        shortest = min(scenario.nodes[node].references, key=len)     # spoken in real time
        say_and_send(page, microphone, tts.synthesize(shortest, voice))
        count = page.get_by_role("button", name="Зарахувати як є")
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and "/attempt" not in page.url and len(customer_lines(page, scenario)) == lines:
            if count.count():
                count.click()
                return
            page.wait_for_timeout(200)
        if time.monotonic() >= deadline:
            screenshot(page, f"09-uk-voice-stuck-at-{node}")

    answer_every_turn(page, scenario, speak_reply, "07-uk-voice-feedback")
    finish_on_scorecard(page, "08-uk-voice-scorecard")
    expect(page.get_by_text("Результат: питання вирішено")).to_be_visible()
    accuracy = page.get_by_test_id("stMetric").filter(has_text="Точність").first.inner_text()
    assert int(accuracy.split()[-1]) >= 60, accuracy      # before: «key facts 0 of 2», the model answer failed with 39
    expect(page.get_by_text("Зараховано:")).to_be_visible()     # before: failed with 58, empathy 10 on the garbled text
    page.get_by_test_id("stExpander").filter(has_text="1. ").first.click()    # each reply's recording on the scorecard
    page.get_by_test_id("stAudio").first.wait_for()
    screenshot(page, "06-voice-scorecard-turn")
