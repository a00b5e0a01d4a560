"""The eleventh accuracy probe (tests/scoring/data/accuracy_probe11.yaml, issue 9, session 18): a small
fresh probe written after the scorer was tuned on probe 10 and the dev split, rated by the rubric
before the scorer ran on it, for an honest after-figure. Read on the rubric's scale as probe 5 reads it."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.scoring.test_accuracy_probe5 import RATING, assert_rated, cases

PROBE = yaml.safe_load((Path(__file__).parent / "data" / "accuracy_probe11.yaml").read_text(encoding="utf-8"))
# Replies the scorer rates wrong, with why (strict xfails). Keyed by the reply's first 40 characters.
KNOWN = {
    'Т1 — це ніч, а Т2 — день, передайте обид': "zones swapped: one contradiction found, T1's gist earns half and 'both' "
    "is said, so 31 (as probe 10's swapped reply)",
    "We don't control outages, the network co": "the gist with the party vague ('the network company') earns .35 by "
    "meaning and closeness to the references is low (26): 20, below the 1 band",
}


def test_the_probe_is_balanced():
    """Eight replies in each language, and every rating in each."""
    for language in ("uk", "en"):
        mine = [item for item in PROBE if item["scenario"].startswith(language)]
        assert len(mine) == 8
        assert {item["rating"] for item in mine} == set(RATING)


@pytest.mark.parametrize("item", cases(PROBE, KNOWN))
def test_each_reply_gets_the_qa_lead_s_rating(library, item):
    assert_rated(library, item)
