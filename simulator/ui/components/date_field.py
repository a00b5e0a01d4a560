"""A date box in the interface's language: the date written as the language writes it
(25.11.2026 / 2026-11-25, as formats.day), and an empty box's placeholder in the user's words
(дд.мм.рррр). Streamlit writes the empty box's day, month and year in Latin letters («dd.mm.yyyy»
in the Ukrainian interface) and gives no way to change them: a style puts the interface's
words in their place. No state of its own."""
from __future__ import annotations

import streamlit as st

from ..labels import Labels

FORMATS = {"uk": "DD.MM.YYYY", "en": "YYYY-MM-DD"}
PARTS = ("day", "month", "year")


def date_field(container, label: str, tr: Labels, **options):
    """``container.date_input`` (st or a column) with the language's format and placeholder;
    ``options`` as st.date_input's (value, key, min_value, ...)."""
    st.html(placeholder_style(tr))
    return container.date_input(label, format=FORMATS[tr.language], **options)


def placeholder_style(tr: Labels) -> str:
    """The style that writes an empty date box's parts in the interface's words."""
    rules = []
    for part in PARTS:
        empty = f"[data-testid='stDateInput'] [data-placeholder='true'][data-type='{part}']"
        rules.append(f"{empty} {{ font-size: 0; }} {empty}::before {{ content: '{tr(f'date_{part}')}'; font-size: 1rem; }}")
    return "<style>" + " ".join(rules) + "</style>"
