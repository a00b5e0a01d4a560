"""How the interface writes dates, times and text that users wrote (one place, so every page
shows them alike)."""
from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

KYIV = ZoneInfo("Europe/Kyiv")      # the time the site's people live by: pages show times in it

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
    """A time as day.month.year hours:minutes in Kyiv time, labelled with its offset from UTC
    (``05.12.2026 23:14 (UTC+2)``; the store keeps UTC, a naive time is taken as UTC); a dash
    when there is none."""
    if when is None:
        return "—"
    local = in_kyiv(when)
    hours, rest = divmod(int(local.utcoffset().total_seconds()) // 60, 60)
    return f"{local:%d.%m.%Y %H:%M} (UTC{hours:+d}{f':{rest:02d}' if rest else ''})"


def in_kyiv(when: dt.datetime) -> dt.datetime:
    """A time the store keeps (UTC; a naive one is taken as UTC) in Kyiv time."""
    return (when if when.tzinfo else when.replace(tzinfo=dt.timezone.utc)).astimezone(KYIV)


def day(date: dt.date, language: str) -> str:
    """A date the way the interface language writes it: 25.11.2026 in Ukrainian, 2026-11-25 in English."""
    return date.strftime("%d.%m.%Y" if language == "uk" else "%Y-%m-%d")
