"""For every library scenario, at a few of its nodes, the reference answers clearly beat poor replies."""
from __future__ import annotations

import pytest

from simulator.library.loader import load_library
from simulator.scoring.scorecard import score_turn
from tests.conftest import SCENARIOS

MARGIN = 25  # points between the weakest reference and the best poor reply

POOR = {
    "uk": {
        "rude": "Що тут незрозумілого? Читайте платіжку і не морочте мені голову.",
        "vague": "Ну, треба подивитися, там по-різному буває.",
        "blaming": "Ви самі винні, треба було вчасно все робити.",
    },
    "en": {
        "rude": "What's so hard to understand? Read your bill and stop wasting my time.",
        "vague": "Well, it depends, these things vary.",
        "blaming": "It's your own fault, you should have done it on time.",
    },
}

PER_SCENARIO = 3    # nodes per scenario: with 40 scenarios every node took about 110 s of CI


def _sampled(scenario) -> list[str]:
    """The first reply node and then nodes with wrong facts (where a poor reply can state one),
    in file order, up to PER_SCENARIO; the first references of every node are played to a pass
    by tests/cli/test_cli.py, and `scenarios test --references` checks every reference answer."""
    first, *rest = scenario.reply_nodes
    rest = sorted(rest, key=lambda n: not scenario.nodes[n].wrong_facts)   # stable: file order kept
    return [first, *rest][:PER_SCENARIO]


NODES = [(s.id, n) for s in load_library(SCENARIOS).scenarios.values() for n in _sampled(s)]


@pytest.mark.parametrize("scenario_id, node_id", NODES)
def test_references_beat_rude_vague_and_wrong_replies(library, scenario_id, node_id):
    scenario = library.get(scenario_id)
    node = scenario.nodes[node_id]
    references = [score_turn(scenario, node_id, text) for text in node.references]
    poor = {name: score_turn(scenario, node_id, text) for name, text in POOR[scenario.language].items()}
    if node.wrong_facts:
        stated = " ".join(f"{fact.accept[0]}." for fact in node.wrong_facts)
        poor["wrong"] = score_turn(scenario, node_id, stated)
    weakest = min(r.overall for r in references)
    for name, result in poor.items():
        assert weakest - result.overall >= MARGIN, f"{name}: reference {weakest:.0f} vs {result.overall:.0f}"
        assert max(r.accuracy.score for r in references) > result.accuracy.score
    assert all(not r.critical for r in references)
    assert poor["blaming"].critical
