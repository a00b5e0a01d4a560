"""Who is logged in, and in which language the interface speaks.

Owns the ``auth.*`` and ``ui.*`` keys of ``st.session_state``. The session token lives there
(server side, never in the URL) and in the browser's session cookie (``COOKIE``, written by
components/session_cookie.py), so a refresh or a bookmarked link, which start a new
Streamlit session, find the login again. Either way the token is checked against the store
on every rerun (only its hash is stored there, so the cookie is worth nothing once the session
ends), so a session that expired, was logged out elsewhere or belongs to a deactivated user
(or to a demo account while demo mode is off) sends the browser back to the login page with a
message; the expiry rules are the store's (simulator/store/auth.py).
"""
from __future__ import annotations

import datetime as dt
import logging
import time

import streamlit as st

from simulator.store import DatabaseUnavailable, User, auth, demo
from simulator.texts.labels import LANGUAGES, Labels

from . import services

log = logging.getLogger(__name__)
TOKEN = "auth.token"
NOTICE = "auth.notice"          # a label key shown once on the login page
SPENT = "auth.spent"            # the cookie's token once it stopped counting (logged out, expired)
LEFT = "auth.left"              # just logged out: the login page moves to its own address
COOKIE = "simulator_session"    # the browser's cookie holding the session token
LANGUAGE = "ui.language"        # the language chosen before logging in
LAST_USER = "auth.last_user"    # (token, user, when) of the last check the store answered
OUTAGE_GRACE = dt.timedelta(minutes=15)     # how long that answer stands in while the database is away
LANGUAGE_CHOSEN = "ui.language_chosen"


def current_user() -> User | None:
    """The logged-in user, read from the store (so a role or language change shows at once);
    in a new browser session (a refresh, a bookmark), the one its session cookie names."""
    token = st.session_state.get(TOKEN) or _cookie_token()
    if not token:
        return None
    user = _checked_user(token)
    if user is None:
        st.session_state.pop(TOKEN, None)
        st.session_state[SPENT] = cookie_token()
        st.session_state[NOTICE] = "session_expired"
    else:
        st.session_state[TOKEN] = token
    return user


def cookie_token() -> str | None:
    """The token in the session cookie the browser sent when this session connected."""
    token = st.context.cookies.get(COOKIE)
    return token if isinstance(token, str) and token else None


def _cookie_token() -> str | None:
    """The cookie's token while it may still count (not once logged out or refused here)."""
    token = cookie_token()
    return None if token is None or token == st.session_state.get(SPENT) else token


def _checked_user(token: str) -> User | None:
    """The session's user from the store; while the database cannot be reached, the user it
    gave this browser session last (within OUTAGE_GRACE), so that a call in progress goes on
    and keeps its replies until the database is back (components/pending_save.py)."""
    try:
        user = demo.session_user(services.store(), token, demo_on=services.demo_on())
    except DatabaseUnavailable as exc:
        known = st.session_state.get(LAST_USER)
        if known is None or known[0] != token or time.monotonic() - known[2] > OUTAGE_GRACE.total_seconds():
            raise
        log.warning("the log-in of %s is taken as it was: the database cannot be reached: %s", known[1].username, exc.cause)
        return known[1]
    st.session_state[LAST_USER] = (token, user, time.monotonic()) if user is not None else None
    return user


def log_in(username: str, password: str) -> User:
    """Check the credentials (AuthError when refused) and open a session."""
    store = services.store()
    user = demo.authenticate(store, username, password, demo_on=services.demo_on(), source=client_address())
    st.session_state[TOKEN] = auth.open_session(store, user)
    if st.session_state.get(LANGUAGE_CHOSEN) and st.session_state.get(LANGUAGE) != user.language:
        user = store.update_user(user.id, language=st.session_state[LANGUAGE], by=user)
    st.session_state.pop(NOTICE, None)
    return user


def client_address() -> str | None:
    """The browser's IP address, which failed logins are counted by: the connection's peer
    (behind a proxy on this machine, the client it names in X-Forwarded-For: uvicorn trusts
    127.0.0.1, see FORWARDED_ALLOW_IPS). None for a connection from this machine itself, and
    outside a served page (AppTest hands out a stand-in object)."""
    address = st.context.ip_address
    return address if isinstance(address, str) else None


def log_out(user: User) -> None:
    """End the session; the login page keeps the user's language, not as a choice to impose
    on the next person who logs in on this browser."""
    token = st.session_state.pop(TOKEN, None)
    if token:
        auth.end_session(services.store(), token)
    st.session_state[SPENT] = cookie_token()
    st.session_state[LEFT] = True       # the next person to log in starts on their own start page
    st.session_state[LANGUAGE] = user.language
    st.session_state.pop(LANGUAGE_CHOSEN, None)
    st.session_state[NOTICE] = "logged_out"


def take_notice() -> str | None:
    """The label key of a message for the login page (shown once)."""
    return st.session_state.pop(NOTICE, None)


def language(user: User | None) -> str:
    """The user's stored interface language; before login, the one chosen on the login page."""
    if user is not None:
        return user.language
    chosen = st.session_state.get(LANGUAGE, "uk")
    return chosen if chosen in LANGUAGES else "uk"


def set_language(user: User | None, code: str) -> None:
    """Switch the interface language: stored with the user when logged in; before login,
    kept for this browser session and saved with the user at login."""
    if code not in LANGUAGES:
        return
    if user is None:
        st.session_state[LANGUAGE] = code
        st.session_state[LANGUAGE_CHOSEN] = True
    elif user.language != code:
        services.store().update_user(user.id, language=code, by=user)


def labels(user: User | None) -> Labels:
    return Labels(language(user))
