"""The warning every page shows an admin while any demo account is active: their password is
published, so anyone who reaches the app can log in with them; it says what to do about it."""
from __future__ import annotations

import streamlit as st

from simulator.store import User, demo
from simulator.texts.labels import Labels

from .. import services


def render(user: User | None, tr: Labels) -> None:
    if user is None or user.role != "admin":
        return
    active = demo.active_accounts(services.store())
    if active:
        st.warning(tr("safety_demo_banner", names=", ".join(active)), icon=":material/warning:")
