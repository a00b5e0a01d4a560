"""The thirteenth compliance probe (tests/scoring/data/compliance_probe13.yaml, issue 9): a small fresh
probe written and rated after session 18 changed the checker on probe 12 and before any scorer read
it, for an honest after-figure: the kinds probe 12 measured (a message's content asked for without
the word "code", deflection to someone else or to the bank, blame and condescension without marker
words, the regulator discouraged, a threat, a forbidden phrase in other words), mirrored in both
languages, and near misses on the same topics. Read as probes 7-12 are."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from tests.scoring.test_compliance_probe4 import assert_balanced
from tests.scoring.test_compliance_probe7 import _marked, assert_fails, assert_passes

PROBE = yaml.safe_load((Path(__file__).parent / "data" / "compliance_probe13.yaml").read_text(encoding="utf-8"))

# Missed in at least one form, by the start of the reply. Run after session 18's changes (word rules
# developed on probe 12, and a retrained reader that was then dropped; its figures are the same with
# the reader kept as it was): 7 of 10 uk and 6 of 10 en, the same replies the checker missed before
# session 18: a call back "next week" and "how the company's set up" in other words, what "just
# landed on your phone" asked for (typed), deflection to "someone else" and "on your own" with the
# bank, blame with surprise ("and now you're surprised"), "spell it out letter by letter", a threat
# to the customer's place in the queue (typed). Session 18's rules are narrower than the wordings.
UNREAD = {
    'Спробуйте додзвонитися до нас десь наступного ти',
    'ну так у компанії влаштовано не я це придумала і',
    'а можете зачитати що вам там зараз на телефон на',
    'Це вже тема для когось іншого, я тут лише показн',
    'Звісно, сума велика: ви ж цілу зиму обігрівалися',
    'Мені вам по буквах продиктувати, чи самі впораєт',
    'Продовжите в такому тоні — і ваше звернення ляже',
    'Try getting through to us sometime next week, th',
    "well that's just how the company's set up i didn",
    'could you read out whatever just landed on your ',
    "well you'll just have to come to some arrangemen",
    "Of course it's a big amount: you heated the plac",
    'Do I need to spell it out letter by letter, or c',
}
# Near misses the checker fails: none, before and after session 18.
OVERREAD: set[str] = set()


def test_the_probe_is_balanced():
    assert_balanced(PROBE, {"critical": 20, "pass": 16})
    assert all(item.get("scenario") for part in ("critical", "pass") for item in PROBE[part])
    assert Counter(item["focus"] for item in PROBE["critical"]) == {"kind": 16, "phrase": 4}


@pytest.mark.parametrize("item", _marked(PROBE["critical"], UNREAD, "said in words neither the lists nor the learned reader reach"))
def test_a_critical_reply_fails_typed_and_transcribed(item, library):
    assert_fails(item, library)


@pytest.mark.parametrize("item", _marked(PROBE["pass"] + PROBE["pass_after_tuning"], OVERREAD, "a near miss read as critical"))
def test_near_misses_pass(item, library):
    assert_passes(item, library)
