"""The practice plan: weaknesses from recent calls and the next three steps, with reasons (fixtures)."""
from __future__ import annotations

import datetime as dt

from simulator.services.learning.practice_plan import RecentCall, Step, plan, weaknesses
from simulator.library.loader import load_text
from tests.services.learning.learning_helpers import FORK, call, fork, score

MISSED = "не пізніше 20 числа"


def variant(scenario_id, difficulty="easy", category="payment-slip", high=False, language="uk"):
    text = FORK.replace("id: test-fork", f"id: {scenario_id}").replace("difficulty: easy", f"difficulty: {difficulty}")
    text = text.replace("category: payment-slip", f"category: {category}").replace("language: uk", f"language: {language}")
    if high:
        text = text.replace("  wrap:\n    customer:", "  wrap:\n    empathy: high\n    customer:")
    scenario, problems = load_text(text, scenario_id)
    assert scenario is not None, problems
    return scenario


def missed(attempt_id, mode="practice", scenario_id="test-fork"):
    return RecentCall(attempt_id, scenario_id, mode, False, call(("opening", score(said=())), ("ask-date", score(said=()))))


def said(attempt_id):
    return RecentCall(attempt_id, "test-fork", "practice", True, call(("opening", score()), ("wrap", score(facts=()))))


LIBRARY = [fork(), variant("b-medium", "medium"), variant("c-other-topic", category="outage"), variant("d-high", "hard", high=True),
           fork().model_copy(update={"id": "e-english", "language": "en"})]     # only its language matters here


def test_a_fact_missed_in_the_newest_calls_in_a_row_comes_with_its_run_and_its_line():
    calls = [missed(9), missed(8), missed(7, mode="exam"), said(6), missed(5)]
    fact = weaknesses(calls)[0]
    assert (fact.kind, fact.item, fact.count, fact.total, fact.streak) == ("fact", MISSED, 4, 5, 3)
    assert (fact.attempt_id, fact.turn, fact.practice) == (9, 0, True)


def test_a_critical_slip_comes_before_missed_facts():
    slip = RecentCall(3, "test-fork", "practice", False, call(("opening", score(critical=True))))
    found = weaknesses([slip, missed(2)])
    assert [(w.kind, w.item, w.count, w.total) for w in found] == [("slip", "secret", 1, 2), ("fact", MISSED, 1, 2)]


def test_the_plan_puts_assignments_first_then_the_line_to_drill_then_the_next_in_line():
    result = plan([missed(9), missed(8)], LIBRARY, passed=set(), tried={"test-fork"},
                  assigned={"c-other-topic": dt.date(2026, 12, 20)}, language="uk")
    assert [(s.kind, s.scenario.id) for s in result.steps] == [("assigned", "c-other-topic"), ("drill", "test-fork"),
                                                                ("scenario", "b-medium")]
    drill = result.steps[1]
    assert (drill.attempt_id, drill.turn, drill.why.item, drill.why.streak) == (9, 0, MISSED, 2)
    assert result.steps[0].due == dt.date(2026, 12, 20)
    assert all(s.scenario.language == "uk" for s in result.steps)


def test_a_line_missed_in_an_exam_is_practised_as_the_whole_scenario():
    result = plan([missed(9, mode="exam")], LIBRARY, passed=set(), tried=set(), assigned={}, language="uk")
    assert result.steps[0] == Step("scenario", LIBRARY[0], result.weaknesses[0])


def test_missing_empathy_sends_to_the_scenario_that_asks_most_for_it():
    cold = score(missing_parts=("acknowledgement",))
    calls = [RecentCall(4, "test-fork", "practice", True, call(("opening", cold), ("wrap", {**cold, "accuracy": {"facts": []}})))]
    result = plan(calls, LIBRARY, passed={"test-fork"}, tried={"test-fork"}, assigned={}, language="uk")
    empathy = next(s for s in result.steps if s.why is not None and s.why.kind == "empathy")
    assert empathy.scenario.id == "d-high" and (empathy.why.item, empathy.why.count, empathy.why.total) == ("acknowledgement", 2, 2)


def test_with_no_call_yet_the_plan_is_the_assignments_then_the_easiest():
    result = plan([], LIBRARY, passed=set(), tried=set(), assigned={"d-high": None}, language="en")
    assert [(s.kind, s.scenario.id) for s in result.steps] == [("start", "e-english")]
    result = plan([], LIBRARY, passed=set(), tried=set(), assigned={"d-high": None}, language="uk")
    assert [s.scenario.id for s in result.steps] == ["d-high", "test-fork", "b-medium"]     # the easiest, then its topic
    assert result.weaknesses == []
