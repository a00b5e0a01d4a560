"""The "Form" tab: the scenario's common fields (title, language, channel, category, persona,
...) read from the working text; applying writes only the changed values into the text, in
place, so comments and the nodes stay as written (simulator.services.studio.form).

Owns ``studio.form.<id>.<digest>.*``: the widgets are keyed by the text they were read from,
so an edit in the YAML tab shows here at once rather than being overwritten by old values.
"""
from __future__ import annotations

import datetime as dt
import hashlib

import streamlit as st

from simulator.services.studio.form import CHOICES, Fields, read_fields, write_fields
from simulator.texts import limits
from simulator.texts.formats import literal
from simulator.texts.labels import Labels
from simulator.user_text import TooLong, accept

from . import studio_session
from .date_field import date_field

SELECT_LABELS = {"language": "language_{}", "channel": "channel_{}", "category": "category_{}",
                 "difficulty": "difficulty_{}", "persona_gender": "studio_gender_{}", "persona_mood": "studio_mood_{}"}
TEXTS = ("title", "situation", "persona_name")
REQUIRED = ("title", "persona_name")     # emptied, they leave the file's value alone rather than writing ''
NUMBERS = {"target_seconds": (1, 3600), "pass_mark": (0, 100)}
EARLIEST = dt.date(2000, 1, 1)      # the date picker's own default limit is ten years back


def render(scenario_id: str, text: str, tr: Labels) -> None:
    try:
        current = read_fields(text)
    except ValueError as exc:
        st.info(tr("studio_form_unreadable", error=literal(exc)))
        return
    prefix = f"studio.form.{scenario_id}.{hashlib.sha256(text.encode('utf-8')).hexdigest()[:12]}."
    st.caption(tr("studio_form_help"))
    with st.form(prefix + "form", border=False):
        st.text_input(tr("studio_field_title"), value=current.title or "", key=prefix + "title")
        left, right = st.columns(2)
        for column, names in ((left, ("language", "channel", "category")), (right, ("difficulty", "persona_gender", "persona_mood"))):
            with column:
                for name in names:
                    _select(name, getattr(current, name), prefix, tr)
        facts_as_of = current.facts_as_of if isinstance(current.facts_as_of, dt.date) else None   # e.g. a typo in the YAML
        date_field(left, tr("studio_field_facts_as_of"), tr, value=facts_as_of,
                   min_value=min(EARLIEST, facts_as_of or EARLIEST), key=prefix + "facts_as_of")
        right.text_input(tr("studio_field_persona_name"), value=current.persona_name or "", key=prefix + "persona_name")
        for column, name in ((left, "target_seconds"), (right, "pass_mark")):
            low, high = NUMBERS[name]
            value = getattr(current, name)
            column.number_input(tr(f"studio_field_{name}"), min_value=low, max_value=high, step=1, key=prefix + name,
                                value=value if isinstance(value, int) and low <= value <= high else None)
        st.text_area(tr("studio_field_situation"), value=current.situation or "", key=prefix + "situation", height=100)
        st.form_submit_button(tr("studio_form_apply"), key=prefix + "apply", type="primary", icon=":material/done:",
                              on_click=_apply, args=(scenario_id, prefix, tr))


def _select(name: str, value, prefix: str, tr: Labels) -> None:
    options = list(CHOICES[name])
    st.selectbox(tr(f"studio_field_{name}"), options, index=options.index(value) if value in options else None,
                 key=prefix + name, format_func=lambda option: tr(SELECT_LABELS[name].format(option)))


def _apply(scenario_id: str, prefix: str, tr: Labels) -> None:
    text = studio_session.latest(scenario_id)
    values = {name: st.session_state.get(prefix + name) for name in (*SELECT_LABELS, *TEXTS, *NUMBERS, "facts_as_of")}
    try:
        for name in TEXTS:
            if isinstance(values[name], str):
                values[name] = accept(name, values[name])
    except TooLong as exc:
        studio_session.flash("error", limits.message(exc, tr))
        return
    for name in REQUIRED:
        if isinstance(values[name], str) and not values[name].strip():
            values[name] = None
    for name in NUMBERS:
        if values[name] is not None:
            values[name] = int(values[name])
    try:
        new = write_fields(text, Fields(**values))
    except ValueError as exc:
        studio_session.flash("error", tr("studio_form_failed", error=literal(exc)))
        return
    if new != text:
        studio_session.set_text(scenario_id, new)
        studio_session.flash("success", tr("studio_form_applied"))
