"""The trainee's spoken reply: record (again, as often as wanted), send, and watch it being
checked, transcribed and scored in a visible status.

Owns ``voice_reply.*``: one recorder per turn (a new turn starts with an empty one) and the
summary of the last reply sent, shown after the page reruns. A recording that cannot be used
gets a message in the interface language and the call stays on the same turn.
"""
from __future__ import annotations

import time

import streamlit as st

from simulator.practice import PracticeSession
from simulator.user_text import TooLong
from simulator.voice import speech
from simulator.voice.asr import AsrBusy, AsrError
from simulator.voice.audio import AudioError
from simulator.voice.models import ModelError

from .. import limits
from ..formats import literal
from ..labels import Labels

LAST = "voice_reply.last"


def render(practice: PracticeSession, tr: Labels) -> bool:
    """The recorder and the send button; True once a reply was sent (the caller reruns)."""
    _show_last(practice, tr)
    turn = practice.turns[-1]
    key = f"voice_reply.recording.{practice.attempt_id}.{turn.index}"
    recording = st.audio_input(tr("record_label"), key=key, help=tr("record_help"))
    send = st.button(tr("send_reply"), key=f"{key}.send", type="primary", icon=":material/send:",
                     disabled=recording is None)
    if not send or recording is None:
        return False
    return _send(practice, recording.getvalue(), tr)


def _send(practice: PracticeSession, data: bytes, tr: Labels) -> bool:
    scenario, turn = practice.scenario, practice.turns[-1]
    started = time.perf_counter()
    with st.status(tr("status_checking"), expanded=True) as status:
        try:
            samples = speech.check_recording(data)
        except AudioError as exc:
            status.update(label=tr("status_bad_audio"), state="error")
            st.error(exc.text(tr.language))
            return False
        status.update(label=tr("status_transcribing"))
        st.write(tr("status_transcribing_detail", language=tr(f"language_{scenario.language}")))
        try:
            transcript = speech.transcribe(scenario, turn.node_id, samples, on_wait=lambda: st.write(tr("status_busy_wait")))
        except AsrBusy:
            status.update(label=tr("status_failed"), state="error")
            st.error(tr("asr_busy"))
            return False
        except (AsrError, ModelError) as exc:
            status.update(label=tr("status_failed"), state="error")
            st.error(tr("asr_failed", error=literal(exc)))
            return False
        if not transcript.text:
            status.update(label=tr("status_nothing_heard"), state="error")
            st.warning(tr("nothing_heard"))
            return False
        st.markdown(f"«{literal(transcript.text)}»")
        status.update(label=tr("status_scoring"))
        try:
            practice.reply_audio(transcript.text, transcript.speech_start, data, ext="wav",
                                 processing_seconds=time.perf_counter() - started)
        except TooLong as exc:     # only with a site's longer recordings (SIMULATOR_AUDIO_MAX_SECONDS)
            status.update(label=tr("status_bad_audio"), state="error")
            st.error(limits.message(exc, tr))
            return False
        seconds = time.perf_counter() - started
        status.update(label=tr("status_done", seconds=f"{seconds:.1f}"), state="complete", expanded=False)
    st.session_state[LAST] = {"attempt": practice.attempt_id, "index": turn.index, "text": transcript.text,
                              "seconds": seconds, "speech_start": transcript.speech_start}
    return True


def _show_last(practice: PracticeSession, tr: Labels) -> None:
    """The status of the reply just sent, collapsed: what was heard and how long it took."""
    last = st.session_state.get(LAST)
    if not last or last["attempt"] != practice.attempt_id or last["index"] != len(practice.turns) - 2:
        return
    with st.status(tr("status_done", seconds=f"{last['seconds']:.1f}"), state="complete", expanded=False):
        st.markdown(f"«{literal(last['text'])}»")
        if last["speech_start"] is not None:
            st.caption(tr("latency_line", seconds=f"{last['speech_start']:.1f}"))
