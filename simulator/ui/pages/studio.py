"""Placeholder, being written."""
from __future__ import annotations

import streamlit as st

from simulator.ui import access, session


def render() -> None:
    user = access.require("studio")
    tr = session.labels(user)
    st.title(tr("nav_studio"))


if __name__ == "__main__":
    render()
