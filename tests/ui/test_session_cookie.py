"""Sessions that survive a refresh (issue 11): a new browser session (F5, a bookmark) that
brings the session cookie finds the login again, on the page its address names; without a
login, every page's address shows the login form (not Streamlit's "Page not found") and,
once logged in, the page asked for. AppTest cannot send cookies, so the cookie the browser
sent is stood in for (session.cookie_token); the browser test writes and sends a real one."""
from __future__ import annotations

import pytest
from streamlit.util import calc_hash
from ui_helpers import app, play, shown, texts

from simulator.store import DEMO_PASSWORD, auth
from simulator.ui import session
from simulator.ui.components import session_cookie, table_toolbar

SCENARIO = "en-payment-slip"


@pytest.fixture
def cookie(monkeypatch):
    """The token the browser's session cookie holds when a new session connects."""
    sent = {"token": None}
    monkeypatch.setattr(session, "cookie_token", lambda: sent["token"])
    return sent


def address(name: str, **query):
    """A new browser session opened at a page's address (a refresh or a bookmark), logged out."""
    at = app()
    at.query_params.update({k: str(v) for k, v in query.items()})
    at._page_hash = calc_hash(name)     # as the browser names the page: by its URL path
    return at.run()


def scripts(at) -> list[str]:
    return [element.proto.body for element in at.get("html") if element.proto.body != table_toolbar.HIDDEN]


def test_a_refresh_mid_call_keeps_the_user_in_the_call_until_they_log_out(store, library, trainee, cookie):
    call = play(store, trainee, library, SCENARIO, replies=1)
    cookie["token"] = auth.open_session(store, trainee)
    at = address("call", attempt=call.attempt_id)
    assert not at.exception
    assert texts(at.title) == [library.get(SCENARIO).title]
    assert call.turns[0].reply in shown(at) and at.chat_input
    assert at.session_state[session.TOKEN] == cookie["token"]
    assert scripts(at) == [session_cookie.script(cookie["token"])]     # kept in the browser

    at.sidebar.button[0].click()                     # logging out ends the cookie too
    at.run()
    assert "Ви вийшли з системи." in texts(at.info)
    assert scripts(at) == [session_cookie.script(None)]
    at.run()                                         # the same cookie, still sent by this session
    assert at.button(key="login_form.submit") and session.TOKEN not in at.session_state
    assert auth.session_user(store, cookie["token"]) is None


def test_a_bookmark_while_logged_out_logs_in_onto_the_page_it_names_and_a_spent_cookie_is_cleared(store, library, trainee, cookie):
    call = play(store, trainee, library, SCENARIO)
    at = address("attempt", attempt=call.attempt_id)
    assert texts(at.title) == ["Тренажер оператора контакт-центру"]
    assert at.text_input(key="login_form.username")
    at.text_input(key="login_form.username").set_value("demo-trainee")
    at.text_input(key="login_form.password").set_value(DEMO_PASSWORD)
    at.button(key="login_form.submit").click()
    at.run()
    assert texts(at.title) == [library.get(SCENARIO).title]             # the scorecard, not the catalogue
    assert texts(at.success)[0].startswith("Зараховано:")
    token = at.session_state[session.TOKEN]
    assert session_cookie.script(token) in scripts(at)

    auth.end_session(store, token)                   # a cookie that no longer counts (expired, ended by an admin)
    cookie["token"] = token
    at = address("catalogue")
    assert at.button(key="login_form.submit")
    assert "Сеанс завершився. Увійдіть знову." in texts(at.info)
    assert scripts(at) == [session_cookie.script(None)]
