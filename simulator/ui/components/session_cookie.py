"""Keeps the browser's session cookie in step with the login (see simulator.ui.session).

Streamlit can read the cookies a browser sent (``st.context.cookies``) but has no way to set
one, so a few lines of JavaScript do it from the page itself (``st.html``; nothing is
fetched). While a user is logged in, the cookie holds the session's token; on the login page
it is cleared. The token is random and only its hash is stored, and the store checks it on
every rerun with the usual expiry rules, so the cookie's own lifetime (``Max-Age``, the
longest a session may last) only bounds how long the browser keeps it. ``SameSite=Strict``:
no other site's page sends it; ``Secure`` when the app is served over HTTPS.
"""
from __future__ import annotations

import json

import streamlit as st

from simulator.store import auth

from .. import session


def script(token: str | None) -> str:
    """The page script that writes ``token`` into the session cookie (clears it when None)."""
    value, age = (token, int(auth.max_session_age().total_seconds())) if token else ("", 0)
    cookie = json.dumps(f"{session.COOKIE}={value}; Path=/; Max-Age={age}; SameSite=Strict")
    return f"<script>document.cookie = {cookie} + (location.protocol === 'https:' ? '; Secure' : '');</script>"


def keep() -> None:
    """Write the logged-in session's token into the cookie (again on every rerun: the page
    element stays the same, so the browser runs it once per page load)."""
    st.html(script(st.session_state.get(session.TOKEN)), unsafe_allow_javascript=True, width="content")


def clear() -> None:
    """Forget the session in this browser (the login page: logged out, expired, or never in)."""
    if session.cookie_token() or session.SPENT in st.session_state:
        st.html(script(None), unsafe_allow_javascript=True, width="content")
