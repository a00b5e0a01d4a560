"""Changing a user's role on the admin page (owns ``role_change.*``); audited by the store,
which refuses to leave the site without an active admin."""
from __future__ import annotations

import streamlit as st

from simulator.store import User, accounts
from simulator.store.models import ROLES
from simulator.texts.formats import literal
from simulator.texts.labels import Labels

from .. import services, session


def render(admin: User, people: list[User], tr: Labels) -> None:
    by_name = {u.username: u for u in people}
    with st.form("role_change"):
        st.markdown(f"**{tr('role_change')}**")
        name = st.selectbox(tr("username"), list(by_name), key="role_change.username")
        role = st.selectbox(tr("role_new"), ROLES, format_func=lambda r: tr(f"role_{r}"), key="role_change.role")
        submitted = st.form_submit_button(tr("role_change"), key="role_change.submit")
    if not submitted or not name:
        return
    try:
        changed = accounts.change_role(services.store(), admin, by_name[name].id, role, source=session.client_address())
    except ValueError:
        st.error(tr("role_last_admin"))
        return
    st.success(tr("role_changed", username=literal(changed.username), role=tr(f"role_{changed.role}")))
