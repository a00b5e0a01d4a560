"""The voice check in the app: the component with real voices and the real speech model (the
verdict in plain words, saved for trainers; an unusable recording named and nothing saved),
the offer before a trainee's first spoken reply, the check on demand on "My progress", and
the one line trainers and HR see."""
from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest
from ui_helpers import VOICE_TIMEOUT, app, open_page, play, shown, texts

from simulator.reports import source
from simulator.store import DEMO_PASSWORD, AudioFiles
from simulator.texts import labels_voice_check
from simulator.voice import check, tts
from simulator.voice.audio import message, wav_bytes
from simulator.store.guard import SHELL

SCENARIO = "en-three-zone-readings"      # a voice scenario in English
T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.timezone.utc)
RELIABLE_EN = labels_voice_check.EN["vc_verdict_reliable"]


def component(user_id: int, language: str, interface: str = "en") -> AppTest:
    def script(user_id, language, interface):
        from simulator.ui import services
        from simulator.ui.components import voice_check
        from simulator.texts.labels import Labels

        store = services.store()
        voice_check.render(store, store.user(user_id), language, Labels(interface))

    return AppTest.from_function(script, args=(user_id, language, interface), default_timeout=VOICE_TIMEOUT)


def read_aloud(at: AppTest, recordings: list[bytes]) -> AppTest:
    for recorder, data in zip(at.audio_input, recordings):
        recorder.set_value((f"{recorder.key}.wav", data, "audio/wav"))
    return at.run()


def our_voice(language: str) -> list[bytes]:
    return [tts.synthesize(text, tts.VoiceSpec(language, gender="male")) for text in check.SENTENCES[language]]


def save(store, user, verdict="reliable", language="uk", at=T0):
    return store.save_voice_check(user, language=language, verdict=verdict, cer=0.1, unclear_share=0.2, level_db=-20.0,
                                  too_quiet=False, sentences=[{"text": "a", "heard": "a", "cer": 0.0}], now=at)


def test_every_verdict_reason_and_sentence_quality_has_words():
    for family, values in {"vc_verdict": check.VERDICTS, "vc_short": check.VERDICTS,
                           "vc_reason": ("misheard", "unsure", "too_quiet"),
                           "vc_quality": ("good", "partly", "poor", "not_heard", "unusable")}.items():
        for value in values:
            assert f"{family}_{value}" in labels_voice_check.UK and f"{family}_{value}" in labels_voice_check.EN


def test_english_read_clearly_is_reliable_in_plain_words_and_kept_for_trainers(store, trainee):
    at = component(trainee.id, "en").run()
    assert [s.split("**")[-1].strip() for s in texts(at.markdown)[:3]] == list(check.SENTENCES["en"])
    assert len(at.audio_input) == 3 and at.button[0].disabled          # all three sentences first
    at = read_aloud(at, our_voice("en"))
    assert not at.button[0].disabled
    at.button[0].click()
    at.run()
    assert not at.exception
    assert texts(at.success) == [RELIABLE_EN], (texts(at.warning), texts(at.error),
                                                [(c.verdict, c.cer, c.sentences) for c in store.voice_checks(trainee)])
    assert "Recogniser: faster-whisper base." in shown(at)
    [kept] = store.voice_checks(trainee)
    assert (kept.language, kept.verdict, kept.recogniser) == ("en", "reliable", "faster-whisper base")
    assert kept.cer <= check.CER_RELIABLE and len(kept.sentences) == 3 and kept.device == ""
    # each sentence as it was heard, in plain words: English is heard over its recording (the
    # auto window), which writes our voice's first sentence as "The amount to face printed…"
    first = kept.sentences[0]
    assert first["cer"] <= check.CER_RELIABLE and first["heard"].lower().startswith("the amount to")
    assert f"1. Heard: “{first['heard']}”" in shown(at)


def test_an_unusable_recording_is_named_in_the_users_language_and_nothing_is_kept(store, trainee):
    at = component(trainee.id, "uk", interface="uk").run()
    silent = wav_bytes(np.zeros(32000, np.float32), 16000)
    recordings = our_voice("uk")
    at = read_aloud(at, [recordings[0], silent, recordings[2]])
    at.button[0].click()
    at.run()
    assert texts(at.error) == [labels_voice_check.UK["vc_incomplete"]]
    assert texts(at.warning) == [f"Речення 2: {message('silent', 'uk')}"]
    assert at.status[0].label == labels_voice_check.UK["vc_failed"]
    assert store.voice_checks(trainee) == []


def start_call(store, user, mode="practice"):
    # a trainee lands on the catalogue; a trainer is taken there (then only the first run after the click shows the call)
    at = app(store, user).run() if user.role == "trainee" else open_page(app(store, user), "catalogue")
    at.button(key=f"scenario_card.{SCENARIO}.{mode}").click()
    return at.run()


def offered(at) -> bool:
    return "voice_check.offer.now" in [b.key for b in at.button]


def test_a_trainee_without_a_check_is_offered_one_before_the_first_spoken_reply(store, trainee):
    at = start_call(store, trainee)
    assert offered(at) and "Перевірте голос перед першою усною відповіддю" in shown(at)
    assert [a.key for a in at.audio_input] == [at.audio_input[0].key] and ".recording." in at.audio_input[0].key
    at.button(key="voice_check.offer.now").click()
    at.run()
    assert [a.key for a in at.audio_input] == [f"voice_check.call.en.{n}" for n in (1, 2, 3)]   # instead of the recorder
    at.button(key="voice_check.call.back").click()
    at.run()
    assert ".recording." in at.audio_input[0].key and offered(at)
    at.button(key="voice_check.offer.later").click()
    at.run()
    assert not offered(at) and ".recording." in at.audio_input[0].key     # put off for this session


@pytest.mark.parametrize("who", ["checked", "exam", "trainer"])
def test_no_offer_after_a_check_in_the_calls_language_in_an_exam_or_to_a_trainer(store, trainee, who):
    user = store.user_by_username("demo-trainer") if who == "trainer" else trainee
    if who == "checked":
        save(store, trainee, verdict="unreliable", language="en")
    at = start_call(store, user, mode="exam" if who == "exam" else "practice")
    assert not at.exception and not offered(at) and at.audio_input


def test_a_check_in_another_language_still_leaves_the_offer(store, trainee):
    save(store, trainee, language="uk")
    assert offered(start_call(store, trainee))


def test_progress_shows_the_last_check_and_offers_one_on_demand(store, trainee):
    at = open_page(app(store, trainee), "progress")
    assert "Перевірка голосу" in texts(at.subheader) and "Голос ще не перевіряли." in texts(at.caption)
    assert [a.key for a in at.audio_input] == [f"progress.voice_check.uk.{n}" for n in (1, 2, 3)]
    at.radio(key="progress.voice_check.language").set_value("en")
    at.run()
    assert [a.key for a in at.audio_input] == [f"progress.voice_check.en.{n}" for n in (1, 2, 3)]
    save(store, trainee, verdict="usable_with_care")
    at = open_page(app(store, trainee), "progress")
    assert "Остання перевірка голосу (українська, 02.03.2026 11:00 (UTC+2)): з обережністю" in texts(at.caption)


def test_hr_and_trainers_see_the_trainees_newest_check_per_language(store, trainee):
    save(store, trainee, verdict="unreliable", at=T0)
    save(store, trainee, verdict="reliable", at=T0 + dt.timedelta(days=1))
    save(store, trainee, verdict="usable_with_care", language="en", at=T0 + dt.timedelta(days=2))
    hr = store.create_user("olena", "hr", DEMO_PASSWORD, by=SHELL)
    from simulator.ui.components import voice_check
    from simulator.texts.labels import Labels

    line = voice_check.staff_line(store, hr, trainee.id, Labels("uk"))
    assert line == "Перевірка голосу: українська: надійно (03.03.2026 11:00 (UTC+2)); англійська: з обережністю (04.03.2026 11:00 (UTC+2))"
    assert voice_check.staff_line(store, hr, hr.id, Labels("en")) == "Voice check: not taken yet."
    admin = store.user_by_username("demo-admin")
    source.save_definition(store, admin, source.Definition(required=("estimated-bill",)))
    at = open_page(app(store, admin), "trainee_report", user=trainee.id)
    assert not at.exception and line in texts(at.caption)


def test_a_trainer_reviewing_a_spoken_call_sees_the_trainees_check(store, library, trainee):
    save(store, trainee, verdict="unreliable")
    practice = play(store, trainee, library, SCENARIO, recording=wav_bytes(np.full(16000, 0.3, np.float32), 16000),
                    audio=AudioFiles.from_env())
    at = open_page(app(store, store.user_by_username("demo-trainer")), "review", attempt=practice.attempt_id)
    assert not at.exception
    assert "Перевірка голосу: українська: ненадійно (02.03.2026 11:00 (UTC+2))" in texts(at.caption)
