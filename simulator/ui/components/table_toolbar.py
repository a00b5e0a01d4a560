"""Streamlit's table toolbar in a Ukrainian interface. Over every table Streamlit draws a toolbar
(search, "Download as CSV", "Show/hide columns", "Fullscreen") whose tooltips and screen-reader
names are fixed English in its browser code; st.dataframe takes no words for them. In Ukrainian the
toolbar is therefore not shown: the pages offer their own exports (CSV, Excel, print) in the
interface's words. In English it stays. No state of its own."""
from __future__ import annotations

import streamlit as st

from simulator.texts.labels import Labels

HIDDEN = "<style>[data-testid='stElementToolbar'] { display: none; }</style>"


def render(tr: Labels) -> None:
    if style(tr.language):
        st.html(style(tr.language))


def style(language: str) -> str:
    """The style that takes the toolbar away, or "" where its words are the interface's."""
    return "" if language == "en" else HIDDEN
