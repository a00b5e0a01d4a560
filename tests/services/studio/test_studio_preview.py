"""Preview: every customer line with the persona's voice, and a hand-steered walk through the branches."""
from __future__ import annotations

import pytest

from simulator.services.studio.preview import Choice, Walk, lines
from simulator.services.studio.template import new_scenario
from simulator.library.loader import load_text
from simulator.voice.speech import customer_voice


def test_every_customer_line_with_the_persona_voice(library):
    for scenario in library.scenarios.values():
        found = lines(scenario)
        voice = customer_voice(scenario)
        assert all(line.voice == voice for line in found)
        for name, node in scenario.nodes.items():
            assert [l.text for l in found if l.node == name] == node.customer
            assert [l.variant for l in found if l.node == name] == list(range(len(node.customer)))
        assert [l.text for l in found if l.node is None] == scenario.silence_prompt


def test_the_voice_follows_the_persona(mini, library):
    voice = lines(mini)[0].voice
    assert (voice.language, voice.gender, voice.mood) == ("uk", "male", "irritated")
    en = lines(library.get("en-estimated-bill"))[0].voice
    assert (en.language, en.gender, en.variant, en.rate, en.pitch) == ("en", "female", "f2", 175, 58)


def test_choices_from_a_branching_node(mini):
    walk = Walk(mini)
    assert walk.start == walk.node_id == "opening" and walk.path == ["opening"]
    assert walk.customer == mini.nodes["opening"].customer
    assert walk.choices() == [
        Choice("complaint", "if", "critical", "escalated"),
        Choice("angry", "if", "empathy < 35", None),
        Choice("again", "if", "missing estimated", None),
        Choice("thanks", "otherwise", None, "resolved"),
    ]
    assert not walk.finished and walk.outcome is None and not walk.can_go_back


def test_go_back_and_the_path(mini):
    walk = Walk(mini)
    walk.go("angry")
    assert [c.target for c in walk.choices()] == ["thanks", "complaint"]
    walk.go("complaint")
    assert walk.path == ["opening", "angry", "complaint"]
    assert walk.finished and walk.outcome == "escalated" and walk.choices() == []
    assert walk.customer == ["Усе, пишу скаргу."]
    walk.back()
    walk.back()
    assert walk.path == ["opening"]
    with pytest.raises(ValueError, match="already at the start"):
        walk.back()
    with pytest.raises(ValueError, match=r"cannot go from 'opening' to 'angry-ish' \(ways on: complaint, angry, again, thanks\)"):
        walk.go("angry-ish")
    walk.go("thanks")
    with pytest.raises(ValueError, match="none: this is an end"):
        walk.go("opening")


def test_next_is_a_choice_of_its_own():
    scenario, _ = load_text(new_scenario("walk-test", "Walk", "en", "chat", "other"))
    walk = Walk(scenario)
    walk.go("asks-again")
    assert walk.choices() == [Choice("resolved", "next", None, "resolved")]


def test_every_node_of_every_scenario_can_be_walked_to(library):
    for scenario in library.scenarios.values():
        seen, stack = set(), [[scenario.start_node]]
        while stack:
            walk = Walk(scenario, list(stack.pop()))
            seen.add(walk.node_id)
            for choice in walk.choices():
                if choice.target not in seen:
                    walk.go(choice.target)
                    stack.append(list(walk.path))
                    walk.back()
        assert seen == set(scenario.nodes), scenario.id
