"""The interface language switch, on every page (owns ``language_switch.choice``).

The choice is stored with the user when logged in (it follows them to any browser), and in
the session before login (and then saved with the user at login).

A browser keeps the text of each chosen option of a select box ("усі") and shows it until it is
told a new one, even when the page now writes the options in another language. So a switch
sets every widget's value again, which makes Streamlit send each value written anew (without
it the English catalogue's filters still said «усі»).
"""
from __future__ import annotations

import streamlit as st
from streamlit.errors import StreamlitAPIException
from streamlit.runtime.state import get_session_state

from simulator.store import User
from simulator.texts.labels import LANGUAGES, Labels

from .. import session

KEY = "language_switch.choice"


def render(user: User | None, tr: Labels) -> None:
    st.session_state[KEY] = session.language(user)
    st.segmented_control(tr("language"), list(LANGUAGES), format_func=LANGUAGES.get, key=KEY, required=True,
                         on_change=_changed, args=(user,))


def _changed(user: User | None) -> None:
    session.set_language(user, st.session_state[KEY])
    rewrite_widgets()


def rewrite_widgets() -> None:
    """Set the value of every widget that shows a chosen value (select boxes, radios, multiselects,
    segmented controls, text and number boxes, dates) again, as it is: the browser then shows each
    as this run writes it. Buttons, uploads, the chat box and recorders are left alone (some may
    not be set; a chat box set again would send its text again). Streamlit names a widget's kind
    only inside its session state: without that, nothing is rewritten."""
    state = st.session_state
    try:
        inner = get_session_state()._state
        kinds = {key: inner._new_widget_state.widget_metadata[inner._key_id_mapper.get_id_from_key(key)].value_type
                 for key in list(state.keys()) if inner._key_id_mapper.get_id_from_key(key, None) in inner._new_widget_state.widget_metadata}
    except (AttributeError, KeyError, TypeError):
        return
    for key, kind in kinds.items():
        if key == KEY or kind not in SHOWN_VALUES:
            continue
        try:
            state[key] = state[key]
        except (StreamlitAPIException, KeyError):
            continue


# Streamlit's kinds of widget value that a widget shows back (not triggers, files or chat text)
SHOWN_VALUES = frozenset({"string_value", "string_array_value", "int_value", "double_value", "double_array_value"})
