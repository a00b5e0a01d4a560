"""A new calibration set (owns ``calibration_new.*``): a name, the scenarios whose sample replies
to include, trainees' recent replies, and whether trainees' names are hidden (by default)."""
from __future__ import annotations

import streamlit as st

from simulator.store import Store, User
from simulator.store import calibration as cal
from simulator.texts import limits
from simulator.texts.formats import literal, moment
from simulator.texts.labels import Labels
from simulator.user_text import TooLong

from .. import services

PREFIX = "calibration_new"
NOTICE = f"{PREFIX}.notice"
SNIPPET = 70


def render(store: Store, user: User, tr: Labels) -> None:
    """The form opens on a switch: listing the library's samples reads the whole catalogue."""
    notice = st.session_state.pop(NOTICE, None)
    if notice:
        getattr(st, notice[0])(notice[1])
    if not st.toggle(tr("cal_new_open"), key=f"{PREFIX}.open"):
        return
    with_samples = {sid: p.scenario for sid, p in sorted(services.catalogue().items()) if p.scenario.samples}
    replies = {(r.attempt_id, r.turn_index): r for r in cal.recent_replies(store, user)}
    with st.form(PREFIX):
        st.text_input(tr("cal_new_name"), key=f"{PREFIX}.name")
        st.multiselect(tr("cal_new_samples"), list(with_samples), key=f"{PREFIX}.samples", placeholder=tr("assign_choose"),
                       format_func=lambda sid: f"{with_samples[sid].title} ({sid}, {len(with_samples[sid].samples)})")
        st.multiselect(tr("cal_new_replies"), list(replies), key=f"{PREFIX}.replies", placeholder=tr("assign_choose"),
                       format_func=lambda key: tr("cal_new_reply_line", when=moment(replies[key].at),
                                                  scenario=replies[key].scenario_id, reply=replies[key].reply[:SNIPPET]))
        st.checkbox(tr("cal_new_anonymised"), value=True, key=f"{PREFIX}.anonymised")
        st.form_submit_button(tr("cal_new_create"), type="primary", icon=":material/add:", on_click=_create,
                              args=(user, with_samples, tr))


def _create(user: User, with_samples: dict, tr: Labels) -> None:
    state = st.session_state
    name = state.get(f"{PREFIX}.name", "").strip()
    chosen_samples = state.get(f"{PREFIX}.samples") or []
    turns = state.get(f"{PREFIX}.replies") or []
    if not name:
        state[NOTICE] = ("warning", tr("cal_new_need_name"))
        return
    if not chosen_samples and not turns:
        state[NOTICE] = ("warning", tr("cal_new_need_items"))
        return
    samples = [s for sid in chosen_samples for s in cal.sample_sources(with_samples[sid])]
    try:
        cal.create_set(services.store(), user, name, turns=list(turns), samples=samples,
                       anonymised=bool(state.get(f"{PREFIX}.anonymised", True)))
    except TooLong as exc:
        state[NOTICE] = ("error", limits.message(exc, tr))
        return
    state[NOTICE] = ("success", tr("cal_new_created", name=literal(name), count=len(turns) + len(samples)))
    state[f"{PREFIX}.name"] = ""
    state[f"{PREFIX}.samples"] = []
    state[f"{PREFIX}.replies"] = []
