"""How the interface writes dates, times and text that users wrote (one place, so every page
shows them alike)."""
from __future__ import annotations

import datetime as dt
import re

# Every ASCII punctuation character: CommonMark lets a backslash escape each of them, and
# each of Streamlit's Markdown effects starts with one (links, images, HTML, emphasis, code,
# headings, lists, tables, :colour[...] and :material/icons:, $maths$, &entities;).
_PUNCTUATION = re.compile(r"[!-/:-@\[-`{-~]")


def literal(text: object) -> str:
    """Text a user wrote (a reply, a comment, a scenario's title or line, a persona's, user's or
    group's name, a file name, an error that quotes any of them), for any Streamlit element
    that renders Markdown: ``st.markdown``, ``st.info`` and the other messages, titles,
    captions, and the labels of expanders, buttons and metrics. It shows exactly as written:
    no image is fetched, no link or HTML made, nothing bold, coloured or turned into an icon,
    and its line breaks stay. Interface strings keep their own formatting: escape only the
    user's part (``tr("assign_created", title=literal(title), ...)``), or the whole of a plain
    message that quotes it. Elements that show plain text (``st.dataframe``, the options of a
    select box, ``st.code``) need none of this; ``st.table`` renders Markdown in its cells.
    """
    return _PUNCTUATION.sub(r"\\\g<0>", str(text)).replace("\n", "  \n")


def moment(when: dt.datetime | None) -> str:
    """A time as day.month.year hours:minutes (UTC, as stored); a dash when there is none."""
    return when.strftime("%d.%m.%Y %H:%M") if when else "—"


def day(date: dt.date, language: str) -> str:
    """A date the way the interface language writes it: 25.11.2026 in Ukrainian, 2026-11-25 in English."""
    return date.strftime("%d.%m.%Y" if language == "uk" else "%Y-%m-%d")
