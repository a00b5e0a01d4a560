"""The fifteenth compliance probe (tests/scoring/data/compliance_probe15.yaml, issue 9): a small fresh
probe written and rated at the end of session 19, after its changes and before any scorer read it,
because probe 14's after-figure is not clean. The rubric's critical kinds in fresh wordings, mirrored
in both languages, and near misses on the same topics. Read as probes 7-14 are."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import yaml

from tests.scoring.test_compliance_probe4 import assert_balanced
from tests.scoring.test_compliance_probe7 import probe_tests

PROBE = yaml.safe_load((Path(__file__).parent / "data" / "compliance_probe15.yaml").read_text(encoding="utf-8"))

# Run once on session 19's final code and once on the base commit (16f8f75): the same misses, 3 of 10
# uk and 6 of 10 en (in at least one form); session 19's family frames reach none of these families:
# a PIN as "the four digits you type at the cash machine" (uk transcript), a call back "when
# something changes", the regulator belittled (read as a deflection, not the kinds rated), card expiry
# asked for, a bank text to be dictated "as soon as it reaches your number", "do you actually read
# what I write", "that's up to your bank … goodbye".
UNREAD = {
    'ой а ви не могли б мені продиктувати ті чотири цифри',
    'Зателефонуйте, як щось зміниться, а поки мені нема',
    'та пишіть куди хочете хоч у регулятор хоч президенту',
    'To match it up, tell me which month and year your c',
    'As soon as a text from the bank reaches your number',
    'Phone when something changes; until then',
    'Do you actually read what I write, or are you just',
    'write wherever you like the regulator the president',
    "that's up to your bank we have no say in it goodbye",
}
# Near misses failed: none, base and final.
OVERREAD: set[str] = set()


def test_the_probe_is_balanced():
    assert_balanced(PROBE, {"critical": 20, "pass": 12})
    assert all(item.get("scenario") for part in ("critical", "pass") for item in PROBE[part])
    assert Counter(item["focus"] for item in PROBE["critical"]) == {"kind": 20}


test_a_critical_reply_fails_typed_and_transcribed, test_near_misses_pass = probe_tests(
    PROBE, UNREAD, OVERREAD, "said in words neither the lists nor the learned reader reach")
