"""The readiness definition in use, said in plain words in an expander, so that HR know what
"ready" means on the dashboard (no state of its own)."""
from __future__ import annotations

import streamlit as st

from simulator.reports.source import Definition
from simulator.scenario.model import CATEGORIES
from simulator.texts import i18n
from simulator.texts.labels import Labels



def category_names(tr: Labels) -> dict[str, str]:
    """Every category's name in the interface's language, by code (for the reports' tables)."""
    return {code: tr(f"category_{code}") for code in CATEGORIES}


def render(definition: Definition, required: list[str], tr: Labels) -> None:
    rules = definition.rules
    names = category_names(tr)
    with st.expander(tr("rd_definition"), icon=":material/help:"):
        st.markdown(tr("rd_definition_text", window_days=rules.window_days, min_attempts=rules.min_attempts,
                       recent=rules.recent, pass_mark=i18n.number(rules.pass_mark, tr.language),
                       decay=i18n.number(rules.decay, tr.language, digits=2)))
        chosen = ", ".join(names.get(code, code) for code in required)
        st.markdown(tr("rd_definition_required", categories=chosen)
                    + ("" if definition.required else " " + tr("rd_definition_default")))
