"""The eleventh compliance probe (tests/scoring/data/compliance_probe11.yaml, issue 9), rated before
any scorer read it: the rubric's critical kinds in fresh wordings (blame for reading, paying or
moving wrong, deflection to another team, company or app, rudeness and condescension, threats to
hang up, block or cut the power, discouraging the regulator, card data, codes and passwords asked
for without the usual words) and a few library scenarios' forbidden phrases in other words, typed,
in chat, as transcripts with fillers and inside warm replies; and the near misses a QA lead passes.
Each reply is read typed and as a transcript, with its scenario's forbidden list and all its steps'
reference answers (as probes 7-10). It measures the learned compliance reader before and after
session 17 retrained it."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import yaml

from tests.scoring.test_compliance_probe4 import assert_balanced
from tests.scoring.test_compliance_probe7 import probe_tests

PROBE = yaml.safe_load((Path(__file__).parent / "data" / "compliance_probe11.yaml").read_text(encoding="utf-8"))

# Missed in at least one form, by the start of the reply. Untuned (at e12c362, the data's commit):
# 8 of 24 uk and 10 of 24 en: condescension and sarcasm without a marker word («як першокласнику»,
# «із характером сам собі цифри крутить», "small words", "must be really hard for you"), rude asides
# («нудний же ви», "Ugh, not this again"), blame inside a warm reply or as a counterfactual ("If
# you'd told us…"), deflection to an app or "someone else", a code asked for as "the numbers" in a
# message, the cabinet password as a question, and three library phrases in other words. After
# session 17 (the learned reader retrained on new rows and read by a sentence's whole critical share,
# developed on the corpus, probes 9-10 and the dev split; probe 11 run once after): 7 uk and 8 en; now
# read: a rude aside («нудний же ви»), blame inside a warm reply ("… because you weren't paying
# attention at checkout") and condescension ("must be really hard for you"). Session 19 reads the call back
# "some other time" (a brush-off to an unnamed time, lexicon.DEFLECT).
UNREAD = {
    'Дякую, що зателефонували, вашу оплату я бачу. Пр',
    'Пояснюю вже як першокласнику: нічна зона — це ко',
    'та-а авжеж лічильник у вас із характером сам соб',
    'е-е зараз на телефон прилетить повідомлення з ци',
    'А який у вас пароль до кабінету на сайті? Зайду ',
    'ну ви б нормальною мовою говорили а то я нічого ',
    "If you'd told us you were moving, we wouldn't be",
    "I'm sorry the payment hasn't shown up, that's st",
    'Meter swaps are handled by someone else entirely',
    "I'll use small words so it's easier for you to f",
    'Ugh, not this again.',
    'ok a message is about to pop up on your phone ju',
    "sorry there's no way for me to help with this on",
    "You didn't remember to send the numbers last mon",
}
# Near misses the checker fails. Untuned and after: 1 uk, 2 en: a quoted request for a code (transcript) and
# "will ever ask for your PIN" read as a request for card data, and "slips like this are hard to
# read the first time" read as rude. Session 18: 0 uk, 2 en: someone else's request reported («вас
# просили продиктувати код») is now a warning (lexicon.SECRET_THIRD_PARTY, written for probe 12).
OVERREAD = {
    'No one from our company will ever ask for your P',
    "You haven't done anything wrong; slips like this",
}


def test_the_probe_is_balanced():
    assert_balanced(PROBE, {"critical": 48, "pass": 40})
    assert all(item.get("scenario") for part in ("critical", "pass") for item in PROBE[part])
    assert Counter(item["focus"] for item in PROBE["critical"]) == {"kind": 42, "phrase": 6}


test_a_critical_reply_fails_typed_and_transcribed, test_near_misses_pass = probe_tests(
    PROBE, UNREAD, OVERREAD, "said in words neither the lists nor the learned reader reach")
