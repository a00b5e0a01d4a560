"""The call so far: each customer line (on the voice channel each with a player, to hear it
again), the trainee's reply, and in practice mode the feedback on each reply (the newest one
open) unless the trainee holds it until the end (feedback_choice). In exam mode the replies
are shown without any score or feedback until the call has ended."""
from __future__ import annotations

import streamlit as st

from simulator.services.practice import PracticeSession
from simulator.texts.formats import literal
from simulator.texts.labels import Labels

from . import customer_line, hands_free, turn_feedback


def render(practice: PracticeSession, tr: Labels, feedback: bool | None = None) -> None:
    """``feedback`` False: no per-turn feedback now (held until the scorecard); None: as the mode allows."""
    feedback = practice.show_feedback if feedback is None else feedback and practice.show_feedback
    answered = [t for t in practice.turns if t.replied_at is not None]
    newest = answered[-1] if answered else None
    for turn in practice.turns:
        waiting = turn.replied_at is None
        customer_line.render(practice.scenario, practice.attempt_id, turn.index, turn.customer_line, tr, current=waiting,
                             autoplay=not hands_free.played_early(practice.attempt_id, turn.index, turn.customer_line),
                             mood=turn.mood, player=True)     # earlier lines can be heard again
        if waiting:
            continue
        with st.chat_message("trainee", avatar=customer_line.TRAINEE_AVATAR):
            st.markdown(f"_{tr('silence_given')}_" if turn.silent else literal(turn.reply))
            if feedback and turn.score is not None:
                with st.expander(tr("turn_feedback", number=turn.index + 1), expanded=turn is newest):
                    turn_feedback.render(turn.score.to_dict(), tr)
