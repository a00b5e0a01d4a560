"""A tuning's reading on the scorer's 0-100 scale, and a reply and a call shown by a tuning."""
from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from simulator.calibration import shown, verdict
from simulator.call.clock import ManualClock
from simulator.call.engine import Call
from simulator.scoring.scorecard import score_turn
from tests.calibration.test_calibration_report import scored

# a strict site: empathy 0 below 60 and 2 only from 90; accuracy as the scorer reads it
STRICT = {"empathy": {"weights": {"score": 1.0}, "intercept": 0.0, "cuts": [1.2, 1.8]},
          "accuracy": {"weights": {"score": 1.0}, "intercept": 0.0, "cuts": [0.5, 1.5]}}
V1 = SimpleNamespace(id=4, version=1, params=STRICT, decided_at=dt.datetime(2026, 12, 6, 9, 30, tzinfo=dt.timezone.utc))
GOOD = "Розумію, що сума неочікувана, це неприємно. Рахунок виставили за середнім споживанням, бо показники не надійшли. Я зараз перевірю нарахування."


def test_untuned_points_are_the_scorers_own_scores():
    for empathy, accuracy in [(0, 100), (12.3, 24.9), (25, 74.9), (75, 50.5), (99.9, 0.1)]:
        assert verdict.points(scored(empathy, accuracy)) == {"empathy": empathy, "accuracy": accuracy}


def test_a_tunings_points_put_its_cut_points_at_25_and_75_and_read_back_as_its_rating():
    assert verdict.points(scored(60, 60), STRICT)["empathy"] == 25.0        # 60 / 50 = 1.2, the first cut
    assert verdict.points(scored(90, 60), STRICT)["empathy"] == 75.0        # the second cut
    assert verdict.points(scored(75, 60), STRICT)["empathy"] == 50.0        # half way between them
    assert verdict.points(scored(30, 60), STRICT)["empathy"] == 0.0         # a step and more below: clipped
    assert verdict.points(scored(100, 60), STRICT)["empathy"] == 85.0       # 0.2 of a step above the second cut
    for value in range(0, 101, 3):
        score = scored(value, 100 - value)
        found = verdict.points(score, STRICT)
        assert verdict.verdict(score, STRICT) == {"empathy": verdict.rating(found["empathy"]),
                                                  "accuracy": verdict.rating(found["accuracy"]), "compliance": 1}


def test_a_reply_that_answers_nothing_stays_0_on_accuracy_tuned_or_not():
    upsell = scored(60, 0)
    upsell["accuracy"]["instead"] = "upsell"
    upsell["accuracy"]["similarity"] = 80
    lenient = {**STRICT, "accuracy": {"weights": {"similarity": 2.0}, "intercept": 0.0, "cuts": [0.5, 1.5]}}
    assert verdict.points(upsell, lenient)["accuracy"] == 0.0 and verdict.verdict(upsell, lenient)["accuracy"] == 0


def test_a_reply_shown_by_a_tuning_keeps_the_scorers_own_scores(mini):
    own = score_turn(mini, "opening", GOOD)
    tuned = shown.apply(own, mini, V1)
    assert tuned.empathy.score == verdict.points(own.to_dict(), STRICT)["empathy"] < own.empathy.score
    assert tuned.accuracy.score == own.accuracy.score and tuned.time == own.time and tuned.flags == own.flags
    a, e, t = mini.weights.normalised(1.5)          # the opening's empathy: high
    assert tuned.overall == a * tuned.accuracy.score + e * tuned.empathy.score + t * tuned.time.score < own.overall
    saved = tuned.to_dict()
    assert saved["untuned"] == {"overall": round(own.overall, 1), "accuracy": round(own.accuracy.score, 1),
                                "empathy": round(own.empathy.score, 1)}
    assert saved["tuning"] == {"id": 4, "version": 1, "accepted_at": "2026-12-06T09:30:00+00:00"}
    # read again by the calibration lab, the shown reply gives the scorer's own signals and evidence
    assert verdict.signals(saved) == verdict.signals(own.to_dict()) and verdict.evidence(saved) == verdict.evidence(own.to_dict())


def test_without_a_tuning_the_scorer_and_the_scorecard_are_as_they_were(mini):
    assert shown.tuned_scorer(score_turn, None) is score_turn
    call = Call(mini, ManualClock(), seed=2)
    call.reply(GOOD)
    assert shown.card(call.scorecard(), mini, None) == call.scorecard().to_dict()


def test_a_call_shown_by_a_tuning_is_scored_from_its_tuned_replies_and_keeps_the_untuned_figures(mini):
    plain, tuned = Call(mini, ManualClock(), seed=2), Call(mini, ManualClock(), seed=2, scorer=shown.tuned_scorer(score_turn, V1))
    for call in (plain, tuned):
        call.reply(GOOD)
    card, own = shown.card(tuned.scorecard(), mini, V1), plain.scorecard().to_dict()
    assert card["empathy"] < own["empathy"] and card["overall"] < own["overall"]
    assert card["untuned"] == {k: own[k] for k in ("overall", "accuracy", "empathy", "passed", "reasons")}
    assert card["tuning"]["version"] == 1
    assert card["turns"][0]["untuned"]["empathy"] == own["turns"][0]["empathy"]["score"]
