"""The ninth accuracy probe (tests/scoring/data/accuracy_probe9.yaml, issue 9): new replies to the
library's scenarios that say every key fact in other words (synonyms, passives, double negatives,
the party named differently, figures in words), give only the right gist without figures or the
party, and, as controls, state a wrong fact in other words or correct the customer with the wrong
fact's own words; rated by the rubric before the scorer ran on them, read on the rubric's scale as
probe 5 reads it."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from simulator.scenario.model import Fact
from simulator.scoring import accuracy
from simulator.scoring.accuracy import FactCheck
from simulator.scoring.matching import Reply
from tests.scoring.test_accuracy_probe5 import accuracy_of, assert_balanced, assert_rated, cases

PROBE = yaml.safe_load((Path(__file__).parent / "data" / "accuracy_probe9.yaml").read_text(encoding="utf-8"))
PARAPHRASE = ("every key fact said in other words, but not every one is earned: some clause comes closer to the "
              "fact than to courtesy, the node's other key facts and its wrong facts by less than accuracy.FACT_FULL "
              "(or is negated, or a fact with figures is said without them, its gist at most), so the reply stays "
              "in the 1 band")
GIST = ("the right gist stated vaguely (no figures, no named party): no clause comes closer to a key fact than to "
        "the rest of the node by accuracy.FACT_MARGIN, and closeness to the references alone stays below the 1 band")
WORDED = ("a wrong fact in other words beside right key facts: no clause comes closer to it than to the right "
          "things by accuracy.WRONG_MEANING_MARGIN, so it costs nothing")
MISSED = ("a wrong fact in other words as the whole reply: within WRONG_MEANING_MARGIN of the right things, so it "
          "costs nothing and closeness to the references lifts it into the 1 band")
KNOWN = {
    'Оскільки свіжих даних з лічильника ми не': PARAPHRASE,
    'Сусідка не зовсім права: по 2,64 платять': PARAPHRASE,
    'Ваше прохання платити частинами я зафікс': PARAPHRASE,
    'Лічильник — це обладнання мережевої комп': PARAPHRASE,
    'Це не до нас, лічильниками займаються ін': GIST,
    'Заміну лічильника ми організуємо самі, н': MISSED,
    'Вимикаємо світло не ми: аварії та відклю': PARAPHRASE,
    'Ми тільки продаємо електроенергію, а под': GIST,
    'Назвіть номер вашого лицевого рахунку, і': PARAPHRASE,
    'Оплата вважається зарахованою того дня, ': PARAPHRASE,
    'EIC — це реквізити банку, за якими ви пе': MISSED,
    'Розмір субсидії встановлюємо не ми — це ': PARAPHRASE,
    'На жаль, збільшити субсидію ми не можемо': GIST,
    'Денні показники — це Т1, нічні — Т2, і п': PARAPHRASE,
    'Одне число для дня, інше для ночі, надси': GIST,
    'Раз заборгованість погашено до копійки, ': PARAPHRASE,
    'Схоже на обман, будьте обережні.': GIST,
    "You just pay the sum that's owed this mo": PARAPHRASE,
    "You'll need to pay the two amounts toget": MISSED,
    'We had no reading from you, so the syste': PARAPHRASE,
    "There's no reason you'll be stuck with t": PARAPHRASE,
    "I'll log your wish to pay in parts so it": PARAPHRASE,
    'Let me pass on your wish to split the pa': GIST,
    "That's not something we do ourselves: me": PARAPHRASE,
    "Meter swaps aren't handled by us, anothe": GIST,
    'Sure, one of our engineers can come out ': MISSED,
    "Power cuts are the network company's bus": GIST,
    "You didn't have to pay that much, but th": GIST,
    'We count a payment from the date the fun': PARAPHRASE,
    'At the top is the number of your custome': PARAPHRASE,
    "I'm afraid that's a government matter; w": GIST,
    "No, that call didn't come from us, it wa": PARAPHRASE,
}


def test_the_probe_is_balanced():
    assert_balanced(PROBE)


# Replies whose score sits on a band's edge: the same code scores this one 24.8 on one machine
# (2026-12-07) and at least 25 on CI (the sentence vectors' last digits differ between machines).
# Within EDGE_SLACK of that edge either band is taken; further off, the rating must hold as usual.
AT_THE_EDGE = {"This bill wasn't based on your actual me": 25.0}
EDGE_SLACK = 0.5


@pytest.mark.parametrize("item", cases(PROBE, KNOWN))
def test_each_reply_gets_the_qa_lead_s_rating(library, item):
    edge = AT_THE_EDGE.get(item["reply"][:40])
    if edge is not None and abs(accuracy_of(library, item) - edge) < EDGE_SLACK:
        return
    assert_rated(library, item)


# --- the general rule the probe led to: a key fact earned by a clause that says it rather than anything else ---

def _check(fact: Fact, reply: str, language: str, found) -> FactCheck:
    return accuracy.by_contrast(Reply(reply, language), accuracy.check_fact(Reply(reply, language), fact, language), fact, found)


PAID = Fact(id="x", fact="the payment counts on the day the money arrives", accept=["day it arrives"])
NEVER = Fact(id="x", fact="we never ask for card details", accept=["never ask for card details"])


@pytest.mark.parametrize(("margin", "credit"), [
    (accuracy.FACT_MARGIN, 0.0),
    ((accuracy.FACT_MARGIN + accuracy.FACT_FULL) / 2, 0.5),
    (accuracy.FACT_FULL, 1.0),
    (accuracy.FACT_FULL + 0.05, 1.0),
])
def test_a_clause_earns_a_key_fact_by_its_margin(margin, credit):
    clause = "we count a payment from the date the funds land with us"
    assert _check(PAID, clause, "en", (margin, clause, False)).credit == pytest.approx(credit)


def test_a_negated_clause_earns_a_key_fact_in_part():
    """The small model puts any negated clause close to any negated description, so a negated clause
    earns NEGATED_SHARE of a fact, even of a fact described with a negation."""
    for fact, clause in ((PAID, "a payment doesn't count before the funds land with us"),
                         (NEVER, "our staff will not request your card number")):
        assert _check(fact, clause, "en", (accuracy.FACT_FULL, clause, True)).credit == pytest.approx(accuracy.NEGATED_SHARE)


def test_a_fact_with_figures_earned_without_them_is_its_gist_at_most():
    ten = Fact(id="x", fact="the warning comes 10 working days before", accept=["10 working days"])
    clause = "you would be warned well ahead of any cut"
    assert _check(ten, clause, "en", (accuracy.FACT_FULL, clause, False)).credit == pytest.approx(accuracy.GIST_CREDIT)


def test_a_key_fact_denied_in_its_own_words_earns_nothing_by_contrast():
    reply = "There is no waiting for the day it arrives, the money has nothing to do with it."
    check = _check(PAID, reply, "en", (accuracy.FACT_FULL, reply, True))
    assert check.credit == 0.0 or check.contradicted
