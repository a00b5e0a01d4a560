"""A hands-free call in a real browser: the microphone is a WAV of two phrases with a pause
between them (our English voice), carried to the app over WebRTC with no ICE server; the
customer's line plays by itself, the reply is heard without a record or send button, the
customer answers; then the trainee stays silent and the customer asks whether they are
there; the trainee ends the call and it shows its scorecard. No record or send button is
pressed: only the switch to hands-free ("Later" for the voice check, and ending the call)."""
from __future__ import annotations

import os
import re
from pathlib import Path

import numpy as np
from e2e_helpers import customer_lines, finish_on_scorecard, log_in, node_of, screenshot, start_practice

from simulator.scenario.loader import load_library
from simulator.voice import audio, tts

ROOT = Path(__file__).resolve().parents[2]
SCENARIO = "en-two-zone-price"
VOICE = tts.VoiceSpec("en", gender="male")


def _say(text: str) -> np.ndarray:
    spoken = audio.decode(tts.synthesize(text, VOICE), audio.Limits())
    loud = np.flatnonzero(np.abs(spoken) > 0.01)
    return spoken[loud[0]:loud[-1] + 1]


def test_a_hands_free_call_needs_no_record_button(page, app_server, microphone):
    scenario = load_library(ROOT / "scenarios").get(SCENARIO)
    log_in(page, app_server.url)
    page.locator(f".st-key-scenario_card-{SCENARIO}-practice").wait_for(timeout=180_000)    # a new server's first catalogue
    start_practice(page, SCENARIO)
    page.get_by_role("button", name="Пізніше").click()          # the voice check, another time
    shown = customer_lines(page, scenario)[-1]
    node = node_of(scenario, shown)
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", min(scenario.nodes[node].references, key=len)) if s][:2]
    quiet = lambda seconds: np.zeros(round(seconds * audio.SAMPLE_RATE), np.float32)    # noqa: E731
    # Chromium plays this from the moment the page opens the microphone, but the app gets the
    # audio only once WebRTC has connected (seconds on a busy machine): the reply starts later
    spoken = np.concatenate([quiet(8.0), _say(sentences[0]), quiet(0.6), _say(sentences[-1]), quiet(2.0)])
    staged = microphone.with_suffix(".next.wav")
    staged.write_bytes(audio.wav_bytes(spoken, audio.SAMPLE_RATE))
    os.replace(staged, microphone)          # read when the microphone opens
    page.get_by_text("Розмова без кнопок").click()
    page.get_by_text("Слухаю вас").or_(page.get_by_text("Говорить клієнт")).first.wait_for(timeout=60_000)
    screenshot(page, "40-hands-free-listening")
    assert page.get_by_role("button", name="Record").count() == 0
    page.get_by_test_id("stChatMessage").nth(2).wait_for(timeout=120_000)      # the customer answers
    assert len(customer_lines(page, scenario)) == 2
    trainee = page.get_by_test_id("stChatMessage").nth(1).inner_text()
    assert any(word in trainee.lower() for word in ("kilowatt", "hour", "price", "uah", "hryvn")), trainee
    screenshot(page, "41-hands-free-answered")
    prompts = re.compile("|".join(re.escape(line) for line in scenario.silence_prompt))
    page.get_by_text(prompts).first.wait_for(timeout=60_000)     # silent now: the customer checks the line
    page.get_by_role("button", name="Завершити дзвінок").click()
    page.get_by_role("button", name="Так, завершити").click()
    page.wait_for_url("**/attempt?attempt=*", timeout=60_000)
    finish_on_scorecard(page, "42-hands-free-scorecard")
