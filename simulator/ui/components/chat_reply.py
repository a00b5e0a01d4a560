"""The trainee's typed reply on the chat channel (owns ``chat_reply.*``: one input per call)."""
from __future__ import annotations

import streamlit as st

from simulator.practice import PracticeSession

from ..labels import Labels


def render(practice: PracticeSession, tr: Labels) -> bool:
    """The message box; True once a reply was sent (the caller reruns)."""
    text = st.chat_input(tr("chat_placeholder"), key=f"chat_reply.{practice.attempt_id}", max_chars=2000)
    if text is None or not text.strip():
        return False
    practice.reply_text(text)
    return True
