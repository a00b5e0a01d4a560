"""The twelfth accuracy probe (tests/scoring/data/accuracy_probe12.yaml, issue 9, session 19): a fresh
probe written and rated by the rubric before the scorer ran on it or was changed in this session, for
an honest before/after. Read on the rubric's scale as probe 5 reads it.

Run once on the session's base commit (16f8f75) and once on the final code, nothing tuned on it:
replies on the QA lead's level, base 13 of 20 (uk 7/10, en 6/10), final 13 of 20 (uk 7/10, en 6/10);
the same seven missed with the same scores. After that, a zone said as letter and number word («т один»)
became its name (text._METER_ZONE), and one more reply is rated right: 14 of 20 (uk 8/10), a fix for
a miss seen here, so not a fresh figure. The session's changes (a real condition read for key
facts, a negation taken back, a figure fact without its figures capped at partly right) did not reach
the kinds this probe misses: negation scope in an unpunctuated transcript, a paraphrase earning half, a wrong fact or an invented tier/free month in other words."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.scoring.test_accuracy_probe5 import RATING, assert_rated, cases

PROBE = yaml.safe_load((Path(__file__).parent / "data" / "accuracy_probe12.yaml").read_text(encoding="utf-8"))
# Replies the scorer rates wrong, with why (strict xfails). Keyed by the reply's first 40 characters.
KNOWN = {
    'Лічильник ми замінимо самі, я вже створю': "the supplier replacing the meter in other words («замінимо самі», «виїзд нашого "
    "майстра»): within WRONG_MEANING_MARGIN of the right things, so it costs nothing and closeness lifts it to 29",
    'Ніч у вас з 23:00 до 7:00 за 2,16 гривні': "an invented cheaper first hundred kWh: no invented-promise pattern (lexicon.INVENTED) "
    "and no wrong fact of the node words it, so all three key facts count in full: 93",
    "You never had to pay the recommended amo": "the overpayment in other words ('stays on your account as credit'): its clause "
    "comes closer to the fact than to the rest of the node by less than FACT_FULL, half credit: 73",
    'Just add the two numbers together and pa': "the wrong fact 'add them together' with other words between ('add the two numbers "
    "together'): not stated in order, and by meaning within the margin: 29",
    "um it's four thirty two per kilowatt hou": "an unpunctuated transcript: the 'no' of 'no tiers' is read as negating the price and "
    "'same for every' before it, both key facts contradicted: 0",
    "From October to April it's 2.64 per kilo": "an invented free first month: 'free' after 'the first month is' is no invented-"
    "promise pattern, so all four key facts count in full: 99",
}


def test_the_probe_is_balanced():
    """Ten replies in each language, and every rating in each."""
    for language in ("uk", "en"):
        mine = [item for item in PROBE if item["scenario"].startswith(language)]
        assert len(mine) == 10
        assert {item["rating"] for item in mine} == set(RATING)


@pytest.mark.parametrize("item", cases(PROBE, KNOWN))
def test_each_reply_gets_the_qa_lead_s_rating(library, item):
    assert_rated(library, item)
