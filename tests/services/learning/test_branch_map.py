"""The branch map of a finished call, the reference path and why the customer turned (hand-built scenario)."""
from __future__ import annotations

from simulator.services.learning.branch_map import for_call, reference_path, steps
from simulator.services.learning.reasons import Reason, why
from simulator.services.learning.saved_turn import SavedTurn
from tests.services.learning.learning_helpers import call, fork, score


def test_a_missed_fact_is_the_reason_in_the_facts_own_words():
    scenario = fork()
    reasons = why(scenario.nodes["opening"], SavedTurn(score(said=())))
    assert reasons == [Reason("missing", fact="не пізніше 20 числа")]


def test_a_low_score_is_the_reason_with_the_replys_figure():
    reasons = why(fork().nodes["opening"], SavedTurn(score(empathy=31.6)))
    assert reasons == [Reason("below", metric="empathy", value=32, limit=40)]


def test_the_way_on_without_a_condition_says_why_the_others_did_not_apply():
    reasons = why(fork().nodes["opening"], SavedTurn(score(empathy=55)))
    assert reasons == [Reason("no_critical"), Reason("at_least", metric="empathy", value=55, limit=40),
                       Reason("said", fact="не пізніше 20 числа")]


def test_one_way_on_has_no_reason():
    assert why(fork().nodes["wrap"], SavedTurn(score())) == []


def test_the_call_path_reasons_and_outcome_are_on_the_map():
    scenario = fork()
    turns = call(("opening", score(overall=52, said=())), ("ask-date", score()), ("wrap", score(facts=())))
    result = for_call(scenario, turns, "resolved", reference=["opening", "wrap", "done"])
    trainee = [(e.source, e.target) for e in result.edges if e.trainee]
    assert trainee == [("opening", "ask-date"), ("ask-date", "wrap"), ("wrap", "done")]
    assert [(e.source, e.target) for e in result.edges if e.reference] == [("opening", "wrap"), ("wrap", "done")]
    opening = result.nodes["opening"]
    assert opening.line == "До якого числа платити?" and opening.reference
    assert [(v.turn, v.reply, v.overall) for v in opening.visits] == [(0, "відповідь 1", 52)]
    assert opening.visits[0].reasons == (Reason("missing", fact="не пізніше 20 числа"),)
    assert not result.nodes["ask-date"].reference and result.nodes["done"].end == "resolved"
    assert result.left_at == 0 and result.nodes["done"].reached == 1 and not result.nodes["angry"].reached
    assert result.layout.layers[0] == ("opening",)


def test_a_silence_is_no_move_and_the_last_reply_reaches_its_end():
    scenario = fork()
    turns = call(("opening", None), ("opening", score(critical=True)))
    assert steps(scenario, turns) == [(1, "opening", "complaint")]
    result = for_call(scenario, turns, "escalated")
    assert [v.silent for v in result.nodes["opening"].visits] == [True, False]
    assert result.nodes["opening"].visits[1].reasons == (Reason("critical"),)


def test_a_call_left_after_a_reply_still_shows_where_that_reply_took_it():
    assert steps(fork(), call(("opening", score(said=())))) == [(0, "opening", "ask-date")]
    assert steps(fork(), call(("opening", None))) == []
    assert steps(fork(), call(("wrap", score(facts=())))) == [(0, "wrap", "done")]


class _Facts:
    def __init__(self, empathy, said):
        self.empathy, self.said = empathy, said

    def metric(self, name):
        return {"empathy": self.empathy}.get(name, 90.0)

    def fact_said(self, fact_id):
        return self.said

    def wrong_said(self, fact_id):
        return False

    critical = False


def test_the_reference_path_is_what_the_engine_does_with_the_reference_answers():
    scenario = fork()
    seen = []

    def scorer(scenario, node_id, reply, **_):
        seen.append((node_id, reply))
        return _Facts(80, said="20 числа" in reply)

    assert reference_path(scenario, scorer) == ["opening", "wrap", "done"]
    assert seen == [("opening", scenario.nodes["opening"].references[0]), ("wrap", scenario.nodes["wrap"].references[0])]
    cold = reference_path(scenario, lambda *a, **k: _Facts(10, True))     # references the engine hears as cold
    assert cold == ["opening", "angry", "complaint"]
