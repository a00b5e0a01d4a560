"""Voice checks on both databases: saved for their owner, newest per language first, seen by
the owner and by staff only; what the browser and the recogniser hand over is cleaned and cut
to fit rather than refused; the downgrade removes the table."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import inspect

from simulator.store import VoiceCheckRecord
from simulator.store.db import engine_from_env, migrate
from simulator.store.models import VOICE_VERDICTS
from simulator.voice.check import VERDICTS
from tests.store.store_db import make_user
from simulator.store.guard import SHELL

T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.timezone.utc)
SENTENCES = [
    {"text": "Сума до сплати вказана у вашій платіжці.", "heard": "Сума до сплати вказана у вашій платіжці.",
     "cer": 0.0, "words": 6, "unclear": 1, "level_db": -21.5},
    {"text": "Б", "heard": "б", "cer": 0.0, "words": 1, "unclear": 0, "level_db": -22.0},
    {"text": "В", "heard": "", "cer": 1.0, "words": 0, "unclear": 0, "level_db": -23.0},
]


def save(store, user, *, language="uk", verdict="reliable", at=T0, **fields):
    values = {"cer": 0.33, "unclear_share": 1 / 7, "level_db": -22.0, "too_quiet": False, "sentences": SENTENCES,
              "recogniser": "faster-whisper base", "device": "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0"} | fields
    return store.save_voice_check(user, language=language, verdict=verdict, now=at, **values)


def test_the_verdicts_the_table_allows_are_the_checks_verdicts():
    assert VOICE_VERDICTS == VERDICTS


def test_a_check_is_kept_with_every_figure_and_read_back_as_saved(store):
    anna = make_user(store, "anna")
    saved = save(store, anna)
    assert isinstance(saved, VoiceCheckRecord)
    [back] = store.voice_checks(anna)
    assert back == saved
    assert (back.user_id, back.created_at, back.language, back.verdict) == (anna.id, T0, "uk", "reliable")
    assert back.cer == pytest.approx(0.33) and back.unclear_share == pytest.approx(1 / 7)
    assert back.level_db == pytest.approx(-22.0) and back.too_quiet is False
    assert back.sentences == SENTENCES
    assert back.recogniser == "faster-whisper base" and back.device.startswith("Mozilla/5.0")


def test_the_newest_check_per_language_counts(store):
    anna = make_user(store, "anna")
    save(store, anna, verdict="unreliable", at=T0)
    newer = save(store, anna, verdict="reliable", at=T0 + dt.timedelta(days=1))
    english = save(store, anna, language="en", verdict="usable_with_care", at=T0 + dt.timedelta(hours=1))
    assert [c.verdict for c in store.voice_checks(anna)] == ["reliable", "usable_with_care", "unreliable"]
    assert [c.verdict for c in store.voice_checks(anna, language="uk")] == ["reliable", "unreliable"]
    assert store.latest_voice_checks(anna) == {"uk": newer, "en": english}
    assert store.latest_voice_checks(make_user(store, "bohdan")) == {}


def test_a_trainee_sees_only_their_own_checks_and_staff_see_everyones(store):
    anna, bohdan = make_user(store, "anna"), make_user(store, "bohdan")
    trainer, hr = make_user(store, "tamara", role="trainer"), make_user(store, "halyna", role="hr")
    check = save(store, anna)
    with pytest.raises(PermissionError):
        store.voice_checks(bohdan, anna.id)
    with pytest.raises(PermissionError):
        store.latest_voice_checks(bohdan, anna.id)
    assert store.voice_checks(bohdan) == []
    assert store.latest_voice_checks(trainer, anna.id) == {"uk": check}
    assert store.voice_checks(hr, anna.id) == [check]


def test_a_deactivated_user_cannot_save_a_check(store):
    anna = make_user(store, "anna")
    store.deactivate(anna.id, by=SHELL)
    with pytest.raises(PermissionError):
        save(store, anna)


@pytest.mark.parametrize(("field", "value"), [("language", "de"), ("verdict", "fine"), ("sentences", [])])
def test_a_check_with_an_unknown_language_or_verdict_or_no_sentences_is_refused(store, field, value):
    with pytest.raises(ValueError):
        save(store, make_user(store, "anna"), **{field: value})


def test_the_user_agent_and_the_transcripts_are_cleaned_and_cut_to_fit(store):
    anna = make_user(store, "anna")
    looping = [dict(SENTENCES[0], heard="ті " * 400 + "\x00\ud800")] + SENTENCES[1:]
    saved = save(store, anna, device="Agent\x00/" + "x" * 1000, recogniser="http\x07 " + "m" * 500, sentences=looping)
    [back] = store.voice_checks(anna)
    assert back == saved
    assert back.device.startswith("Agent/x") and len(back.device) == 300
    assert len(back.recogniser) == 200 and "\x07" not in back.recogniser
    assert len(back.sentences[0]["heard"]) == 500 and "\x00" not in back.sentences[0]["heard"]


def test_a_users_checks_go_with_the_user(store):
    from sqlalchemy import delete

    from simulator.store.models import UserRow

    anna = make_user(store, "anna")
    save(store, anna)
    with store.transaction() as session:
        session.execute(delete(UserRow).where(UserRow.id == anna.id))
    trainer = make_user(store, "tamara", role="trainer")
    assert store.voice_checks(trainer, anna.id) == []


def test_the_downgrade_removes_the_table_and_the_upgrade_brings_it_back(database_url):
    from alembic import command

    from simulator.store.db import alembic_config

    engine = engine_from_env(database_url)
    try:
        migrate(engine)
        with engine.begin() as connection:
            command.downgrade(alembic_config(connection), "0003")
        assert "voice_checks" not in inspect(engine).get_table_names()
        migrate(engine)
        assert "voice_checks" in inspect(engine).get_table_names()
    finally:
        engine.dispose()


def test_what_the_check_hands_over_is_what_the_store_takes(store):
    from simulator.voice.check import SENTENCES, Sentence, VoiceCheck

    result = VoiceCheck("en", tuple(Sentence(text, text, 0.0, 9, 2, -21.0) for text in SENTENCES["en"]), "faster-whisper base")
    saved = store.save_voice_check(make_user(store, "anna"), **result.to_record(), device="", now=T0)
    assert (saved.verdict, saved.cer, saved.unclear_share, saved.level_db) == ("reliable", 0.0, round(6 / 27, 3), -21.0)
    assert [s["text"] for s in saved.sentences] == list(SENTENCES["en"]) and saved.recogniser == "faster-whisper base"
