"""Roles: the menu offers only the allowed pages, and every page checks the role itself."""
from __future__ import annotations

import pytest
from ui_helpers import app, log_in, open_page, page_only, play, shown, texts

from simulator.ui import access

DENIED = "У вас немає доступу до цієї сторінки або цих даних."


@pytest.mark.parametrize(
    ("role", "pages"),
    [
        ("trainee", ["catalogue", "call", "progress", "attempt"]),
        ("trainer", ["studio", "review", "assignments", "paths", "calibration", "catalogue", "call", "progress", "attempt",
                     "trainee_report"]),
        ("hr", ["readiness", "paths", "calibration", "attempt", "trainee_report"]),
        ("admin", ["admin", "studio", "review", "assignments", "readiness", "paths", "calibration", "attempt",
                   "trainee_report"]),
    ],
)
def test_each_role_is_offered_only_its_pages(role, pages):
    assert [p.name for p in access.allowed(role)] == pages


@pytest.mark.parametrize(("username", "title"), [("demo-trainer", "Студія сценаріїв"),
                                                 ("demo-hr", "Готовність персоналу"), ("demo-admin", "Користувачі")])
def test_each_role_lands_on_its_own_page(store, username, title):
    at = app(store, store.user_by_username(username)).run()
    assert not at.exception
    assert texts(at.title) == [title]


def test_a_trainee_at_the_admin_pages_address_is_refused_in_their_language(store, trainee):
    at = app(store, trainee).run()
    at.switch_page(access.page("admin").path)      # known to the router (no "Page not found"), hidden from the menu
    at.run()
    assert texts(at.error) == [DENIED]
    assert not at.tabs and not at.text_input


@pytest.mark.parametrize("name", ["admin", "studio", "review", "assignments", "readiness", "calibration", "trainee_report"])
def test_a_page_refuses_a_trainee_even_when_opened_directly(store, trainee, name):
    at = page_only(name)
    log_in(at, store, trainee)
    at.run()
    assert texts(at.error) == [DENIED]
    assert not at.tabs and not at.text_input and not at.dataframe


@pytest.mark.parametrize("name", ["studio", "review", "assignments"])
def test_hr_cannot_open_the_trainer_pages(store, name):
    at = page_only(name)
    log_in(at, store, store.user_by_username("demo-hr"))
    at.run()
    assert texts(at.error) == [DENIED]
    assert not at.text_area and not at.button


def test_trainers_cannot_open_the_readiness_dashboard(store):
    at = page_only("readiness")
    log_in(at, store, store.user_by_username("demo-trainer"))
    at.run()
    assert texts(at.error) == [DENIED]
    assert not at.dataframe and not at.metric


def test_a_page_opened_without_login_asks_to_log_in(store):
    at = page_only("catalogue").run()
    assert texts(at.warning) == ["Увійдіть, щоб відкрити цю сторінку."]
    assert not at.button


def test_a_trainee_cannot_open_another_trainees_attempt(store, library, trainee, other_trainee):
    theirs = play(store, other_trainee, library, "en-payment-slip")
    at = open_page(app(store, trainee), "attempt", attempt=theirs.attempt_id)
    assert texts(at.error) == [DENIED]
    assert theirs.turns[0].reply not in shown(at)
    assert not at.metric


def test_a_trainee_cannot_continue_another_trainees_call(store, library, trainee, other_trainee):
    theirs = play(store, other_trainee, library, "en-payment-slip", replies=1)
    at = app(store, trainee)
    at.session_state["call.attempt_id"] = theirs.attempt_id    # even with the session state edited
    open_page(at, "call")
    assert texts(at.error) == [DENIED]
    assert not at.chat_input and not at.chat_message


def test_staff_may_open_a_trainees_scorecard(store, library, trainee):
    finished = play(store, trainee, library, "en-payment-slip")
    at = open_page(app(store, store.user_by_username("demo-hr")), "attempt", attempt=finished.attempt_id)
    assert not at.error
    assert "demo-trainee" in shown(at)
