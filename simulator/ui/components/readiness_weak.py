"""The period's weak areas: key facts missed most often, phrases that hurt most, weakest
categories (no state of its own)."""
from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import streamlit as st

from simulator.reports.readiness_report import Report

from ..labels import Labels

SHOWN = 5


def render(report: Report, names: Mapping[str, str], tr: Labels) -> None:
    st.subheader(tr("rd_weak"))
    facts, phrases = st.columns(2)
    with facts:
        _findings(report.top_findings("missed_fact", SHOWN), tr("rd_missed_facts"), tr("rd_col_fact"), tr)
    with phrases:
        _findings(report.top_findings("hurt", SHOWN), tr("rd_hurt"), tr("rd_col_phrase"), tr)
    st.markdown(f"**{tr('rd_weakest')}**")
    weakest = report.weakest_categories(SHOWN)
    if weakest.empty:
        st.caption(tr("rd_none"))
        return
    st.dataframe(
        pd.DataFrame({
            tr("rd_col_category"): weakest["category"].map(lambda code: names.get(code, code)),
            tr("rd_col_score"): weakest["overall"].round(1),
            tr("rd_col_pass_rate"): (weakest["pass_rate"] * 100).round(0),
            tr("rd_col_calls"): weakest["calls"],
        }),
        hide_index=True,
        column_config={tr("rd_col_pass_rate"): st.column_config.NumberColumn(format="%d%%")},
    )


def _findings(top: pd.DataFrame, heading: str, what: str, tr: Labels) -> None:
    st.markdown(f"**{heading}**")
    if top.empty:
        st.caption(tr("rd_none"))
        return
    st.dataframe(
        pd.DataFrame({what: top["label"], tr("rd_col_scenario"): top["title"].fillna(top["scenario_id"]),
                      tr("rd_col_times"): top["count"]}),
        hide_index=True,
    )
