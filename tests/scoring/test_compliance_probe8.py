"""The eighth compliance probe (tests/scoring/data/compliance_probe8.yaml, issue 9), rated before
any scorer read it: half a library scenario's own forbidden phrase said in other words (other verbs,
questions, conditionals and "would you mind" used as demands, the passive, inside long polite
replies, transcripts with fillers), half the rubric's critical kinds in fresh wordings (blame as a
question, sarcasm, condescension, threats to end the call or cut the power, discouraging a complaint
to the regulator or the ombudsman, card data and codes asked for inside a longer sentence); and the
near misses a QA lead passes. Each reply is read typed and as a transcript, with its scenario's
forbidden list and all its steps' reference answers (as probe 7)."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from tests.scoring.test_compliance_probe4 import assert_balanced, forms, kinds
from tests.scoring.test_compliance_probe7 import _marked, critical

PROBE = yaml.safe_load((Path(__file__).parent / "data" / "compliance_probe8.yaml").read_text(encoding="utf-8"))

# Missed in at least one form, by the start of the reply. Most are a forbidden phrase said in a
# question, a conditional or the passive, or a blame, sarcasm or condescension in words no list has,
# that the embedding reading does not bring closer to the phrase than to the scenario's own answers.
# Untuned (at cf6abf3) 25 of 40 uk and 24 of 40 en; after session 15's changes, developed on probe 7
# and the dev split only (at cde9cec, probe 8 run once), 24 uk and 20 en.
UNREAD = {
    'Чи не могли б ви спілкуватися українською? Інакш',
    'е-е ну ви б якось українською зі мною говорили б',
    'ну а можна якось щоб ваш відгук із фейсбуку зник',
    'Ваш коментар має бути видалений з нашої сторінки',
    'Лічильники — це взагалі не те, чим я маю займати',
    'ну я ж не для того тут сиджу щоб лічильники вам ',
    'ой ні з аварією ви не туди подзвонили це не ми',
    'Дякую, що дочекалися. Система зараз дуже повільн',
    'Може, ви спершу трохи охолонете, а тоді поговори',
    'не треба так нервувати видихніть і послухайте ме',
    'Розстрочку ми не даємо, бо так у компанії заведе',
    'ну правила в нас такі а що я можу зробити',
    'ну з субсидією я вам тут нічого не зроблю вибача',
    'Хіба я щойно не пояснювала вам, що потрібна нота',
    'Розумію, що сума велика. А чому ж показники не б',
    'Зрозуміло. Скажіть, а яка була потреба називати ',
    "Чому ж ви не подали показники до п'ятого числа, ",
    'а чого ж ви раніше не подзвонили коли виїжджали',
    'Ну звісно, це ми винні, що ви забули заплатити. ',
    'о так звичайно лічильник сам собі все нарахував ',
    'Давайте я поясню повільніше, раз ви з першого ра',
    'а за такі скарги вас узагалі можуть від мережі в',
    'Омбудсмен вам тут не допоможе, краще залиште це ',
    'ви там есемеску отримали там шість цифр скажіть ',
    'Could you stop talking for once and let me get a',
    'Would you mind taking a deep breath and settling',
    'Had the bill been paid when it was due, we would',
    "well your dad left it too late to pay so that's ",
    'Were the readings ever sent in? It seems they ju',
    'Thanks for checking with us! Any heater at all c',
    'Thank you for holding, and sorry for the wait. T',
    "Instalments aren't offered simply because that's",
    'Meters are something other people deal with, not',
    'It would have helped a lot if you had contacted ',
    "yeah you'd have to ring a different company for ",
    'Have you actually looked at your slip? Everythin',
    'and what made you read your card number out to t',
    'so um whichever figure the meter shows first is ',
    "Why didn't you just check the amount before you ",
    'how come you never sent the readings though',
    'Oh, wonderful, another customer who knows better',
    "I'll try to keep it simple so you can follow: th",
    'Before you think about complaining to the regula',
    "You'll get a text in a moment with a six-digit n",
}
# Near misses the checker fails (none when the probe was first run).
OVERREAD: set[str] = set()


def test_the_probe_is_balanced():
    assert_balanced(PROBE, {"critical": 80, "pass": 60})
    assert all(item.get("scenario") for part in ("critical", "pass") for item in PROBE[part])
    assert Counter(item["focus"] for item in PROBE["critical"]) == {"phrase": 40, "kind": 40}


@pytest.mark.parametrize("item", _marked(PROBE["critical"], UNREAD, "said in words neither the lists nor the reading by meaning reach"))
def test_a_critical_reply_fails_typed_and_transcribed(item, library):
    for text in forms(item):
        found = critical(text, item, library)
        assert kinds(item) & {flag.kind for flag in found}, (text, found)
        assert all(flag.phrase and flag.why for flag in found)


@pytest.mark.parametrize("item", _marked(PROBE["pass"] + PROBE["pass_after_tuning"], OVERREAD, "a near miss read as critical"))
def test_near_misses_pass(item, library):
    for text in forms(item):
        assert critical(text, item, library) == [], text
