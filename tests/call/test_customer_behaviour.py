"""The customer on a hands-free call: difficulty changes how they behave, a scenario's
``behaviour:`` block overrides it, rudeness is heard in either language, moods go up."""
from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from simulator.call import customer_behaviour as behaviour
from simulator.library.loader import load_library
from simulator.scenario.model import Scenario

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def library():
    return load_library(ROOT / "scenarios")


def _with(scenario: Scenario, **changes) -> Scenario:
    data = scenario.model_dump(by_alias=True)
    data.update(changes)
    return Scenario.model_validate(data)


def test_difficulty_changes_the_behaviour_not_only_the_label(library):
    base = library.get("uk-payment-slip")
    easy, hard = behaviour.of(_with(base, difficulty="easy")), behaviour.of(_with(base, difficulty="hard"))
    assert easy.patience > hard.patience and easy.max_reply > hard.max_reply
    assert not easy.barge_in and hard.barge_in
    assert behaviour.mood(_with(base, difficulty="easy"), "calm", 2) == "calm"
    assert behaviour.mood(_with(base, difficulty="medium"), "calm", 1) == "worried"
    assert behaviour.mood(_with(base, difficulty="hard"), "worried", 1) == "angry"
    assert behaviour.mood(_with(base, difficulty="hard"), None, 5) == "angry"


def test_a_behaviour_block_overrides_the_difficulty(library):
    base = _with(library.get("en-payment-slip"), difficulty="easy")
    custom = _with(base, behaviour={"patience": 4, "barge_in": True, "interrupt": "Get to the point, please."})
    got = behaviour.of(custom)
    assert (got.patience, got.max_reply, got.barge_in) == (4.0, 60.0, True)
    assert got.interrupt == ("Get to the point, please.",) and got.cut_in == tuple(behaviour.CUT_IN["en"])
    assert behaviour.of(base).interrupt[0] == "Sorry, can you get to the point?"
    with pytest.raises(ValidationError, match="patiense"):
        _with(base, behaviour={"patiense": 4})
    with pytest.raises(ValidationError, match="greater than or equal to 3"):
        _with(base, behaviour={"patience": 1})


def test_the_customer_hears_rudeness_in_either_language(library):
    uk, en = library.get("uk-payment-slip"), library.get("en-payment-slip")
    assert behaviour.is_rude(uk, "Жінко, ви що, читати не вмієте?")
    assert behaviour.is_rude(en, "Calm down, lady, can't you read?")
    assert not behaviour.is_rude(uk, "Я зараз усе перевірю і поясню.")
    assert not behaviour.is_rude(en, "Let me check that for you.")
    assert not behaviour.is_rude(en, "")
    assert behaviour.pick(("a", "b"), 3) == "b"
