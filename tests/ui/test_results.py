"""The end of a call and what stays: the scorecard, and the trainee's progress over time."""
from __future__ import annotations

from ui_helpers import app, open_page, play, shown, texts

from simulator.store import AudioFiles
from simulator.voice import tts
from simulator import plural
from simulator.scoring.marks import points


def test_the_scorecard_per_dimension_and_per_turn_with_references_and_recordings(store, library, trainee):
    recording = tts.synthesize("A short spoken reply.", tts.VoiceSpec("en"))
    call = play(store, trainee, library, "en-three-zone-readings", recording=recording, audio=AudioFiles.from_env())
    card = call.scorecard()
    stored = card.to_dict()["overall"]      # what the page reads: to one decimal (95.46 is stored as 95.5 and shown as 96)
    at = open_page(app(store, trainee), "attempt", attempt=call.attempt_id)
    assert not at.exception
    assert texts(at.success) == [f"Зараховано: {plural.count(round(stored))} при прохідному {card.pass_mark}."]
    assert [m.label for m in at.metric][:4] == ["Загалом", "Точність", "Емпатія", "Час"]
    assert at.metric[0].value == f"{points(stored)}"
    assert "Результат: питання вирішено" in shown(at)
    assert len(at.table) == 1
    turns = [e for e in at.expander if e.label[0].isdigit()]
    assert len(turns) == len(call.turns)
    assert len(at.get("audio")) == len(call.turns) + 1       # the customer's last words, the trainee's own recordings
    assert call.closing_line and call.closing_line in shown(at)
    first = call.turns[0].score.accuracy.closest_reference
    assert first in texts(turns[0].info)                       # the closest reference answer


def test_a_failed_call_says_why(store, library, trainee):
    call = play(store, trainee, library, "en-payment-slip", replies=1)
    call.abandon()
    at = open_page(app(store, trainee), "attempt", attempt=call.attempt_id)
    assert texts(at.error)[0].startswith("Не зараховано:")
    assert "Дзвінок завершився без вирішення: дзвінок перервано." in shown(at)


def test_an_attempt_in_progress_offers_to_resume(store, library, trainee):
    call = play(store, trainee, library, "en-payment-slip", replies=1)
    at = open_page(app(store, trainee), "attempt", attempt=call.attempt_id)
    assert texts(at.info) == ["Цей дзвінок ще триває."]
    at.button(key="attempt.resume").click()
    at.run()
    assert library.get("en-payment-slip").title in texts(at.title)
    assert at.chat_input


def test_progress_shows_scores_over_time_weak_areas_and_past_attempts(store, library, trainee):
    play(store, trainee, library, "en-payment-slip")
    weak = play(store, trainee, library, "en-outage", replies=0)
    weak.reply_text("Sorry, I can't help with that.")
    weak.abandon()
    play(store, trainee, library, "en-two-zone-price")
    at = open_page(app(store, trainee), "progress")
    assert not at.exception
    assert texts(at.title) == ["Мій прогрес"]
    assert len(at.get("vega_lite_chart")) == 1
    assert "Зараховано 2 з 2 завершених дзвінків." in texts(at.caption)
    assert "Що підтягнути" in texts(at.subheader)
    assert "відключення: у середньому" in shown(at)             # the weakest category first
    assert len(at.dataframe) == 2                               # missed facts, all attempts
    picker = at.selectbox(key="attempt_list.chosen")
    assert len(picker.options) == 3
    at.button(key="attempt_list.open").click()
    at.run()
    assert texts(at.title) == [library.get("en-two-zone-price").title]     # the newest, opened


def test_progress_before_any_call(store, trainee):
    at = open_page(app(store, trainee), "progress")
    assert texts(at.info) == ["Ще немає завершених дзвінків. Почніть зі сценарію в каталозі."]
    assert not at.get("vega_lite_chart")
