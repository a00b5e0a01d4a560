"""Trainers' review: the list of finished calls, one call turn by turn, a turn's score
overridden with a comment (the machine's kept), and what the trainee then sees."""
from __future__ import annotations

import pytest
from ui_helpers import app, log_in, open_page, page_only, play, seen, shown, texts

from simulator.refusal import RefusedValue
from simulator.store import AudioFiles, NotFound
from simulator.texts import formats
from simulator.texts.labels import Labels
from simulator.ui.components import date_field
from simulator import plural
from simulator.scoring.marks import points
from simulator.store.guard import SHELL

DENIED = "У вас немає доступу до цієї сторінки або цих даних."


@pytest.fixture
def trainer(store):
    return store.user_by_username("demo-trainer")


@pytest.fixture
def finished(store, library, trainee):
    return play(store, trainee, library, "en-payment-slip")


def form_of(at, attempt_id: int, turn: int):
    """The override widgets of one turn: score, critical flag, comment, save button."""
    prefix = f"review_override.{attempt_id}.{turn}"
    return (at.number_input(key=f"{prefix}.score"), at.checkbox(key=f"{prefix}.critical"),
            at.text_area(key=f"{prefix}.comment"), at.button(key=f"{prefix}.save"))


def open_form(at, attempt_id: int, turn: int):
    """Show reply ``turn`` and open its override form (closed until the trainer asks); its widgets."""
    at.get("button_group")[0].set_value(turn).run()
    at.button(key=f"review_override.{attempt_id}.{turn}.start").click().run()
    return form_of(at, attempt_id, turn)


def rows(at) -> list[str]:
    """The review list's rows, as their buttons say them (a reader's view)."""
    return [seen(b.label) for b in at.button if b.key and b.key.startswith("review_list.open.")]


def test_a_trainer_opens_a_finished_call_from_the_list_and_overrides_a_turn(store, trainee, trainer, finished):
    at = open_page(app(store, trainer), "review")
    assert not at.exception
    assert texts(at.title) == ["Перевірка дзвінків"]
    at.button(key=f"review_list.open.{finished.attempt_id}").click()      # the row itself opens the call
    at.run()
    assert at.query_params["attempt"] == str(finished.attempt_id)
    assert texts(at.title) == [finished.scenario.title]
    first = finished.turns[0]
    assert f"**Оператор-стажер:** {first.reply}" in [seen(m.value) for m in at.markdown]    # by role, not «Ви»
    assert "Ви:" not in shown(at)
    assert first.customer_line in shown(at) and finished.turns[1].reply not in shown(at)   # one reply at a time
    assert not at.text_area                                                  # the form opens on demand
    assert len(at.get("button_group")[0].options) == len(finished.turns)    # each reply by its number
    machine = store.attempt_detail(trainer, finished.attempt_id).turns[0]

    score, critical, comment, save = open_form(at, finished.attempt_id, 0)
    assert score.value == round(machine.overall) and critical.value is False
    score.set_value(35)
    critical.check()
    comment.input("Назвали клієнту чужий рахунок.")
    save.click()
    at.run()

    assert not at.exception
    assert texts(at.success)[-1] == f"Оцінку відповіді 1 змінено: {points(machine.overall)} → 35."
    detail = store.attempt_detail(trainer, finished.attempt_id)
    [override] = detail.overrides
    assert (override.turn_index, override.original_overall, override.overall) == (0, machine.overall, 35.0)
    assert (override.original_critical, override.critical, override.reviewer) == (False, True, "demo-trainer")
    assert override.comment == "Назвали клієнту чужий рахунок."
    attempt = detail.attempt
    assert attempt.overall == pytest.approx(finished.scorecard().overall, abs=0.1)   # the machine's score is kept
    assert attempt.reviewed and attempt.reviewed_overall < attempt.overall and attempt.effective_critical
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Оцінка системи"] == f"{points(attempt.overall)}"
    assert metrics["Після перевірки"] == f"{points(attempt.reviewed_overall)}"
    assert "Назвали клієнту чужий рахунок." in shown(at)                      # the turn's history
    assert "demo-trainer: " in shown(at)
    assert "Критична помилка: за системою — ні, після перевірки — так." in texts(at.caption)
    assert not at.text_area                                                   # saved: the form closes
    assert open_form(at, finished.attempt_id, 0)[2].value == ""               # empty for the next change


def test_an_override_without_a_comment_is_refused_and_nothing_is_lost(store, trainer, finished):
    at = open_page(app(store, trainer), "review", attempt=finished.attempt_id)
    score, _critical, comment, save = open_form(at, finished.attempt_id, 1)
    score.set_value(90)
    comment.input("   ")
    save.click()
    at.run()
    assert texts(at.error) == ["Напишіть коментар: чому змінено оцінку. Нічого не збережено."]
    assert store.overrides(finished.attempt_id) == []
    assert not store.attempt_detail(trainer, finished.attempt_id).attempt.reviewed
    assert form_of(at, finished.attempt_id, 1)[0].value == 90                 # what was typed stays
    at.button(key=f"review_override.{finished.attempt_id}.1.cancel").click().run()
    assert not at.text_area and store.overrides(finished.attempt_id) == []   # cancelled: closed, nothing saved


@pytest.mark.parametrize(("error", "message"), [
    (PermissionError("only trainer / admin can override scores"),
     "Змінювати оцінки можуть лише тренери й адміністратори. Нічого не збережено."),
    (NotFound("no attempt 1"), "Цього дзвінка або цієї відповіді вже немає. Нічого не збережено."),
    (RefusedValue("a score is between 0 and 100, not 101", code="score_range", given="101"), "Оцінку не збережено (оцінка має бути від 0 до 100, а не 101)."),
])
def test_a_store_refusal_is_shown_in_the_users_language(store, trainer, finished, monkeypatch, error, message):
    """What the store refuses in a race (e.g. a trainer demoted, a call deleted while the page was open)."""
    at = open_page(app(store, trainer), "review", attempt=finished.attempt_id)

    def refuse(*args, **kwargs):
        raise error

    monkeypatch.setattr(store, "override_turn", refuse)
    _score, _critical, comment, save = open_form(at, finished.attempt_id, 0)
    comment.input("Too harsh.")
    save.click()
    at.run()
    assert texts(at.error) == [message]
    assert form_of(at, finished.attempt_id, 0)[2].value == "Too harsh."       # nothing typed is lost
    assert store.overrides(finished.attempt_id) == []


def test_the_trainee_sees_the_reviewed_score_and_the_comment_on_the_turn(store, trainee, trainer, finished):
    turn = finished.turns[0]
    store.override_turn(trainer, finished.attempt_id, 0, overall=20, critical=False, comment="Не назвали строк оплати.")
    reviewed = store.attempt_detail(trainee, finished.attempt_id).attempt
    at = open_page(app(store, trainee), "attempt", attempt=finished.attempt_id)
    assert not at.exception
    assert at.metric[0].value == f"{points(reviewed.overall)}"                # the machine's scorecard stays
    assert (f"Дзвінок перевірив тренер: {plural.count(points(reviewed.reviewed_overall))} після перевірки "
            f"(оцінка системи — {points(reviewed.overall)}).") in texts(at.info)
    first = next(e for e in at.expander if e.label.startswith("1."))
    history = "\n".join(texts(first.info))
    assert "Не назвали строк оплати." in history and "demo-trainer" in history
    assert f"{points(turn.score.overall)} → 20 балів" in history  # the word agrees with the last number
    assert at.table[0].value.iloc[0]["Загалом"] == f"{points(turn.score.overall)} → 20"


def test_the_review_in_english(store, trainee, trainer, finished):
    store.update_user(trainer.id, language="en", by=SHELL)
    store.update_user(trainee.id, language="en", by=SHELL)
    store.override_turn(trainer, finished.attempt_id, 0, overall=100, critical=False, comment="Well handled.")
    at = open_page(app(store, trainer), "review", attempt=finished.attempt_id)
    assert "Machine score" in [m.label for m in at.metric]
    assert f"**Trainee:** {finished.turns[0].reply}" in [seen(m.value) for m in at.markdown]
    assert at.button(key=f"review_override.{finished.attempt_id}.0.start").label == "Override the score"
    assert open_form(at, finished.attempt_id, 0)[3].label == "Save the score"
    at = open_page(app(store, trainee), "attempt", attempt=finished.attempt_id)
    assert any(text.startswith("A trainer reviewed this call:") for text in texts(at.info))


def test_the_list_filters_by_trainee_and_by_review(store, library, trainee, other_trainee, trainer, finished):
    theirs = play(store, other_trainee, library, "en-outage")
    store.override_turn(trainer, theirs.attempt_id, 0, overall=50, critical=False, comment="Ok.")
    at = open_page(app(store, trainer), "review")
    assert rows(at) == [_label(store, trainer, theirs), _label(store, trainer, finished)]
    # the empty date boxes showed Streamlit's «dd.mm.yyyy» in the Ukrainian interface: a style
    # writes their parts in the user's words; the date as the language writes it
    assert at.date_input(key="review_list.since").proto.format == "DD.MM.YYYY"
    style = next(html.proto.body for html in at.get("html") if "stDateInput" in html.proto.body)
    assert all(f"[data-type='{part}']::before {{ content: '{word}'" in style
               for part, word in (("day", "дд"), ("month", "мм"), ("year", "рррр")))
    assert date_field.FORMATS["en"] == "YYYY-MM-DD" and "'yyyy'" in date_field.placeholder_style(Labels("en"))
    at.selectbox(key="review_list.reviewed").set_value("no")
    at.run()
    assert rows(at) == [_label(store, trainer, finished)]
    at.selectbox(key="review_list.reviewed").set_value(None)
    at.selectbox(key="review_list.trainee").set_value(other_trainee.id)
    at.run()
    assert rows(at) == [_label(store, trainer, theirs)]
    at.selectbox(key="review_list.scenario").set_value("en-payment-slip")
    at.run()
    assert texts(at.info) == ["Немає завершених дзвінків з такими фільтрами."]


def _label(store, viewer, call) -> str:
    attempt = store.attempt_detail(viewer, call.attempt_id).attempt
    score = f"{points(attempt.overall)}" + (f" → {points(attempt.reviewed_overall)}" if attempt.reviewed else "")
    return " · ".join([formats.moment(attempt.finished_at), attempt.username, attempt.title,
                       f"{plural.count(score)} {'✓' if attempt.passed else '✗'}", *(["Критично"] if attempt.effective_critical else []),
                       "тренування", *(["перевірені"] if attempt.reviewed else [])])


def test_a_long_list_shows_a_page_of_rows_and_more_on_demand(store, library, trainee, trainer, monkeypatch):
    from simulator.ui.components import review_list
    monkeypatch.setattr(review_list, "PAGE", 2)
    calls = [play(store, trainee, library, "en-payment-slip") for _ in range(3)]
    at = open_page(app(store, trainer), "review")
    assert len(rows(at)) == 2 and at.button(key="review_list.more").label == "Показати ще 1"
    at.button(key="review_list.more").click().run()
    assert len(rows(at)) == 3 and not [b for b in at.button if b.key == "review_list.more"]
    assert {b.key for b in at.button if b.key and b.key.startswith("review_list.open.")} == {f"review_list.open.{c.attempt_id}" for c in calls}


def test_recordings_play_and_a_missing_one_is_a_note(store, library, trainee, trainer):
    audio = AudioFiles.from_env()
    call = play(store, trainee, library, "en-payment-slip", replies=2, recording=b"RIFF-not-really-a-wav", audio=audio)
    call.abandon()
    done = play(store, trainee, library, "en-payment-slip", recording=b"RIFF-not-really-a-wav", audio=audio)
    turns = store.attempt_detail(trainer, done.attempt_id).turns
    audio.delete(turns[0].audio_key, by=SHELL)
    at = open_page(app(store, trainer), "review", attempt=done.attempt_id)
    assert not at.exception
    assert "Запис уже видалено за строком зберігання." in texts(at.caption) and not at.get("audio")
    at.get("button_group")[0].set_value(1).run()                              # the next reply's recording plays
    assert "Запис уже видалено за строком зберігання." not in texts(at.caption) and len(at.get("audio")) == 1


def test_a_call_in_progress_is_not_reviewed(store, library, trainee, trainer):
    open_call = play(store, trainee, library, "en-payment-slip", replies=1)
    at = open_page(app(store, trainer), "review", attempt=open_call.attempt_id)
    assert texts(at.info) == ["Перевіряють лише завершені дзвінки; цей дзвінок: триває."]
    assert not at.text_area
    at.button(key="review_call.back").click()
    at.run()
    assert texts(at.title) == ["Перевірка дзвінків"] and "attempt" not in at.query_params


def test_a_trainee_cannot_open_a_call_on_the_review_page(store, trainee, trainer, finished):
    at = page_only("review")
    at.query_params["attempt"] = str(finished.attempt_id)
    log_in(at, store, trainee)
    at.run()
    assert texts(at.error) == [DENIED]
    assert finished.turns[0].reply not in shown(at) and not at.text_area


def test_another_trainee_cannot_read_a_reviewed_call(store, trainer, other_trainee, finished):
    store.override_turn(trainer, finished.attempt_id, 0, overall=10, critical=True, comment="Секретний коментар.")
    at = open_page(app(store, other_trainee), "attempt", attempt=finished.attempt_id)
    assert texts(at.error) == [DENIED]
    assert "Секретний коментар." not in shown(at)

