"""Takes the app could not use stay excused from the reply's time after a refresh (issue 11):
they are kept with the call in the store, not only in the browser's session. Both databases."""
from __future__ import annotations

from simulator.call.clock import ManualClock
from simulator.services.practice import PracticeSession
from simulator.store import AudioFiles
from tests.conftest import MINI
from tests.store.store_db import database_url, fast_passwords, make_user, postgres_server, store  # noqa: F401
from tests.services.test_practice import CALMING, COLD_NO_FACT
from simulator.store.guard import SHELL


def test_a_refresh_mid_reply_keeps_the_unusable_takes_excused(store, mini, tmp_path):
    anna = make_user(store, "anna")
    clock = ManualClock()
    audio = AudioFiles(tmp_path / "audio")
    session = PracticeSession.start(store, anna, mini, MINI, "practice", 2, clock=clock, audio=audio)
    clock.advance(9)            # a 4 s take arrives at 9 s, checked in 1 s: nothing heard
    session.unusable_take(4.0, 1.0)
    clock.advance(3)            # the page is refreshed: a new session resumes the call from the store
    resumed = PracticeSession.resume(store, session.attempt_id, anna, clock=clock, audio=audio)
    assert resumed.set_aside(5.0) == 4 + 1
    clock.advance(28)           # the usable 5 s take arrives at 40 s and is heard in 1.5 s
    resumed.reply_audio(COLD_NO_FACT, 0.5, b"RIFF" + bytes(64), processing_seconds=1.5, take_seconds=5.0)
    turn = store.attempt_detail(anna, session.attempt_id).turns[0]
    assert turn.replied_at == 40 - 1.5 - (4 + 1)
    assert store.set_aside(session.attempt_id, by=SHELL) == []            # spent on that reply
    again = PracticeSession.resume(store, session.attempt_id, anna, clock=clock, audio=audio)
    clock.advance(10)           # the next reply starts with nothing set aside
    again.reply_audio(CALMING, 0.5, b"RIFF" + bytes(64), processing_seconds=1.0, take_seconds=5.0)
    assert store.attempt_detail(anna, session.attempt_id).turns[1].replied_at == 50 - 1.0
