"""The twelfth accuracy probe (tests/scoring/data/accuracy_probe12.yaml, issue 9, session 19): a fresh
probe written and rated by the rubric before the scorer ran on it or was changed in this session, for
an honest before/after. Read on the rubric's scale as probe 5 reads it."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.scoring.test_accuracy_probe5 import RATING, assert_rated, cases

PROBE = yaml.safe_load((Path(__file__).parent / "data" / "accuracy_probe12.yaml").read_text(encoding="utf-8"))
# Replies the scorer rates wrong, with why (strict xfails). Keyed by the reply's first 40 characters.
KNOWN: dict[str, str] = {}


def test_the_probe_is_balanced():
    """Ten replies in each language, and every rating in each."""
    for language in ("uk", "en"):
        mine = [item for item in PROBE if item["scenario"].startswith(language)]
        assert len(mine) == 10
        assert {item["rating"] for item in mine} == set(RATING)


@pytest.mark.parametrize("item", cases(PROBE, KNOWN))
def test_each_reply_gets_the_qa_lead_s_rating(library, item):
    assert_rated(library, item)
