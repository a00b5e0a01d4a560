"""The eighth accuracy probe (tests/scoring/data/accuracy_probe8.yaml, issue 9): new replies to
the library's scenarios that state a node's wrong fact in other words, correct the customer with
the wrong fact's own words, say the key facts in other words or as a spoken transcript, give only
the gist, or hedge; rated by the rubric before the scorer ran on them, read on the rubric's scale
as probe 5 reads it."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.scoring.test_accuracy_probe5 import assert_balanced, assert_rated, cases

PROBE = yaml.safe_load((Path(__file__).parent / "data" / "accuracy_probe8.yaml").read_text(encoding="utf-8"))
WORDED = ("a wrong fact in other words counts only when a clause, not negated or supposed, comes closer to it than "
          "to anything right on the same topic by accuracy.WRONG_MEANING_MARGIN: this one is negated or within the "
          "margin, so it costs nothing and the key facts beside it count in full")
CREDIT = ("a key fact said in other words than its wordings and with words no synonym list has; closeness in "
          "meaning stays below the margin, so the key fact counts little or nothing")
KNOWN = {
    'Передавайте тільки денне число, нічне ми': WORDED,
    'Якби у вас було опалення, встановлене за': "a reply that only supposes gets no credit at all (no fact, no closeness); the rubric reads the supposition as giving the project condition's gist",
    'Я оформлю звернення про розстрочку, і мо': WORDED,
    'Якщо до кінця тижня не заплатите, вас ві': WORDED,
    'Розмір субсидії ми можемо переглянути, я': WORDED,
    'Субсидії вирішує держава, ми на їхній ро': CREDIT,
    'Вибачте, що так вийшло, я особисто прост': WORDED,
    'Максиме, у вашій черзі зараз планове зне': WORDED,
    'I want to get to the bottom of this char': CREDIT,
    'We didn\'t get a reading, so the bill was': WORDED,
    'Meter replacements are done by the netwo': CREDIT,
    'The recommended figure is the amount you': WORDED,
    'Your personal account number is at the t': WORDED,
    'I believe subsidies are a matter for som': CREDIT,
}


def test_the_probe_is_balanced():
    assert_balanced(PROBE)


@pytest.mark.parametrize("item", cases(PROBE, KNOWN))
def test_each_reply_gets_the_qa_lead_s_rating(library, item):
    assert_rated(library, item)
