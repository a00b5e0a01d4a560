"""A sample added to a scenario's text: one more item in `samples:`, every other line as it was."""
from __future__ import annotations

import difflib

import pytest
import yaml

from simulator.library.loader import load_text
from simulator.services.studio.samples_yaml import append_sample
from simulator.services.studio.template import new_scenario
from tests.conftest import MINI, SCENARIOS

TRICKY = ["Так: «ціна» 4,32 # не коментар", "yes", "- dash", "it's \"quoted\"", "123", "слово " * 60 + "кінець", "a\nb"]


def samples_of(text: str) -> list[dict]:
    return yaml.safe_load(text).get("samples") or []


@pytest.mark.parametrize("path", [SCENARIOS / "uk" / "estimated-bill.yaml", SCENARIOS / "en" / "estimated-bill.yaml"],
                         ids=lambda p: p.parent.name)
def test_a_sample_goes_after_the_last_one_and_nothing_else_changes(path):
    text = path.read_text(encoding="utf-8")
    before, _ = load_text(text)
    node = before.reply_nodes[-1]
    reply = before.nodes[node].references[0]
    new = append_sample(text, node, "average", reply, note="нотатка")
    after, problems = load_text(new)
    assert problems == []
    assert after.samples[:-1] == before.samples
    assert (after.samples[-1].node, after.samples[-1].label, after.samples[-1].reply, after.samples[-1].note) == \
        (node, "average", reply, "нотатка")
    edits = [op for op in difflib.SequenceMatcher(None, text.splitlines(), new.splitlines(), autojunk=False).get_opcodes()
             if op[0] != "equal"]
    assert len(edits) == 1 and edits[0][0] == "insert"          # one block inserted, the rest untouched
    added = new.splitlines()[edits[0][3]:edits[0][4]]
    assert len(added) == 4 and added[0].lstrip().startswith("- node: ")


def test_a_scenario_without_samples_gets_a_samples_list_at_the_end():
    new = append_sample(MINI, "opening", "great", "Розумію. Рахунок виставили за середнім споживанням.")
    assert new.startswith(MINI)
    assert new[len(MINI):] == "\nsamples:\n  - node: opening\n    label: great\n    reply: Розумію. Рахунок виставили за середнім споживанням.\n"
    scenario, problems = load_text(new)
    assert problems == [] and len(scenario.samples) == 1


def test_the_templates_samples_get_a_fourth_and_comments_stay():
    text = new_scenario("my-call", "Мій дзвінок", "uk", "voice", "other")
    new = append_sample(text, "asks-again", "poor", "Не знаю.")
    assert new.startswith(text.rstrip("\n"))
    assert "# great (відмінна), average (середня) або poor (слабка)" in new
    assert [s["label"] for s in samples_of(new)] == ["great", "average", "poor", "poor"]


@pytest.mark.parametrize("reply", TRICKY)
def test_any_reply_reads_back_exactly(reply):
    new = append_sample(MINI, "opening", "poor", reply)
    assert samples_of(new)[-1]["reply"] == reply


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 1\nsamples:   # mine\nb: 2\n", "a: 1\nsamples:   # mine\n  - node: n\n    label: great\n    reply: r\nb: 2\n"),
        ("a: 1\nsamples: ~\n", "a: 1\nsamples:\n  - node: n\n    label: great\n    reply: r\n"),
        ("a: 1\nsamples: []  # none yet\nb: 2", "a: 1\nsamples:  # none yet\n  - node: n\n    label: great\n    reply: r\nb: 2"),
        ("samples:\n- node: x\n  label: poor\n  reply: q\n\n# the end\n",
         "samples:\n- node: x\n  label: poor\n  reply: q\n- node: n\n  label: great\n  reply: r\n\n# the end\n"),
        ("samples:\n  - {node: x, label: poor, reply: q}", "samples:\n  - {node: x, label: poor, reply: q}\n  - node: n\n    label: great\n    reply: r\n"),
        ("a: 1\r\nsamples:\r\n  - node: x\r\n    label: poor\r\n    reply: q\r\n",
         "a: 1\r\nsamples:\r\n  - node: x\r\n    label: poor\r\n    reply: q\r\n  - node: n\r\n    label: great\r\n    reply: r\r\n"),
        ("a: 1", "a: 1\n\nsamples:\n  - node: n\n    label: great\n    reply: r\n"),
    ],
    ids=["empty-with-comment", "tilde", "empty-flow", "indentless", "flow-item", "crlf", "no-newline"],
)
def test_the_shapes_a_samples_list_takes(text, expected):
    assert append_sample(text, "n", "great", "r") == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: [1\n", "line "),
        ("- a\n- b\n", "a scenario file must be"),
        ("samples: [{node: x, label: poor, reply: q}]\n", "written on one line"),
        ("samples:\n  node: x\n", "'samples' must be a list"),
        ("samples: []\nsamples: []\n", "'samples' is given twice (lines 1 and 2)"),
    ],
)
def test_text_it_cannot_extend_says_why(text, message):
    with pytest.raises(ValueError) as caught:
        append_sample(text, "n", "great", "r")
    assert message in str(caught.value)
