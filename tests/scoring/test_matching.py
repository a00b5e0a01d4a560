"""Is a wording said, stated, negated or only supposed? ``Reply.says`` / ``states`` / ``gist``.

Each table is in both languages. The rows are what the judging rubric asks of accuracy:
a negated or hypothetical mention is not a statement, in either direction and in the same
clause only; a wrong fact is stated only by the statement itself, not by a correct one that
shares a word with it; word forms are found, other words are not.
"""
from __future__ import annotations

import pytest

from simulator.scoring import lemmas
from simulator.scoring.matching import Reply, Wording


def says(text: str, wording: str, lang: str, **options) -> bool:
    return Reply(text, lang).says(Wording.of(wording, lang), **options)


def states(text: str, wording: str, lang: str) -> bool:
    return Reply(text, lang).states(Wording.of(wording, lang))


# --- negation: a key fact negated is not said ------------------------------------------

NEGATED_KEY_FACTS = [
    # (reply, wording, language)
    ("Перерахунку не буде.", "перерахунок", "uk"),                          # negation after the wording
    ("Не буде ніякого перерахунку.", "перерахунок", "uk"),                  # ... and before it
    ("Перерахунок, на жаль, ми зробити не можемо.", "перерахунок", "uk"),   # «на жаль» does not end the clause
    ("Жодного перерахунку не передбачено.", "перерахунок", "uk"),
    ("Перерахунку немає.", "перерахунок", "uk"),
    ("Рахунок уже ніколи не скоригують.", "скоригують рахунок", "uk"),
    ("There won't be a recalculation.", "recalculation", "en"),
    ("There will be no recalculation.", "recalculation", "en"),
    ("The bill can't be corrected, I'm afraid.", "be corrected", "en"),
    ("We never recalculate estimated bills.", "recalculate", "en"),
    ("Unfortunately, the bill will not be corrected.", "be corrected", "en"),
]


@pytest.mark.parametrize(("reply", "wording", "lang"), NEGATED_KEY_FACTS)
def test_a_negated_key_fact_is_not_said(reply, wording, lang):
    assert Reply(reply, lang).score(Wording.of(wording, lang)) >= 0.8   # the words are there...
    assert not says(reply, wording, lang)                               # ... but denied


NEGATED_WRONG_FACTS = [
    ("Приват24 показники вже не приймає.", "показники через Приват24", "uk"),
    ("Приват24 показники вже не приймає.", "Приват24", "uk"),
    ("Через Приват24 показники більше не приймаються.", "через Приват24", "uk"),
    ("Показники через Приват24, на жаль, більше не приймаються.", "показники через Приват24", "uk"),
    ("Ціна вже не 2,64, а 4,32.", "2,64", "uk"),
    ("Ні, платити повторно не треба.", "платити повторно", "uk"),
    ("You can no longer send readings through Privat24.", "send readings through Privat24", "en"),
    ("You can no longer send readings through Privat24.", "through Privat24", "en"),
    ("Readings through Privat24 are not accepted any more.", "readings through Privat24", "en"),
    ("You don't need to pay again.", "pay again", "en"),
    ("The price is not 2.64 any more, it is 4.32.", "2.64", "en"),
]


@pytest.mark.parametrize(("reply", "wording", "lang"), NEGATED_WRONG_FACTS)
def test_a_negated_wrong_fact_is_not_stated(reply, wording, lang):
    assert not states(reply, wording, lang)


# --- hypotheticals promise nothing -------------------------------------------------------

HYPOTHETICALS = [
    ("Якби знайшлася помилка, ми б зробили перерахунок.", "перерахунок", "uk"),
    ("Якби знайшлася помилка, ми зробили б перерахунок.", "зробимо перерахунок", "uk"),
    ("Якщо б ви передали показники, рахунок скоригували.", "скоригували рахунок", "uk"),
    ("Ми б перерахували рахунок, але показників немає.", "перерахували рахунок", "uk"),
    ("If we found an error, we would recalculate.", "recalculate", "en"),
    ("If we found an error we would recalculate.", "recalculate", "en"),
    ("If there were a mistake, we'd correct the bill.", "correct the bill", "en"),
    ("We would recalculate the bill if the reading were wrong.", "recalculate the bill", "en"),
]


@pytest.mark.parametrize(("reply", "wording", "lang"), HYPOTHETICALS)
def test_a_hypothetical_is_neither_a_key_fact_nor_a_wrong_fact(reply, wording, lang):
    assert not says(reply, wording, lang)
    assert not states(reply, wording, lang)


# --- a negation or supposition in another clause does not count ---------------------------

OTHER_CLAUSE = [
    ("Не хвилюйтеся, перерахунок буде.", "перерахунок", "uk"),
    ("Не хвилюйтеся перерахунок буде", "перерахунок", "uk"),              # no comma: «не хвилюйтеся» is no negation
    ("Перерахунок буде, але не сьогодні.", "перерахунок", "uk"),
    ("Показники не надійшли, тому рахунок виставили за середнім.", "за середнім", "uk"),
    ("Ми зробимо перерахунок і вам не доведеться переплачувати.", "зробимо перерахунок", "uk"),
    ("Ми зробимо перерахунок, якщо ви передасте показники.", "зробимо перерахунок", "uk"),   # a real condition
    ("Ні, ви не помилилися. Перерахунок буде.", "перерахунок", "uk"),
    ("Якби ви передали показники вчасно, рахунок був би точним. Зараз зробимо перерахунок.", "зробимо перерахунок", "uk"),
    ("Don't worry, the bill will be recalculated.", "be recalculated", "en"),
    ("No reading arrived, so the bill was estimated.", "was estimated", "en"),
    ("The bill was estimated because no reading arrived.", "was estimated", "en"),
    ("The bill will be corrected, but not today.", "be corrected", "en"),
    ("If you send the reading, we will recalculate the bill.", "recalculate the bill", "en"),   # a real condition
    ("If you'd like, I can check the readings now.", "check the readings", "en"),              # polite, no supposition
]


@pytest.mark.parametrize(("reply", "wording", "lang"), OTHER_CLAUSE)
def test_a_negation_in_another_clause_does_not_cancel_the_fact(reply, wording, lang):
    assert says(reply, wording, lang)


@pytest.mark.parametrize(("reply", "wording", "lang"), [
    ("Я б порадила передати показники сьогодні.", "передати показники", "uk"),    # «б» of politeness
    ("Я міг би перевірити нарахування зараз.", "перевірити нарахування", "uk"),
    ("I would recommend sending the reading today.", "sending the reading", "en"),  # "would" without "if"
])
def test_polite_conditionals_are_not_hypotheticals(reply, wording, lang):
    assert says(reply, wording, lang)


@pytest.mark.parametrize(("reply", "wording", "lang"), [
    ("Оплатіть не пізніше 20 числа.", "20 числа", "uk"),
    ("Відключення не буде раніше ніж через 10 робочих днів.", "10 робочих днів", "uk"),
    ("Знижка діє не лише взимку, а з 1 жовтня.", "з 1 жовтня", "uk"),
    ("Не забудьте передати показники до 3 числа.", "передати показники", "uk"),
    ("Pay no later than the 20th.", "the 20th", "en"),
    ("The discount covers no more than 2,000 kWh.", "2,000", "en"),
    ("Don't forget to send the reading by the 3rd.", "send the reading", "en"),
])
def test_limits_and_reassurances_are_not_negations(reply, wording, lang):
    assert says(reply, wording, lang)


# --- negative wordings and negative facts -----------------------------------------------------

NEGATIVE_WORDINGS = [
    ("Через Приват24 показники більше не приймаються.", "більше не приймаються", "uk"),
    ("Номер особового рахунку не потрібен.", "не потрібен", "uk"),
    ("Субсидію призначає Пенсійний фонд, а не постачальник.", "а не постачальник", "uk"),
    ("Plug-in heaters don't qualify for the discount.", "don't qualify", "en"),
    ("The recommended sum is not compulsory.", "not compulsory", "en"),
    ("There is no limit.", "no limit", "en"),
]


@pytest.mark.parametrize(("reply", "wording", "lang"), NEGATIVE_WORDINGS)
def test_a_negative_wording_is_said_by_a_negative_statement(reply, wording, lang):
    assert says(reply, wording, lang)
    assert states(reply, wording, lang)


@pytest.mark.parametrize(("reply", "wording", "lang"), [
    ("Обігрівачі, які вмикаються в розетку, на жаль, права на знижку не дають.", "в розетку", "uk"),
    ("Plug-in heaters, unfortunately, do not qualify.", "plug-in heaters", "en"),
])
def test_a_negative_fact_is_said_with_its_negation(reply, wording, lang):
    """The wording is the topic of a fact that is itself negative: the negation is the fact."""
    assert not says(reply, wording, lang)
    assert says(reply, wording, lang, negated_ok=True)


@pytest.mark.parametrize(("reply", "wording", "lang"), [
    ("Якби обігрівачі в розетку підпадали, ми б оформили знижку.", "в розетку", "uk"),
    ("If plug-in heaters qualified, we would apply the discount.", "plug-in heaters", "en"),
])
def test_a_negative_fact_is_still_not_said_by_a_hypothetical(reply, wording, lang):
    assert not says(reply, wording, lang, negated_ok=True)


# --- wrong facts: the statement itself, tight, with its prepositions --------------------------

NOT_STATED = [
    # (reply, wrong wording, language): a correct statement sharing words with the wrong one
    ("Попередження надійде за 10 робочих днів.", "до 10 днів", "uk"),
    ("Попередження надійде за 10 робочих днів до відключення.", "до 10 днів", "uk"),
    ("Ціна 2,64 лише для опалювальної знижки.", "2,64 для всіх", "uk"),
    ("Знижка діє з 1 жовтня.", "до 1 жовтня", "uk"),
    ("Показники приймаємо до 3 числа, а не до 10.", "до 10 числа", "uk"),
    ("Платіть за особовим рахунком, EIC-код потрібен для лічильника.", "платіть за EIC-кодом", "uk"),
    ("Норма 70 на одну особу, але не більше 190. Тобто для двох осіб 100.", "190 на особу", "uk"),
    ("The warning comes within 10 working days.", "by 10 days", "en"),
    ("Readings are accepted until the 3rd.", "until the 10th", "en"),
    ("Send the reading by the 3rd, not after the 10th.", "by the 10th", "en"),
    ("There is a reconnection fee.", "reconnection is free", "en"),
    ("The discount covers 2.64 per kWh only for approved heating.", "2.64 for everyone", "en"),
]


@pytest.mark.parametrize(("reply", "wording", "lang"), NOT_STATED)
def test_a_correct_statement_does_not_state_a_wrong_fact_it_shares_words_with(reply, wording, lang):
    assert not states(reply, wording, lang)


STATED = [
    ("Попередження надійде до 10 днів.", "до 10 днів", "uk"),
    ("Ціна 2,64 для всіх.", "2,64 для всіх", "uk"),
    ("Показники можна передати з 1 по 10 число.", "до 10 числа", "uk"),     # «по» is «до» for a date
    ("Знижка діє від 1 листопада.", "з 1 листопада", "uk"),                  # «від» is «з»
    ("Показники приймаємо до десятого числа.", "до 10 числа", "uk"),
    ("Весь місяць рахується по 4,32.", "весь місяць по 4,32", "uk"),
    ("Readings are accepted until the 10th.", "until the 10th", "en"),
    ("Send them till the tenth.", "until the 10th", "en"),
    ("Pay by the 31st.", "by the 31st", "en"),
    ("Reconnection is free.", "reconnection is free", "en"),
    ("Submit them through Privat24.", "submit through Privat24", "en"),
]


@pytest.mark.parametrize(("reply", "wording", "lang"), STATED)
def test_the_wrong_statement_itself_is_stated(reply, wording, lang):
    assert states(reply, wording, lang)


def test_a_statement_needs_every_word_not_most_of_them():
    assert not states("Оформимо знижку на все.", "оформимо вам знижку зараз", "uk")
    assert states("Оформимо вам знижку зараз.", "оформимо вам знижку зараз", "uk")
    assert not states("We will send an electrician.", "we will send a technician", "en")


def test_a_statement_stays_within_one_sentence():
    assert not states("За ним ви платите. EIC-код — це код точки.", "платіть за EIC-кодом", "uk")
    assert not states("You pay by the account. The 10th is the meter.", "by the 10th", "en")


# --- word forms: short Ukrainian words ------------------------------------------------------

@pytest.mark.skipif(not lemmas.available(), reason="the Ukrainian dictionary (pymorphy3-dicts-uk) is not installed")
def test_the_dictionary_is_there_when_requirements_are_installed():
    assert lemmas.analyse("платежу").lemmas == {"платіж"}
    assert lemmas.analyse("знайшлася").past


SHORT_WORDS = [
    ("Перевірю ваш платіж.", "платіжку", False),            # a payment is not a payment slip
    ("Перевірю вашу платіжку.", "платіж", False),
    ("Перевірю ваш платіж.", "платіж", True),
    ("Перевірю вашу платіжку.", "платіжка", True),
    ("Зараз перевірю ваш рахунок.", "рахунку", True),       # forms of one word
    ("Рахунок за середньому.", "за середнім", True),
    ("Квитанцію про оплату надішліть.", "квитанцію про оплату", True),
    ("рахунок виставили за середнiм спожеванням", "середнім споживанням", True),   # Latin i and a slip
    ("Подайте заявку онлайн.", "заява", False),
    ("Тариф однаковий.", "тарифу", True),
]


@pytest.mark.parametrize(("reply", "wording", "said"), SHORT_WORDS)
def test_short_ukrainian_words_are_not_taken_for_forms_of_each_other(reply, wording, said):
    assert says(reply, wording, "uk") is said


@pytest.mark.parametrize(("reply", "wording", "said"), SHORT_WORDS)
def test_without_the_dictionary_endings_tell_short_words_apart(reply, wording, said, monkeypatch):
    monkeypatch.setattr(lemmas, "analyse", lambda word: None)
    assert says(reply, wording, "uk") is said


@pytest.mark.skipif(not lemmas.available(), reason="the Ukrainian dictionary (pymorphy3-dicts-uk) is not installed")
@pytest.mark.parametrize(("reply", "wording"), [
    ("Перевірю стан вашого платежу.", "ваш платіж"),        # «платежу» is a form of «платіж»
    ("Показники більше не приймаємо.", "більше не приймаються"),
    ("Яка у вас ціна?", "ціна"),
    ("Ціну змінили.", "ціна"),
])
def test_the_dictionary_finds_forms_a_stem_cannot(reply, wording):
    assert says(reply, wording, "uk")


@pytest.mark.parametrize(("reply", "wording", "said"), [
    ("Let me check your payment.", "payments", True),
    ("There is a reconnection fee.", "free", False),
    ("The bill was estimated.", "estimated bill", True),
])
def test_english_word_forms_are_unchanged(reply, wording, said):
    assert says(reply, wording, "en") is said


@pytest.mark.parametrize(("reply", "wording", "said"), [
    # short English words and their forms: five letters of stem leave these unmatched
    ("The supplier never asks for card data.", "never ask", True),
    ("She still pays the bills.", "still pay", True),
    ("Keep paying meanwhile.", "keep paying", True),
    ("It was paid twice.", "pay twice", True),
    ("The reading is used.", "use the reading", True),
    ("That's the thing.", "the", True),
    ("Feed the meter.", "fee", False),             # "feed" is no form of "fee"
    ("A thing to do.", "the", False),              # nor "thing" of "the"
])
def test_short_english_words_are_found_in_their_other_forms(reply, wording, said):
    assert says(reply, wording, "en") is said


@pytest.mark.parametrize(("reply", "wording", "lang", "said"), [
    # a negation that takes its own verb does not reach past a word of obligation
    ("Частково не вийде треба сплатити всю суму боргу", "всю суму боргу", "uk", True),
    ("That won't work, you need to pay the whole debt.", "the whole debt", "en", True),
    ("Не треба сплачувати всю суму боргу.", "всю суму боргу", "uk", False),
    ("You don't need to pay the whole debt.", "the whole debt", "en", False),
    ("A disconnection doesn't always need 10 working days' notice.", "10 working days", "en", False),
])
def test_a_negation_stops_at_a_word_of_obligation(reply, wording, lang, said):
    assert says(reply, wording, lang) is said


# --- numbers in wordings mean one value --------------------------------------------------

@pytest.mark.parametrize(("reply", "wording", "lang", "said"), [
    ("For a two-zone meter see the 2nd page.", "two sixteen", "en", False),
    ("Night is two sixteen.", "two sixteen", "en", True),
    ("Night is 2.16 per kWh.", "two sixteen", "en", True),
    ("Just one tariff.", "one seventy-three", "en", False),
    ("Night is one seventy-three.", "1.73", "en", True),
    ("Двозонний лічильник, друга сторінка.", "два шістнадцять", "uk", False),
    ("Ніч коштує два шістнадцять.", "два шістнадцять", "uk", True),
    ("Один тариф для всіх.", "одна сімдесят три", "uk", False),
    ("The cap is 2,000 kWh.", "2,000", "en", True),
    ("Send it by the 2nd.", "2,000", "en", False),                # "2,000" in English is two thousand
])
def test_a_wordings_number_is_matched_by_its_value_not_a_part_of_it(reply, wording, lang, said):
    assert says(reply, wording, lang) is said


@pytest.mark.parametrize(("reply", "wording", "lang"), [
    ("Знижка 2,64 грн діє з 1 жовтня.", "з 1 жовтня", "uk"),
    ("Знижка 2,64 грн діє з 1 жовтня.", "2,64", "uk"),
    ("Знижка 2,64 грн, з 1 жовтня.", "з 1 жовтня", "uk"),
    ("Сума 1296 гривень 3 березня.", "3 березня", "uk"),
    ("The discount price 2.64 UAH applies from 1 October.", "from 1 October", "en"),
    ("The total is 1,296 UAH 3 March.", "3 March", "en"),
    ("Ціна 2,64 грн за кіловат-годину діє для тих, хто має електроопалення за проєктом, і лише з 1 жовтня по 30 квітня.",
     "з 1 жовтня", "uk"),
    ("The price 2.64 UAH per kWh applies to homes heated under an approved project from 1 October to 30 April.",
     "from 1 October", "en"),
])
def test_a_number_after_a_price_is_not_taken_for_its_kopecks(reply, wording, lang):
    assert says(reply, wording, lang)


# --- the gist without the figures ----------------------------------------------------------

@pytest.mark.parametrize(("reply", "wording", "lang", "gist"), [
    ("Попередження надійде протягом кількох робочих днів.", "10 робочих днів", "uk", True),
    ("Знижка діє з жовтня.", "з 1 жовтня", "uk", True),
    ("Попередження надійде за 14 робочих днів.", "10 робочих днів", "uk", False),   # another figure: no gist
    ("Знижка діє з 15 жовтня.", "з 1 жовтня", "uk", False),
    ("Ціна інша.", "ціна 4,32", "uk", False),                                         # "ціна" alone says nothing
    ("До якогось числа.", "до 3 числа", "uk", False),
    ("Передайте показники.", "два показники", "uk", False),                         # the figure is the fact
    ("Ви платите за рахунком.", "платять 4,32", "uk", False),
    ("Попередження не надійде протягом робочих днів.", "10 робочих днів", "uk", False),   # negated
    ("We'll warn you a few working days before.", "10 working days", "en", True),
    ("The discount applies from October.", "from 1 October", "en", True),
    ("We'll warn you 14 working days before.", "10 working days", "en", False),
    ("The price is different.", "4.32 per kilowatt-hour", "en", False),
    ("Give me the readings.", "all three readings", "en", False),
    ("We'll call you back tomorrow.", "by 17:00 tomorrow", "en", True),
    ("We won't warn you any working days before.", "10 working days", "en", False),
])
def test_the_gist_of_a_wording_with_figures(reply, wording, lang, gist):
    assert Reply(reply, lang).gist(Wording.of(wording, lang)) is gist
    assert not says(reply, wording, lang)


# --- set phrases keep their meaning ----------------------------------------------------------

@pytest.mark.parametrize(("reply", "phrase", "lang", "where"), [
    ("Заспокойтеся, така політика компанії.", "така політика", "uk", 1),
    ("Заспокойтеся, така політика компанії.", "заспокойтеся", "uk", 0),
    ("Ми не можемо, така політика.", "така політика", "uk", 3),     # negation is no business of set phrases
    ("That's our policy, I'm afraid.", "that's our policy", "en", 0),
    ("Calm down, please.", "calm down", "en", 0),
    ("Can you check that against the bill you got?", "you got", "en", 7),
    ("Розумію ваше обурення.", "така політика", "uk", None),
])
def test_phrase_position_is_where_a_set_phrase_starts(reply, phrase, lang, where):
    assert Reply(reply, lang).phrase_position(Wording.of(phrase, lang)) == where
