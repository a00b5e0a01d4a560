"""The voice check in a real browser, through the fake microphone (16 kHz WAV as Chrome
records it): the demo trainee opens an English voice call, accepts the check offered before
the first spoken reply, reads the three sentences in our English voice, is told the set-up is
reliable, goes back to the call (the recorder is there, the offer gone) and finds the verdict
on "My progress". Screenshots go to test-artifacts/e2e/."""
from __future__ import annotations

import os

from e2e_helpers import log_in, screenshot, start_practice

from simulator.voice import check, tts
from simulator.voice.audio import read_wav

SCENARIO = "en-three-zone-readings"
VOICE = tts.VoiceSpec("en", gender="male")


def test_a_trainee_checks_their_voice_before_the_first_spoken_reply(page, app_server, microphone):
    from playwright.sync_api import expect

    log_in(page, app_server.url)
    start_practice(page, SCENARIO)
    offer = page.get_by_text("Перевірте голос перед першою усною відповіддю")
    offer.wait_for()
    screenshot(page, "20-voice-check-offer")
    page.get_by_role("button", name="Перевірити голос зараз").click()
    for number, sentence in enumerate(check.SENTENCES["en"], 1):
        spoken = tts.synthesize(sentence, VOICE)
        samples, rate = read_wav(spoken)
        staged = microphone.with_suffix(".next.wav")
        staged.write_bytes(spoken)
        os.replace(staged, microphone)      # Chromium reads the file again at each new recording
        recorder = page.locator(f".st-key-voice_check-call-en-{number}")
        recorder.get_by_role("button", name="Record", exact=True).click()
        recorder.get_by_role("button", name="Stop recording").wait_for()
        page.wait_for_timeout(int((samples.size / rate + 0.6) * 1000))
        recorder.get_by_role("button", name="Stop recording").click()
    run = page.get_by_role("button", name="Перевірити", exact=True)
    expect(run).to_be_enabled(timeout=15_000)
    run.click()
    verdict = page.get_by_test_id("stAlertContentSuccess")
    verdict.wait_for(timeout=180_000)
    assert verdict.inner_text() == "Вас добре чути: усні відповіді на цьому пристрої оцінюватимуться надійно."
    screenshot(page, "21-voice-check-reliable")
    page.get_by_role("button", name="Повернутися до дзвінка").click()
    expect(page.get_by_role("button", name="Record", exact=True)).to_have_count(1)      # the reply's recorder alone
    expect(page.locator(".st-key-voice_check-call-en-1")).to_have_count(0)
    expect(offer).to_have_count(0)
    page.get_by_role("link", name="Мій прогрес").click()
    page.get_by_text("Остання перевірка голосу (англійська,").wait_for()
    assert "надійно" in page.get_by_text("Остання перевірка голосу (англійська,").inner_text()
