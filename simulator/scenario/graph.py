"""The scenario as a graph of nodes: what can be reached, what can end, how short a call can be."""
from __future__ import annotations

from collections import deque

from .conditions import TurnFacts
from .model import Branch, Node, Scenario


def edges(scenario: Scenario) -> dict[str, list[str]]:
    return {name: [b.goto for b in node.routes()] for name, node in scenario.nodes.items()}


def route_taken(node: Node, turn: TurnFacts) -> Branch:
    """The branch a scored reply takes: the first whose condition holds (one without a condition always does)."""
    return next(b for b in node.routes() if b.parsed is None or b.parsed.holds(turn))


def reachable(scenario: Scenario) -> set[str]:
    graph = edges(scenario)
    seen = {scenario.start_node}
    queue = deque(seen)
    while queue:
        for target in graph.get(queue.popleft(), []):
            if target in scenario.nodes and target not in seen:
                seen.add(target)
                queue.append(target)
    return seen


def can_end(scenario: Scenario) -> set[str]:
    """Nodes from which some path leads to an end node."""
    graph = edges(scenario)
    ending = {name for name, node in scenario.nodes.items() if node.is_end}
    changed = True
    while changed:
        changed = False
        for name, targets in graph.items():
            if name not in ending and any(t in ending for t in targets):
                ending.add(name)
                changed = True
    return ending


def fewest_replies(scenario: Scenario) -> int:
    """The fewest replies a call needs to be resolved (at least 1); any end if none resolves."""
    resolved = {name for name, node in scenario.nodes.items() if node.end == "resolved"}
    return _fewest(scenario, resolved) or _fewest(scenario, {n for n, node in scenario.nodes.items() if node.is_end}) or 1


def _fewest(scenario: Scenario, targets: set[str]) -> int | None:
    graph = edges(scenario)
    distance = {scenario.start_node: 0}
    queue = deque([scenario.start_node])
    while queue:
        name = queue.popleft()
        node = scenario.nodes.get(name)
        if node is None:
            continue
        if name in targets:
            return max(1, distance[name])
        for target in graph[name]:
            if target not in distance:
                distance[target] = distance[name] + 1
                queue.append(target)
    return None
