"""What the trainee is shown follows the tuning their attempt started with (issue 16): none, the
scorer as it is; one, its reading of every reply, with the scorer's own kept; a later one,
only for attempts started after it."""
from __future__ import annotations

import pytest

from simulator.calibration import verdict
from simulator.call.clock import ManualClock
from simulator.call.engine import Call
from simulator.services.practice import PracticeSession
from simulator.store import Store
from simulator.store.reruns import start_rerun
from tests.calibration.tuning_rows import LENIENT, STRICT, accepted
from tests.conftest import MINI
from tests.store.store_db import fast_passwords, make_user  # noqa: F401
from tests.services.test_practice import COLD_NO_FACT, GOOD


@pytest.fixture
def store(tmp_path, fast_passwords):       # noqa: F811 - SQLite only: the tuning is read by the store's own queries
    opened = Store.open(f"sqlite:///{tmp_path / 'simulator.db'}")
    yield opened
    opened.close()


def play(store, user, mini, replies, clock=None, session=None):
    clock = clock or ManualClock()
    session = session or PracticeSession.start(store, user, mini, MINI, "practice", 2, clock=clock)
    for pause, text in replies:
        clock.advance(pause)
        session.reply_text(text)
    return session


def test_without_a_tuning_the_reference_and_the_poor_reply_are_shown_as_the_scorer_scores_them(store, mini):
    anna = make_user(store, "anna")
    replies = [(8, COLD_NO_FACT), (6, GOOD)]
    session = play(store, anna, mini, replies)
    clock = ManualClock()
    plain = Call(mini, clock, seed=2)
    for pause, text in replies:
        clock.advance(pause)
        plain.reply(text)
    detail = store.attempt_detail(anna, session.attempt_id)
    assert session.tuning is None and detail.attempt.overall == plain.scorecard().to_dict()["overall"]
    assert {k: v for k, v in detail.scorecard.items() if k != "closing_line"} == plain.scorecard().to_dict()
    assert [t.score for t in detail.turns] == [t.score.to_dict() for t in plain.turns]


def test_a_tuned_attempt_shows_the_tunings_scores_keeps_the_scorers_and_keeps_its_tuning_after_a_newer_one(store, mini):
    anna, adam = make_user(store, "anna"), make_user(store, "adam", role="admin")
    untuned = play(store, anna, mini, [(8, COLD_NO_FACT), (6, GOOD)])
    strict = accepted(store, adam, STRICT)
    first = play(store, anna, mini, [(8, COLD_NO_FACT)])
    assert first.tuning.version == strict.version == 1
    lenient = accepted(store, adam, LENIENT)        # accepted while the first tuned call is still on
    clock = ManualClock(8)
    resumed = PracticeSession.resume(store, first.attempt_id, anna, clock=clock)
    assert resumed.tuning.version == 1
    play(store, anna, mini, [(6, GOOD)], clock=clock, session=resumed)
    second = play(store, anna, mini, [(8, COLD_NO_FACT), (6, GOOD)])
    assert second.tuning.version == lenient.version == 2

    plain = store.attempt_detail(anna, untuned.attempt_id)
    for session, params in ((resumed, STRICT), (second, LENIENT)):
        detail = store.attempt_detail(anna, session.attempt_id)
        assert detail.attempt.status == "completed"
        card = detail.scorecard
        assert card["tuning"]["version"] == session.tuning.version
        for turn, own in zip(detail.turns, plain.turns):
            assert turn.reply == own.reply
            assert turn.score["untuned"]["empathy"] == own.score["empathy"]["score"]      # the scorer's own, kept
            assert turn.score["empathy"]["score"] == verdict.points(own.score, params)["empathy"]
            assert turn.score["accuracy"]["score"] == own.score["accuracy"]["score"]      # both read accuracy as it is
        assert card["untuned"]["overall"] == plain.scorecard["overall"]
        assert card["untuned"]["passed"] == plain.scorecard["passed"]
        assert detail.attempt.overall == card["overall"] != plain.scorecard["overall"]
    strict_card, lenient_card = (store.attempt_detail(anna, s.attempt_id).scorecard for s in (resumed, second))
    assert strict_card["empathy"] < plain.scorecard["empathy"] < lenient_card["empathy"]
    # an attempt started before any tuning is never re-scored
    assert store.attempt_detail(anna, untuned.attempt_id).scorecard == plain.scorecard and "tuning" not in plain.scorecard


def test_a_rerun_goes_on_with_the_tuning_of_the_call_it_rewinds(store, mini):
    anna, adam = make_user(store, "anna"), make_user(store, "adam", role="admin")
    accepted(store, adam, STRICT)
    original = play(store, anna, mini, [(8, COLD_NO_FACT), (6, GOOD)])
    accepted(store, adam, LENIENT)
    rerun = start_rerun(store, anna, original.attempt_id, 1)
    clock = ManualClock(9)
    session = PracticeSession.resume(store, rerun.id, anna, clock=clock)       # the copied reply replays as shown
    assert session.tuning.version == 1
    play(store, anna, mini, [(5, GOOD)], clock=clock, session=session)
    first, again = (store.attempt_detail(anna, s).turns for s in (original.attempt_id, rerun.id))
    assert again[0].score == first[0].score and again[1].score["tuning"]["version"] == 1
    assert again[1].score["empathy"]["score"] == verdict.points(again[1].score, STRICT)["empathy"]
