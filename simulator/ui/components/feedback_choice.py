"""The trainee's choice, in a practice call, to hold the feedback on each reply until the end
of the call (issue 13): the conversation then goes on without scores between the lines, and
every reply's feedback is on the scorecard as usual. Exams show none during the call anyway.

Owns ``feedback_choice.*`` of st.session_state: the switch (``HOLD``) and its last position
(``CHOSEN``), kept for the trainee's next calls in this browser session.
"""
from __future__ import annotations

import streamlit as st

from simulator.services.practice import PracticeSession
from simulator.texts.labels import Labels


HOLD = "feedback_choice.hold"
CHOSEN = "feedback_choice.chosen"


def shown(practice: PracticeSession, tr: Labels) -> bool:
    """Whether each reply's feedback shows during the call; in practice mode, with the switch
    that holds it until the end."""
    if not practice.show_feedback:
        return False
    t = tr
    held = st.toggle(t("hf_feedback_at_end"), value=st.session_state.get(CHOSEN, False), key=HOLD,
                     help=t("hf_feedback_at_end_help"), on_change=_remember)
    if held and practice.answered:
        st.caption(t("hf_feedback_held"))
    return not held


def _remember() -> None:
    st.session_state[CHOSEN] = st.session_state[HOLD]
