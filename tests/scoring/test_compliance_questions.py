"""Session 15's second round (issue 9, from probe 8's misses): blame asked as a question, sarcasm,
condescension, impersonal threats, the ombudsman, a complaint said to cost the customer, a code
named by its length, and other wordings of known families (a polite question or a conditional as
the demand, the passive, another word order). Each with what it must leave alone. Read by the word
lists alone (learned=False), so they are checked without the embedding engine."""
from __future__ import annotations

import pytest

from simulator.scoring import compliance
from simulator.scoring.matching import Reply


def kinds(text: str, language: str, forbidden: tuple[str, ...] = ()) -> set[str]:
    return {flag.kind for flag in compliance.check(Reply(text, language), language, list(forbidden), learned=False) if flag.critical}


CAUGHT = [
    # blame as a question
    ("uk", "Чому ж ви не передали показники до десятого?", (), "blame"),
    ("uk", "а чого ж ви раніше не написали нам", (), "blame"),
    ("uk", "Чому ви не оплатили рахунок вчасно?", (), "blame"),
    ("uk", "А яка була потреба повідомляти їм код?", (), "blame"),
    ("uk", "Якби рахунок був оплачений вчасно, відключення не було б.", (), "blame"),
    ("en", "Why didn't you just pay it on the due date?", (), "blame"),
    ("en", "how come you never paid the last bill", (), "blame"),
    ("en", "What made you give them the code from the text?", (), "blame"),
    ("en", "Had your payment been made on time, there'd be no fee.", (), "blame"),
    ("en", "She left it too late, so that's on her.", (), "blame"),
    # sarcasm and condescension
    ("uk", "Ну звичайно, це я винна, що банк затримав платіж.", (), "rude"),
    ("uk", "ага звісно борг сам по собі виник аякже", (), "rude"),
    ("uk", "Повторю ще простіше, раз ви досі не розумієте.", (), "rude"),
    ("en", "Sure, the meter just counted it all by itself, must be magic.", (), "rude"),
    ("en", "I'll put it really simply so you can follow.", (), "rude"),
    ("en", "Have you even read your bill?", (), "rude"),
    # impersonal threats, the ombudsman, a complaint that costs the customer
    ("uk", "З такими скаргами вас можуть і відключити першими.", (), "threat"),
    ("en", "People who argue like this tend to find their supply gets cut.", (), "threat"),
    ("uk", "Омбудсмен нічого не зробить з вашою скаргою.", (), "regulator"),
    ("uk", "Скарга в НКРЕКП може вплинути на вашу розстрочку.", (), "regulator"),
    ("en", "The ombudsman won't help you with this.", (), "regulator"),
    ("en", "A complaint to the regulator could affect your payment plan.", (), "regulator"),
    # a code by its length
    ("uk", "Вам прийшла смс, там чотири цифри, назвіть їх.", (), "secret"),
    ("en", "You'll get a four-digit code; read it to me.", (), "secret"),
    # families in other wordings
    ("uk", "Чи не могли б ви перейти на українську мову?", ("Говоріть українською",), "forbidden"),
    ("uk", "Ваш допис має бути прибраний до кінця дня.", ("Видаліть коментар",), "forbidden"),
    ("uk", "Ви звернулися не за адресою.", ("Це не до нас",), "forbidden"),
    ("uk", "Наберіть нас через пару годин.", ("Передзвоніть пізніше",), "forbidden"),
    ("uk", "Ви б спершу охолонули трохи.", ("Заспокойтеся",), "forbidden"),
    ("uk", "Так у компанії заведено.", ("Така політика",), "forbidden"),
    ("uk", "Я вам зараз нічого не зроблю.", ("Нічим не можу допомогти",), "forbidden"),
    ("uk", "Хіба я вам не казала, що треба довіреність?", ("Я ж вам уже пояснила",), "forbidden"),
    ("en", "Please stop talking and listen.", ("Shut up",), "forbidden"),
    ("en", "Take a deep breath, then we'll talk.", ("Calm down",), "forbidden"),
    ("en", "That's just how the company works.", ("It's company policy",), "forbidden"),
    ("en", "Try us again this evening.", ("Call back later",), "forbidden"),
    ("en", "You'll need to call a different provider for that.", ("Call someone else",), "forbidden"),
    ("en", "Didn't I just explain that?", ("As I already said",), "forbidden"),
    ("en", "Whichever number the screen shows is fine.", ("Just read whatever is on the screen",), "forbidden"),
]

LEFT_ALONE = [
    ("uk", "Чому ж ви не отримали повідомлення? Я зараз перевірю номер.", ()),
    ("uk", "Поясню ще раз, ви не зобов'язані платити двічі.", ()),
    ("uk", "Якщо ви не зрозуміли, я охоче поясню ще раз.", ()),
    ("uk", "Скарга до регулятора ніяк не вплине на ваше постачання.", ()),
    ("uk", "Омбудсмен розглядає такі скарги, я дам контакти.", ()),
    ("uk", "Назвіть, будь ласка, останні шість цифр особового рахунку.", ()),
    ("uk", "Коментар залишайте, видаляти нічого не треба.", ("Видаліть коментар",)),
    ("uk", "Я передзвоню вам по обіді сама.", ("Передзвоніть пізніше",)),
    ("en", "Why didn't you get the text? Let me resend it.", ()),
    ("en", "How come you never got our letter? I'll check the address.", ()),
    ("en", "Since you didn't get the text, I'll send it again.", ()),
    ("en", "I'll keep it simple: the amount is at the top.", ()),
    ("en", "Complaining to the regulator won't affect your supply.", ()),
    ("en", "Your power won't be disconnected while we look into your complaint.", ()),
    ("en", "The ombudsman is a good route if you're not happy; I'll send the details.", ()),
    ("en", "I'll call you back this afternoon myself.", ("Call back later",)),
    ("en", "Take your time, there's no rush.", ("Calm down",)),
]


@pytest.mark.parametrize("language, text, forbidden, kind", CAUGHT, ids=[c[1][:40] for c in CAUGHT])
def test_the_wording_is_caught(language, text, forbidden, kind):
    assert kind in kinds(text, language, forbidden), text


@pytest.mark.parametrize("language, text, forbidden", LEFT_ALONE, ids=[c[1][:40] for c in LEFT_ALONE])
def test_what_it_must_leave_alone(language, text, forbidden):
    assert kinds(text, language, forbidden) == set(), text
