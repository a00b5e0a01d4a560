"""Login: the only page before logging in (at every page's address: see access.st_pages).
Lists the active demo accounts in demo mode only, and clears a session cookie that no longer counts."""
from __future__ import annotations

import streamlit as st

from simulator.store import DEMO_ACCOUNTS, DEMO_PASSWORD
from simulator.ui import access, services, session
from simulator.ui.components import language_switch, login_form, session_cookie


def render() -> None:
    if st.session_state.pop(session.LEFT, False):
        access.go("login")      # not the address of the page the last user was on
    tr = session.labels(None)
    language_switch.render(None, tr)
    st.title(tr("app_title"))
    st.caption(tr("app_tagline"))
    login_form.render(tr)
    if services.demo_on():
        store = services.store()
        accounts = [(name, tr(f"role_{role}")) for name, role in DEMO_ACCOUNTS
                    if (account := store.user_by_username(name)) is not None and account.active]
        if accounts:
            rows = "\n".join(f"| `{name}` | {role} |" for name, role in accounts)
            st.info(f"{tr('demo_accounts', password=DEMO_PASSWORD)}\n\n| {tr('username')} | {tr('role')} |\n|---|---|\n{rows}",
                    icon=":material/info:")
    session_cookie.clear()


if __name__ == "__main__":
    render()
