"""The admin's form for the readiness definition (owns ``readiness_settings.*``): the rules of
simulator.reports.readiness.Rules and the required categories, checked by
``Definition.from_dict`` before they are saved; a refused value is shown with the reason, in the
admin's language (simulator.texts.refusals)."""
from __future__ import annotations

import streamlit as st

from simulator.reports import readiness, source
from simulator.scenario.model import CATEGORIES
from simulator.store import Store, User
from simulator.texts import refusals
from simulator.texts.labels import Labels



def render(store: Store, admin: User, tr: Labels) -> None:
    current = source.definition(store)
    rules = current.rules
    st.caption(tr("rd_settings_help"))
    with st.form("readiness_settings"):
        pass_mark = st.number_input(tr("rd_settings_pass_mark"), min_value=0.0, max_value=100.0, step=1.0,
                                    value=float(rules.pass_mark), key="readiness_settings.pass_mark")
        min_attempts = st.number_input(tr("rd_settings_min_attempts"), min_value=1, step=1, value=rules.min_attempts,
                                       key="readiness_settings.min_attempts")
        recent = st.number_input(tr("rd_settings_recent"), min_value=1, step=1, value=rules.recent,
                                 key="readiness_settings.recent")
        decay = st.number_input(tr("rd_settings_decay"), min_value=0.01, max_value=1.0, step=0.05,
                                value=float(rules.decay), key="readiness_settings.decay")
        window_days = st.number_input(tr("rd_settings_window"), min_value=1, max_value=readiness.MAX_WINDOW_DAYS, step=1,
                                      value=min(rules.window_days, readiness.MAX_WINDOW_DAYS),
                                      key="readiness_settings.window_days")
        required = st.multiselect(tr("rd_settings_required"), CATEGORIES, default=list(current.required),
                                  format_func=lambda code: tr(f"category_{code}"), key="readiness_settings.required",
                                  placeholder=tr("rd_settings_required_none"))
        submitted = st.form_submit_button(tr("rd_settings_save"), key="readiness_settings.save", type="primary")
    if not submitted:
        return
    try:
        chosen = source.Definition.from_dict({
            "rules": {"pass_mark": pass_mark, "min_attempts": min_attempts, "recent": recent, "decay": decay,
                      "window_days": window_days},
            "required": required,
        })
    except ValueError as exc:
        st.error(tr("rd_settings_invalid", error=refusals.message(exc, tr)))
        return
    source.save_definition(store, admin, chosen)
    st.success(tr("rd_settings_saved"))
