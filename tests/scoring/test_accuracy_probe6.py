"""The sixth accuracy probe (tests/scoring/data/accuracy_probe6.yaml, issue 9): new replies to the
library's scenarios as a speech recogniser gives them from a spoken call (lower case, no or wrong
punctuation, fillers, false starts, numbers as digits, words or both) and long replies that mix
things, rated by the rubric before the scorer ran on them. Read the way probe 5 reads a reply
(its accuracy_of and RATING: the product's score_turn at the scenario's first reply node, on the
rubric's scale by simulator.calibration.verdict.rating)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from simulator.scenario.model import Fact, Node
from simulator.scoring import accuracy
from simulator.scoring.matching import Reply, Wording, corrected
from simulator.scoring.text import normalise
from tests.scoring.test_accuracy_probe5 import _fact, assert_balanced, assert_rated, cases

PROBE = yaml.safe_load((Path(__file__).parent / "data" / "accuracy_probe6.yaml").read_text(encoding="utf-8"))
# Replies the scorer still rates wrong after the general fixes, with why (strict: when a fix makes
# one right, it fails here and comes off this list). Keyed by the reply's first 40 characters.
CENTRAL = ("a wrong fact on the central point of the customer's question costs like any wrong fact "
           "(WRONG_FACT_PENALTY 30, or the cap for an invented promise): the scorer does not know which fact a "
           "question turns on, so with the other key facts right the reply stays at 1 where the rubric says 0")
MISSING = ("two of three (three of four) key facts and closeness to a reference carry the reply over 75: a cap "
           "for a key fact given no credit at all was tried, and it also capped a paraphrase the meaning check "
           "misses (probe 5's «Продиктуйте, … що зараз показує лічильник» for «передайте показники»), so it was "
           "not kept")
KNOWN: dict[str, str] = {
    'з двадцять третьої до сьомої вночі два ш': CENTRAL,
    'відключеннями займається дтек київські е': CENTRAL,
    'е-е платіж у нас зараховується в день ко': MISSING,
    "we don't set subsidies they're set by th": "the key fact in a clause of other words ('we don't set "
    "subsidies' for 'not by us'): no wording of it is said, and closeness in meaning earns half a fact at most",
}


def test_the_probe_is_balanced():
    assert_balanced(PROBE)


@pytest.mark.parametrize("item", cases(PROBE, KNOWN))
def test_each_reply_gets_the_qa_lead_s_rating(library, item):
    assert_rated(library, item)


# --- the general rules the probe led to, on facts of their own ---------------------------------

def _node(key: list[Fact], wrong: list[Fact]) -> Node:
    wrong = [Fact(id=f"wrong-{k}", fact=f.fact, accept=f.accept) for k, f in enumerate(wrong)]
    return Node(customer=["?"], references=["-"], key_facts=key, wrong_facts=wrong, next="end")


@pytest.mark.parametrize(("language", "reply", "right", "taken_back"), [
    ("uk", "нічна зона з двадцять другої ой ні з двадцять третьої до сьомої",
     _fact("ніч з 23:00 до 7:00", "з 23:00 до 7:00"), _fact("ніч з 22:00", "з 22:00")),
    ("uk", "ми надішлемо майстра хоча ні стоп майстра надсилає оператор системи розподілу",
     _fact("майстра надсилає оператор системи розподілу", "оператор системи розподілу"), _fact("постачальник надсилає майстра", "ми надішлемо майстра")),
    ("en", "the warning comes at least five uh no ten working days before",
     _fact("at least 10 working days", "10 working days"), _fact("5 days", "five working days")),
    ("en", "it counts on the day you paid sorry i mean it counts on the day the money arrives",
     _fact("counts when the money arrives", "money arrives"), _fact("counts on the day paid", "day you paid")),
])
def test_a_false_start_taken_back_is_not_said_and_the_correction_is(language, reply, right, taken_back):
    result = accuracy.score(Reply(reply, language), _node([right], [taken_back]), language)
    assert result.facts[0].said and not result.facts[0].contradicted
    assert result.wrong == []


@pytest.mark.parametrize(("language", "text"), [
    ("uk", "Вибачте за незручності, зараз я все перевірю."),
    ("uk", "Перепрошую, що вам довелося чекати, ні, борг не переходить."),
    ("en", "I'm sorry, that was a scam."),
    ("en", "Sorry for the wait, the price is 4.32."),
    ("en", "So sorry about that, we never ask for card details."),
])
def test_an_apology_is_no_correction(language, text):
    assert corrected(text, language) == text


@pytest.mark.parametrize(("language", "text", "value"), [
    ("uk", "вночі коштує 2 16 за кіловат", 2.16),
    ("en", "it's a flat 4 32 per kilowatt hour", 4.32),
    ("en", "since june twenty twenty four", 2024.0),
])
def test_figures_as_a_recogniser_writes_them_are_read(language, text, value):
    assert any(value in readings for _, readings in normalise(text, language).said_numbers)


@pytest.mark.parametrize(("language", "reply", "wording"), [
    ("en", "outages are handled by the grid operator not by us", "grid operator"),
    ("en", "that's not us dtek kyiv electric networks replaces meters", "DTEK Kyiv Electric Networks"),
    ("uk", "це не до нас лічильники міняє оператор системи розподілу", "оператор системи розподілу"),
])
def test_a_contrasting_negation_does_not_deny_what_is_around_it(language, reply, wording):
    assert Reply(reply, language).says(Wording.of(wording, language))


@pytest.mark.parametrize(("language", "reply", "wording"), [
    ("uk", "не ми замінимо лічильник а оператор", "ми замінимо лічильник"),
    ("en", "we can offer instalments but not a recalculation", "recalculation"),
    ("en", "there's no way we can raise it", "we can raise it"),
])
def test_a_contrast_still_denies_what_it_is_about(language, reply, wording):
    text = Reply(reply, language)
    assert not text.says(Wording.of(wording, language)) and not text.states(Wording.of(wording, language))


@pytest.mark.parametrize(("language", "reply", "wording", "said"), [
    ("uk", "ми не вимикаємо світло це робить оператор системи розподілу", "оператор системи розподілу", True),
    ("uk", "показники від вас не надійшли передайте актуальні показники", "передайте показники", True),
    ("uk", "заявку онлайн подавати не потрібно світло ввімкнуть автоматично", "ввімкнуть автоматично", True),
    ("uk", "вам не потрібно подавати заявку онлайн", "заявку онлайн", False),
    ("uk", "попередження не завжди надходить за десять робочих днів", "10 робочих днів", False),
    ("en", "we don't set subsidies they're set by the pension fund", "set by the Pension Fund", True),
    ("en", "i don't think we can raise it", "we can raise it", False),
])
def test_in_a_run_on_reply_a_negation_stays_in_its_own_statement(language, reply, wording, said):
    assert Reply(reply, language).says(Wording.of(wording, language)) is said


@pytest.mark.parametrize(("language", "text", "made_up"), [
    ("en", "the replacement is done by the grid operator and they'll come within two days", True),
    ("en", "we'll waive this month's late fee for you", True),
    ("uk", "якщо гроші не надійдуть то світло вимкнуть уже завтра", True),
    ("uk", "лічильник поміняє оператор і займе це один день", True),
    ("uk", "не хвилюйтеся, світло не вимкнуть завтра", False),
    ("en", "you won't be cut off tomorrow", False),
])
def test_a_spoken_promise_no_rule_backs_is_invented(language, text, made_up):
    assert bool(accuracy.invented(text, language)) is made_up
