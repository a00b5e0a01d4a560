"""The period's weak areas: key facts missed most often, phrases that hurt most, weakest
categories (no state of its own).

Each is a short table (the top :data:`SHOWN`) shown whole, one under another at the page's
width, its text wrapped and its counts in view: side by side in half the width, a grid cut the
facts off and hid the counts. Numbers are written as the interface language writes them."""
from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import streamlit as st

from simulator.reports.readiness_report import Report
from simulator.texts import i18n
from simulator.texts.formats import literal
from simulator.texts.labels import Labels


SHOWN = 5


def render(report: Report, names: Mapping[str, str], tr: Labels) -> None:
    st.subheader(tr("rd_weak"))
    _findings(report.top_findings("missed_fact", SHOWN), tr("rd_missed_facts"), tr("rd_col_fact"), tr)
    _findings(report.top_findings("hurt", SHOWN), tr("rd_hurt"), tr("rd_col_phrase"), tr)
    st.markdown(f"**{tr('rd_weakest')}**")
    weakest = report.weakest_categories(SHOWN)
    if weakest.empty:
        st.caption(tr("rd_none"))
        return
    st.table(
        pd.DataFrame({
            tr("rd_col_category"): weakest["category"].map(lambda code: literal(names.get(code, code))),
            tr("rd_col_score"): weakest["overall"].map(lambda score: i18n.number(score, tr.language)),
            tr("rd_col_pass_rate"): weakest["pass_rate"].map(lambda rate: f"{rate:.0%}"),
            tr("rd_col_calls"): weakest["calls"],
        }),
        hide_index=True,
    )


def _findings(top: pd.DataFrame, heading: str, what: str, tr: Labels) -> None:
    st.markdown(f"**{heading}**")
    if top.empty:
        st.caption(tr("rd_none"))
        return
    st.table(     # st.table renders Markdown: facts, phrases and titles are written by people
        pd.DataFrame({tr("rd_col_times"): top["count"], what: top["label"].map(literal),
                      tr("rd_col_scenario"): top["title"].fillna(top["scenario_id"]).map(literal)}),
        hide_index=True,
    )
