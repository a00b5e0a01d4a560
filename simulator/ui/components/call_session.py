"""The trainee's call in progress: which attempt, and its live PracticeSession.

Owns the ``call.*`` keys of ``st.session_state``. The attempt comes from the page's
``?attempt=`` parameter (so the address names the call), else from the last call started
here. A PracticeSession is kept between reruns only for the user who started it; anything
else (another browser session, a refresh, an edited address) goes through
``PracticeSession.resume``, which replays the saved turns and refuses someone else's call.
"""
from __future__ import annotations

import streamlit as st

from simulator.services.practice import PracticeSession
from simulator.scenario.model import Scenario
from simulator.store import User

from .. import links, services

ACTIVE = "call.attempt_id"
SESSIONS = "call.sessions"
JUST_ENDED = "call.just_ended"     # the attempt whose call ended in this browser a moment ago


def start(user: User, scenario: Scenario, mode: str) -> PracticeSession:
    """A new attempt at ``scenario`` ("practice" or "exam"), made the active one."""
    practice = PracticeSession.start(services.store(), user, scenario, services.scenario_text(scenario), mode,
                                     audio=services.audio_files())
    _sessions()[practice.attempt_id] = practice
    st.session_state[ACTIVE] = practice.attempt_id
    return practice


def attempt_id() -> int | None:
    """The attempt this page is about: ``?attempt=`` when given, else the last one started;
    links.BadLink when the address names no possible attempt."""
    given = links.record_id("attempt")
    return given if given is not None else st.session_state.get(ACTIVE)


def get(user: User, attempt: int) -> PracticeSession:
    """The live session of ``attempt`` for ``user``. PermissionError for someone else's call,
    AttemptClosed when it has ended, ResumeError when the saved turns no longer replay."""
    practice = _sessions().get(attempt)
    if practice is None or practice.attempt.user_id != user.id:
        practice = PracticeSession.resume(services.store(), attempt, user, audio=services.audio_files())
        _sessions()[attempt] = practice
    st.session_state[ACTIVE] = attempt
    return practice


def forget(attempt: int) -> None:
    _sessions().pop(attempt, None)
    if st.session_state.get(ACTIVE) == attempt:
        del st.session_state[ACTIVE]


def ended(attempt: int) -> None:
    """The call ended here: forget it, and let its scorecard play the customer's last words."""
    forget(attempt)
    st.session_state[JUST_ENDED] = attempt


def just_ended(attempt: int) -> bool:
    """Whether ``attempt`` is the call that ended last in this browser session."""
    return st.session_state.get(JUST_ENDED) == attempt


def _sessions() -> dict[int, PracticeSession]:
    return st.session_state.setdefault(SESSIONS, {})
