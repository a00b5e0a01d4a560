"""The trainee's spoken reply: record (again, as often as wanted), send, and watch it being
checked, heard and scored in a visible status.

Owns ``voice_reply.*``: one recorder per turn (a new turn, or "record again", starts with an
empty one), the summary of the last reply sent, shown after the page reruns, and a reply
waiting for the trainee's decision, and a reply kept while the recognisers are busy. A sent
reply keeps its place in the recognition queue for up to QUEUE_WAIT_SECONDS, told its place
and an estimate; if it is still unheard then, its recording is kept (``voice_reply.kept``) and
sent again with one button, without recording it again, and the call goes on (the wait is not
the trainee's time). A recording that cannot be used gets a message in the interface language
and the call stays on the same turn; recording it again is not counted against the trainee's
handling time (PracticeSession.unusable_take).

The transcript is shown with the words the recogniser was unsure of marked "(?)". In
practice, a reply with a key fact that could not be heard clearly is not counted at once: the
trainee sees which, and records again or counts it as it is (an unclear fact is left out of
the score, not counted as missed). An exam counts every reply at once and keeps the
recording; its scorecard names the facts that were not heard clearly.
"""
from __future__ import annotations

import time
from contextlib import nullcontext

import streamlit as st

from simulator.services.practice import PracticeSession
from simulator.texts import limits
from simulator.texts.formats import literal
from simulator.texts.labels import Labels
from simulator.user_text import TooLong
from simulator.voice import speech, worker_pool
from simulator.voice.asr import AsrBusy, AsrError
from simulator.voice.audio import SAMPLE_RATE, AudioError, wav_seconds
from simulator.voice.models import ModelError


LAST = "voice_reply.last"
PENDING = "voice_reply.pending"
KEPT = "voice_reply.kept"       # a reply still unheard when its wait in the queue ran out
QUEUE_WAIT_SECONDS = 300.0      # how long a sent reply keeps its place in the recognition queue


def render(practice: PracticeSession, tr: Labels) -> bool:
    """The recorder and the send button; True once a reply was sent (the caller reruns)."""
    _show_last(practice, tr)
    turn = practice.turns[-1]
    turn_key = f"voice_reply.recording.{practice.attempt_id}.{turn.index}"
    pending = st.session_state.get(PENDING)
    if pending and (pending["attempt"], pending["index"]) == (practice.attempt_id, turn.index):
        return _decide(practice, pending, turn_key, tr)
    kept = st.session_state.get(KEPT)
    if kept and (kept["attempt"], kept["index"]) == (practice.attempt_id, turn.index):
        st.warning(tr("queue_kept", minutes=f"{kept['waited'] / 60:.0f}", place=kept["place"]), icon=":material/hourglass_top:")
        if st.button(tr("queue_send_kept"), key=f"{turn_key}.send_kept", type="primary", icon=":material/send:"):
            return _send(practice, kept["data"], tr)
    take = st.session_state.get(f"{turn_key}.take", 0)
    key = f"{turn_key}.{take}" if take else turn_key
    recording = st.audio_input(tr("record_label"), key=key, help=tr("record_help"))
    send = st.button(tr("send_reply"), key=f"{key}.send", type="primary", icon=":material/send:",
                     disabled=recording is None)
    if not send or recording is None:
        return False
    return _send(practice, recording.getvalue(), tr)


def marked(heard: speech.Heard) -> str:
    """The transcript, each word the recogniser was unsure of followed by "(?)"."""
    words = heard.transcript.words
    if not words:
        return heard.transcript.text
    unsure = set(heard.unclear_words)
    return " ".join(f"{w.word}(?)" if i in unsure else w.word for i, w in enumerate(words))


def _decide(practice: PracticeSession, pending: dict, turn_key: str, tr: Labels) -> bool:
    """A practice reply with facts not heard clearly: record again, or count it as it is."""
    heard: speech.Heard = pending["heard"]
    node = practice.scenario.nodes[practice.turns[-1].node_id]
    unclear = [f.fact for f in node.key_facts if f.id in heard.hearing.unclear]
    st.markdown(f"«{literal(marked(heard))}»")
    st.warning(tr("unclear_facts", items=literal("; ".join(unclear))))
    again, count = st.columns(2)
    if again.button(tr("record_again"), key=f"{turn_key}.again", icon=":material/mic:"):
        del st.session_state[PENDING]
        practice.unusable_take(pending["take"], pending["checked"])
        st.session_state[f"{turn_key}.take"] = st.session_state.get(f"{turn_key}.take", 0) + 1
        st.rerun()
    if count.button(tr("count_reply"), key=f"{turn_key}.count", type="primary", icon=":material/send:"):
        del st.session_state[PENDING]
        return _count(practice, heard, pending["data"], pending["started"], tr, take=pending["take"])
    return False


def _send(practice: PracticeSession, data: bytes, tr: Labels) -> bool:
    scenario, turn = practice.scenario, practice.turns[-1]
    st.session_state.pop(KEPT, None)        # this take (the kept one again, or a new one) is the reply now
    started = time.perf_counter()
    with st.status(tr("status_checking"), expanded=True) as status:
        try:
            samples = speech.check_recording(data)
        except AudioError as exc:
            practice.unusable_take(wav_seconds(data), time.perf_counter() - started)
            status.update(label=tr("status_bad_audio"), state="error")
            st.error(exc.text(tr.language))
            return False
        take = samples.size / SAMPLE_RATE
        status.update(label=tr("status_transcribing"))
        st.write(tr("status_transcribing_detail", language=tr(f"language_{scenario.language}")))
        try:
            place, told = st.empty(), [1]      # the reply's place in the recognition queue while it waits

            def tell(at: int, seconds: float) -> None:
                told[0] = at
                place.info(tr("queue_place", place=at, seconds=f"{seconds:.0f}"), icon=":material/hourglass_top:")

            heard = worker_pool.hear(scenario, turn.node_id, samples, on_queue=tell, wait=QUEUE_WAIT_SECONDS,
                                     on_wait=lambda: st.write(tr("status_busy_wait")))
            place.empty()
        except AsrBusy:     # still unheard after a long wait: the recording is kept to be sent again, not lost
            waited = time.perf_counter() - started
            practice.unusable_take(0.0, waited)      # the wait is the app's time; the take itself is still to count
            st.session_state[KEPT] = {"attempt": practice.attempt_id, "index": turn.index, "data": data,
                                      "waited": waited, "place": told[0]}
            status.update(label=tr("status_failed"), state="error")
            st.rerun()
        except (AsrError, ModelError) as exc:
            practice.unusable_take(take, time.perf_counter() - started)
            status.update(label=tr("status_failed"), state="error")
            st.error(tr("asr_failed", error=literal(exc)))
            return False
        if not heard.transcript.text:
            practice.unusable_take(take, time.perf_counter() - started)
            status.update(label=tr("status_nothing_heard"), state="error")
            st.warning(tr("nothing_heard"))
            return False
        st.markdown(f"«{literal(marked(heard))}»")
        if heard.hearing.unclear and not practice.exam:
            status.update(label=tr("status_unclear"), state="error", expanded=False)
            st.session_state[PENDING] = {"attempt": practice.attempt_id, "index": turn.index, "heard": heard,
                                         "data": data, "started": started, "take": take,
                                         "checked": time.perf_counter() - started}
            st.rerun()
        return _count(practice, heard, data, started, tr, status, take=take)


def _count(practice: PracticeSession, heard: speech.Heard, data: bytes, started: float, tr: Labels,
           status=None, *, take: float) -> bool:
    """Score and save the reply (its recording kept, ``take`` seconds long), then remember what
    was heard. ``status``: the status box of the reply being sent (a new one when None)."""
    turn, transcript = practice.turns[-1], heard.transcript
    with nullcontext(status) if status is not None else st.status(tr("status_scoring"), expanded=False) as status:
        status.update(label=tr("status_scoring"))
        try:
            practice.reply_audio(transcript.text, transcript.speech_start, data, ext="wav",
                                 processing_seconds=time.perf_counter() - started,
                                 hearing=heard.hearing, take_seconds=take)
        except TooLong as exc:     # only with a site's longer recordings (SIMULATOR_AUDIO_MAX_SECONDS)
            status.update(label=tr("status_bad_audio"), state="error")
            st.error(limits.message(exc, tr))
            return False
        seconds = time.perf_counter() - started
        status.update(label=tr("status_done", seconds=f"{seconds:.1f}"), state="complete", expanded=False)
    st.session_state[LAST] = {"attempt": practice.attempt_id, "index": turn.index, "text": marked(heard),
                              "seconds": seconds, "speech_start": transcript.speech_start,
                              "unclear_words": bool(heard.unclear_words), "audio_lost": not practice.audio_kept}
    return True


def _show_last(practice: PracticeSession, tr: Labels) -> None:
    """The status of the reply just sent, collapsed: what was heard and how long it took."""
    last = st.session_state.get(LAST)
    if not last or last["attempt"] != practice.attempt_id or last["index"] != len(practice.turns) - 2:
        return
    if last.get("audio_lost"):      # the disk was full: the reply counted without its recording
        st.warning(tr("audio_not_kept"), icon=":material/sd_card_alert:")
    with st.status(tr("status_done", seconds=f"{last['seconds']:.1f}"), state="complete", expanded=False):
        st.markdown(f"«{literal(last['text'])}»")
        if last.get("unclear_words"):
            st.caption(tr("unclear_words_note"))
        if last["speech_start"] is not None:
            st.caption(tr("latency_line", seconds=f"{last['speech_start']:.1f}"))
