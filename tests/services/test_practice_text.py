"""Replies with characters no database stores are cleaned where they enter, saved and scored,
and the call goes on; a reply over the limit is refused before anything happens (both databases)."""
from __future__ import annotations

import pytest

from simulator.call.clock import ManualClock
from simulator.services.practice import PracticeSession
from simulator.user_text import LIMITS, TooLong
from tests.conftest import MINI
from tests.store.store_db import database_url, fast_passwords, make_user, postgres_server, store  # noqa: F401

GOOD = "Розумію, що сума неочікувана, це неприємно. Рахунок виставили за середнім споживанням, бо показники не надійшли."
COLD = "Я не знаю. Читайте платіжку."     # the customer gets angry: the call needs a second reply
CALMING = "Я вас чую, і ваше обурення зрозуміле. Рахунок виставили за середнім, і я зараз перевірю нарахування разом з вами."


def start(store, mini, clock, **kwargs):
    return PracticeSession.start(store, make_user(store, "anna"), mini, MINI, "practice", 2, clock=clock, **kwargs)


@pytest.mark.parametrize("broken, kept", [
    ("Я не\x00 знаю.", "Я не знаю."),                 # NUL pasted from a broken document
    ("Я не\ud800 знаю.", "Я не\ufffd знаю."),          # a lone UTF-16 surrogate
])
def test_a_reply_with_a_nul_or_a_lone_surrogate_is_saved_scored_and_the_call_goes_on(store, mini, broken, kept):
    clock = ManualClock()
    session = start(store, mini, clock)
    clock.advance(6)
    turn = session.reply_text(COLD.replace("Я не знаю.", broken))
    assert turn.score is not None and turn.reply == COLD.replace("Я не знаю.", kept)
    assert not session.unsaved and session.customer_line == "Та ви знущаєтеся! Я буду скаржитися!"
    clock.advance(6)
    session.reply_text(CALMING)     # the next reply is saved too: nothing is stuck behind the first
    assert session.finished and not session.unsaved
    user = store.user(session.attempt.user_id)
    detail = store.attempt_detail(user, session.attempt_id)
    assert [t.reply for t in detail.turns] == [turn.reply, CALMING]
    assert detail.attempt.status == "completed" and detail.turns[0].score["reply"] == turn.reply


def test_a_transcript_is_cleaned_like_a_typed_reply(store, mini, tmp_path):
    from simulator.store import AudioFiles

    clock = ManualClock()
    session = start(store, mini, clock, audio=AudioFiles(tmp_path))
    clock.advance(6)
    turn = session.reply_audio(GOOD + "\x00\ud83d", 0.5, b"RIFF....WAVE")
    assert turn.reply == GOOD + "\ufffd" and not session.unsaved


def test_a_reply_over_the_limit_is_refused_with_its_limit_and_nothing_happens(store, mini):
    clock = ManualClock()
    session = start(store, mini, clock)
    with pytest.raises(TooLong) as refused:
        session.reply_text("слово " * 1000)
    assert (refused.value.field, refused.value.limit, refused.value.length) == ("reply", LIMITS["reply"], 6000)
    assert len(session.turns) == 1 and session.turns[0].replied_at is None and not session.unsaved
    session.reply_text("а" * LIMITS["reply"])      # at the limit: taken
    assert len(session.turns) == 2
