"""The call: the customer speaks (or writes), the trainee answers, turn by turn.

Voice channel: the customer's line plays in the persona's voice and is shown as text; the
trainee records a reply (and may record again before sending), which is checked, transcribed
and scored; before a trainee's first spoken reply, a voice check is offered (voice_check).
Chat channel: typed replies. Practice mode shows feedback after each reply and a
hint on request; exam mode shows nothing until the end. Each reply is saved as soon as it is
scored (by PracticeSession), so a refresh or a new login resumes the call where it was.
"""
from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

from simulator.call.engine import CallOver
from simulator.services.practice import PracticeSession, ResumeError
from simulator.store import AttemptClosed, DatabaseError, NotFound, User
from simulator.texts.formats import literal
from simulator.texts.labels import Labels
from simulator.ui import access, links, services, session
from simulator.ui.components import (call_session, chat_reply, conversation, feedback_choice, hands_free, pending_save,
                                      voice_check, voice_reply)

log = logging.getLogger(__name__)
HINTS = "call.hints"    # {(attempt id, turn index)} the trainee asked a hint for
ENDING = "call.ending"  # the attempt id whose "end the call" waits for the trainee's confirmation


def render() -> None:
    user = access.require("call")
    tr = session.labels(user)
    try:
        attempt_id = call_session.attempt_id()
    except links.BadLink as bad:
        st.warning(tr(bad.label))
        attempt_id = None
    if attempt_id is None:
        st.info(tr("no_call"))
        st.page_link(access.page("catalogue").path, label=tr("nav_catalogue"), icon=":material/menu_book:")
        return
    try:
        practice = call_session.get(user, attempt_id)
    except (PermissionError, NotFound):
        st.error(tr("access_denied"))
        return
    except AttemptClosed:
        call_session.forget(attempt_id)
        _closed(attempt_id, tr)
        return
    except ResumeError:
        call_session.forget(attempt_id)
        st.warning(tr("call_cannot_resume"))
        st.page_link(access.page("catalogue").path, label=tr("nav_catalogue"), icon=":material/menu_book:")
        return
    waiting = pending_save.render(practice, tr)     # replies kept while the database was away
    if practice.finished and not waiting:
        access.go("attempt", attempt=attempt_id)

    scenario = practice.scenario
    st.title(literal(scenario.title))
    st.caption(" · ".join([tr(f"mode_{practice.mode}"), tr(f"channel_{scenario.channel}"), literal(scenario.persona.name)]))
    if practice.exam:
        st.info(tr("exam_note"), icon=":material/timer:")
    if scenario.situation:
        with st.expander(tr("about_call")):
            st.markdown(literal(scenario.situation))

    conversation.render(practice, tr, feedback=feedback_choice.shown(practice, tr))
    if practice.finished:       # ended while the database was away: its result waits with the replies
        return
    _hint(practice, tr)
    if _actions(practice, tr) or _reply(practice, user, tr):
        _after_reply(practice)


def _reply(practice: PracticeSession, user: User, tr: Labels) -> bool:
    with _saving(practice, tr):
        if practice.scenario.channel == "voice":
            if voice_check.offer(services.store(), user, practice, tr):    # the check shows instead of the recorder
                return False
            if hands_free.chosen(tr):       # issue 13: the open microphone; record-and-send stays the fallback
                hands_free.render(practice, tr, _after_reply, _saving)
                return False
            return voice_reply.render(practice, tr)
        return chat_reply.render(practice, tr)
    return False


def _actions(practice: PracticeSession, tr: Labels) -> bool:
    """Hint (practice only), "I have nothing to say" and hanging up (once confirmed); True
    after an action."""
    key = f"call.{practice.attempt_id}.{len(practice.turns)}"
    with st.container(horizontal=True):
        if practice.show_feedback and st.button(tr("hint"), key=f"{key}.hint", icon=":material/lightbulb:"):
            st.session_state.setdefault(HINTS, set()).add((practice.attempt_id, len(practice.turns) - 1))
            st.rerun()
        silence = st.button(tr("nothing_to_say"), key=f"{key}.silence", icon=":material/voice_over_off:")
        if st.button(tr("end_call"), key=f"{key}.end", icon=":material/call_end:"):
            st.session_state[ENDING] = practice.attempt_id
    hang_up = st.session_state.get(ENDING) == practice.attempt_id and _confirm_end(practice, key, tr)
    with _saving(practice, tr):
        if silence:
            practice.silence()
        elif hang_up:
            practice.abandon()
        return silence or hang_up
    return False


def _confirm_end(practice: PracticeSession, key: str, tr: Labels) -> bool:
    """Ask before ending: what ending now means for this call (a practice call: unscored before
    any answer, scored as it stands after; an exam: counted either way). True once the trainee
    confirms."""
    with st.container(border=True, key=f"{key}.confirm"):
        st.markdown(f"**{tr('end_confirm_question')}**")
        answered = practice.answered
        if practice.exam:       # an exam counts however it ends: no restart for another conversation
            warning = tr("end_confirm_exam", replies=answered)
        else:
            warning = tr("end_confirm_scored", replies=answered) if answered else tr("end_confirm_unscored")
        st.warning(warning, icon=":material/call_end:")
        with st.container(horizontal=True):
            yes = st.button(tr("end_confirm_yes"), key=f"{key}.end_yes", type="primary", icon=":material/call_end:")
            no = st.button(tr("end_confirm_no"), key=f"{key}.end_no", icon=":material/call:")
    if yes or no:
        st.session_state.pop(ENDING, None)
    if no:
        st.rerun()
    return yes


@contextmanager
def _saving(practice: PracticeSession, tr: Labels) -> Iterator[None]:
    """A reply or action that the store refused: the call has ended elsewhere, or the database
    could not be read (a save that fails waits in PracticeSession instead, see pending_save).
    Said here, without a rerun, which would only meet the same error again."""
    try:
        yield
    except (AttemptClosed, CallOver):
        _closed(practice.attempt_id, tr)
    except DatabaseError as exc:
        log.warning("attempt %s: the trainee's action was not done: the database failed: %s", practice.attempt_id, exc.cause)
        st.error(tr("db_unavailable_now"), icon=":material/cloud_off:")


def _hint(practice: PracticeSession, tr: Labels) -> None:
    turn = practice.turns[-1]
    if not practice.show_feedback or (practice.attempt_id, turn.index) not in st.session_state.get(HINTS, set()):
        return
    node = practice.scenario.nodes[turn.node_id]
    text = node.hint or "; ".join(fact.fact for fact in node.key_facts) or tr("no_hint")
    st.info(f"**{tr('hint')}:** {literal(text)}", icon=":material/lightbulb:")


def _after_reply(practice: PracticeSession) -> None:
    st.session_state.pop(ENDING, None)
    if practice.finished and not practice.unsaved:
        call_session.ended(practice.attempt_id)
        access.go("attempt", attempt=practice.attempt_id)
    st.rerun()


def _closed(attempt_id: int, tr: Labels) -> None:
    st.warning(tr("call_closed"))
    if st.button(tr("open_scorecard"), key="call.open_scorecard", icon=":material/fact_check:"):
        access.go("attempt", attempt=attempt_id)


if __name__ == "__main__":
    render()
