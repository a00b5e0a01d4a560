"""Placeholder, being written."""
from __future__ import annotations

import streamlit as st

from simulator.ui import access, session


def render() -> None:
    user = access.require("assignments")
    tr = session.labels(user)
    st.title(tr("nav_assignments"))


if __name__ == "__main__":
    render()
