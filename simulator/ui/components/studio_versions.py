"""A scenario's versions: number, status, author, when and note; any version's text to read
or download; retire (out of the catalogue, attempts kept) and restore. Owns
``studio.versions.*``."""
from __future__ import annotations

import zlib

import pandas as pd
import streamlit as st

from simulator.store import NotFound, ScenarioSummary, ScenarioVersion, Store, User
from simulator.texts import formats
from simulator.texts.labels import Labels

from .. import services
from . import studio_session


def saved(versions: list[ScenarioVersion]) -> ScenarioVersion | None:
    """The text the editor starts from: the draft, else the newest version (None: no versions)."""
    draft = next((v for v in versions if v.status == "draft"), None)
    return draft or next((v for v in reversed(versions) if v.status != "draft"), None)


def saved_of(store: Store, summary: ScenarioSummary) -> ScenarioVersion:
    """``saved`` for one scenario of the studio's list (a query only for a retired one)."""
    return summary.draft or summary.published or saved(store.versions(summary.scenario_id))


def render(user: User, summary: ScenarioSummary, versions: list[ScenarioVersion], tr: Labels) -> None:
    scenario_id = summary.scenario_id
    people = {u.id: u.username for u in services.store().users(include_inactive=True)}
    newest_first = list(reversed(versions))
    st.dataframe(pd.DataFrame({
        tr("studio_column_version"): [v.version for v in newest_first],
        tr("column_status"): [tr(f"studio_state_{v.status}") for v in newest_first],
        tr("studio_column_author"): [people.get(v.author_id, "—") if v.author_id else "—" for v in newest_first],
        tr("studio_column_when"): [_when(v) for v in newest_first],
        tr("studio_column_note"): [v.note for v in newest_first],
    }), hide_index=True)
    with st.container(horizontal=True):
        if summary.published is not None:
            st.button(tr("studio_retire"), key=f"studio.versions.{scenario_id}.retire", icon=":material/archive:",
                      on_click=_retire, args=(user, scenario_id, tr), help=tr("studio_retire_help"))
        if summary.retired:
            st.button(tr("studio_restore"), key=f"studio.versions.{scenario_id}.restore", icon=":material/unarchive:",
                      on_click=_restore, args=(user, scenario_id, tr))
    if not newest_first:
        return
    by_number = {v.version: v for v in newest_first}
    number = st.selectbox(tr("studio_view_version"), list(by_number), key=picker_key(scenario_id, newest_first),
                          format_func=lambda n: f"v{n} · {tr(f'studio_state_{by_number[n].status}')}")
    chosen = by_number[number]
    st.download_button(tr("studio_download_version"), chosen.yaml_text.encode("utf-8"), file_name=f"{scenario_id}.yaml",
                       mime="application/x-yaml", key=f"studio.versions.{scenario_id}.download", on_click="ignore",
                       icon=":material/download:")
    st.code(chosen.yaml_text, language="yaml", line_numbers=True)


def picker_key(scenario_id: str, versions: list[ScenarioVersion]) -> str:
    """The version picker's key, new whenever a version's status changes: the browser keeps
    showing the text of the option it had chosen («v2 · чернетка» after publishing), so the
    picker is made anew instead."""
    states = zlib.crc32(",".join(f"{v.version}:{v.status}" for v in versions).encode())
    return f"studio.versions.{scenario_id}.view.{states:08x}"


def _when(version: ScenarioVersion) -> str:
    return formats.moment(version.changed_at or version.created_at)


def _retire(user: User, scenario_id: str, tr: Labels) -> None:
    count = services.store().retire(user, scenario_id)
    studio_session.flash("success", tr("studio_retired", id=scenario_id, count=count))


def _restore(user: User, scenario_id: str, tr: Labels) -> None:
    try:
        version = services.store().restore(user, scenario_id)
    except NotFound:
        studio_session.flash("error", tr("studio_nothing_to_restore", id=scenario_id))
        return
    studio_session.flash("success", tr("studio_restored", id=scenario_id, version=version.version))
