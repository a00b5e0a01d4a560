"""A new scenario from the template: valid, commented in its language, playable to the end."""
from __future__ import annotations

import datetime as dt

import pytest

from simulator.call.clock import ManualClock
from simulator.call.engine import Call
from simulator.library.loader import load_text, warnings_in
from simulator.scoring.scorecard import score_turn
from simulator.services.studio import samples
from simulator.services.studio.template import new_scenario
from tests.scoring.test_library_quality import MARGIN, POOR

CASES = [(lang, channel) for lang in ("uk", "en") for channel in ("voice", "chat")]


def make(lang, channel, **kwargs):
    values = {"id": "my-first", "title": "Мій перший: «тест»" if lang == "uk" else "My first: \"test\"", "language": lang,
              "channel": channel, "category": "meter-readings", "facts_as_of": dt.date(2026, 3, 1)} | kwargs
    text = new_scenario(**values)
    scenario, problems = load_text(text, "new.yaml")
    assert problems == [], problems
    return text, scenario


@pytest.mark.parametrize("lang, channel", CASES)
def test_the_template_validates_with_the_fields_given(lang, channel):
    text, scenario = make(lang, channel)
    assert (scenario.id, scenario.language, scenario.channel, scenario.category) == ("my-first", lang, channel, "meter-readings")
    assert scenario.title == ("Мій перший: «тест»" if lang == "uk" else 'My first: "test"')
    assert scenario.facts_as_of == dt.date(2026, 3, 1)
    assert 2 <= len(scenario.nodes) <= 4
    opening = scenario.nodes[scenario.start_node]
    assert opening.references and opening.key_facts and len(opening.branches) >= 2
    assert len({node.end for node in scenario.nodes.values() if node.is_end}) == 2   # a poor reply can change the outcome
    assert warnings_in(text, scenario) == []        # the studio shows none on a new scenario
    assert scenario.target_seconds == (90 if channel == "voice" else 150)


@pytest.mark.parametrize("lang", ["uk", "en"])
def test_the_comments_guide_the_trainer_in_the_scenario_language(lang):
    text, _ = make(lang, "voice")
    comments = [line.split("#", 1)[1] for line in text.splitlines() if "#" in line]
    assert len(comments) >= 20
    cyrillic = sum(any("\u0400" <= c <= "\u04ff" for c in comment) for comment in comments)
    # Ukrainian comments keep the YAML words (voice, chat, great...) in Latin letters
    assert (cyrillic >= len(comments) - 2) if lang == "uk" else cyrillic == 0


@pytest.mark.parametrize("lang, channel", CASES)
def test_it_plays_to_the_end_with_its_own_references(lang, channel):
    _, scenario = make(lang, channel)
    clock = ManualClock()
    call = Call(scenario, clock)
    while not call.finished:
        clock.advance(10)
        call.reply(scenario.nodes[call.node_id].references[0])
    card = call.scorecard()
    assert call.outcome == "resolved" and card.passed, card.to_dict()
    # the other way: the fact is missed, the customer asks again, the reference resolves it
    clock = ManualClock()
    call = Call(scenario, clock)
    for reply in (POOR[lang]["vague"], scenario.nodes["asks-again"].references[0]):
        clock.advance(10)
        call.reply(reply)
    assert [t.node_id for t in call.turns] == ["opening", "asks-again"] and call.outcome == "resolved"


@pytest.mark.parametrize("lang", ["uk", "en"])
def test_its_references_beat_poor_replies_like_the_library(lang):
    _, scenario = make(lang, "voice")
    for node_id in scenario.reply_nodes:
        weakest = min(score_turn(scenario, node_id, text).overall for text in scenario.nodes[node_id].references)
        for name, text in POOR[lang].items():
            assert weakest - score_turn(scenario, node_id, text).overall >= MARGIN, (node_id, name)


@pytest.mark.parametrize("lang", ["uk", "en"])
def test_its_samples_meet_their_expectations(lang):
    _, scenario = make(lang, "chat")
    results = samples.run(scenario)
    assert [r.label for r in results] == ["great", "average", "poor"]
    assert samples.warnings(results, lang) == []


def test_facts_as_of_defaults_to_today():
    text = new_scenario("today", "Today", "en", "voice", "other")
    assert load_text(text)[0].facts_as_of == dt.date.today()


@pytest.mark.parametrize("values, message", [
    ({"id": "Bad Id"}, "'id'"),
    ({"category": "gossip"}, "'category': 'gossip' is not allowed"),
    ({"channel": "fax"}, "'channel': 'fax' is not allowed"),
    ({"language": "fr"}, "language must be one of uk, en"),
    ({"title": ""}, "'title'"),
])
def test_bad_values_are_refused_with_the_loaders_message(values, message):
    args = {"id": "ok", "title": "Назва", "language": "uk", "channel": "voice", "category": "other"} | values
    with pytest.raises(ValueError, match=message):
        new_scenario(**args)
