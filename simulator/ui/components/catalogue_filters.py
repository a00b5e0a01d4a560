"""The catalogue's filters: language, category, difficulty, channel (owns ``catalogue_filters.*``).

Each offers "all" and the values the library actually has; the choice survives reruns and
page changes within the browser session.
"""
from __future__ import annotations

from typing import Any

import streamlit as st

from simulator.scenario.model import CATEGORIES, Scenario
from simulator.texts.labels import Labels


ALL = ""
FIELDS = ("language", "category", "difficulty", "channel")
ORDER = {"language": ("uk", "en"), "category": CATEGORIES, "difficulty": ("easy", "medium", "hard"), "channel": ("voice", "chat")}


def render(scenarios: list[Scenario], tr: Labels) -> dict[str, str]:
    """The filter widgets in one row; returns {field: chosen value, or "" for all}."""
    chosen: dict[str, str] = {}
    for column, field in zip(st.columns(len(FIELDS)), FIELDS):
        present = {getattr(s, field) for s in scenarios}
        options = [ALL] + [value for value in ORDER[field] if value in present]
        with column:
            chosen[field] = st.selectbox(tr(f"filter_{field}"), options, key=f"catalogue_filters.{field}",
                                         format_func=lambda v, f=field: tr("filter_all") if v == ALL else tr(f"{f}_{v}"))
    return chosen


def matches(scenario: Scenario, chosen: dict[str, Any]) -> bool:
    return all(not chosen.get(field) or getattr(scenario, field) == chosen[field] for field in FIELDS)
