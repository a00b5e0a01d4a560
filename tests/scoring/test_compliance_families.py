"""Session 15's wordings (issue 9): the newer brush-off families of lexicon.FORBIDDEN_FAMILIES (a
phrase a trainer often forbids, said in its usual other words), blame in the modal and conditional
mood, "not our responsibility" in other nouns; and beside each rule what it must leave alone: the
phrase negated or advised against, the customer quoted, the right thing on the same topic."""
from __future__ import annotations

import pytest

from simulator.scoring import compliance
from simulator.scoring.matching import Reply


def critical(text: str, language: str, forbidden: list[str] = ()) -> list[compliance.Flag]:
    return [flag for flag in compliance.check(Reply(text, language), language, list(forbidden)) if flag.critical]


@pytest.mark.parametrize("language, forbidden, text, kind", [
    ("uk", ["Говоріть українською"], "Прошу вас перейти на українську, так буде простіше.", "forbidden"),
    ("uk", ["Видаліть коментар"], "Спершу приберіть, будь ласка, свій відгук, а тоді поговоримо.", "forbidden"),
    ("uk", ["Я ж вам уже пояснила"], "Я вже вам казала: пеня нараховується з 21 числа.", "forbidden"),
    ("uk", ["Як ви розмовляєте"], "Слідкуйте за своїм тоном, будь ласка.", "forbidden"),
    ("en", ["Delete your comment"], "We'd like you to remove the review you left before we continue.", "forbidden"),
    ("en", ["Pay again to be safe"], "Just make the transfer once more and you'll be covered.", "forbidden"),
    ("en", ["As I already said"], "As I mentioned earlier, the payment is due on the 20th.", "forbidden"),
    ("en", ["You are being rude"], "You're being quite disrespectful right now.", "forbidden"),
    ("en", ["It's the same for everybody, nothing to explain"], "There's nothing more for me to explain about the rate.", "forbidden"),
    ("uk", [], "Відповідальність за цю ситуацію лежить на вас.", "blame"),
    ("uk", [], "Заплатили б вчасно, то й не було б пені.", "blame"),
    ("uk", [], "Показники треба подавати до п'ятого, але ви цього не зробили.", "blame"),
    ("en", [], "Your husband was supposed to pay before the due date.", "blame"),
    ("en", [], "The penalty is there because you didn't pay on time.", "blame"),
    ("uk", [], "Перевірка лічильників не входить у мої обов'язки.", "deflect"),
    ("en", [], "Billing disputes fall outside my remit.", "deflect"),
])
def test_said_in_the_usual_other_words(language, forbidden, text, kind):
    assert kind in {flag.kind for flag in critical(text, language, forbidden)}


@pytest.mark.parametrize("language, forbidden, text", [
    ("uk", ["Говоріть українською"], "Говоріть, як вам зручно, а я відповідатиму українською."),
    ("uk", ["Видаліть коментар"], "Коментар видаляти не потрібно, я вже передала вашу скаргу."),
    ("uk", ["Видаліть коментар"], "Ви сказали, що вас просили видалити коментар, — так не мало бути."),
    ("uk", ["Я ж вам уже пояснила"], "Охоче поясню ще раз: пеня нараховується з 21 числа."),
    ("en", ["Delete your comment"], "There's no need to remove your review; I've logged your complaint."),
    ("en", ["Pay again to be safe"], "Please don't pay again, your payment is on its way."),
    ("en", ["Pay again to be safe"], "You said your neighbour told you to pay again; please don't."),
    ("en", ["As I already said"], "Happy to go over it again: the payment is due on the 20th."),
    ("en", ["You are being rude"], "You're right to be upset, and I'm listening."),
    ("en", ["It's all written on the slip"], "It's on the slip too, but let me read it out for you: 2,400."),
    ("uk", [], "Відповідальність за перерахунок лежить на нас, я все виправлю."),
    ("uk", [], "Якби платіж не дійшов, ми б вам повідомили."),
    ("en", [], "The reading didn't reach us, so the bill was estimated; send it now and I'll fix it."),
    ("en", [], "If you didn't get the chance to send the reading, no problem, send it now."),
    ("en", [], "Meter replacement is the grid operator's responsibility, but I'll book it for you today."),
])
def test_left_alone(language, forbidden, text):
    assert critical(text, language, forbidden) == [], text
