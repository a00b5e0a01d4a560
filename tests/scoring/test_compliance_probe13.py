"""The thirteenth compliance probe (tests/scoring/data/compliance_probe13.yaml, issue 9): a small fresh
probe written and rated after session 18 changed the checker on probe 12 and before any scorer read
it, for an honest after-figure: the kinds probe 12 measured (a message's content asked for without
the word "code", deflection to someone else or to the bank, blame and condescension without marker
words, the regulator discouraged, a threat, a forbidden phrase in other words), mirrored in both
languages, and near misses on the same topics. Read as probes 7-12 are."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import yaml

from tests.scoring.test_compliance_probe4 import assert_balanced
from tests.scoring.test_compliance_probe7 import probe_tests

PROBE = yaml.safe_load((Path(__file__).parent / "data" / "compliance_probe13.yaml").read_text(encoding="utf-8"))

# Missed in at least one form, by the start of the reply. Run after session 18's changes (word rules
# developed on probe 12, and a retrained reader that was then dropped; its figures are the same with
# the reader kept as it was): 7 of 10 uk and 6 of 10 en, the same replies the checker missed before
# session 18: a call back "next week" and "how the company's set up" in other words, what "just
# landed on your phone" asked for (typed), deflection to "someone else" and "on your own" with the
# bank, blame with surprise ("and now you're surprised"), "spell it out letter by letter", a threat
# to the customer's place in the queue (typed). Session 18's rules are narrower than the wordings.
# Session 19 (issue 9) wrote frames for the families behind these misses, in both languages (lexicon.py,
# "Session 19"), and extended the reader's corpus with new sentences of those families
# (models/compliance/data/*-family.csv): all 13 are now read. Tuned on, so no longer a fresh figure:
# probe 14 is the honest one.
UNREAD: set[str] = set()
# Near misses the checker fails: none, before and after session 18.
OVERREAD: set[str] = set()


def test_the_probe_is_balanced():
    assert_balanced(PROBE, {"critical": 20, "pass": 16})
    assert all(item.get("scenario") for part in ("critical", "pass") for item in PROBE[part])
    assert Counter(item["focus"] for item in PROBE["critical"]) == {"kind": 16, "phrase": 4}


test_a_critical_reply_fails_typed_and_transcribed, test_near_misses_pass = probe_tests(
    PROBE, UNREAD, OVERREAD, "said in words neither the lists nor the learned reader reach")
