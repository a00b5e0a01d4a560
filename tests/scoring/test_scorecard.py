"""Scoring behaviour: accuracy evidence, empathy rules, compliance, time bands, feedback."""
from __future__ import annotations

import pytest

from simulator.scoring import compliance
from simulator.scoring.empathy import score as empathy_score
from simulator.scoring.matching import Reply, Wording
from simulator.scoring.scorecard import score_turn
from simulator.scoring.timing import in_band


def test_accuracy_evidence_names_facts_said_and_missed(mini):
    result = score_turn(mini, "opening", "Рахунок порахували за середнім. Ціна 2,64.")
    facts = {f.id: f.said for f in result.accuracy.facts}
    assert facts == {"estimated": True}
    assert [w.id for w in result.accuracy.wrong] == ["old-price"]
    assert any("Помилка у фактах" in line for line in result.feedback)


def test_key_facts_survive_transcription_slips(mini):
    slip = score_turn(mini, "opening", "рахунок виставили за середнiм спожеванням")  # Latin i, a typo
    assert slip.fact_said("estimated")


@pytest.mark.parametrize("text, language, kind", [
    ("Назвіть, будь ласка, номер вашої картки.", "uk", "secret"),
    ("Продиктуйте код з SMS, будь ласка.", "uk", "secret"),
    ("Скажіть PIN-код картки.", "uk", "secret"),
    ("Could you read me the card number and the CVV?", "en", "secret"),
    ("Please tell me the code from the SMS we sent.", "en", "secret"),
    ("Ви самі винні, що не передали показники.", "uk", "blame"),
    ("You should have sent your readings on time.", "en", "blame"),
])
def test_critical_mistakes(text, language, kind):
    flags = compliance.check(Reply(text, language), language)
    assert any(f.kind == kind and f.critical for f in flags), flags


@pytest.mark.parametrize("text, language", [
    ("Ми ніколи не просимо номер картки, PIN чи коди з SMS.", "uk"),
    ("We never ask for your card number, PIN or SMS codes.", "en"),
    ("Передайте, будь ласка, показники лічильника.", "uk"),
])
def test_warnings_about_secrets_are_not_requests(text, language):
    assert not [f for f in compliance.check(Reply(text, language), language) if f.critical]


def test_phrases_to_avoid_hurt_but_are_not_critical():
    # the word lists alone: the learned reader takes this brush-off for deflecting (test_compliance_reader.py)
    flags = compliance.check(Reply("Я не знаю, така політика компанії.", "uk"), "uk", learned=False)
    assert {f.phrase for f in flags} == {"я не знаю", "така політика"}
    assert not any(f.critical for f in flags)


def test_scenario_forbidden_phrases_are_critical(mini):
    result = score_turn(mini, "opening", "Нічим не можу допомогти.")
    assert not result.critical
    strict = mini.model_copy(update={"forbidden": ["Нічим не можу допомогти"]})
    assert score_turn(strict, "opening", "Нічим не можу допомогти.").critical


@pytest.mark.parametrize("language, warm, cold", [
    ("uk", "Розумію, як це неприємно отримати такий рахунок. Зараз перевірю нарахування і скажу, що можна зробити.",
     "Це не до нас. Читайте платіжку уважніше."),
    ("en", "I can see why this bill is a shock. Let me check the charges right now and tell you how we can fix it.",
     "That's not our department. Read your bill more carefully."),
])
def test_empathy_prefers_acknowledgement_with_action(language, warm, cold):
    high = empathy_score(Reply(warm, language), language)
    low = empathy_score(Reply(cold, language), language, compliance.check(Reply(cold, language), language))
    assert high.score >= 55 and low.score <= 25 and high.score - low.score >= 40  # no customer line here: specificity unknown
    assert "acknowledge_then_act" in high.notes
    assert high.helped and low.hurt


@pytest.mark.parametrize("language, once, stacked", [
    ("uk", "Перепрошую за незручності. Зараз перевірю ваш платіж.",
     "Вибачте, вибачте, перепрошую, дуже вибачаюсь, вибачте нас. Зараз перевірю ваш платіж."),
    ("en", "I'm sorry for the trouble. Let me check your payment now.",
     "Sorry, so sorry, I apologise, sorry again, sorry. Let me check your payment now."),
])
def test_repeated_formulaic_apologies_are_not_rewarded(language, once, stacked):
    single = empathy_score(Reply(once, language), language)
    many = empathy_score(Reply(stacked, language), language)
    assert "repeated_apologies" in many.notes
    assert many.score < single.score


def test_sympathy_without_action_is_noted():
    result = empathy_score(Reply("Мені дуже прикро, що так сталося.", "uk"), "uk")
    assert "sympathy_without_action" in result.notes


@pytest.mark.parametrize("seconds, band, points", [(50, "on_target", 100), (70, "slightly_over", 80), (85, "over", 60), (110, "well_over", 30), (200, "far_over", 0)])
def test_time_bands(seconds, band, points):
    result = in_band(seconds, 60)
    assert (result.band, result.score) == (band, points)


def test_feedback_in_the_scenario_language(library):
    english = library.get("en-estimated-bill")
    node = english.reply_nodes[0]
    lines = score_turn(english, node, "Whatever.").feedback
    assert any(line.startswith("Key facts:") for line in lines)
    assert any(line.startswith("A better answer:") for line in lines)


@pytest.mark.parametrize("language, upsell", [
    ("uk", "Дякуємо, що звернулися! До речі, у застосунку YASNO можна підключити автоплатіж — спробуйте."),
    ("uk", "Добрий день! А ви знаєте, що платіжку можна отримувати електронною поштою? Давайте я вас зараз підпишу."),
    ("uk", "Дякую за дзвінок! Радимо придбати зарядну станцію — зараз є вигідні пропозиції в наших партнерів."),
    ("en", "Thanks for calling! Did you know you can set up autopay in the YASNO app? It only takes a minute."),
    ("en", "Thanks for calling! We have special offers on power banks from our partners this month."),
])
def test_an_upsell_instead_of_an_answer_is_off_topic_and_dismissive(library, language, upsell):
    scenario = library.get(f"{language}-estimated-bill")
    node_id = next(k for k in scenario.reply_nodes if scenario.nodes[k].key_facts)
    result = score_turn(scenario, node_id, upsell)
    assert result.accuracy.score == 0 and result.accuracy.instead == "upsell"
    assert result.empathy.score <= 25 and "upsell_instead" in result.empathy.notes
    assert any(line.startswith(("Точність 0", "Accuracy 0")) for line in result.feedback)
    reference = scenario.nodes[node_id].references[0]
    answered = score_turn(scenario, node_id, reference + (" До речі, у застосунку можна подати показники." if language == "uk" else " By the way, you can also send readings in the app."))
    assert answered.accuracy.instead == "" and answered.accuracy.score > 50


def test_weights_can_be_overridden(mini):
    reply = "Що тут незрозумілого? Рахунок за середнім."
    default = score_turn(mini, "opening", reply)
    accuracy_only = mini.model_copy(update={"weights": mini.weights.model_copy(update={"empathy": 0, "time": 0})})
    assert score_turn(accuracy_only, "opening", reply).overall == pytest.approx(default.accuracy.score)


def test_scores_stay_in_range_for_odd_replies(mini):
    for text in ["", "?", "а" * 3000, "4,32 " * 200, "🙂", "Ви самі винні " * 20]:
        result = score_turn(mini, "opening", text)
        for value in (result.overall, result.accuracy.score, result.empathy.score, result.time.score):
            assert 0 <= value <= 100


def test_wrong_facts_are_statements_in_order_and_not_negated():
    reply = Reply("Субсидію призначає Пенсійний фонд, а не постачальник.", "uk")
    assert not reply.states(Wording.of("постачальник призначає", "uk"))
    assert reply.states(Wording.of("призначає Пенсійний фонд", "uk"))
    assert not Reply("You can no longer submit through Privat24.", "en").states(Wording.of("submit through Privat24", "en"))
    assert not Reply("Через Приват24 показники більше не приймаються.", "uk").states(Wording.of("приймаються через Приват24", "uk"))
    assert Reply("Submit them through Privat24.", "en").states(Wording.of("submit through Privat24", "en"))


def test_short_words_are_not_taken_for_slips():
    assert not Reply("There is a reconnection fee.", "en").states(Wording.of("reconnection is free", "en"))


def test_set_phrases_need_every_word():
    flags = compliance.check(Reply("Can you check that against the bill you got?", "en"), "en")
    assert not [f for f in flags if f.critical]


@pytest.mark.parametrize("overall, shown, passed", [
    (69.96, 70, True),      # was shown as 70 and failed a mark of 70
    (69.5, 70, True),       # halves go up: round() and :.0f went to the even 70 here ...
    (68.5, 69, False),      # ... and down to 68 here
    (69.44, 69, False),
])
def test_the_verdict_agrees_with_the_score_shown(mini, overall, shown, passed):
    from dataclasses import replace

    from simulator.scoring.scorecard import score_call
    from simulator.scoring.timing import LAST_BAND

    turn = score_turn(mini, "opening", "Рахунок порахували за середнім.")
    assert LAST_BAND[0] == 0     # a call far over its time gets no time points: overall = weight * accuracy
    weight = mini.weights.normalised()[0]
    turn = replace(turn, accuracy=replace(turn.accuracy, score=overall / weight), empathy=replace(turn.empathy, score=0.0))
    scenario = mini.model_copy(update={"pass_mark": 70})
    call = score_call(scenario, [turn], "resolved", total_seconds=scenario.target_seconds * 100)
    assert abs(call.overall - overall) < 1e-9 and not call.turns[0].critical
    assert call.passed is passed
    assert f" {shown}" in " ".join(call.verdict)
