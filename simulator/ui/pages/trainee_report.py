"""One trainee's one-page readiness report (``?user=ID``, optionally ``&as_of=YYYY-MM-DD`` and
``&language=uk|en`` for the scenarios counted, as the dashboard links it): shown as the
printable page itself, with the HTML file to download, open and print.

The report is a standalone document with its own print styles, so it is shown in an iframe
(its CSS must not restyle the app); every value in it is HTML-escaped by the reports.
"""
from __future__ import annotations

import streamlit as st

from simulator.reports import readiness_report
from simulator.texts import formats
from simulator.ui import access, exports, links, services, session
from simulator.ui.components import practice_plan, readiness_definition, readiness_filters, scoring_tuning, voice_check

SCENARIO_LANGUAGES = ("uk", "en")


def render() -> None:
    user = access.require("trainee_report")
    tr = session.labels(user)
    st.title(tr("nav_trainee_report"))
    if user.role in access.page("readiness").roles:
        st.page_link(access.page("readiness").path, label=tr("rd_back"), icon=":material/arrow_back:")
    store = services.store()
    try:
        user_id, as_of = links.record_id("user"), links.day("as_of") or readiness_filters.today()
    except links.BadLink as bad:
        st.warning(tr(bad.label))
        return
    trainee = store.user(user_id) if user_id is not None else None
    language = st.query_params.get("language")
    if trainee is None:
        st.warning(tr("rd_report_no_trainee"))
        return
    try:
        html = readiness_report.trainee_html(
            store, user, trainee, as_of=as_of, language=tr.language,
            scenario_language=language if language in SCENARIO_LANGUAGES else None,
            category_names=readiness_definition.category_names(tr))
    except readiness_report.NothingRequired:
        st.info(tr("rd_nothing_required"))
        return
    if html is None:
        st.warning(tr("rd_report_no_trainee"))
        return
    st.subheader(formats.literal(trainee.full_name or trainee.username))
    st.caption(tr("rd_report_caption", date=formats.day(as_of, tr.language)))
    st.caption(voice_check.staff_line(store, user, trainee.id, tr))
    scoring_tuning.in_force(tr)      # issue 16: which tuning scores calls now; each call keeps its own
    st.download_button(tr("rd_report_download"),
                       exports.audited(store, user, f"trainee report user {trainee.username}", lambda: html.encode("utf-8")),
                       mime="text/html",
                       file_name=f"report-{trainee.username}-{as_of.isoformat()}.html", key="trainee_report.download",
                       icon=":material/download:", type="primary", on_click="ignore")
    st.iframe(html, alt=tr("nav_trainee_report"))
    practice_plan.render(user, trainee, tr, actions=False)     # issue 17: what the trainee should practise next, and why


if __name__ == "__main__":
    render()
