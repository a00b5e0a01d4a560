"""The headline figures, the per-trainee readiness table, and a way to open one trainee's
one-page report (owns ``readiness_trainees.*``).

The table's "what is missing" column is as wide as its longest text (the grid scrolls sideways
when that is wider than the page; the trainee's name stays pinned on the left): a column sized
to the page cut the reasons off."""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import pandas as pd
import streamlit as st

from simulator.reports.frames import NO_GROUP
from simulator.reports.readiness import describe
from simulator.reports.readiness_report import Report
from simulator.texts.labels import Labels

from .. import access


def render(report: Report, names: Mapping[str, str], tr: Labels, language: str | None = None) -> None:
    """``language``: the scenario language filter, carried to the trainee's report."""
    figures = report.summary()
    with st.container(horizontal=True):
        st.metric(tr("rd_metric_trainees"), figures["total"])
        st.metric(tr("rd_metric_ready"), figures["ready"])
        st.metric(tr("rd_metric_share"), f"{figures['share']:.0%}")
    st.subheader(tr("rd_trainees"))
    people = report.trainees
    missing = [describe(reasons, tr.language, names) for reasons in people["reasons"]]
    st.dataframe(
        pd.DataFrame({
            tr("rd_col_name"): [_name(row) for row in people.itertuples()],
            tr("rd_col_group"): people["group"].fillna(NO_GROUP),
            tr("rd_col_ready"): [tr("rd_yes") if ready else tr("rd_no") for ready in people["ready"]],
            tr("rd_col_categories"): [f"{ready} / {required}" for ready, required
                                      in zip(people["ready_categories"], people["required"])],
            tr("rd_col_missing"): missing,
        }),
        hide_index=True,
        column_config={tr("rd_col_name"): st.column_config.TextColumn(pinned=True),
                       tr("rd_col_missing"): st.column_config.TextColumn(width=text_width([tr("rd_col_missing"), *missing]))},
    )
    labels = {row.user_id: f"{_name(row)} ({row.user})" for row in people.itertuples()}
    with st.container(horizontal=True, vertical_alignment="bottom"):
        chosen = st.selectbox(tr("rd_pick_trainee"), list(labels), format_func=labels.get, key="readiness_trainees.chosen")
        if st.button(tr("rd_open_report"), key="readiness_trainees.open", icon=":material/print:"):
            access.go("trainee_report", **_report_query(chosen, report.as_of, language))


CHARACTER_PIXELS = 8        # a generous average width of a character in the grid's font
MIN_TEXT_WIDTH, MAX_TEXT_WIDTH = 200, 2400


def text_width(texts: list[str]) -> int:
    """Pixels for a grid column to show its longest text whole (within sane bounds)."""
    longest = max((len(text) for text in texts), default=0)
    return min(max(MIN_TEXT_WIDTH, longest * CHARACTER_PIXELS + 32), MAX_TEXT_WIDTH)


def _name(row) -> str:
    return row.full_name if isinstance(row.full_name, str) and row.full_name.strip() else row.user


def _report_query(user_id: int, as_of: dt.date, language: str | None) -> dict[str, str]:
    query = {"user": str(user_id), "as_of": as_of.isoformat()}
    return query | ({"language": language} if language else {})
