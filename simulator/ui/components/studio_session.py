"""The studio's memory between reruns: which scenario is open, the text being edited for each
scenario until it is saved, and the messages an action leaves for the next run.

Owns ``studio.scenario`` (the open scenario, mirrored in the address as ``?scenario=ID`` so
a link or a reload opens it again), ``studio.text.<id>`` (the working text: it survives
going back to the list and opening another scenario, and is only written to the store by
"Save draft"), ``studio.yaml.<id>`` (the YAML box showing it) and ``studio.flash`` (messages
shown once, after the rerun an action causes).

The working text is changed by the YAML box and by actions (the form, a new sample) in
callbacks. Both may arrive in one rerun, in either order, so every callback first takes the
box's value (``latest``) and writes the box along with the text (``set_text``).
"""
from __future__ import annotations

import streamlit as st

PARAM = "scenario"
OPEN = "studio.scenario"
FLASH = "studio.flash"
TEXT = "studio.text."
BOX = "studio.yaml."


def opened() -> str | None:
    """The scenario the address names, else the one open in this session."""
    chosen = st.query_params.get(PARAM) or st.session_state.get(OPEN)
    if chosen:
        st.session_state[OPEN] = chosen
        if st.query_params.get(PARAM) != chosen:
            st.query_params[PARAM] = chosen
    return chosen or None


def open_scenario(scenario_id: str) -> None:
    st.session_state[OPEN] = scenario_id
    st.query_params[PARAM] = scenario_id


def close() -> None:
    st.session_state.pop(OPEN, None)
    st.query_params.pop(PARAM, None)


def text(scenario_id: str, saved: str) -> str:
    """The working text of ``scenario_id``; the saved text when nothing is being edited."""
    return st.session_state.setdefault(TEXT + scenario_id, saved)


def set_text(scenario_id: str, value: str) -> None:
    """Replace the working text: in a callback, or before the YAML box is drawn."""
    st.session_state[TEXT + scenario_id] = value
    if BOX + scenario_id in st.session_state:
        st.session_state[BOX + scenario_id] = value


def latest(scenario_id: str) -> str | None:
    """The working text with what the YAML box holds taken in (in callbacks)."""
    box = st.session_state.get(BOX + scenario_id)
    if box is not None and box != st.session_state.get(TEXT + scenario_id):
        st.session_state[TEXT + scenario_id] = box
    return st.session_state.get(TEXT + scenario_id)


def box_key(scenario_id: str) -> str:
    """The YAML box's key: drawn showing the working text on every run (``show_in_box``)."""
    return BOX + scenario_id


def show_in_box(scenario_id: str) -> None:
    """Before the box is drawn: let it show the working text."""
    st.session_state[BOX + scenario_id] = st.session_state[TEXT + scenario_id]


def editing(scenario_id: str) -> str | None:
    """The working text, if this session has one for ``scenario_id``."""
    return st.session_state.get(TEXT + scenario_id)


def forget(scenario_id: str) -> None:
    """Drop the working text (after it was discarded or replaced by an import)."""
    st.session_state.pop(TEXT + scenario_id, None)
    st.session_state.pop(BOX + scenario_id, None)


def flash(kind: str, message: str) -> None:
    """Show ``message`` (kind: success, info, warning, error) at the top of the next run."""
    st.session_state.setdefault(FLASH, []).append((kind, message))


def show_flash() -> None:
    for kind, message in st.session_state.pop(FLASH, []):
        getattr(st, kind)(message)
