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

# Not yet run: the probe was written and committed before any scorer read it in session 20. Fill in
# the misses (by the start of the reply) only after the first run, with the untuned figures.
UNREAD: set[str] = set()
# Near misses failed: not yet run (see above).
OVERREAD: set[str] = set()


def test_the_probe_is_balanced():
    assert_balanced(PROBE, {"critical": 32, "pass": 24})
    assert all(item.get("scenario") for part in ("critical", "pass") for item in PROBE[part])
    assert Counter(item["focus"] for item in PROBE["critical"]) == {"kind": 32}


test_a_critical_reply_fails_typed_and_transcribed, test_near_misses_pass = probe_tests(
    PROBE, UNREAD, OVERREAD, "said in words neither the lists nor the learned reader reach")
