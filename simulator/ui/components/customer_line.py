"""What the customer says: the text, and on the voice channel the line in the persona's voice.

Owns ``customer_line.replays.*``: how many times the trainee asked to hear a line again. The
player autoplays (where the browser allows it); replaying changes the audio's bytes (see
``speech.customer_audio``), so the browser loads it anew and plays it from the start.
"""
from __future__ import annotations

import streamlit as st

from simulator.scenario.model import Scenario
from simulator.texts.formats import literal
from simulator.texts.labels import Labels
from simulator.voice import speech
from simulator.voice.tts import TTSError


CUSTOMER_AVATAR = ":material/person:"
TRAINEE_AVATAR = ":material/support_agent:"


def _replays_key(attempt_id: int, index: int) -> str:
    return f"customer_line.replays.{attempt_id}.{index}"


def render(scenario: Scenario, attempt_id: int, index: int, line: str, tr: Labels, *, current: bool,
           autoplay: bool = True, mood: str | None = None, player: bool = False) -> None:
    """One customer line; ``current``: the line waiting for a reply, or the last words of a call
    (with a player and a replay button); ``autoplay`` False: played only when asked; ``mood``:
    the node's, which the voice follows (None: the persona's); ``player``: an earlier line
    with a player of its own, to hear it again (never playing by itself)."""
    with st.chat_message("customer", avatar=CUSTOMER_AVATAR):
        st.markdown(f"**{literal(scenario.persona.name)}:** {literal(line)}")
        if scenario.channel != "voice" or not (current or player):
            return
        key = _replays_key(attempt_id, index)
        replays = st.session_state.get(key, 0) if current else 0
        try:
            wav = speech.customer_audio(scenario, line, replay=replays, mood=mood)
        except (TTSError, ValueError) as exc:
            st.warning(tr("voice_unavailable", error=literal(exc)))
            return
        st.audio(wav, format="audio/wav", autoplay=current and (autoplay or bool(replays)))
        if current:
            st.button(tr("replay"), key=f"{key}.button", icon=":material/replay:", on_click=_replay, args=(key,))


def _replay(key: str) -> None:
    st.session_state[key] = st.session_state.get(key, 0) + 1
