"""The first thing a user whose password an admin made or reset sees: a form to set their own
(owns ``password_change.*``). Nothing else of the app shows until it is done; the sidebar's
log-out still works. Changing it ends every session of the user, so a new one is opened here."""
from __future__ import annotations

import streamlit as st

from simulator.store import User, accounts, auth
from simulator.texts import limits, refusals
from simulator.texts.labels import Labels
from simulator.user_text import TooLong

from .. import services, session

NOTICE = "password_change.done"


def required(user: User | None) -> bool:
    return user is not None and user.must_change_password


def render(user: User, tr: Labels) -> None:
    st.title(tr("pw_change_title"))
    st.info(tr("pw_change_why"), icon=":material/key:")
    with st.form("password_change"):
        current = st.text_input(tr("pw_current"), type="password", key="password_change.current",
                                autocomplete="current-password")
        new = st.text_input(tr("pw_new"), type="password", key="password_change.new", autocomplete="new-password")
        again = st.text_input(tr("pw_again"), type="password", key="password_change.again", autocomplete="new-password")
        submitted = st.form_submit_button(tr("pw_change_submit"), key="password_change.submit", type="primary")
    if not submitted:
        return
    if new != again:
        st.error(tr("pw_mismatch"))
        return
    store = services.store()
    try:
        changed = accounts.change_own_password(store, user, current, new, source=session.client_address())
    except TooLong as exc:
        st.error(limits.message(exc, tr))
        return
    except ValueError as exc:
        code = getattr(exc, "code", "")     # the store's refusal (simulator.refusal)
        if code == "password_wrong":
            st.error(tr("pw_wrong_current"))
        elif code == "password_same":
            st.error(tr("pw_same"))
        else:
            st.error(tr("pw_refused", error=refusals.message(exc, tr)))
        return
    st.session_state[session.TOKEN] = auth.open_session(store, changed)    # every old session ended with the change
    st.session_state[NOTICE] = True
    st.rerun()


def show_done(tr: Labels) -> None:
    """The confirmation, once, on the first page after the change."""
    if st.session_state.pop(NOTICE, False):
        st.success(tr("pw_changed"))
