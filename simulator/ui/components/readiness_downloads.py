"""Download buttons for the readiness tables: CSV of the trainees and an Excel workbook
(trainees, categories, the period's calls, made only when its button is clicked), in the
viewer's language (owns ``readiness_downloads.*``).

A Ukrainian-interface CSV uses ";" and a decimal comma, which Excel set to Ukrainian regional
formats expects when the file is opened by double-click."""
from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from simulator.reports.readiness_report import Report
from simulator.store import User
from simulator.texts.labels import Labels

from .. import services
from ..exports import audited

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def file_stem(report: Report) -> str:
    return f"readiness-{report.as_of.isoformat()}"


def render(report: Report, names: Mapping[str, str], tr: Labels, viewer: User) -> None:
    """Each download is written to the audit log as an export when clicked."""
    language = tr.language
    store = services.store()
    with st.container(horizontal=True):
        st.download_button(tr("rd_download_csv"),
                           audited(store, viewer, f"readiness {file_stem(report)}.csv", lambda: report.csv(language, names)),
                           file_name=f"{file_stem(report)}.csv",
                           mime="text/csv", key="readiness_downloads.csv", icon=":material/download:",
                           help=tr("rd_download_help"), on_click="ignore")
        # made when clicked: the workbook holds every call of the period (seconds for a year of calls)
        st.download_button(tr("rd_download_xlsx"),
                           audited(store, viewer, f"readiness {file_stem(report)}.xlsx", lambda: report.xlsx(language, names)),
                           file_name=f"{file_stem(report)}.xlsx",
                           mime=XLSX, key="readiness_downloads.xlsx", icon=":material/download:", on_click="ignore")
