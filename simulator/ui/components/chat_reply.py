"""The trainee's typed reply on the chat channel (owns ``chat_reply.*``: one input per call)."""
from __future__ import annotations

import streamlit as st

from simulator.services.practice import PracticeSession
from simulator.texts import limits
from simulator.texts.labels import Labels
from simulator.user_text import LIMITS, TooLong



def render(practice: PracticeSession, tr: Labels) -> bool:
    """The message box; True once a reply was sent (the caller reruns). The box stops typing at
    the reply's limit, since it empties when a message is sent: a refused reply would be lost."""
    text = st.chat_input(tr("chat_placeholder"), key=f"chat_reply.{practice.attempt_id}", max_chars=LIMITS["reply"])
    if text is None or not text.strip():
        return False
    try:
        practice.reply_text(text)
    except TooLong as exc:
        st.error(limits.message(exc, tr))
        return False
    return True
