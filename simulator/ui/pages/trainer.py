"""Trainer tools: a later issue. Says so plainly, and shows no made-up data."""
from __future__ import annotations

import streamlit as st

from simulator.ui import access, session


def render() -> None:
    user = access.require("trainer")
    tr = session.labels(user)
    st.title(tr("nav_trainer"))
    st.info(tr("trainer_coming"), icon=":material/construction:")
    st.page_link(access.page("catalogue").path, label=tr("trainer_try_scenarios"), icon=":material/menu_book:")


if __name__ == "__main__":
    render()
