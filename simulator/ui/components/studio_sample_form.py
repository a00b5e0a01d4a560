"""Under the test bench: add a sample (a node that takes a reply, a label, and a reply typed or
recorded and transcribed in the scenario's language) to the working text's `samples:`, and
try a reply at a node without keeping it. Owns ``studio.bench.<id>.*``.
"""
from __future__ import annotations

import streamlit as st

from simulator.library.loader import load_text
from simulator.library.validate import sample_problems
from simulator.scenario.model import Sample, Scenario
from simulator.services.studio import samples
from simulator.services.studio.samples_yaml import append_sample
from simulator.texts import limits
from simulator.texts.formats import literal
from simulator.texts.labels import Labels
from simulator.user_text import TooLong, accept
from simulator.voice import speech
from simulator.voice.asr import AsrError
from simulator.voice.audio import AudioError
from simulator.voice.models import ModelError

from . import studio_bench, studio_session


def render(scenario_id: str, scenario: Scenario | None, tr: Labels) -> None:
    if scenario is None:
        return
    key = f"studio.bench.{scenario_id}"
    with st.container(border=True):
        st.markdown(f"**{tr('studio_add_sample')}**")
        _add_form(scenario_id, scenario, key, tr)
    with st.container(border=True):
        st.markdown(f"**{tr('studio_try')}**")
        _try(scenario, key, tr)


def _add_form(scenario_id: str, scenario: Scenario, key: str, tr: Labels) -> None:
    left, right = st.columns(2)
    node = left.selectbox(tr("studio_column_node"), scenario.reply_nodes, key=f"{key}.node")
    right.selectbox(tr("studio_column_label"), list(samples.RANK)[::-1], key=f"{key}.label",
                    format_func=lambda label: samples.label_name(label, tr.language))
    round_ = st.session_state.get(f"{key}.round", 0)     # a fresh recorder once a sample is added
    recording = st.audio_input(tr("studio_sample_record"), key=f"{key}.recording.{round_}",
                               help=tr("studio_sample_record_help", language=tr(f"language_{scenario.language}")))
    if st.button(tr("studio_transcribe"), key=f"{key}.transcribe", icon=":material/record_voice_over:",
                 disabled=recording is None) and recording is not None:
        _transcribe(scenario, node, recording.getvalue(), f"{key}.reply", tr)
    st.text_area(tr("studio_sample_reply"), key=f"{key}.reply", height=100)
    st.text_input(tr("studio_sample_note"), key=f"{key}.note")
    st.button(tr("studio_add_sample_run"), key=f"{key}.add", type="primary", icon=":material/playlist_add:",
              on_click=_add, args=(scenario_id, key, tr))


def _transcribe(scenario: Scenario, node: str, data: bytes, reply_key: str, tr: Labels) -> None:
    """Put what the recording says into the reply box (drawn after this), in the scenario's language."""
    with st.spinner(tr("status_transcribing")):
        try:
            transcript = speech.transcribe(scenario, node, speech.check_recording(data))
        except AudioError as exc:
            st.error(exc.text(tr.language))
            return
        except (AsrError, ModelError) as exc:
            st.error(tr("asr_failed", error=literal(exc)))
            return
    if not transcript.text:
        st.warning(tr("studio_nothing_heard"))
        return
    st.session_state[reply_key] = transcript.text


def _add(scenario_id: str, key: str, tr: Labels) -> None:
    text = studio_session.latest(scenario_id)
    scenario, _ = load_text(text)
    if scenario is None:
        studio_session.flash("error", tr("studio_needs_valid"))
        return
    try:
        reply = accept("reply", st.session_state.get(f"{key}.reply") or "").strip()
        note = accept("note", st.session_state.get(f"{key}.note") or "").strip()
    except TooLong as exc:
        studio_session.flash("error", limits.message(exc, tr))
        return
    sample = Sample(node=st.session_state.get(f"{key}.node") or "", label=st.session_state.get(f"{key}.label") or "great",
                    reply=reply, note=note)
    problems = sample_problems(scenario, sample)
    if problems:
        studio_session.flash("error", tr("studio_sample_refused", error=literal("; ".join(message for _, message in problems))))
        return
    try:
        new = append_sample(text, sample.node, sample.label, sample.reply, sample.note)
    except ValueError as exc:
        studio_session.flash("error", tr("studio_sample_refused", error=literal(exc)))
        return
    studio_session.set_text(scenario_id, new)
    st.session_state[f"{key}.reply"] = ""
    st.session_state[f"{key}.note"] = ""
    st.session_state[f"{key}.round"] = st.session_state.get(f"{key}.round", 0) + 1
    studio_session.flash("success", tr("studio_sample_added"))


def _try(scenario: Scenario, key: str, tr: Labels) -> None:
    """Score a reply at a node; shown (and re-scored after every edit) until another is tried."""
    node = st.selectbox(tr("studio_column_node"), scenario.reply_nodes, key=f"{key}.try.node")
    reply = st.text_area(tr("studio_try_reply"), key=f"{key}.try.reply", height=100)
    if st.button(tr("studio_try_run"), key=f"{key}.try.run", icon=":material/science:"):
        try:
            st.session_state[f"{key}.try.last"] = (node, accept("reply", reply))
        except TooLong as exc:
            st.error(limits.message(exc, tr))
    last = st.session_state.get(f"{key}.try.last")
    if not last:
        return
    try:
        result = samples.score_reply(scenario, *last)
    except ValueError as exc:
        st.error(tr("studio_try_failed", error=literal(exc)))
        return
    studio_bench.evidence(result, tr)
