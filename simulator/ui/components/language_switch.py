"""The interface language switch, on every page (owns ``language_switch.choice``).

The choice is stored with the user when logged in (it follows them to any browser), and in
the session before login (and then saved with the user at login).
"""
from __future__ import annotations

import streamlit as st

from simulator.store import User

from .. import session
from ..labels import LANGUAGES, Labels

KEY = "language_switch.choice"


def render(user: User | None, tr: Labels) -> None:
    st.session_state[KEY] = session.language(user)
    st.segmented_control(tr("language"), list(LANGUAGES), format_func=LANGUAGES.get, key=KEY, required=True,
                         on_change=_changed, args=(user,))


def _changed(user: User | None) -> None:
    session.set_language(user, st.session_state[KEY])
