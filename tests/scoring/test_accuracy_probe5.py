"""The fifth accuracy probe (tests/scoring/data/accuracy_probe5.yaml, issue 9): new replies to the
library's scenarios, rated by the rubric before the scorer ran on them. Each reply is scored by
the product's scorer at its scenario's first reply node and read on the rubric's scale the way
the product reads it (simulator.calibration.verdict.rating: below 25 is 0, from 75 on is 2); the
rating must be the one a strict QA lead gave (full = 2, partial = 1, none = 0)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from simulator.calibration.verdict import rating
from simulator.scenario.model import Fact, Node
from simulator.scoring import accuracy
from simulator.scoring.accuracy import check_fact
from simulator.scoring.bindings import supplier_does
from simulator.scoring.matching import Reply, Wording
from simulator.scoring.scorecard import score_turn

PROBE = yaml.safe_load((Path(__file__).parent / "data" / "accuracy_probe5.yaml").read_text(encoding="utf-8"))
RATING = {"full": 2, "partial": 1, "none": 0}
# Replies the scorer still rates wrong after the general fixes, with why (strict: when a fix makes
# one right, it fails here and comes off this list). Keyed by the reply's first 40 characters.
PENALTY = ("a key fact denied costs like a wrong fact (WRONG_FACT_PENALTY 30): with one other key fact right "
           "the reply falls to 0, where the rubric's 'one key fact right plus a wrong detail' is 1; the "
           "penalty was chosen on the benchmark and is not changed for a probe")
HEDGE = ("a hedge («можливо», «мабуть», 'might', 'I believe') is read as stating the fact: the benchmark's "
         "dev ratings credit hedged diagnoses in full («це, мабуть, аварія в будинку» rated 2), so a hedge "
         "rule would have to tell a rule the operator must know from a guess about the cause")
PHRASE = ("the key fact in a phrase, not a word, of other wording ('get in touch with' for 'contact', "
          "'have no say' for 'not by us', 'read me the meter', 'the bigger number is voluntary'): "
          "single-word synonyms (lexicon.SYNONYMS) do not reach it, and the meaning credit stays partial")
KNOWN = {
    "Пільга є лише для опалення, яке встановл": "the gist in a word no list has («офіційно» for the project) and "
    "«звичайні обігрівачі» for plug-in heaters: closeness in meaning below the margin",
    "Так, рахунок за середнім, бо показники н": PENALTY,
    "Yes, it was estimated because no reading": PENALTY,
    "Кошти на рахунок зараховує ваш банк, ми ": "the bank said to credit the payment, in a node whose key facts name no "
    "party: nothing to reverse",
    "Можливо, це були шахраї, але я не можу т": HEDGE,
    "It might have been a scam, but I can't r": HEDGE,
    "Мабуть, відключення робить ДТЕК Київські": HEDGE,
    "I believe outages are handled by DTEK Ky": HEDGE,
    "Нічний тариф діє з 23:00 до 07:00, а не ": "a wrong fact's figure named to set it apart («1,73 — це для тризонного "
    "обліку, не для вас»): read as stated, and it swaps the zones' prices",
    "Subsidies are decided by the Pension Fun": PHRASE,
    "Please pay the sum that's due this month": PHRASE,
    "There's no application needed any more; ": "automatic reconnection in other words ('comes back by itself') and "
    "the application denied without 'online': neither wording is found",
    "The grid operator gets the outage orders": "the supplier as the one who decides ('we decide which streets go "
    "dark'): deciding is no job of the grid operator's list (lexicon.PARTY_ACTIONS)",
}


def accuracy_of(library, item: dict) -> float:
    scenario = library.get(item["scenario"])
    return score_turn(scenario, scenario.reply_nodes[0], item["reply"]).accuracy.score


def assert_balanced(probe: list[dict]) -> None:
    """An accuracy probe (this one, probe 6): at least 60 replies, half in each language, and
    every rating in each."""
    assert len(probe) >= 60
    for language in ("uk", "en"):
        mine = [item for item in probe if item["scenario"].startswith(language)]
        assert abs(len(mine) - len(probe) / 2) <= 1
        assert {item["rating"] for item in mine} == set(RATING)


def cases(probe: list[dict], known: dict[str, str]) -> list:
    """A probe's replies as test cases; those in ``known`` (first 40 characters -> why) as strict xfails."""
    return [pytest.param(item, marks=pytest.mark.xfail(strict=True, reason=known[item["reply"][:40]]), id=case_id(item))
            if item["reply"][:40] in known else pytest.param(item, id=case_id(item)) for item in probe]


def case_id(item: dict) -> str:
    return f"{item['scenario']}-{item['kind']}-{item['reply'][:30]}"


def assert_rated(library, item: dict) -> None:
    """The product's score for the reply, on the rubric's scale, is the QA lead's rating."""
    score = accuracy_of(library, item)
    assert rating(score) == RATING[item["rating"]], (item["rating"], round(score, 1), item["why"])


def test_the_probe_is_balanced():
    assert_balanced(PROBE)


@pytest.mark.parametrize("item", cases(PROBE, KNOWN))
def test_each_reply_gets_the_qa_lead_s_rating(library, item):
    assert_rated(library, item)


# --- the general rules the probe led to, on facts of their own ---------------------------------

def _fact(fact: str, *accept: str) -> Fact:
    return Fact(id="x", fact=fact, accept=list(accept))


@pytest.mark.parametrize(("language", "fact", "reply"), [
    ("uk", _fact("рахунок за середнім", "за середнім"), "Суму нарахували за усередненим споживанням."),
    ("uk", _fact("буде перерахунок", "перерахуємо"), "Коли передасте показники, ми скоригуємо суму."),
    ("en", _fact("it was a scam", "a scam"), "That call came from fraudsters."),
    ("en", _fact("register a request", "register your request"), "I'll log an application for you."),
])
def test_a_synonym_of_a_key_fact_s_word_says_it(language, fact, reply):
    assert check_fact(Reply(reply, language), fact, language).said


@pytest.mark.parametrize(("language", "fact", "reply"), [
    ("uk", _fact("буде перерахунок", "перерахунок"), "Перерахунок у таких випадках відсутній."),
    ("en", _fact("the grid operator handles outages", "grid operator"), "The grid operator has nothing to do with outages."),
])
def test_a_key_fact_denied_in_other_words_is_contradicted(language, fact, reply):
    check = check_fact(Reply(reply, language), fact, language)
    assert not check.said and check.contradicted


@pytest.mark.parametrize(("language", "party", "reversed_", "routing"), [
    ("uk", "pension", "Субсидію вам призначили ми, а Пенсійний фонд її просто враховує.",
     "Субсидію призначає Пенсійний фонд, ми її лише враховуємо в рахунку."),
    ("uk", "dso", "Світло вимикаємо ми за графіком, який надсилає ДТЕК Київські електромережі.",
     "Ми передамо вашу заявку на заміну в ДТЕК Київські електромережі."),
    ("en", "dso", "We switch the power off following the schedule DTEK Kyiv Electric Networks sends us.",
     "Power cuts are handled by DTEK Kyiv Electric Networks, not by us; we can check your group."),
    ("en", "pension", "We set your subsidy, and the Pension Fund simply pays it out.",
     "It's the Pension Fund that sets it; we only apply it on the bill."),
])
def test_the_supplier_doing_the_party_s_job_reverses_the_responsibility(language, party, reversed_, routing):
    assert supplier_does(reversed_, language, frozenset({party}))
    assert not supplier_does(routing, language, frozenset({party}))


@pytest.mark.parametrize(("language", "reply"), [
    ("uk", "Ніхто не може сказати напевно, що це були шахраї."),
    ("en", "Nobody can say for sure that was a scam."),
])
def test_a_fact_worded_and_taken_back_earns_no_meaning_credit(language, reply):
    fact = _fact("це були шахраї", "це були шахраї") if language == "uk" else _fact("it was a scam", "that was a scam")
    text = Reply(reply, language)
    assert any(text.withheld(Wording.of(a, language)) for a in fact.accept)
    check = accuracy.by_meaning(text, check_fact(text, fact, language), fact)
    assert check.credit == 0


@pytest.mark.parametrize(("language", "reply"), [
    ("uk", "Якби показники не надійшли, рахунок виставили б за середнім."),
    ("en", "If no reading had arrived, the bill would have been estimated."),
])
def test_a_reply_that_only_supposes_gets_no_credit_for_closeness(language, reply):
    node = Node(customer=["?"], references=[reply], key_facts=[_fact("показники", "передайте показники")],
                wrong_facts=[], next="end")
    assert accuracy.score(Reply(reply, language), node, language).similarity == 0
