"""The catalogue: filters, assignments first with due dates, record per scenario, resume."""
from __future__ import annotations

import datetime as dt

from ui_helpers import app, play, shown, texts

from simulator.ui.components import catalogue_filters
from simulator.scoring.marks import points


def cards(at) -> list[str]:
    """The scenario ids shown, in order (one "practice" button per card)."""
    return [b.key.split(".")[1] for b in at.button if b.key and b.key.endswith(".practice")]


def test_every_valid_scenario_is_listed_ukrainian_first_for_a_ukrainian_interface(store, library, trainee):
    at = app(store, trainee).run()
    shown_ids = cards(at)
    assert sorted(shown_ids) == sorted(library.scenarios)
    languages = [library.get(i).language for i in shown_ids]
    assert languages == sorted(languages, key=lambda code: code != "uk")


def test_the_filters_narrow_the_list(store, library, trainee):
    at = app(store, trainee).run()
    at.selectbox(key="catalogue_filters.language").set_value("en")
    at.selectbox(key="catalogue_filters.channel").set_value("chat")
    at.run()
    expected = {i for i, s in library.scenarios.items() if s.language == "en" and s.channel == "chat"}
    assert set(cards(at)) == expected and expected
    at.selectbox(key="catalogue_filters.difficulty").set_value("easy")
    at.run()
    assert cards(at) == ["en-payment-slip"]
    at.selectbox(key="catalogue_filters.category").set_value("outage")
    at.run()
    assert cards(at) == []
    assert texts(at.info) == ["Немає сценаріїв з такими фільтрами."]


def test_filter_options_are_the_values_the_library_has(store, library, trainee):
    at = app(store, trainee).run()
    options = at.selectbox(key="catalogue_filters.category").options
    assert options[0] == "усі"
    assert len(options) == 1 + len({s.category for s in library.scenarios.values()})
    assert catalogue_filters.matches(library.get("uk-subsidies"), {"language": "uk", "category": ""})


def test_assigned_scenarios_come_first_soonest_due_first_overdue_ones_marked_so(store, trainee):
    trainer = store.user_by_username("demo-trainer")
    store.assign(trainer, "en-outage", user_id=trainee.id, due=dt.date(2031, 5, 20))
    store.assign(trainer, "uk-subsidies", group="demo", due=dt.date(2031, 5, 1))
    store.assign(trainer, "en-payment-slip", user_id=trainee.id, due=dt.date(2020, 1, 31))
    at = app(store, trainee).run()
    assert cards(at)[:3] == ["en-payment-slip", "uk-subsidies", "en-outage"]
    badges = [m for m in texts(at.markdown) if "-badge[" in m]
    assert any(b.startswith(":red-badge[:material/event_busy: прострочено: було до 31.01.2020]") for b in badges), badges
    assert any(b.startswith(":blue-badge[:material/event: призначено, до 01.05.2031]") for b in badges), badges
    assert "призначено, до 20.05.2031" in shown(at)


def test_attempts_and_best_score_per_scenario(store, library, trainee):
    first = play(store, trainee, library, "en-payment-slip")
    play(store, trainee, library, "en-payment-slip", replies=1).abandon()   # abandoned: not counted
    at = app(store, trainee).run()
    best = f"{points(first.scorecard().to_dict()['overall'])}"    # the page shows the stored score (one decimal), whole
    assert f"Спроб: 1 · найкращий результат: {best} · зараховано" in texts(at.caption)
    assert texts(at.caption).count("Ще не пробували.") == len(library.scenarios) - 1


def test_a_call_in_progress_can_be_resumed(store, library, trainee):
    open_call = play(store, trainee, library, "en-payment-slip", replies=1)
    at = app(store, trainee).run()
    assert cards(at)[0] == "en-payment-slip"        # the open call first, after assignments
    assert "Є незавершений дзвінок (тренування)." in texts(at.caption)
    at.button(key="scenario_card.en-payment-slip.resume").click()
    at.run()
    assert at.query_params["attempt"] == str(open_call.attempt_id)
    assert texts(at.title) == [library.get("en-payment-slip").title]
    assert open_call.turns[0].reply in shown(at)    # the saved turn, replayed from the store


def test_starting_an_exam_opens_the_call_in_exam_mode(store, library, trainee):
    at = app(store, trainee).run()
    at.button(key="scenario_card.en-payment-slip.exam").click()
    at.run()
    assert ("Іспит: оцінки й поради з'являться лише після завершення дзвінка. Незавершений іспит (перерваний чи "
            "покинутий) зараховується як не складений.") in texts(at.info)
    attempt = store.attempts(trainee, trainee.id, status="in_progress")[0]
    assert (attempt.scenario_id, attempt.mode) == ("en-payment-slip", "exam")
