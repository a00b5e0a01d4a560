"""A calibration set's report (owns ``calibration_report.*``): agreement per language and
criterion, the disagreements with the machine's evidence, the trend over rounds, and the
downloads (CSV, Excel, a printable page), each written to the audit log as an export."""
from __future__ import annotations

import math

import pandas as pd
import streamlit as st

from simulator.reports import calibration as frames
from simulator.reports.export import to_csv, to_xlsx
from simulator.store import Store, User
from simulator.store import calibration as cal
from simulator.texts import i18n
from simulator.texts.labels import Labels

from ..exports import audited
from .calibration_rating import tuning_params

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def tunings_text(store: Store, tr: Labels) -> str:
    return ", ".join(f"{language} {tr('cal_tuning_version', version=t.version) if t else tr('cal_untuned')}"
                     for language, t in cal.in_force(store).items())


def render(store: Store, user: User, set_id: int, tr: Labels) -> None:
    try:
        items = cal.report_items(store, user, set_id)
    except PermissionError:
        st.info(tr("cal_report_locked"))
        return
    language = tr.language
    params = tuning_params(store)
    described = tunings_text(store, tr)
    st.caption(tr("cal_report_tuning", tunings=described))
    st.subheader(tr("cal_agreement"))
    st.table(shown(frames.agreement_frame(items, params, language), language).set_index(frames.WORDS[language]["language"]))
    st.subheader(tr("cal_disagreements"))
    found = frames.disagreements_frame(items, params, language)
    if found.empty:
        st.write(tr("cal_no_disagreements"))
    else:
        st.dataframe(found, hide_index=True, key="calibration_report.disagreements")
    rounds = _rounds(store, user)
    if len(rounds) > 1:
        st.subheader(tr("cal_trend"))
        st.dataframe(frames.trend_frame(rounds, params, language), hide_index=True, key="calibration_report.trend")
    name = cal.set_name(store, set_id)
    stem = f"calibration-{set_id}"
    with st.container(horizontal=True):
        st.download_button(tr("cal_download_csv"),
                           audited(store, user, f"calibration set {set_id}.csv",
                                   lambda: to_csv(frames.items_frame(items, params, language),
                                                  *((";", ",") if language == "uk" else (",", ".")))),
                           file_name=f"{stem}.csv", mime="text/csv", key="calibration_report.csv",
                           icon=":material/download:", on_click="ignore")
        st.download_button(tr("cal_download_xlsx"),
                           audited(store, user, f"calibration set {set_id}.xlsx",
                                   lambda: to_xlsx(frames.sheets(items, params, language))),
                           file_name=f"{stem}.xlsx", mime=XLSX, key="calibration_report.xlsx", icon=":material/download:",
                           on_click="ignore")
        st.download_button(tr("cal_download_html"),
                           audited(store, user, f"calibration set {set_id}.html",
                                   lambda: frames.render_html(name, items, params, described, language).encode("utf-8")),
                           file_name=f"{stem}.html", mime="text/html", key="calibration_report.html",
                           icon=":material/print:", on_click="ignore")


def shown(frame: pd.DataFrame, language: str) -> pd.DataFrame:
    """The figures as the viewer's language writes them (0,75 in Ukrainian), "—" where undefined."""
    def cell(value):
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return "—"
        return i18n.number(value, language, 3) if isinstance(value, float) else value

    return frame.astype(object).map(cell)


def _rounds(store: Store, user: User) -> list[tuple[str, list]]:
    """Every set whose report the viewer may read, oldest first: one round each."""
    out = []
    for found in reversed(cal.sets(store, user)):
        try:
            out.append((found.name, cal.report_items(store, user, found.id)))
        except PermissionError:
            continue
    return out
