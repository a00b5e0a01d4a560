"""The dashboard's charts (Altair): groups by required categories as a heatmap, the weekly mean
score and pass rate, and ready trainees week by week. No state of its own.

The heatmap is as tall as its rows (:data:`ROW_HEIGHT` each, whatever their number: with one
required category it collapsed to a thin line when the element's height was fixed and the
chart fitted into it). Decimal numbers in tooltips are written by simulator.texts.i18n.number,
as everywhere else (Vega would write 45.9 in the Ukrainian interface)."""
from __future__ import annotations

from collections.abc import Mapping

import altair as alt
import pandas as pd
import streamlit as st

from simulator.reports.readiness_report import Report
from simulator.texts import i18n
from simulator.texts.labels import Labels


ROW_HEIGHT = 40         # pixels per category in the cohort heatmap


def render_cohort(report: Report, names: Mapping[str, str], tr: Labels) -> None:
    cohort = report.cohort()
    st.subheader(tr("rd_cohort"))
    st.caption(tr("rd_cohort_caption"))
    cohort = cohort.assign(category=cohort["category"].map(lambda code: names.get(code, code)),
                           cell=[f"{ready} / {total}" for ready, total in zip(cohort["ready"], cohort["trainees"])],
                           score_text=cohort["score"].map(lambda score: "—" if pd.isna(score) else i18n.number(score, tr.language)))
    group, category = tr("rd_col_group"), tr("rd_col_category")
    categories, groups = list(dict.fromkeys(cohort["category"])), list(dict.fromkeys(cohort["group"]))
    # categories as rows: their names stay readable however many there are
    base = alt.Chart(cohort, height=ROW_HEIGHT * len(categories)).encode(
        x=alt.X("group:N", title=group, sort=groups, axis=alt.Axis(orient="top", labelAngle=0)),
        y=alt.Y("category:N", title=category, sort=categories, axis=alt.Axis(labelLimit=260)),
    )
    heat = base.mark_rect().encode(
        color=alt.Color("share:Q", title=tr("rd_col_share"), scale=alt.Scale(domain=[0, 1], scheme="redyellowgreen"),
                        legend=alt.Legend(format=".0%", orient="bottom", direction="horizontal")),
        tooltip=[alt.Tooltip("group:N", title=group), alt.Tooltip("category:N", title=category),
                 alt.Tooltip("trainees:Q", title=tr("rd_col_trainees")),
                 alt.Tooltip("ready:Q", title=tr("rd_col_ready_count")),
                 alt.Tooltip("share:Q", title=tr("rd_col_share"), format=".0%"),
                 alt.Tooltip("score_text:N", title=tr("rd_col_score"))],
    )
    # light text on the dark ends of the colour scale
    text = base.mark_text().encode(text="cell:N", color=alt.condition("datum.share < 0.25 || datum.share > 0.8",
                                                                      alt.value("white"), alt.value("black")))
    # "pad": the rows keep their height and the axis and legend are added around them (Streamlit's
    # theme fits the whole chart, axis and legend included, into the height given)
    st.altair_chart((heat + text).properties(autosize=alt.AutoSizeParams(type="pad")))


def render_trends(report: Report, tr: Labels) -> None:
    st.subheader(tr("rd_trends"))
    weeks = report.weekly()
    week_axis = alt.X("week:T", title=tr("rd_chart_week"), axis=alt.Axis(format="%d.%m" if tr.language == "uk" else "%b %d"))
    if weeks.empty:
        st.info(tr("rd_no_calls"))
    else:
        wide = weeks.pivot_table(index="week", columns="metric", values="value").reset_index()
        left, right = st.columns(2)
        left.altair_chart(_line(wide, week_axis, "mean_overall", tr("rd_chart_mean"), [0, 100], "d", tr))
        right.altair_chart(_line(wide, week_axis, "pass_rate", tr("rd_chart_pass_rate"), [0, 1], ".0%", tr))
    ready = report.ready_weeks()
    wide = ready.pivot_table(index=["week", "day"], columns="metric", values="value").reset_index()
    everyone = max(1, int(wide["trainees"].max()))
    st.altair_chart(
        alt.Chart(wide, title=tr("rd_chart_ready", weeks=report.history_weeks)).mark_bar().encode(
            x=week_axis,
            y=alt.Y("ready:Q", title=tr("rd_metric_ready"), scale=alt.Scale(domain=[0, everyone]),
                    axis=alt.Axis(format="d", tickMinStep=1)),
            tooltip=[alt.Tooltip("day:T", title=tr("rd_chart_week"), format="%d.%m.%Y"),
                     alt.Tooltip("ready:Q", title=tr("rd_metric_ready")),
                     alt.Tooltip("trainees:Q", title=tr("rd_metric_trainees")),
                     alt.Tooltip("share:Q", title=tr("rd_metric_share"), format=".0%")],
        )
    )


def _line(wide: pd.DataFrame, x: alt.X, metric: str, title: str, domain: list, number: str, tr: Labels) -> alt.Chart:
    """``number``: the axis's format, whole numbers or percentages (no decimal separator to localise)."""
    shown = wide.assign(value_text=wide[metric].map(
        lambda value: f"{value:.0%}" if number.endswith("%") else i18n.number(value, tr.language)))
    return alt.Chart(shown, title=title).mark_line(point=True).encode(
        x=x, y=alt.Y(f"{metric}:Q", title=None, scale=alt.Scale(domain=domain), axis=alt.Axis(format=number)),
        tooltip=[alt.Tooltip("week:T", title=tr("rd_chart_week"), format="%d.%m.%Y"),
                 alt.Tooltip("value_text:N", title=title),
                 alt.Tooltip("calls:Q", title=tr("rd_chart_calls"))],
    )
