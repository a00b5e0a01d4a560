"""Empathy judged as an answer to the customer's line: the hard cases a keyword counter gets wrong."""
from __future__ import annotations

import pytest

from simulator.scoring import compliance, embeddings, empathy, empathy_context
from simulator.scoring.empathy_parts import Context
from simulator.scoring.matching import Reply

BILL = {
    "uk": Context("Мені прийшов рахунок утричі більший, ніж завжди! Що ви там нарахували?",
                  ("Розумію, рахунок утричі більший за звичний — це неприємно. Зараз перевірю, чи не виставили його за середнім споживанням.",), "angry"),
    "en": Context("My bill is three times what I normally pay! What have you charged me for?",
                  ("I can see a bill three times your usual is a shock. Let me check right now whether it was estimated from average consumption.",), "angry"),
}
CHILD = {
    "uk": Context("У мене вдома маленька дитина, а світла немає вже чотири години! Коли дадуть?", (), "worried"),
    "en": Context("I've got a baby at home and the power has been out for four hours! When is it coming back?", (), "worried"),
}


def judged(text: str, language: str, context: Context):
    reply = Reply(text, language)
    return empathy.score(reply, language, compliance.check(reply, language), None, context)


@pytest.mark.parametrize("language, caring, upsell", [
    ("uk", "Розумію, рахунок утричі більший — це справді неприємно. Зараз перевірю, чи не виставили його за середнім.",
     "Дякуємо, що ви з нами! До речі, у нас зараз чудова пропозиція — підключіть автоплатіж і отримайте бонус!"),
    ("en", "I can see why a bill three times your usual is upsetting. Let me check right now whether it was estimated.",
     "Thank you so much for being our customer! By the way, have you heard about our great autopay offer? You get a bonus!"),
])
def test_a_friendly_upsell_that_ignores_the_bill_is_not_empathy(language, caring, upsell):
    good, off = judged(caring, language, BILL[language]), judged(upsell, language, BILL[language])
    assert off.score <= 35 and good.score - off.score >= 30
    assert off.label != "empathetic" and "acknowledge_then_act" not in off.notes


@pytest.mark.parametrize("language, hesitant", [
    ("uk", "Ой, розумію, втричі — це, звісно, неприємно... Е-е, зараз гляну, чи показники дійшли, добре?"),
    ("en", "Um, yeah, so... a bill three times bigger, that's really upsetting, I get it. Let me think... let me check whether your reading came in."),
])
def test_fillers_and_hesitation_are_not_dismissive(language, hesitant):
    result = judged(hesitant, language, BILL[language])
    assert result.label != "dismissive" and result.score >= 50


@pytest.mark.parametrize("language, curt", [
    ("uk", "Чекайте. Графік дивіться в застосунку."),
    ("en", "Just wait. Check the schedule in the app."),
])
def test_a_curt_reply_to_a_worried_parent_costs_empathy(language, curt):
    assert judged(curt, language, CHILD[language]).score <= 35


@pytest.mark.parametrize("language, plain, with_phrase", [
    ("uk", "Рахунок виставлено за середнім споживанням.", "Я підкажу. Рахунок виставлено за середнім споживанням."),
    ("en", "The bill was estimated from average consumption.", "Let me help. The bill was estimated from average consumption."),
])
def test_a_stock_offer_of_help_does_not_swing_the_score(language, plain, with_phrase):
    """The rubric gives an offer of action with no acknowledgement a 1 at most: the phrase may
    lift a cold reply a little, never into the top band (it once swung 21 to 77)."""
    bare, offered = judged(plain, language, BILL[language]), judged(with_phrase, language, BILL[language])
    assert offered.score < 60 and offered.score - bare.score < 30


@pytest.mark.parametrize("language, caring, casual", [
    ("uk", "Розумію, рахунок утричі більший — це неприємно. Зараз перевірю, чи не виставили його за середнім.", "Ну от так."),
    ("en", "I can see a bill three times your usual is a shock. Let me check right now whether it was estimated.", "So yeah."),
])
def test_one_casual_sentence_does_not_sink_a_caring_reply(language, caring, casual):
    alone, with_casual = judged(caring, language, BILL[language]), judged(f"{caring} {casual}", language, BILL[language])
    assert alone.score - with_casual.score < 15


@pytest.mark.parametrize("language, text", [
    ("uk", "Слухаю. Рахунок виставлено за середнім, зараз перевірю показники."),
    ("en", "Calm down. I'll check your account."),
])
def test_no_phrase_is_listed_as_both_helping_and_hurting(language, text):
    result = judged(text, language, BILL[language])
    assert not set(result.helped) & set(result.hurt)


def test_each_part_names_its_sentence():
    result = judged("Розумію, рахунок утричі більший — це неприємно. Зараз перевірю ваші показники.", "uk", BILL["uk"])
    assert result.parts["acknowledgement"]["detail"] == "specific"
    assert "утричі" in result.parts["acknowledgement"]["evidence"]
    assert result.parts["ownership"]["detail"] == "concrete" and "перевірю" in result.parts["ownership"]["evidence"]
    assert "acknowledge_then_act" in result.notes


def test_a_vague_hand_off_is_not_ownership():
    result = judged("I understand. I'll pass it on.", "en", BILL["en"])
    assert result.parts["ownership"]["detail"] == "vague" and "vague_handoff" in result.notes


def test_without_the_embedding_engine_empathy_still_scores_and_says_so(monkeypatch):
    monkeypatch.setattr(embeddings, "available", lambda: False)
    result = judged("Розумію, рахунок утричі більший — це неприємно. Зараз перевірю.", "uk", BILL["uk"])
    assert "no_embeddings" in result.notes and result.score >= 50


def test_the_stored_combiner_was_fitted_on_todays_corpus_and_features():
    assert empathy_context.stored_fingerprint() == empathy_context.fingerprint(), \
        "run 'python -m simulator models train-empathy' after changing the corpus, empathy_parts.py, lexicon.py, compliance.py or text.py"
