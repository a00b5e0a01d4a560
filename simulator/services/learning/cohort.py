"""Where a cohort leaves the good path: many calls at one scenario laid on its map, with the
share of the calls that reached each node going each way from it, and the key facts most
missed there. Calls at older versions of the scenario count where their nodes and branches
still exist in the version drawn."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from ...scenario.model import Scenario
from .branch_map import BranchMap, SavedTurnLike, blank, mark_reference, steps
from .saved_turn import SavedTurn

TOP_MISSED = 3


def cohort_map(scenario: Scenario, calls: Iterable[Sequence[SavedTurnLike]], reference: Sequence[str] = (),
               top: int = TOP_MISSED) -> BranchMap:
    """``calls``: the saved turns of each call, in order."""
    result = blank(scenario)
    missed: dict[str, Counter] = {name: Counter() for name in scenario.nodes}
    for turns in calls:
        turns = [t for t in turns if t.node_id in scenario.nodes]
        if not turns:
            continue
        result.attempts += 1
        reached = {turns[0].node_id}
        for _, source, target in steps(scenario, turns):
            edge = result.edge(source, target)
            if edge is not None:
                edge.taken += 1
                reached.add(target)
        for name in reached:
            result.nodes[name].reached += 1
        for turn in turns:
            if turn.score is not None and not turn.silent:
                missed[turn.node_id].update(f["fact"] for f in SavedTurn(turn.score).missed_facts())
    for name, counts in missed.items():
        result.nodes[name].missed = sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))[:top]
    mark_reference(result, reference)
    return result
