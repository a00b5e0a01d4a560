"""How the interface writes dates and times (one place, so every page shows them alike)."""
from __future__ import annotations

import datetime as dt


def moment(when: dt.datetime | None) -> str:
    """A time as day.month.year hours:minutes (UTC, as stored); a dash when there is none."""
    return when.strftime("%d.%m.%Y %H:%M") if when else "—"


def day(date: dt.date, language: str) -> str:
    """A date the way the interface language writes it: 25.11.2026 in Ukrainian, 2026-11-25 in English."""
    return date.strftime("%d.%m.%Y" if language == "uk" else "%Y-%m-%d")
