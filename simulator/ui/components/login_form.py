"""Username and password (owns ``login_form.*``). Refusals come from the store: a wrong
password, a deactivated account, or too many failures, with the wait before the next try."""
from __future__ import annotations

import streamlit as st

from simulator.store import AuthError
from simulator.texts.labels import Labels

from .. import session


def render(tr: Labels) -> None:
    notice = session.take_notice()
    if notice:
        st.info(tr(notice))
    with st.form("login_form"):
        username = st.text_input(tr("username"), key="login_form.username", autocomplete="username")
        password = st.text_input(tr("password"), key="login_form.password", type="password",
                                 autocomplete="current-password")
        submitted = st.form_submit_button(tr("log_in"), key="login_form.submit", type="primary")
    if not submitted:
        return
    if not username.strip() or not password:
        st.error(tr("login_missing"))
        return
    try:
        session.log_in(username, password)
    except AuthError as exc:
        if exc.code == "locked":
            st.error(tr("login_locked", seconds=exc.retry_after))
        elif exc.code == "inactive":
            st.error(tr("login_inactive"))
        else:
            st.error(tr("login_failed"))
        return
    st.rerun()
