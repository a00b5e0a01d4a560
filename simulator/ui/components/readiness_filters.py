"""The dashboard's filters: group, period and scenario language (owns ``readiness_filters.*``)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import streamlit as st

from simulator.texts.labels import Labels

from .date_field import date_field

DEFAULT_DAYS = 90
LANGUAGES = (None, "uk", "en")          # None: calls in scenarios of every language


@dataclass(frozen=True)
class Chosen:
    since: dt.date
    until: dt.date                      # also the day readiness is judged on
    group: str | None                   # None: every group
    language: str | None                # of the scenarios counted; None: all


def today() -> dt.date:
    """Today in UTC: the reports count whole UTC days."""
    return dt.datetime.now(dt.timezone.utc).date()


def render(groups: list[str], tr: Labels) -> Chosen:
    last = today()
    with st.container(horizontal=True, vertical_alignment="bottom"):
        group = st.selectbox(tr("rd_filter_group"), [None, *groups], key="readiness_filters.group",
                             format_func=lambda g: tr("rd_all_groups") if g is None else g)
        dates = date_field(st, tr("rd_filter_dates"), tr, value=(last - dt.timedelta(days=DEFAULT_DAYS), last),
                           max_value=last, key="readiness_filters.dates")
        language = st.selectbox(tr("rd_filter_language"), LANGUAGES, key="readiness_filters.language",
                                format_func=lambda code: tr("rd_all_languages") if code is None else tr(f"language_{code}"))
    since, until = _period(dates, last)
    return Chosen(since, until, group, language)


def _period(dates, last: dt.date) -> tuple[dt.date, dt.date]:
    """The chosen days; while only the first day of a range is picked, up to today."""
    picked = list(dates) if isinstance(dates, (tuple, list)) else [dates]
    if not picked:
        return last - dt.timedelta(days=DEFAULT_DAYS), last
    return picked[0], picked[1] if len(picked) > 1 else max(picked[0], last)
