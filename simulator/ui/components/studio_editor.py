"""One scenario in the studio (``?scenario=ID``): its status, an "unsaved changes" badge while
the working text differs from what is saved, the actions (save the draft with a note, discard
it, publish), and the tabs Form, YAML, Preview, Test bench and Versions.

The working text is checked on every rerun. A text with problems can be saved (nothing typed
is lost) but not published: publishing saves the working text first, then the store refuses
it with each problem. Streamlit cannot warn before the browser leaves the page, hence the
badge; the working text itself stays in the session until saved or discarded.
Owns ``studio.note.<id>`` and the action buttons.
"""
from __future__ import annotations

import streamlit as st

from simulator.services.catalogue import parse
from simulator.library.loader import Problem, load_as
from simulator.scenario.model import Scenario
from simulator.store import NotFound, NotPublishable, ScenarioSummary, User
from simulator.services.studio import publish_gate
from simulator.services.studio.publish_gate import SamplesDisagree
from simulator.texts import limits, refusals
from simulator.texts.formats import literal
from simulator.texts.labels import Labels
from simulator.user_text import TooLong

from .. import services
from . import (
    studio_bench,
    studio_fields,
    studio_list,
    studio_preview,
    studio_sample_form,
    studio_session,
    studio_versions,
    studio_yaml,
)


def render(user: User, scenario_id: str, tr: Labels) -> None:
    store = services.store()
    if st.button(tr("studio_back"), key="studio.back", icon=":material/arrow_back:"):
        studio_session.close()
        st.rerun()
    summary = next((s for s in store.studio_scenarios(user) if s.scenario_id == scenario_id), None)
    if summary is None:
        st.warning(tr("studio_not_found", id=literal(scenario_id)))      # as the address gave it
        return
    versions = store.versions(scenario_id)
    saved = studio_versions.saved(versions).yaml_text
    text = studio_session.text(scenario_id, saved)
    scenario, problems = checked(text, scenario_id)
    st.title(literal(scenario.title if scenario is not None else summary.title))
    st.caption(literal(scenario_id))
    unsaved = text != saved
    studio_list.status_badges(summary, unsaved, tr)
    if problems:
        st.caption(tr("studio_problems", count=len(problems)))
    studio_session.show_flash()
    _actions(user, summary, unsaved, tr)
    form, yaml_tab, preview_tab, bench, history = st.tabs(
        [tr("studio_tab_form"), tr("studio_tab_yaml"), tr("studio_tab_preview"), tr("studio_tab_bench"), tr("studio_tab_versions")])
    with form:
        studio_fields.render(scenario_id, text, tr)
    with yaml_tab:
        studio_yaml.render(scenario_id, text, problems, tr)
    with preview_tab:
        studio_preview.render(scenario_id, scenario, tr)
    with bench:
        studio_bench.render(scenario, summary.published, tr)
        studio_sample_form.render(scenario_id, scenario, tr)
    with history:
        studio_versions.render(user, summary, versions, tr)


def checked(text: str, scenario_id: str) -> tuple[Scenario | None, list[Problem]]:
    """The working text as the store will judge it when publishing (shown now rather than then)."""
    return load_as(text, scenario_id, f"{scenario_id}.yaml")


def _actions(user: User, summary: ScenarioSummary, unsaved: bool, tr: Labels) -> None:
    scenario_id = summary.scenario_id
    note_key = f"studio.note.{scenario_id}"
    st.text_input(tr("studio_note"), key=note_key, placeholder=tr("studio_note_hint"))
    if st.session_state.get(f"studio.gate.{scenario_id}"):     # the samples stopped the last publication
        st.text_input(tr("studio_gate_reason"), key=f"studio.override.{scenario_id}")
    pending = unsaved or summary.draft is not None
    with st.container(horizontal=True):
        st.button(tr("studio_save"), key=f"studio.save.{scenario_id}", icon=":material/save:", disabled=not unsaved,
                  on_click=_save, args=(user, scenario_id, note_key, tr))
        st.button(tr("studio_publish"), key=f"studio.publish.{scenario_id}", icon=":material/publish:", type="primary",
                  disabled=not pending, on_click=_publish, args=(user, scenario_id, note_key, tr), help=tr("studio_publish_help"))
        st.button(tr("studio_discard"), key=f"studio.discard.{scenario_id}", icon=":material/delete:", disabled=not pending,
                  on_click=_discard, args=(user, scenario_id, tr), help=tr("studio_discard_help"))


def _save_working(user: User, scenario_id: str, note: str, tr: Labels) -> bool:
    """Save the working text as the draft when it differs from what is saved; False (with a
    message) when the store refuses it."""
    store = services.store()
    text = studio_session.latest(scenario_id)
    if text is None or text == studio_versions.saved(store.versions(scenario_id)).yaml_text:
        return True
    try:
        saved = store.save_draft(user, scenario_id, text, note=note)
    except TooLong as exc:
        studio_session.flash("error", limits.message(exc, tr))
        return False
    except ValueError as exc:
        studio_session.flash("error", tr("studio_save_failed", error=refusals.message(exc, tr)))
        return False
    if saved.yaml_text != text:     # cleaned as it was saved (simulator.user_text): edit what is saved
        studio_session.set_text(scenario_id, saved.yaml_text)
    return True


def _save(user: User, scenario_id: str, note_key: str, tr: Labels) -> None:
    if not _save_working(user, scenario_id, st.session_state.get(note_key, ""), tr):
        return
    st.session_state[note_key] = ""
    _, problems = checked(studio_session.latest(scenario_id) or "", scenario_id)
    studio_session.flash("success", tr("studio_saved"))
    if problems:
        studio_session.flash("warning", tr("studio_saved_with_problems", count=len(problems)))


def _publish(user: User, scenario_id: str, note_key: str, tr: Labels) -> None:
    note = st.session_state.get(note_key, "")
    if not _save_working(user, scenario_id, note, tr):
        return
    try:
        version = publish_gate.publish(services.store(), user, scenario_id, note=note,
                                       override=st.session_state.get(f"studio.override.{scenario_id}", ""))
    except SamplesDisagree as exc:
        st.session_state[f"studio.gate.{scenario_id}"] = True
        studio_session.flash("error", tr("studio_gate_blocked", count=len(exc.broken)))
        for broken in exc.broken:
            studio_session.flash("error", literal(broken.text(tr.language)))
        return
    except TooLong as exc:
        studio_session.flash("error", limits.message(exc, tr))
        return
    except NotPublishable as exc:
        studio_session.flash("error", tr("studio_not_publishable", count=len(exc.problems)))
        for problem in exc.problems:
            studio_session.flash("error", studio_yaml.problem_line(problem, tr))
        return
    except NotFound:
        studio_session.flash("info", tr("studio_nothing_to_publish"))
        return
    st.session_state[note_key] = ""
    st.session_state.pop(f"studio.gate.{scenario_id}", None)
    st.session_state.pop(f"studio.override.{scenario_id}", None)
    parse(version.content_hash, version.yaml_text, version.shared_steps)      # parsed once now rather than on a trainee's first visit
    studio_session.flash("success", tr("studio_published", version=version.version))


def _discard(user: User, scenario_id: str, tr: Labels) -> None:
    store = services.store()
    store.discard_draft(user, scenario_id)
    studio_session.forget(scenario_id)
    remaining = studio_versions.saved(store.versions(scenario_id))
    if remaining is None:
        studio_session.close()
        studio_session.flash("info", tr("studio_discarded_all", id=literal(scenario_id)))
    else:
        studio_session.flash("info", tr("studio_discarded", version=remaining.version))
