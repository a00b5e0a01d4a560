"""A hands-free call starts the customer's next line as soon as the turn ends and counts the
reply while it plays (issue 13): the next turn began when its line began, not when the reply
had been heard; a line the score did not choose changes nothing. Saved and resumed alike."""
from __future__ import annotations

from simulator.call.clock import ManualClock
from simulator.services.practice import PracticeSession
from simulator.store import AudioFiles
from tests.conftest import MINI
from tests.store.store_db import database_url, fast_passwords, make_user, postgres_server, store  # noqa: F401
from tests.services.test_practice import POLITE_NO_FACT

WAV = b"RIFF" + bytes(64)


def _line_after(session, reply: str) -> str:
    line = session.call.next_line(session.call.provisional(reply))
    assert line is not None
    return line[0]


def test_a_line_played_early_starts_the_next_turn_when_it_began(store, mini, tmp_path):
    anna = make_user(store, "anna")
    clock = ManualClock()
    audio = AudioFiles(tmp_path / "audio")
    session = PracticeSession.start(store, anna, mini, MINI, "practice", 2, clock=clock, audio=audio)
    played = _line_after(session, POLITE_NO_FACT)     # «Ви не відповіли…»: the fact is missing
    clock.advance(10 + 3)       # the turn ended at 10 s and the line began; the reply was heard in 3 s
    session.reply_audio(POLITE_NO_FACT, 0.5, WAV, processing_seconds=3.0, line_played=played)
    assert session.customer_line == played
    assert session.turns[0].replied_at == 10 and session.turns[1].asked_at == 10
    clock.advance(7)            # answered 7 s after the line began (4 s after the reply was counted)
    session.reply_text(POLITE_NO_FACT)
    saved = store.attempt_detail(anna, session.attempt_id).turns
    assert saved[1].asked_at == 10 and saved[1].replied_at == 20
    resumed = PracticeSession.resume(store, session.attempt_id, anna, clock=clock, audio=audio)
    assert [(t.asked_at, t.replied_at) for t in resumed.turns[:2]] == [(0, 10), (10, 20)]


def test_a_line_the_score_did_not_choose_begins_when_the_reply_is_counted(store, mini, tmp_path):
    anna = make_user(store, "anna")
    clock = ManualClock()
    session = PracticeSession.start(store, anna, mini, MINI, "practice", 2, clock=clock,
                                    audio=AudioFiles(tmp_path / "audio"))
    clock.advance(13)
    session.reply_audio(POLITE_NO_FACT, 0.5, WAV, processing_seconds=3.0, line_played="Не та репліка.")
    assert session.turns[0].replied_at == 10 and session.turns[1].asked_at == 13
