"""Import scenario files (.yaml/.yml): each becomes a draft, of a new scenario when its id is
new, else of the scenario with that id. A file that is not UTF-8, not YAML or has no id gets
a message and the others are imported still; a file never replaces a draft or unsaved
changes (nothing typed is lost). A file over the size of a scenario is refused by its size,
before it is read. Owns ``studio.import.*``."""
from __future__ import annotations

import streamlit as st

from simulator.scenario import yaml_lines
from simulator.scenario.messages import in_language
from simulator.store import ScenarioSummary, Store, User
from simulator.store.scenario_versions import normal_scenario_id
from simulator.texts import limits
from simulator.texts.formats import literal
from simulator.texts.labels import Labels
from simulator.user_text import LIMITS, UPLOAD_BYTES, TooLong, check_upload, clean

from . import studio_session, studio_versions
from .file_upload import file_upload

ROUND = "studio.import.round"     # a new uploader after each import, so the same files are not sent twice
MAX_MB = -(-UPLOAD_BYTES["scenario"] // 2**20)    # the browser refuses bigger files before sending them


class Refused(ValueError):
    """Why a file was not imported, in the interface language."""


def render(store: Store, user: User, summaries: list[ScenarioSummary], tr: Labels) -> None:
    st.caption(tr("studio_import_help"))
    uploads = file_upload(tr("studio_import_files"), tr, "scenario", ["yaml", "yml"], accept_multiple_files=True,
                          key=f"studio.import.files.{st.session_state.get(ROUND, 0)}", max_upload_size=MAX_MB)
    if not st.button(tr("studio_import_run"), key="studio.import.run", type="primary", icon=":material/upload_file:",
                     disabled=not uploads):
        return
    by_id = {s.scenario_id: s for s in summaries}
    for upload in uploads:
        try:
            message = import_upload(store, user, upload, by_id, tr)
        except Refused as exc:
            studio_session.flash("error", literal(exc))         # plain text that quotes the file's name
        else:
            studio_session.flash("success", literal(message))
    st.session_state[ROUND] = st.session_state.get(ROUND, 0) + 1
    st.rerun()


def import_upload(store: Store, user: User, upload, by_id: dict[str, ScenarioSummary], tr: Labels) -> str:
    """An uploaded file (anything with ``name``, ``size`` and ``getvalue``): its size is checked
    before its content is read, so a huge file costs no memory and no parsing."""
    try:
        check_upload("scenario", upload.size)
    except TooLong as exc:
        raise Refused(limits.message(exc, tr, file=upload.name)) from None
    return import_file(store, user, upload.name, upload.getvalue(), by_id, tr)


def import_file(store: Store, user: User, name: str, data: bytes, by_id: dict[str, ScenarioSummary], tr: Labels) -> str:
    """Save one file as a draft; the success message, or Refused saying why not."""
    scenario_id, text = read_file(name, data, tr)
    summary = by_id.get(scenario_id)
    if summary is not None and summary.draft is not None and summary.draft.yaml_text != text:
        raise Refused(tr("studio_import_has_draft", file=name, id=scenario_id))
    working = studio_session.editing(scenario_id)
    if summary is not None and working is not None and working != studio_versions.saved_of(store, summary).yaml_text:
        raise Refused(tr("studio_import_unsaved", file=name, id=scenario_id))
    note = tr("studio_import_note", file=name)[:LIMITS["note"]]     # a crafted upload's name may be long
    try:
        store.save_draft(user, scenario_id, text, new=summary is None, note=note)
    except ValueError as exc:
        raise Refused(tr("studio_import_failed", file=name, error=str(exc))) from None
    studio_session.forget(scenario_id)
    # a second file with the same id in this import is checked against this one's draft
    by_id[scenario_id] = next(s for s in store.studio_scenarios(user) if s.scenario_id == scenario_id)
    return tr("studio_import_new" if summary is None else "studio_import_draft", file=name, id=scenario_id)


def read_file(name: str, data: bytes, tr: Labels) -> tuple[str, str]:
    """The scenario id and text of an uploaded file; Refused when it is not a scenario-like file."""
    try:
        text = clean(data.decode("utf-8-sig"))     # as the store will save it: compared with a draft below
    except UnicodeDecodeError:
        raise Refused(tr("studio_import_encoding", file=name)) from None
    try:
        content = yaml_lines.load(text).data
    except yaml_lines.YamlError as exc:
        raise Refused(tr("studio_import_not_yaml", file=name, line=exc.line, error=in_language(exc.message, tr.language))) from None
    scenario_id = content.get("id") if isinstance(content, dict) else None
    if not isinstance(scenario_id, str) or not scenario_id.strip():
        raise Refused(tr("studio_import_no_id", file=name))
    try:
        return normal_scenario_id(scenario_id), text
    except ValueError:
        raise Refused(tr("studio_import_bad_id", file=name, id=scenario_id)) from None
