"""Staff readiness (HR and admins): who is ready for live calls under the admin's definition,
groups by category, trends, weak areas, downloads, and each trainee's one-page report.

Readiness is judged on the last day of the chosen period; everything is computed by
simulator.reports.readiness_report, the same as ``python -m simulator readiness``.
"""
from __future__ import annotations

import streamlit as st

from simulator.reports import readiness_report
from simulator.texts import formats
from simulator.ui import access, services, session
from simulator.ui.components import (
    readiness_charts,
    readiness_definition,
    readiness_downloads,
    readiness_filters,
    readiness_trainees,
    readiness_weak,
    scoring_tuning,
)


def render() -> None:
    user = access.require("readiness")
    tr = session.labels(user)
    st.title(tr("nav_readiness"))
    store = services.store()
    chosen = readiness_filters.render(store.groups(), tr)
    try:
        report = readiness_report.build(store, user, as_of=chosen.until, since=chosen.since, group=chosen.group,
                                        language=chosen.language, history_weeks=readiness_report.HISTORY_WEEKS)
    except readiness_report.NothingRequired:
        st.info(tr("rd_nothing_required"))
        return
    names = readiness_definition.category_names(tr)
    st.caption(tr("rd_as_of", date=formats.day(report.as_of, tr.language), since=formats.day(report.since, tr.language)))
    scoring_tuning.in_force(tr)      # issue 16: the scores summed up here were each shown by their call's tuning
    readiness_definition.render(report.definition, report.required, tr)
    if report.trainees.empty:
        st.info(tr("rd_no_trainees"))
        return
    readiness_trainees.render(report, names, tr, chosen.language)
    readiness_downloads.render(report, names, tr, user)
    readiness_charts.render_cohort(report, names, tr)
    readiness_charts.render_trends(report, tr)
    if not report.calls.empty:
        readiness_weak.render(report, names, tr)


if __name__ == "__main__":
    render()
