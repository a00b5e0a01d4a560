"""The calibration lab (issue 16): trainers rate replies blind on the rubric's scales, read how
the machine and they agree, make sets; an admin tunes the scorer to the site's raters. The
store decides who sees what (simulator/store/calibration.py); this page only lays it out."""
from __future__ import annotations

import streamlit as st

from simulator.store import calibration as cal
from simulator.ui import access, services, session
from simulator.ui.components import calibration_new, calibration_rating, calibration_report, calibration_tuning


def render() -> None:
    user = access.require("calibration")
    tr = session.labels(user)
    st.title(tr("nav_calibration"))
    st.caption(tr("cal_intro"))
    store = services.store()
    rater = user.role in cal.RATERS
    chosen = calibration_rating.choose(store, user, tr, closed_only=not rater)
    if chosen is None:
        st.info(tr("cal_no_sets"))
    names = (["cal_tab_rate", "cal_tab_report", "cal_tab_new"] if rater else ["cal_tab_report"]) + (
        ["cal_tab_tuning"] if user.role == "admin" else [])
    tabs = dict(zip(names, st.tabs([tr(n) for n in names])))
    if "cal_tab_rate" in tabs and chosen is not None:
        with tabs["cal_tab_rate"]:
            calibration_rating.render(store, user, chosen, tr)
    if chosen is not None:
        with tabs["cal_tab_report"]:
            calibration_report.render(store, user, chosen, tr)
    if "cal_tab_new" in tabs:
        with tabs["cal_tab_new"]:
            calibration_new.render(store, user, tr)
    if "cal_tab_tuning" in tabs:
        with tabs["cal_tab_tuning"]:
            calibration_tuning.render(store, user, chosen, tr)


if __name__ == "__main__":
    render()
