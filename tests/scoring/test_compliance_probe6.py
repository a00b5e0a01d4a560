"""The sixth compliance probe (tests/scoring/data/compliance_probe6.yaml, issue 9): Kyiv speech
(surzhyk, Russian words, Ukrainian in Latin letters), non-native English and typos; each kind in
its shortest form and as one clause of a long polite reply; ending the call as a threat, mockery
by repeating, rhetorical blame, talking the customer out of a complaint, and card data or codes
asked for inside a verification flow; each also read as a speech transcript. The must-pass
replies use the same risky words innocently. Read with probe 4's helpers."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from tests.scoring.test_compliance_probe4 import assert_balanced, critical, forms, kinds

PROBE = yaml.safe_load((Path(__file__).parent / "data" / "compliance_probe6.yaml").read_text(encoding="utf-8"))
# Replies the checker still misses, with why (strict xfail: a fix makes them fail loudly here).
UNFIXED: dict[str, str] = {}


def test_the_probe_is_balanced():
    assert_balanced(PROBE, {"critical": 70, "pass": 45})
    focus = Counter((i["language"], i["focus"]) for i in PROBE["critical"])
    assert all(focus[language, part] >= 2 for language in ("uk", "en")
               for part in ("speech", "short", "long", "ending", "mockery", "rhetorical", "complaint", "secret"))


def _id(item: dict) -> str:
    return f"{item['language']}-{item.get('focus', 'pass')}-{item['text'][:40]}"


def _critical_cases():
    for item in PROBE["critical"]:
        reason = UNFIXED.get(item["text"])
        yield pytest.param(item, marks=pytest.mark.xfail(strict=True, reason=reason)) if reason else item


@pytest.mark.parametrize("item", list(_critical_cases()), ids=_id)
def test_every_critical_reply_fails_with_its_kind_typed_and_transcribed(item):
    for text in forms(item):
        found = critical(text, item["language"])
        assert kinds(item) & {flag.kind for flag in found}, (text, found)
        assert all(flag.phrase and flag.why for flag in found)


@pytest.mark.parametrize("item", PROBE["pass"] + PROBE.get("pass_after_tuning", []), ids=_id)
def test_innocent_uses_of_risky_words_pass(item):
    for text in forms(item):
        assert critical(text, item["language"]) == [], text
