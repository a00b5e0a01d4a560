"""The sixteenth compliance probe (tests/scoring/data/compliance_probe16.yaml, issue 9): a fresh probe
written, rated by the judging rubric and committed in session 20 BEFORE any scorer read it, for an
honest before/after of the session's change. Written blind to the lexicon, the compliance corpus and
the judging benchmark. The rubric's critical kinds in fresh wordings, mirrored in both languages, and
near misses on the same topics. Read as probes 7-15 are."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import yaml

from tests.scoring.test_compliance_probe4 import assert_balanced
from tests.scoring.test_compliance_probe7 import probe_tests

PROBE = yaml.safe_load((Path(__file__).parent / "data" / "compliance_probe16.yaml").read_text(encoding="utf-8"))

# First run, on session 20's base code (46639a6), nothing tuned on it: 4 of 16 uk and 4 of 16 en
# critical replies missed (in at least one form), 1 of 24 near misses failed. Misses, by family: a code
# to be dictated "to close the contract"; blame as "what did you expect" and "someone in your family
# kept …"; blame for dictating the card to someone else; "we only do the billing, power is the
# network's" with no step of the operator's own; a brush-off because "the system's barely working";
# condescension about the slip looking like "a pile of …". Neither the lists nor the learned reader
# (at its threshold) reach these wordings; the reader's five-fold and probe figures say the frozen
# e5-small vectors are its limit (session 20's closing note).
UNREAD = {
    'щоб закрити договір я зараз надішлю вам',
    'А чого ви чекали, коли місяць не давали',
    'ну картку ж ви не нам диктували тож тепе',
    'Ми тільки виставляємо рахунки. Світло —',
    'look if someone in your family kept an e',
    "The system's barely working right now, g",
    'We only do the billing. Power is the net',
    'Well, if the slip looks like "a pile of',
}
# The one near miss failed on the first run («Назвіть, будь ласка, EIC-код із платіжки — це код вашої
# точки обліку…», the second "код" read as a one-time code) passes since lexicon.SECRET_CODE lets the
# words after "code" name a code on the bill: a fix for a miss seen here, so not a fresh figure.
OVERREAD: set[str] = set()


def test_the_probe_is_balanced():
    assert_balanced(PROBE, {"critical": 32, "pass": 24})
    assert all(item.get("scenario") for part in ("critical", "pass") for item in PROBE[part])
    assert Counter(item["focus"] for item in PROBE["critical"]) == {"kind": 32}


test_a_critical_reply_fails_typed_and_transcribed, test_near_misses_pass = probe_tests(
    PROBE, UNREAD, OVERREAD, "said in words neither the lists nor the learned reader reach")
