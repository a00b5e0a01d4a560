"""The thirteenth accuracy probe (tests/scoring/data/accuracy_probe13.yaml, issue 9, session 20): a fresh
probe written, rated by the rubric and committed before any scorer ran on it in this session, for an
honest before/after of the session's change. Written blind to the scorer's lists and the judging
benchmark. Read on the rubric's scale as probe 5 reads it.

First run, on session 20's base code (46639a6), nothing tuned on it: replies on the QA lead's level
14 of 24 (uk 8/12, en 6/12). The misses are the kinds earlier probes found: a paraphrase under-credited
(4), a wrong fact or a wrong party in other words costing too little (4), an invented extra (1), a
supposition read as a statement (1)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.scoring.test_accuracy_probe5 import RATING, assert_rated, cases

PROBE = yaml.safe_load((Path(__file__).parent / "data" / "accuracy_probe13.yaml").read_text(encoding="utf-8"))
# Replies the scorer rates wrong, with why (strict xfails). Keyed by the reply's first 40 characters.
PARAPHRASE = "a paraphrase of the key facts in other words: closer to the facts than to the rest of the node by less than FACT_FULL, so half credit or less"
WRONG_WORDS = "a wrong fact in other words: within WRONG_MEANING_MARGIN of the right things, so it costs little"
KNOWN = {
    'Борг ви сплатили повністю, тож заявку он': WRONG_WORDS + " (power 'comes back by itself', the application denied): 33",
    'Знижка 2,64 діє тільки там, де електрооп': "an invented month at the discount for pensioners: no invented-promise pattern, all key facts in full: 98",
    'Неприємно, коли все передав вчасно, а ра': PARAPHRASE + ": 68",
    'Вітаю з новим лічильником! Нагадую, що п': "off topic (the readings window instead of the night hours and prices): closeness to the references lifts it to 26",
    "I can see why that's a shock. No reading": PARAPHRASE + ": 49",
    'If the money had gone through a slower s': "the delay only supposed ('if … might … perhaps'): closeness to the references lifts it to 33",
    "The subsidy amount isn't something we de": PARAPHRASE + ": 72",
    'We never ask for card details over the p': WRONG_WORDS + " (the scam denied, our own debt team suggested): 42",
    "I'll get to the bottom of this December ": PARAPHRASE + ": 47",
    'The personal account number is the IBAN ': WRONG_WORDS + " (the account number called the IBAN, the EIC the meter's serial): 64",
}


def test_the_probe_is_balanced():
    """Twelve replies in each language, and every rating in each."""
    for language in ("uk", "en"):
        mine = [item for item in PROBE if item["scenario"].startswith(language)]
        assert len(mine) == 12
        assert {item["rating"] for item in mine} == set(RATING)


@pytest.mark.parametrize("item", cases(PROBE, KNOWN))
def test_each_reply_gets_the_qa_lead_s_rating(library, item):
    assert_rated(library, item)
