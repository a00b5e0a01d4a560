"""The fourteenth compliance probe (tests/scoring/data/compliance_probe14.yaml, issue 9): a small fresh
probe written and rated at the start of session 19, before the checker was changed and before any
scorer read it, for an honest before/after of session 19's general frames (families, not wordings):
card data, CVV, a password and a bank message asked for without the word "code", brush-offs and
deflection to the bank or "the rules", blame, condescension, threats and the regulator discouraged,
mirrored in both languages, and near misses on the same topics. Read as probes 7-13 are."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import yaml

from tests.scoring.test_compliance_probe4 import assert_balanced
from tests.scoring.test_compliance_probe7 import probe_tests

PROBE = yaml.safe_load((Path(__file__).parent / "data" / "compliance_probe14.yaml").read_text(encoding="utf-8"))

# Run once on the base commit (16f8f75, a throwaway worktree with these files copied in) and once on
# session 19's final code (family frames in lexicon.py; the reader as it was). Critical replies missed
# in at least one form: base 2 of 12 uk and 4 of 12 en; final 1 of 12 uk and 2 of 12 en. Read now: a
# call back "some other time" in both languages and "we're just on the side here". Not a clean figure:
# the checker's results on this probe were seen twice mid-session (a test run that picked the file up
# by its glob; nothing was changed for it), and two items echo probe 11 («Наберіть нас якось іншим
# разом…», tuned on; a password for the online account asked for), so probe 15 was written for an
# honest after-figure. Still missed: condescension "slowly, for those who don't get it the first time"
# (both languages) and a photo of "whatever your bank sends you in a moment" (a future message, and
# "take a photo of the screen": the object is the screen, the message only its complement).
UNREAD = {
    'Пояснюю ще раз, повільно, для тих, хто не з першог',
    'Take a photo of the screen with whatever your bank',
    "Once more, slowly, for those who don't get it the ",
}
# Near misses failed, base and final alike (1 of 10 uk, 0 of 10 en): «такі правила розстрочки» read as
# the scenario's forbidden "company policy" (lexicon.FORBIDDEN_FAMILIES), though the operator goes on
# to check the customer's options themselves. Since the end of session 19 the family allows the
# operator's own next step after it (lexicon._NO_HELP_AFTER, as the deflection rules do), and it passes:
# a fix for a near miss seen here, so not a fresh figure.
OVERREAD: set[str] = set()


def test_the_probe_is_balanced():
    assert_balanced(PROBE, {"critical": 24, "pass": 20})
    assert all(item.get("scenario") for part in ("critical", "pass") for item in PROBE[part])
    assert Counter(item["focus"] for item in PROBE["critical"]) == {"kind": 24}


test_a_critical_reply_fails_typed_and_transcribed, test_near_misses_pass = probe_tests(
    PROBE, UNREAD, OVERREAD, "said in words neither the lists nor the learned reader reach")
