"""Why the customer went the way they did after a reply, read from the branch it took.

A branch's condition (simulator.scenario.conditions) is turned into reasons a trainee can act
on: ``missing by-20th`` becomes "you did not say: not later than the 20th" (the fact's own
words, in the scenario's language). When the reply took the branch without a condition, the
reasons are why the branches before it did not apply (the first part of each that did not
hold). A reason is a key and values; the page words it in the trainee's language.
"""
from __future__ import annotations

from dataclasses import dataclass

from ...scenario import conditions
from ...scenario.conditions import TurnFacts
from ...scenario.graph import route_taken
from ...scenario.model import Node


@dataclass(frozen=True)
class Reason:
    key: str                # missing | said | wrong | not_wrong | critical | no_critical | below | at_least | above | at_most
    fact: str = ""          # the fact's words (fact tests)
    metric: str = ""        # accuracy | empathy | time | overall (comparisons)
    value: float = 0.0      # the reply's score on that metric
    limit: float = 0.0      # the number in the condition


_FACT_KEYS = {("missing", True): "missing", ("said", True): "said", ("wrong", True): "wrong",
              ("missing", False): "said", ("said", False): "missing", ("wrong", False): "not_wrong"}
_COMPARE_KEYS = {("<", True): "below", ("<=", True): "at_most", (">", True): "above", (">=", True): "at_least",
                 ("<", False): "at_least", ("<=", False): "above", (">", False): "at_most", (">=", False): "below"}


def why(node: Node, turn: TurnFacts) -> list[Reason]:
    """The reasons the reply at ``node`` took the branch it took (none at a node with one way on)."""
    taken = route_taken(node, turn)
    if taken.parsed is not None:
        return [_reason(part, turn, node, True) for part in taken.parsed.parts]
    reasons = []
    for branch in node.routes():
        if branch == taken:
            break
        failed = next(part for part in branch.parsed.parts if not part.holds(turn))
        reason = _reason(failed, turn, node, False)
        if reason not in reasons:
            reasons.append(reason)
    return reasons


def _reason(part, turn: TurnFacts, node: Node, held: bool) -> Reason:
    if isinstance(part, conditions.FactTest):
        return Reason(_FACT_KEYS[part.test, held], fact=_fact_text(node, part.test, part.fact_id))
    if isinstance(part, conditions.Compare):
        return Reason(_COMPARE_KEYS[part.op, held], metric=part.metric, value=round(turn.metric(part.metric)), limit=part.value)
    return Reason("critical" if held else "no_critical")


def _fact_text(node: Node, test: str, fact_id: str) -> str:
    facts = node.wrong_facts if test == "wrong" else node.key_facts
    return next((f.fact for f in facts if f.id == fact_id), fact_id)
