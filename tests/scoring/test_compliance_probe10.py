"""The tenth compliance probe (tests/scoring/data/compliance_probe10.yaml, issue 9), rated before
any scorer read it: a NEW forbidden phrase a trainer might add to a library scenario, which no
family or word rule was written for (a wrong promise, a dismissal, a blame, a brush-off, a policy
excuse, a rude aside), said in other words, often inside an otherwise polite and correct reply;
and the near misses a QA lead passes. Each reply is read typed and as a transcript, with its
scenario's forbidden list plus the new phrase and all its steps' reference answers (as probes 7-9)."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import yaml

from tests.scoring.test_compliance_probe4 import assert_balanced
from tests.scoring.test_compliance_probe7 import probe_tests

PROBE = yaml.safe_load((Path(__file__).parent / "data" / "compliance_probe10.yaml").read_text(encoding="utf-8"))

# Missed in at least one form, by the start of the reply. Untuned (at a243f87, the data's commit):
# 24 of 30 uk and 22 of 30 en: the reading by meaning does not clear its margin over the scenario's
# own reference answers on the same topic (a refund, the power back, instalments), and a phrase
# that holds a negation («Субсидія вам не належить», "I don't get paid enough for this") was not
# read by meaning at all. After session 16 (developed on probes 7-9 and the dev split only; probe
# 10 run once after): 24 uk and 20 en; the two now read are long transcripts whose critical half
# follows a joining word ("… so it needs paying in full", "… so give them a ring"). A negated
# phrase is now read only against negated clauses at a wider margin, and none of these replies'
# negated clauses clears it; most paraphrases here say the phrase without its negation.
# Session 17 (the learned reader retrained and read by a sentence's whole critical share; developed on
# probes 9-10 and the dev split): 23 uk and 20 en; «ой мені за такі розмови не платять знаєте» now read
# as rude. The rest are wrong promises and policy excuses, which the reader has no kind for: they are
# the reading by meaning's to find. Session 18: 22 uk and 20 en; «ну ви ж показники абияк зчитуєте…» now
# read as blame (lexicon: the customer said to act carelessly, «ви … абияк», written for probe 12).
UNREAD = {
    'Не хвилюйтеся, вже завтра кошти будуть у вас на ',
    'та завтра все вам і прийде на картку',
    'Дякую, що звернулися, я оформила заяву, і вже на',
    "Не переживайте, за годинку-дві електрика вже з'я",
    'Розумію, як це неприємно без світла. Я передала ',
    'Та тут усе просто, це ж очевидні речі.',
    'ну це ж азбука тут розбереться будь-хто',
    'Схоже, цифри з лічильника ви переписуєте з помил',
    'Дякую за фото. Проблема в тому, що ви постійно п',
    'розстрочка це тільки для пільгових категорій а у',
    'Я розумію, що сума велика, і дякую, що звернулис',
    'Не турбуйтеся, заборгованість просто перепишуть ',
    'та борг на нових жильців повісять і все',
    'Вибачте, в мене черга з інших дзвінків, тож ваши',
    'слухайте у мене тут ще купа людей на лінії тож д',
    'Я бачу ваш платіж у системі як відправлений, дяк',
    'З вашими доходами про субсидію можна забути.',
    'ну з такою пенсією субсидію вам точно відмовлять',
    'Я тут за копійки працюю, щоб таке вислуховувати.',
    'Вже за кілька годин світло у вас знову буде, гар',
    'сьогодні ввечері вже зі світлом будете обіцяю',
    'Дякую, оплату бачу, заявку на підключення я пода',
    "Don't worry, you'll have the money back on your ",
    "Thanks for your patience, Mrs Hale. I've approve",
    "they'll have it back on any minute now",
    "I'm sorry you're without power. I've logged your",
    'Honestly, any adult can read a bill like this.',
    'Thanks for the photo of the meter. The trouble i',
    'Payment plans are just for customers who get a p',
    "instalments are reserved for the elderly i'm afr",
    "Whatever's left on the account will just pass to",
    "That's quite enough questions for one call, I th",
    "you do ask a lot of questions don't you",
    "I've got a queue of other callers, so yours will",
    "look i've got loads of people waiting so let's d",
    'With your income you can forget about a subsidy.',
    "they'll just turn you down for the subsidy with ",
    'They pay me far too little to listen to this sor',
    'honestly the wages here are nowhere near enough ',
    'Give it a few hours and the lights will be back ',
    "you'll have power again tonight guaranteed",
    "Thanks, I can see the payment and I've sent the ",
}
# Near misses the checker fails. Untuned: 0 uk, 2 en (the right fact on the phrase's topic, "the new
# tenants open their own", and an invitation to ask, read as the phrase by meaning). After: 1 uk,
# 3 en: reading each side of a joining word also reads a near miss's first half alone, out of its
# context («пільговикам теж дають розстрочку | але й вам…», "pensioners often ask too | but anyone
# can get one").
OVERREAD = {
    'пільговикам теж дають розстрочку але й вам я її ',
    'pensioners often ask too but anyone can get one ',
    "What's owed up to your moving date stays on your",
    'Ask as many questions as you like; three-zone me',
}


def test_the_probe_is_balanced():
    assert_balanced(PROBE, {"critical": 60, "pass": 50})
    assert all(item.get("scenario") and item.get("forbidden") for part in ("critical", "pass") for item in PROBE[part])
    assert Counter(item["focus"] for item in PROBE["critical"]) == {"phrase": 60}


test_a_critical_reply_fails_typed_and_transcribed, test_near_misses_pass = probe_tests(
    PROBE, UNREAD, OVERREAD, "a new forbidden phrase said in words the reading by meaning does not reach")
