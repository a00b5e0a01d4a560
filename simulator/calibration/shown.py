"""What a trainee is shown when a site's accepted tuning scores the attempt (issue 16).

An attempt records, when it starts, the accepted tuning of its scenario's language
(attempts.tuning_id; none: the scorer as it is). Each reply is scored by the scorer, then
:func:`tuned_scorer` reads its empathy and accuracy by the tuning (verdict.points: the
tuning's weights and cut points on the scorer's 0-100 scale) and works the turn's overall
score out again with the scenario's weights. Everything after that follows the tuned scores:
the branches the call takes, the feedback, the call's scores and whether it passes
(scorecard.score_call over the tuned turns). Compliance, the key facts found and the time are
the scorer's own.

Nothing is lost: each tuned reply keeps the scorer's own scores under ``untuned`` and the
tuning under ``tuning``, and the stored scorecard (:func:`card`) keeps the untuned call figures
beside the tuned ones, so a review can show both. Without a tuning nothing changes at all:
the scorer is used as it is and the scorecard is stored as before. A tuning accepted later
never touches an attempt already started: it records its own.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from ..call.engine import Scorer
from ..scenario.model import Scenario
from ..scoring import feedback
from ..scoring.scorecard import EMPATHY_FACTOR, CallScore, TurnScore, score_call
from .verdict import points


class Tuning(Protocol):
    """What is read of a tuning (simulator.store.calibration.Tuning)."""

    id: int
    version: int | None
    params: dict[str, Any]
    decided_at: dt.datetime | None


def mark(tuning: Tuning) -> dict[str, Any]:
    """The tuning as a scorecard records it: its id, version and when it was accepted."""
    return {"id": tuning.id, "version": tuning.version,
            "accepted_at": tuning.decided_at.isoformat() if tuning.decided_at else None}


@dataclass
class TunedTurnScore(TurnScore):
    """A reply scored by the scorer and shown by a tuning: ``untuned`` is the scorer's own."""

    untuned: TurnScore | None = None
    tuning: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict:
        own = self.untuned
        return {**super().to_dict(), "tuning": self.tuning,
                "untuned": {"overall": round(own.overall, 1), "accuracy": round(own.accuracy.score, 1),
                            "empathy": round(own.empathy.score, 1)}}


def tuned_scorer(scorer: Scorer, tuning: Tuning | None) -> Scorer:
    """``scorer`` whose every reply is shown by ``tuning``; ``scorer`` itself when there is none."""
    if tuning is None:
        return scorer

    def scored(scenario: Scenario, node_id: str, reply_text: str, **kwargs) -> TurnScore:
        return apply(scorer(scenario, node_id, reply_text, **kwargs), scenario, tuning)

    return scored


def apply(score: TurnScore, scenario: Scenario, tuning: Tuning) -> TunedTurnScore:
    """One scored reply read by ``tuning``: tuned empathy and accuracy, the overall score from
    them by the scenario's weights (as scorecard.score_turn weighs them), feedback to match."""
    tuned = points(score.to_dict(), tuning.params)
    accuracy, empathy = replace(score.accuracy, score=tuned["accuracy"]), replace(score.empathy, score=tuned["empathy"])
    a, e, t = scenario.weights.normalised(EMPATHY_FACTOR[scenario.nodes[score.node_id].empathy])
    overall = a * accuracy.score + e * empathy.score + t * score.time.score
    out = TunedTurnScore(score.node_id, score.reply, accuracy, empathy, list(score.flags), score.time, overall,
                         untuned=score, tuning=mark(tuning))
    out.feedback = feedback.turn(out, scenario.language)
    return out


def card(call: CallScore, scenario: Scenario, tuning: Tuning | None) -> dict[str, Any]:
    """The scorecard as stored: ``call.to_dict()``; for an attempt shown by ``tuning``, with the
    tuning and the call's untuned figures (scored from each reply's untuned score) beside it."""
    out = call.to_dict()
    if tuning is None:
        return out
    own = score_call(scenario, [t.untuned if isinstance(t, TunedTurnScore) else t for t in call.turns], call.outcome,
                     call.time.seconds, call.silent_turns)
    out["tuning"] = mark(tuning)
    out["untuned"] = {"overall": round(own.overall, 1), "accuracy": round(own.accuracy, 1), "empathy": round(own.empathy, 1),
                      "passed": own.passed, "reasons": own.reasons}
    return out


def tuning_of(record: dict | None) -> dict[str, Any] | None:
    """The tuning a stored scorecard or scored reply was shown by (None: the scorer as it is)."""
    return (record or {}).get("tuning") or None
