"""A date box in the interface's language: the date written as the language writes it
(25.11.2026 / 2026-11-25, as formats.day) and a hint of that format in the label, in the
user's words (дд.мм.рррр / yyyy-mm-dd). Streamlit gives an empty date box a placeholder of its
own, the format in Latin letters («dd.mm.yyyy» in the Ukrainian interface), which cannot be
changed: it is made invisible, the label says it instead. No state of its own."""
from __future__ import annotations

import streamlit as st

from ..labels import Labels

FORMATS = {"uk": "DD.MM.YYYY", "en": "YYYY-MM-DD"}
_NO_PLACEHOLDER = ("<style>[data-testid='stDateInput'] input::placeholder { color: transparent; }</style>")


def date_field(container, label: str, tr: Labels, **options):
    """``container.date_input`` (st or a column) labelled ``label`` with the format's hint;
    ``options`` as st.date_input's (value, key, min_value, ...)."""
    st.html(_NO_PLACEHOLDER)
    return container.date_input(f"{label} ({tr('date_hint')})", format=FORMATS[tr.language], **options)
