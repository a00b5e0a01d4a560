"""A finished call drawn as its scenario's graph: every node with the customer's words, the
way the trainee went (what they said at each node, the score, and why the customer turned
there), the way the reference answers go, and the outcomes. The same map carries a cohort's
shares (cohort.py). Drawing it is the page's job (simulator.ui.components.branch_map_svg)."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any, Protocol

from ...call.engine import Call
from ...scenario import graph
from ...scenario.model import Scenario
from ...scoring.scorecard import score_turn, turn_target
from .layout import Layout, layout
from .reasons import Reason, why
from .saved_turn import SavedTurn

UNRESOLVED = "unresolved"       # the call ran out of turns, or was left, before any end node


class SavedTurnLike(Protocol):
    """What the map reads of a saved turn (simulator.store.TurnRecord has it)."""

    index: int
    node_id: str
    reply: str
    silent: bool
    score: dict[str, Any] | None


@dataclass(frozen=True)
class Visit:
    """One of the trainee's turns at a node."""

    turn: int                       # the turn's index (0 = the first)
    reply: str
    silent: bool
    overall: float | None
    reasons: tuple[Reason, ...] = ()


@dataclass
class MapNode:
    id: str
    line: str                       # the customer's (first) line here
    end: str | None                 # resolved | escalated | hung_up at an end node
    visits: list[Visit] = field(default_factory=list)
    reference: bool = False         # on the reference answers' path
    reached: int = 0                # attempts that came here (one call: 1 on its path)
    missed: list[tuple[str, int]] = field(default_factory=list)     # cohort: key facts most missed here, with counts


@dataclass
class MapEdge:
    source: str
    target: str
    condition: str | None           # the branch's condition as written (None: the way on without one)
    trainee: bool = False
    reference: bool = False
    taken: int = 0                  # cohort: attempts that went this way

    def share(self, reached: int) -> float | None:
        return self.taken / reached if reached else None


@dataclass
class BranchMap:
    scenario_id: str
    language: str
    layout: Layout
    nodes: dict[str, MapNode]
    edges: list[MapEdge]
    outcome: str | None = None      # how the trainee's call ended
    left_at: int | None = None      # the turn whose reply took the call off the reference answers' path
    attempts: int = 0               # cohort: how many calls the shares are of

    def edge(self, source: str, target: str) -> MapEdge | None:
        return next((e for e in self.edges if e.source == source and e.target == target), None)


def blank(scenario: Scenario) -> BranchMap:
    """The scenario's graph with nobody's path on it."""
    nodes = {name: MapNode(name, node.customer[0] if node.customer else "", node.end) for name, node in scenario.nodes.items()}
    edges = [MapEdge(name, branch.goto, branch.condition)
             for name, node in scenario.nodes.items() for branch in node.routes() if branch.goto in scenario.nodes]
    return BranchMap(scenario.id, scenario.language, layout(scenario.start_node, graph.edges(scenario)), nodes, edges)


def steps(scenario: Scenario, turns: Sequence[SavedTurnLike]) -> list[tuple[int, str, str]]:
    """The moves a saved call made from node to node, in order, as (turn index, from, to) (a
    silence stays put, and so is no move); the last reply's move included (to an end node, or
    where the customer took the call before it ran out of turns or was left)."""
    moves = []
    for k, turn in enumerate(turns):
        if k + 1 < len(turns):
            target = turns[k + 1].node_id
        elif turn.score is not None and not turn.silent:     # the last reply took the call on even if it ended there
            target = graph.route_taken(scenario.nodes[turn.node_id], SavedTurn(turn.score)).goto
        else:
            continue
        if target != turn.node_id or not turn.silent:
            moves.append((turn.index, turn.node_id, target))
    return moves


def for_call(scenario: Scenario, turns: Sequence[SavedTurnLike], outcome: str | None,
             reference: Sequence[str] = ()) -> BranchMap:
    """The map of one finished call; ``reference``: the reference answers' path (reference_path)."""
    result = blank(scenario)
    result.outcome = outcome
    for turn in turns:
        node = scenario.nodes[turn.node_id]
        saved = SavedTurn(turn.score) if turn.score is not None and not turn.silent else None
        reasons = tuple(why(node, saved)) if saved is not None else ()
        result.nodes[turn.node_id].visits.append(
            Visit(turn.index, turn.reply, turn.silent, saved.metric("overall") if saved else None, reasons))
    model_next = dict(pairwise(reference))
    for index, source, target in steps(scenario, turns):
        edge = result.edge(source, target)
        if edge is not None:
            edge.trainee = True
        result.nodes[source].reached = result.nodes[target].reached = 1
        if result.left_at is None and model_next.get(source, target) != target:
            result.left_at = index
    mark_reference(result, reference)
    return result


def mark_reference(result: BranchMap, reference: Sequence[str]) -> None:
    """Mark the reference answers' path (reference_path) on a map."""
    for name in reference:
        result.nodes[name].reference = True
    for source, target in pairwise(reference):
        edge = result.edge(source, target)
        if edge is not None:
            edge.reference = True


class _Steps:
    """A clock that moves on by one reply's target time at each reading after a reply."""

    def __init__(self, step: float):
        self.at, self.step = 0.0, step

    def now(self) -> float:
        return self.at


def reference_path(scenario: Scenario, scorer=score_turn) -> list[str]:
    """The nodes a call goes through when every reply is the node's first reference answer,
    given on target time, scored and routed by the engine as a trainee's reply would be."""
    clock = _Steps(turn_target(scenario))
    call = Call(scenario, clock, seed=0, scorer=scorer)
    path = [call.node_id]
    while not call.finished:
        clock.at += clock.step
        call.reply(scenario.nodes[call.node_id].references[0])
        if call.outcome != "unresolved":
            path.append(call.node_id)
    return path
