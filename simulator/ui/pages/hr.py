"""HR's readiness view: a later issue. Says so plainly, and shows no made-up data."""
from __future__ import annotations

import streamlit as st

from simulator.ui import access, session


def render() -> None:
    user = access.require("hr")
    tr = session.labels(user)
    st.title(tr("nav_hr"))
    st.info(tr("hr_coming"), icon=":material/construction:")


if __name__ == "__main__":
    render()
