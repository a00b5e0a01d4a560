"""The call so far: each customer line, the trainee's reply, and in practice mode the
feedback on each reply (the newest one open). In exam mode the replies are shown without
any score or feedback until the call has ended."""
from __future__ import annotations

import streamlit as st

from simulator.practice import PracticeSession

from ..formats import literal
from ..labels import Labels
from . import customer_line, turn_feedback


def render(practice: PracticeSession, tr: Labels) -> None:
    answered = [t for t in practice.turns if t.replied_at is not None]
    newest = answered[-1] if answered else None
    for turn in practice.turns:
        waiting = turn.replied_at is None
        customer_line.render(practice.scenario, practice.attempt_id, turn.index, turn.customer_line, tr, current=waiting)
        if waiting:
            continue
        with st.chat_message("trainee", avatar=customer_line.TRAINEE_AVATAR):
            st.markdown(f"_{tr('silence_given')}_" if turn.silent else literal(turn.reply))
            if practice.show_feedback and turn.score is not None:
                with st.expander(tr("turn_feedback", number=turn.index + 1), expanded=turn is newest):
                    turn_feedback.render(turn.score.to_dict(), tr)
