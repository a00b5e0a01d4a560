"""Ids and days in links are checked before the store sees them: a number no id can be, or a
day the reports cannot count from, gets a message in the user's language, never a traceback,
on SQLite and on PostgreSQL (whose id columns hold less than SQLite's)."""
from __future__ import annotations

import pytest
from ui_helpers import app, open_page, shown, texts

from simulator.ui import links, services
from tests.store.store_db import shared_server
from simulator.store.guard import SHELL

BAD_ID = "Це посилання пошкоджене: номер у ньому не може бути номером запису. Відкрийте сторінку з меню."
BAD_DAY = "Це посилання пошкоджене: дата в ньому має бути справжньою датою з 01.01.2000 по 31.12.2099."
NOT_IDS = ["99999999999999999999999", str(2**63), str(2**31), "0", "-1", "1e3", " 7", "abc", ""]


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, app_env, monkeypatch):
    """The app's store on each backend (this module's ``store`` replaces the SQLite-only one)."""
    if request.param == "postgresql":
        server = shared_server()
        name = server.create_database()
        monkeypatch.setenv("DATABASE_URL", server.url(name))
        services.catalogue()
        yield services.store()
        services.store().close()
        server.drop_database(name)
        return
    services.catalogue()
    yield services.store()


@pytest.mark.parametrize("given", NOT_IDS)
def test_an_attempt_link_without_a_possible_id_says_so(store, trainee, given):
    at = open_page(app(store, trainee), "attempt", attempt=given)
    assert not at.exception
    assert texts(at.warning) == [BAD_ID]


@pytest.mark.parametrize("page", ["attempt", "call", "review"])
def test_the_pages_that_open_a_call_by_link(store, trainee, page):
    viewer = trainee if page != "review" else store.user_by_username("demo-trainer")
    at = open_page(app(store, viewer), page, attempt="99999999999999999999999")
    assert not at.exception
    assert BAD_ID in texts(at.warning)
    at = open_page(app(store, viewer), page, attempt=links.ID_MAX)       # the largest id: no such call
    assert not at.exception and BAD_ID not in shown(at)


def test_the_review_list_stays_under_a_broken_link(store):
    at = open_page(app(store, store.user_by_username("demo-trainer")), "review", attempt=str(2**31))
    assert texts(at.warning) == [BAD_ID] and texts(at.title) == ["Перевірка дзвінків"]


@pytest.mark.parametrize("given", ["99999999999999999999999", str(2**31), "abc"])
def test_a_trainee_report_link_without_a_possible_user(store, given):
    at = open_page(app(store, store.user_by_username("demo-hr")), "trainee_report", user=given)
    assert not at.exception
    assert texts(at.warning) == [BAD_ID]


@pytest.mark.parametrize("given", ["9999-12-31", "0001-01-01", "1999-12-31", "2100-01-01", "2026-02-30", "26-01-01", "abc"])
def test_a_trainee_report_link_with_a_day_out_of_range(store, trainee, given):
    at = open_page(app(store, store.user_by_username("demo-hr")), "trainee_report", user=trainee.id, as_of=given)
    assert not at.exception
    assert texts(at.warning) == [BAD_DAY]
    assert not at.get("iframe")


def test_the_messages_follow_the_users_language(store, trainee):
    store.update_user(trainee.id, language="en", by=SHELL)
    at = open_page(app(store, trainee), "attempt", attempt="99999999999999999999999")
    assert texts(at.warning) == ["This link is broken: the number in it cannot be a record's number. Open the page from the menu."]
