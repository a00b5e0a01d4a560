"""The demo accounts on the admin's list of users: a note while any is active (their password
is published), and one button that deactivates them all (owns ``demo_accounts.*``).

The store refuses when no admin of the site's own would be left (simulator.store.demo). An
admin logged in as ``demo-admin`` is logged out by it, as any deactivated user is.
"""
from __future__ import annotations

import streamlit as st

from simulator.store import User, demo
from simulator.texts.labels import Labels

from .. import services

NOTICE = "demo_accounts.notice"


def render(admin: User, people: list[User], tr: Labels) -> None:
    _show_notice()
    active = [person.username for person in people if person.active and demo.is_demo(person.username)]
    if not active:
        return
    st.warning(tr("demo_active", names=", ".join(active)), icon=":material/warning:")
    st.button(tr("demo_remove"), key="demo_accounts.remove", icon=":material/person_off:", on_click=_remove, args=(admin, tr))


def _remove(admin: User, tr: Labels) -> None:
    try:
        removed = demo.deactivate_all(services.store(), admin)
    except ValueError:
        st.session_state[NOTICE] = (False, tr("demo_remove_last_admin"))
    except PermissionError:
        st.session_state[NOTICE] = (False, tr("access_denied"))
    else:
        st.session_state[NOTICE] = (True, tr("demo_removed", names=", ".join(u.username for u in removed)))


def _show_notice() -> None:
    notice = st.session_state.pop(NOTICE, None)
    if notice is not None:
        ok, message = notice
        (st.success if ok else st.error)(message)
