"""The seventh accuracy probe (tests/scoring/data/accuracy_probe7.yaml, issue 9): new replies to
the library's scenarios that state a node's wrong fact in other words than its wordings, correct
the customer's misconception, come near a wrong fact's words, or negate it; rated by the rubric
before the scorer ran on them, read on the rubric's scale as probe 5 reads it."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.scoring.test_accuracy_probe5 import assert_balanced, assert_rated, cases

PROBE = yaml.safe_load((Path(__file__).parent / "data" / "accuracy_probe7.yaml").read_text(encoding="utf-8"))
WORDED = ("a wrong fact in other words than its wordings counts only when a clause comes closer to it than to "
          "anything right on the same topic by accuracy.WRONG_MEANING_MARGIN; the small model puts this one within "
          "the margin (a lower margin finds correct replies of the dev split too)")
KNOWN = {
    "Не хвилюйтеся, розстрочку вам обов'язков": WORDED,
    'Електрику вам можуть відключити вже наст': WORDED,
    'Гроші зараховуються в ту ж хвилину, коли': WORDED,
    'Код EIC — це ваш реквізит для оплати, са': WORDED,
    'Не виключено, що вам телефонував хтось і': WORDED,
    'Субсидію розраховуємо ми, тож я можу пер': WORDED,
    'Перепрошую, що вам довелося дзвонити втр': "«писати до НКРЕКП не варто» holds a negation, and a negated clause is not read by meaning (the small model puts any negated clause close to any negated description): in other words the wrong fact costs nothing",
    'Максиме, у вашому будинку зараз діє відк': WORDED,
    'Після повної оплати боргу подайте заявку': '«повної оплати боргу» is no wording of the key fact «борг повністю / сплачений повністю» (a noun phrase, not a synonym): the key fact is missed',
    'Одним числом тут не обійтися, треба обид': "«обидва» alone is not the key fact's wording «обидва показники»; with no zone named the reply scores below partial",
    'Just give me the overall figure from the': WORDED,
    "Now that it's paid, the power will come ": WORDED,
    'Add the two figures up and pay that tota': WORDED,
    'From 1 October to 30 April you pay 2.64 ': WORDED,
    'Your power could be switched off as earl': WORDED,
    "Sure, we can do that: I'll book one of o": WORDED,
    'The recommended sum is what every custom': WORDED,
    'Payments show up on the account the mome': WORDED,
    'Your personal account number is at the t': WORDED,
    "I can't rule out that it was one of our ": WORDED,
    'The price of 4.32 is something we decide': WORDED,
    "It won't come back on by itself, I'm afr": "the 'won't' before the colon is read as negating 'paid in full' after it: the key fact counts as contradicted",
    'From 1 October to 30 April, homes whose ': "'every month of the heating season' contains the wrong fact's wording 'every month' (all year round): read as stated",
    "One number won't do here, we need every ": "'every register' is no wording of 'all three' / 'three registers': the key fact is missed",
}


def test_the_probe_is_balanced():
    assert_balanced(PROBE)


@pytest.mark.parametrize("item", cases(PROBE, KNOWN))
def test_each_reply_gets_the_qa_lead_s_rating(library, item):
    assert_rated(library, item)
