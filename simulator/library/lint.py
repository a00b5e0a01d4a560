"""Warnings: what validates but is probably a mistake in a scenario. A scenario with warnings
still loads and plays; ``scenarios validate`` prints them and the studio can show them.

- every path of the call ends 'resolved', so no reply, however poor, changes the outcome;
- a reference answer that would not pass at its own node (below the pass mark, or critical);
- a wrong fact whose wording also turns up in a reference answer (not stated there, which is an
  error, but mentioned): a trainee who copies the model answer may be marked wrong.
"""
from __future__ import annotations

from ..scenario import graph
from ..scenario.messages import Message
from ..scenario.model import Scenario
from ..scoring.accuracy import check_fact
from ..scoring.matching import Reply
from ..scoring.marks import points, reaches
from ..scoring.scorecard import score_turn


def warnings(scenario: Scenario, references: bool = False) -> list[tuple[tuple, str]]:
    """The warnings, as (data path, message); ``references``: also score every reference answer
    (a few seconds a scenario, so only ``scenarios test`` and the studio ask for it)."""
    return _outcomes(scenario) + _wrong_in_references(scenario) + (_references(scenario) if references else [])


def _outcomes(scenario: Scenario) -> list[tuple[tuple, str]]:
    reachable = graph.reachable(scenario)
    ends = {scenario.nodes[name].end for name in reachable if scenario.nodes[name].is_end}
    if ends == {"resolved"}:
        return [(("nodes",), Message("all_resolved"))]
    return []


def reference_scores(scenario: Scenario) -> list[tuple[str, int, float, bool]]:
    """Every reference answer scored at its node as a reply: (node, index, overall, critical)."""
    out = []
    for name in scenario.reply_nodes:
        for k, text in enumerate(scenario.nodes[name].references):
            result = score_turn(scenario, name, text)
            out.append((name, k, result.overall, any(f.critical for f in result.flags)))
    return out


def _references(scenario: Scenario) -> list[tuple[tuple, str]]:
    problems = []
    for name, k, overall, critical in reference_scores(scenario):
        if critical or not reaches(overall, scenario.pass_mark):
            problems.append((("nodes", name, "references", k),
                             Message("reference_below_mark", score=str(points(overall)), mark=scenario.pass_mark)))
    return problems


def _wrong_in_references(scenario: Scenario) -> list[tuple[tuple, str]]:
    problems = []
    for name, node in scenario.nodes.items():
        replies = [Reply(text, scenario.language) for text in node.references]
        for j, fact in enumerate(node.wrong_facts):
            for k, reply in enumerate(replies):
                if check_fact(reply, fact, scenario.language).said:
                    problems.append((("nodes", name, "wrong_facts", j), Message("wrong_in_reference", fact=fact.id, k=k + 1)))
                    break
    return problems
