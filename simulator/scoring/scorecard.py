"""The scorecard: one scored reply (turn) and one scored call.

A turn's overall score weighs accuracy, empathy and time by the scenario's weights,
with empathy counting half as much at a node marked ``empathy: low`` and half again
as much at ``empathy: high``. A call passes when its overall score as shown (a whole
number, `points`) reaches the pass mark, nothing critical was said, and the customer's
issue was resolved.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..scenario import graph
from ..scenario.model import Scenario
from . import accuracy, compliance, empathy, feedback
from .compliance import Flag
from .empathy_model import EmpathyModel
from .matching import Reply
from .empathy_parts import Context
from .hearing import Hearing
from .marks import reaches
from .timing import TimeResult, answered, in_band

EMPATHY_FACTOR = {"low": 0.5, "normal": 1.0, "high": 1.5}



@dataclass
class TurnScore:
    node_id: str
    reply: str
    accuracy: accuracy.AccuracyResult
    empathy: empathy.EmpathyResult
    flags: list[Flag]
    time: TimeResult
    overall: float
    feedback: list[str] = field(default_factory=list)

    # what branch conditions read (scenario.conditions.TurnFacts)
    def metric(self, name: str) -> float:
        return {"accuracy": self.accuracy.score, "empathy": self.empathy.score, "time": self.time.score, "overall": self.overall}[name]

    def fact_said(self, fact_id: str) -> bool:
        return any(f.id == fact_id and f.said for f in self.accuracy.facts)

    def wrong_said(self, fact_id: str) -> bool:
        return any(f.id == fact_id for f in self.accuracy.wrong)

    @property
    def critical(self) -> bool:
        return any(f.critical for f in self.flags)

    def to_dict(self) -> dict:
        return {
            "node": self.node_id,
            "reply": self.reply,
            "overall": round(self.overall, 1),
            "accuracy": self.accuracy.to_dict(),
            "empathy": self.empathy.to_dict(),
            "time": self.time.to_dict(),
            "compliance": {"critical": self.critical, "flags": [f.to_dict() for f in self.flags]},
            "feedback": self.feedback,
        }


def turn_target(scenario: Scenario) -> float:
    return scenario.target_seconds / graph.fewest_replies(scenario)


def score_turn(
    scenario: Scenario,
    node_id: str,
    reply_text: str,
    seconds: float | None = None,
    latency: float | None = None,
    model: EmpathyModel | None = None,
    customer_line: str | None = None,
    hearing: Hearing | None = None,
) -> TurnScore:
    """Score one reply at one node. ``seconds``: how long the turn took (None: on target);
    ``customer_line``: the variant the customer said (None: all the node's variants);
    ``hearing``: for a spoken reply, what its recording showed about the key facts."""
    node = scenario.nodes[node_id]
    language = scenario.language
    reply = Reply(reply_text, language)
    flags = compliance.check(reply, language, scenario.forbidden + node.forbidden, references=node.references)
    acc = accuracy.off_topic(accuracy.score(reply, node, language, hearing), _instead(reply, language, flags))
    context = Context(customer_line or " ".join(node.customer), tuple(node.references), node.mood or scenario.persona.mood)
    emp = empathy.score(reply, language, flags, model, context, ignored=acc.instead == "upsell")
    target = turn_target(scenario)
    time = answered(in_band(target if seconds is None else seconds, target, latency), acc.score)
    a, e, t = scenario.weights.normalised(EMPATHY_FACTOR[node.empathy])
    overall = a * acc.score + e * emp.score + t * time.score
    result = TurnScore(node_id, reply_text, acc, emp, flags, time, overall)
    result.feedback = feedback.turn(result, language)
    return result


def _instead(reply: Reply, language: str, flags: list[Flag]) -> str:
    """What the reply does instead of answering, if it gives no key fact: asks for card data
    ("secret") or offers a service ("upsell")."""
    if any(f.kind == "secret" and f.critical for f in flags):
        return "secret"
    return "upsell" if compliance.upsell(reply, language) else ""


@dataclass
class CallScore:
    scenario_id: str
    outcome: str
    accuracy: float
    empathy: float
    time: TimeResult
    overall: float
    pass_mark: int
    passed: bool
    reasons: list[str]
    turns: list[TurnScore]
    silent_turns: int
    verdict: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "scenario": self.scenario_id,
            "outcome": self.outcome,
            "passed": self.passed,
            "reasons": self.reasons,
            "verdict": self.verdict,
            "overall": round(self.overall, 1),
            "pass_mark": self.pass_mark,
            "accuracy": round(self.accuracy, 1),
            "empathy": round(self.empathy, 1),
            "time": self.time.to_dict(),
            "silent_turns": self.silent_turns,
            "turns": [t.to_dict() for t in self.turns],
        }


def score_call(scenario: Scenario, turns: list[TurnScore], outcome: str, total_seconds: float, silent_turns: int = 0) -> CallScore:
    """Combine the scored turns of a finished call."""
    if turns:
        acc = sum(t.accuracy.score for t in turns) / len(turns)
        factors = [EMPATHY_FACTOR[scenario.nodes[t.node_id].empathy] for t in turns]
        emp = sum(f * t.empathy.score for f, t in zip(factors, turns)) / sum(factors)
    else:
        acc = emp = 0.0
    time = in_band(total_seconds, scenario.target_seconds)
    a, e, t = scenario.weights.normalised()
    overall = a * acc + e * emp + t * time.score if turns else 0.0
    reasons = []
    if not reaches(overall, scenario.pass_mark):
        reasons.append("below_mark")
    if any(turn.critical for turn in turns):
        reasons.append("critical")
    if outcome != "resolved":
        reasons.append("outcome")
    call = CallScore(scenario.id, outcome, acc, emp, time, overall, scenario.pass_mark, not reasons, reasons, turns, silent_turns)
    call.verdict = feedback.verdict(call, scenario.language)
    return call
