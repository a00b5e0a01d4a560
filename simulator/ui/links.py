"""What a link may name: the ids and days in a page's query parameters, checked before anything
reads the store with them.

An address can be typed, edited or forwarded, so ``?attempt=99999999999999999999999`` or
``?as_of=9999-12-31`` arrive as easily as a real id or day. A larger number than a column
holds is an error in the database, not a miss: SQLite refuses one above 2**63-1 ("Python int
too large to convert to SQLite INTEGER"), and the id columns are PostgreSQL ``integer``
(SQLAlchemy's Integer), which refuses one above 2**31-1 ("integer out of range"). So an id is
1..2**31-1 on either database. A day must lie where the reports can count back and forward
from it (``date`` ends at 9999-12-31).
"""
from __future__ import annotations

import datetime as dt
import re

import streamlit as st

ID_MAX = 2**31 - 1          # the id columns' type on PostgreSQL
EARLIEST = dt.date(2000, 1, 1)
LATEST = dt.date(2099, 12, 31)
_DIGITS = re.compile(r"[0-9]{1,10}")


class BadLink(ValueError):
    """A query parameter that cannot name what it should; ``label``: the message's key."""

    def __init__(self, label: str, value: str):
        super().__init__(f"{label}: {value!r}")
        self.label = label


def record_id(name: str) -> int | None:
    """The id in ``?name=``; None when the link has none; BadLink unless a whole number 1..ID_MAX."""
    value = st.query_params.get(name)
    if value is None:
        return None
    number = int(value) if _DIGITS.fullmatch(value) else 0
    if not 1 <= number <= ID_MAX:
        raise BadLink("link_bad_id", value)
    return number


def day(name: str) -> dt.date | None:
    """The day in ``?name=YYYY-MM-DD``; None when the link has none; BadLink unless a real day
    from :data:`EARLIEST` to :data:`LATEST`."""
    value = st.query_params.get(name)
    if value is None:
        return None
    try:
        given = dt.date.fromisoformat(value) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else None
    except ValueError:
        given = None
    if given is None or not EARLIEST <= given <= LATEST:
        raise BadLink("link_bad_day", value)
    return given
