"""Rewinding a finished practice call to one of its turns: a linked rerun that plays on from
there and never changes the original (on both databases)."""
from __future__ import annotations

import pytest

from simulator.call.clock import ManualClock
from simulator.services.practice import PracticeSession
from simulator.store import AttemptClosed
from simulator.store.reruns import start_rerun
from tests.store.store_db import (  # noqa: F401
    database_url,
    fast_passwords,
    make_user,
    postgres_server,
    store,
)
from tests.services.test_practice import CALMING, COLD_NO_FACT, start


@pytest.fixture
def anna(store):
    return make_user(store, "anna")


def finished(store, user, scenario, replies, mode="practice"):
    clock = ManualClock()
    session = start(store, user, scenario, mode=mode, seed=5, clock=clock)
    for text in replies:
        clock.advance(7)
        session.reply_text(text)
    assert session.finished
    return store.attempt_detail(user, session.attempt_id)


def test_a_rerun_plays_on_from_the_rewound_line_and_leaves_the_original_as_it_was(store, anna, mini):
    original = finished(store, anna, mini, [COLD_NO_FACT, CALMING])
    assert original.attempt.outcome == "resolved"
    findings_before = store.report_findings(make_user(store, "boss", role="trainer")).rows

    rerun = start_rerun(store, anna, original.attempt.id, 1)
    assert (rerun.rerun_of, rerun.mode, rerun.status, rerun.seed) == (original.attempt.id, "practice", "in_progress", 5)
    clock = ManualClock(original.turns[1].asked_at + 3)
    session = PracticeSession.resume(store, rerun.id, anna, clock=clock)
    assert session.customer_line == original.turns[1].customer_line        # the same line, to answer again
    copied = store.attempt_detail(anna, rerun.id).turns
    assert [(t.reply, t.overall, t.audio_key) for t in copied] == [(original.turns[0].reply, original.turns[0].overall, None)]

    clock.advance(4)
    session.reply_text(COLD_NO_FACT)                                      # this time the customer escalates
    assert session.finished and session.outcome == "escalated"
    assert session.call.turns[1].seconds == pytest.approx(7)              # the clock went on from the rewound line

    assert store.attempt_detail(anna, original.attempt.id) == original    # nothing of the original changed
    assert store.attempt_detail(anna, rerun.id).attempt.rerun_of == original.attempt.id
    again = start_rerun(store, anna, rerun.id, 0)                          # a rerun of a rerun links to the first call
    assert again.rerun_of == original.attempt.id and store.attempt_detail(anna, again.id).turns == []
    boss = store.user_by_username("boss")
    assert findings_before and store.report_findings(boss).rows == findings_before
    assert original.attempt.id in [row[0] for row in store.report_attempts(boss).rows]
    assert rerun.id not in [row[0] for row in store.report_attempts(boss).rows]     # left out of reports and readiness
    assert store.catalogue_stats(anna)["test-mini"].attempts == 1


def test_only_ones_own_finished_practice_call_turn_can_be_rewound(store, anna, mini):
    exam = finished(store, anna, mini, [COLD_NO_FACT, CALMING], mode="exam")
    with pytest.raises(ValueError, match="practice"):
        start_rerun(store, anna, exam.attempt.id, 0)
    practice = finished(store, anna, mini, [COLD_NO_FACT, CALMING])
    with pytest.raises(PermissionError):
        start_rerun(store, make_user(store, "bohdan"), practice.attempt.id, 0)
    with pytest.raises(ValueError, match="no turn 3"):
        start_rerun(store, anna, practice.attempt.id, 2)
    open_call = start(store, anna, mini, clock=ManualClock())
    with pytest.raises(AttemptClosed):
        start_rerun(store, anna, open_call.attempt_id, 0)
