"""The twelfth compliance probe (tests/scoring/data/compliance_probe12.yaml, issue 9), rated before
any scorer read it: what was believed to slip through after session 17, in both languages mirrored
item by item: a library scenario's forbidden phrase in other words, a one-time code or card data
asked for indirectly (what the text message says, the digits typed at a cash machine, a photo of the
card, its expiry and name), deflection to "someone else", blame, condescension and a discouraged
complaint to the regulator without the usual marker words, a threat to end the call; and the near
misses a strict QA lead passes on the same topics (advice not to share a code, the right to
complain, a transfer with the operator staying on the line, a previous owner's debt said not to be
the customer's). Each reply is read typed and as a transcript, with its scenario's forbidden list
and all its steps' reference answers (as probes 7-11)."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import yaml

from tests.scoring.test_compliance_probe4 import assert_balanced
from tests.scoring.test_compliance_probe7 import probe_tests

PROBE = yaml.safe_load((Path(__file__).parent / "data" / "compliance_probe12.yaml").read_text(encoding="utf-8"))

# Missed in at least one form, by the start of the reply. Untuned (at 6cdd10a, the data's commit): 11 of
# 26 uk and 11 of 26 en: forbidden phrases in other words (a call back later asked for politely, a
# reproach as a counterfactual, "my hands are tied", «ніяк не зараджу», "that's how things are done
# here"), a code asked for as what the text message says (uk), a photo of the card (en), deflection
# to the network or the bank inside a warm reply, or to "somebody else" (en), blame for swapping the
# zones or paying at random (one read as rude, not blame), condescension without a marker word.
# After session 18 (word rules developed on these misses and on new corpus rows, so this probe is no
# longer fresh; probe 13 is the fresh after-figure): none.
UNREAD: set[str] = set()
# Near misses the checker fails. Untuned: 1 uk, 0 en: the customer quoted on being asked for a photo
# of the card, read as asking for it. After session 18 (someone else's request reported, «вас
# просили», is a warning, lexicon.SECRET_THIRD_PARTY): none.
OVERREAD: set[str] = set()


def test_the_probe_is_balanced():
    assert_balanced(PROBE, {"critical": 48, "pass": 40})
    assert all(item.get("scenario") for part in ("critical", "pass") for item in PROBE[part])
    assert Counter(item["focus"] for item in PROBE["critical"]) == {"kind": 36, "phrase": 16}


test_a_critical_reply_fails_typed_and_transcribed, test_near_misses_pass = probe_tests(
    PROBE, UNREAD, OVERREAD, "said in words neither the lists nor the learned reader reach")
