"""Every YAML example in docs/authoring.md validates: the complete example as it is, a shared
step as a step file, and each fragment (a node, samples, behaviour, facts) inside the
complete example."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from simulator.scenario import shared_steps
from simulator.library.loader import load_step_file, load_text
from tests.conftest import SCENARIOS

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "authoring.md"
BLOCKS = re.findall(r"```yaml\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.S)
STEPS = shared_steps.load(SCENARIOS / "shared")


def complete() -> str:
    return next(block for block in BLOCKS if block.startswith("id:"))


def test_the_guide_has_a_complete_example_and_fragments():
    assert sum(block.startswith("id:") for block in BLOCKS) == 1
    assert len(BLOCKS) >= 6


def test_the_complete_example_validates_as_it_is():
    scenario, problems = load_text(complete(), "authoring.md", STEPS)
    assert problems == [], [str(p) for p in problems]
    assert scenario.nodes["closing"].key_facts[0].id == "anything-else"   # the shared step, included
    assert scenario.nodes["readings"].memory[0].condition == "missing opening.submit-readings"


@pytest.mark.parametrize("block", [b for b in BLOCKS if not b.startswith("id:")], ids=lambda b: b.split(":")[0])
def test_every_fragment_validates(block, tmp_path):
    data = yaml.safe_load(block)
    if "step" in data:
        (tmp_path / "shared").mkdir()
        path = tmp_path / "shared" / "step.yaml"
        path.write_text(block, encoding="utf-8")
        assert load_step_file(path) == []
        return
    scenario = yaml.safe_load(complete())
    for key, value in data.items():
        if key == "nodes":
            scenario["nodes"].update(value)
        else:
            scenario[key] = value
    text = yaml.safe_dump(scenario, allow_unicode=True, sort_keys=False)
    _, problems = load_text(text, "authoring.md", STEPS)
    # a node shown on its own is not reached from the example's start; everything else must hold
    assert [str(p) for p in problems if "cannot be reached" not in p.message] == []


def test_the_guides_table_of_shared_steps_names_each_steps_key_facts():
    """A trainer branches on a step's facts from the table alone: it must say what the files hold."""
    rows = re.findall(r"^\| (`[a-z-]+`, `[a-z-]+`) \| (.+) \|$", GUIDE.read_text(encoding="utf-8"), re.M)
    named = {name: facts for names, facts in rows for name in re.findall(r"`([a-z-]+)`", names)}
    assert set(named) == set(STEPS.by_name)
    for name, step in STEPS.by_name.items():
        assert re.findall(r"`([a-z-]+)`", named[name]) == [f["id"] for f in step.node["key_facts"]], name
