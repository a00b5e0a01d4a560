"""The thirteenth accuracy probe (tests/scoring/data/accuracy_probe13.yaml, issue 9, session 20): a fresh
probe written, rated by the rubric and committed before any scorer ran on it in this session, for an
honest before/after of the session's change. Written blind to the scorer's lists and the judging
benchmark. Read on the rubric's scale as probe 5 reads it.

Not yet run: fill in KNOWN (the replies the scorer rates wrong, with why) only after the first run,
recording the untuned figures."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.scoring.test_accuracy_probe5 import RATING, assert_rated, cases

PROBE = yaml.safe_load((Path(__file__).parent / "data" / "accuracy_probe13.yaml").read_text(encoding="utf-8"))
# Replies the scorer rates wrong, with why (strict xfails). Keyed by the reply's first 40 characters.
KNOWN: dict[str, str] = {}


def test_the_probe_is_balanced():
    """Twelve replies in each language, and every rating in each."""
    for language in ("uk", "en"):
        mine = [item for item in PROBE if item["scenario"].startswith(language)]
        assert len(mine) == 12
        assert {item["rating"] for item in mine} == set(RATING)


@pytest.mark.parametrize("item", cases(PROBE, KNOWN))
def test_each_reply_gets_the_qa_lead_s_rating(library, item):
    assert_rated(library, item)
