"""Hands-free calls in a real browser, one English and one Ukrainian, each from its first line
to its scorecard with no record, send or end button pressed (only the switch to hands-free and
"Later" for the voice check). The microphone is a WAV in our own voice, carried to the app over
WebRTC with no ICE server; Chromium reads it again each time a call opens the microphone.

- English: the reply (two phrases with a pause between them) is heard and the customer
  answers; then a rude phrase: the customer cuts in, audibly, and hangs up.
- Ukrainian: the reply is heard and the customer answers; then silence: the customer checks
  the line, audibly, and after the scenario's silences hangs up.

"Audibly": the customer's line has a player in the page that has started playing."""
from __future__ import annotations

import os
import re
from pathlib import Path

import numpy as np
from e2e_helpers import customer_lines, finish_on_scorecard, log_in, node_of, screenshot, start_practice

from simulator.call import customer_behaviour
from simulator.library.loader import load_library
from simulator.voice import audio, tts

ROOT = Path(__file__).resolve().parents[2]
WEBRTC_CONNECTS = 8.0       # Chromium plays the file from the moment the page opens the microphone, but the app
                            # gets the audio only once WebRTC has connected (seconds on a busy machine)
RUDE = "Calm down, lady, can't you read?"
PLAYING = """([texts]) => [...document.querySelectorAll('[data-testid="stChatMessage"]')].some(m =>
    texts.some(t => m.innerText.includes(t)) && [...m.querySelectorAll('audio')].some(a => a.currentTime > 0))"""


def _say(text: str, language: str) -> np.ndarray:
    spoken = audio.decode(tts.synthesize(text, tts.VoiceSpec(language, gender="male")), audio.Limits())
    loud = np.flatnonzero(np.abs(spoken) > 0.01)
    return spoken[loud[0]:loud[-1] + 1]


def _quiet(seconds: float) -> np.ndarray:
    return np.zeros(round(seconds * audio.SAMPLE_RATE), np.float32)


def _hands_free_call(page, app_server, microphone, scenario_id: str, after_reply) -> object:
    """Log in, start ``scenario_id`` with the microphone saying the first line's shortest
    reference answer (its first and last sentences) and then ``after_reply(scenario)``, and
    wait for the customer's answer to it."""
    scenario = load_library(ROOT / "scenarios").get(scenario_id)
    log_in(page, app_server.url)
    page.locator(f".st-key-scenario_card-{scenario_id}-practice").wait_for(timeout=180_000)    # a new server's first catalogue
    start_practice(page, scenario_id)
    page.get_by_role("button", name="Пізніше").click()          # the voice check, another time
    node = node_of(scenario, customer_lines(page, scenario)[-1])
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", min(scenario.nodes[node].references, key=len)) if s][:2]
    spoken = np.concatenate([_quiet(WEBRTC_CONNECTS), _say(sentences[0], scenario.language), _quiet(0.6),
                             _say(sentences[-1], scenario.language), after_reply(scenario)])
    staged = microphone.with_suffix(".next.wav")
    staged.write_bytes(audio.wav_bytes(spoken, audio.SAMPLE_RATE))
    os.replace(staged, microphone)          # read when the microphone opens
    page.get_by_text("Розмова без кнопок").click()
    page.get_by_text("Слухаю вас").or_(page.get_by_text("Говорить клієнт")).first.wait_for(timeout=60_000)
    assert page.get_by_role("button", name="Record").count() == 0
    # the customer answers: wait for their words, not the message box (drawn before its text on a loaded CI)
    page.get_by_test_id("stChatMessage").filter(has_text=f"{scenario.persona.name}:").nth(1).wait_for(timeout=120_000)
    assert len(customer_lines(page, scenario)) >= 2
    return scenario


def test_an_english_hands_free_call_the_customer_answers_then_cuts_in_on_rudeness(page, app_server, microphone):
    # 3 s after the reply, a rant: the rude phrase again and again, 0.5 s apart (one turn, under the
    # customer's 45 s): whenever the customer's answer ends, the app hears the rest of it, and the
    # customer cuts in once a phrase of it is transcribed
    rude = lambda scenario: np.concatenate([_quiet(3.0)] + [np.concatenate([_say(RUDE, "en"), _quiet(0.5)])  # noqa: E731
                                                            for _ in range(14)])
    _hands_free_call(page, app_server, microphone, "en-two-zone-price", rude)
    trainee = page.get_by_test_id("stChatMessage").nth(1).inner_text()
    assert any(word in trainee.lower() for word in ("kilowatt", "hour", "price", "uah", "hryvn")), trainee
    screenshot(page, "41-hands-free-answered")
    page.wait_for_function(PLAYING, arg=[list(customer_behaviour.CUT_IN["en"])], timeout=120_000)     # heard cutting in
    screenshot(page, "42-hands-free-cut-in")
    page.wait_for_url("**/attempt?attempt=*", timeout=120_000)       # the rude reply: they hang up
    page.get_by_text("клієнт поклав слухавку").first.wait_for()
    finish_on_scorecard(page, "43-hands-free-scorecard")


def test_a_ukrainian_hands_free_call_the_customer_answers_then_checks_the_line(page, app_server, microphone):
    scenario = _hands_free_call(page, app_server, microphone, "uk-heating-discount", lambda scenario: _quiet(2.0))
    page.wait_for_function(PLAYING, arg=[list(scenario.silence_prompt)], timeout=120_000)     # «Алло? Ви мене чуєте?», heard
    screenshot(page, "44-hands-free-uk-silence")
    page.wait_for_url("**/attempt?attempt=*", timeout=120_000)       # silent beyond the scenario's silences: they hang up
    page.get_by_text("клієнт поклав слухавку").first.wait_for()
    finish_on_scorecard(page, "45-hands-free-uk-scorecard")
