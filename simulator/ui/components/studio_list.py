"""Every scenario in the studio, filtered by text and language: its title, language, category
and status (published vN, draft, retired, unsaved changes in this session), a button to open
it in the editor and one to export its text as ``<id>.yaml`` (owns ``studio.list.*``)."""
from __future__ import annotations

import streamlit as st

from simulator.store import ScenarioSummary, Store
from simulator.texts import limits
from simulator.texts.formats import literal
from simulator.texts.labels import UK, Labels
from simulator.user_text import TooLong, accept

from . import studio_session, studio_versions

ALL = ""


def render(store: Store, summaries: list[ScenarioSummary], tr: Labels) -> None:
    search, language = st.columns([3, 1])
    query = search.text_input(tr("studio_search"), key="studio.list.search", placeholder=tr("studio_search_hint"))
    try:
        query = accept("search", query)
    except TooLong as exc:
        st.error(limits.message(exc, tr))
        query = ""
    languages = [ALL, *sorted({s.language for s in summaries if s.language})]
    chosen = language.selectbox(tr("filter_language"), languages, key="studio.list.language",
                                format_func=lambda code: tr("filter_all") if code == ALL else _language(code, tr))
    shown = [s for s in summaries if matches(s, query, chosen, tr)]
    st.caption(tr("studio_count", shown=len(shown), total=len(summaries)))
    if not shown:
        st.info(tr("studio_none"))
    for summary in shown:
        _row(store, summary, tr)


def matches(summary: ScenarioSummary, query: str, language: str, tr: Labels) -> bool:
    """``query`` in the id, title or category (its name in the interface too), any case."""
    if language and summary.language != language:
        return False
    needle = query.strip().casefold()
    parts = (summary.scenario_id, summary.title, summary.category, _category(summary.category, tr))
    return not needle or any(needle in part.casefold() for part in parts)


def status_badges(summary: ScenarioSummary, unsaved: bool, tr: Labels) -> None:
    """The scenario's status as badges (also used by the editor's header)."""
    with st.container(horizontal=True):
        if summary.published is not None:
            st.badge(tr("studio_status_published", version=summary.published.version), icon=":material/public:", color="green")
        if summary.retired:
            st.badge(tr("studio_status_retired"), icon=":material/archive:", color="gray")
        if summary.draft is not None:
            st.badge(tr("studio_status_draft"), icon=":material/edit:", color="orange")
        if unsaved:
            st.badge(tr("studio_unsaved"), icon=":material/warning:", color="red")


def _row(store: Store, summary: ScenarioSummary, tr: Labels) -> None:
    scenario_id = summary.scenario_id
    saved = studio_versions.saved_of(store, summary)
    working = studio_session.editing(scenario_id)
    with st.container(border=True, key=f"studio.list.{scenario_id}"):
        about, actions = st.columns([3, 1], vertical_alignment="center")
        with about:
            st.markdown(f"**{literal(summary.title)}**")
            st.caption(" · ".join(map(literal, [scenario_id, _language(summary.language, tr), _category(summary.category, tr)])))
            status_badges(summary, working is not None and working != saved.yaml_text, tr)
        with actions:
            if st.button(tr("studio_open"), key=f"studio.list.{scenario_id}.open", icon=":material/edit_note:", type="primary",
                         width="stretch"):
                studio_session.open_scenario(scenario_id)
                st.rerun()
            st.download_button(tr("studio_export"), saved.yaml_text.encode("utf-8"), file_name=f"{scenario_id}.yaml",
                               mime="application/x-yaml", key=f"studio.list.{scenario_id}.export", on_click="ignore",
                               icon=":material/download:", width="stretch",
                               help=tr("studio_export_draft") if summary.draft is not None else tr("studio_export_published"))


def _language(code: str, tr: Labels) -> str:
    return tr(f"language_{code}") if code in ("uk", "en") else code or "?"


def _category(category: str, tr: Labels) -> str:
    key = f"category_{category}"
    return tr(key) if key in UK else category
