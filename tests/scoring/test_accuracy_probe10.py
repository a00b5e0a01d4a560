"""The tenth accuracy probe (tests/scoring/data/accuracy_probe10.yaml, issue 9, session 18): new
replies to the library's scenarios, rated by the rubric before the scorer ran on them, aimed at the
classes of the dev split's accuracy disagreements: key facts in other words, figures, dates and
prices said in words, key or wrong facts under a negation, key facts only supposed or hedged, the
right gist said vaguely, wrong facts in other words and replies that answer another question. Read
on the rubric's scale as probe 5 reads it."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.scoring.test_accuracy_probe5 import RATING, assert_rated, cases

PROBE = yaml.safe_load((Path(__file__).parent / "data" / "accuracy_probe10.yaml").read_text(encoding="utf-8"))
# Replies the scorer still rates wrong, with why (strict: when a fix makes one right, it fails here
# and comes off this list). Keyed by the reply's first 40 characters.
KNOWN: dict[str, str] = {}


def test_the_probe_is_balanced():
    """At least 20 replies in each language, the same number in both, and every rating in each."""
    counts = {}
    for language in ("uk", "en"):
        mine = [item for item in PROBE if item["scenario"].startswith(language)]
        assert len(mine) >= 20
        assert {item["rating"] for item in mine} == set(RATING)
        counts[language] = len(mine)
    assert counts["uk"] == counts["en"]


def test_the_known_failures_are_the_probe_s():
    assert set(KNOWN) <= {item["reply"][:40] for item in PROBE}


@pytest.mark.parametrize("item", cases(PROBE, KNOWN))
def test_each_reply_gets_the_qa_lead_s_rating(library, item):
    assert_rated(library, item)
