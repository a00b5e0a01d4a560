"""A new scenario from the template: id, title, language, channel and category; saved at once
as a draft and opened in the editor (owns ``studio.new.*``)."""
from __future__ import annotations

import streamlit as st

from simulator.store import Store, User
from simulator.store.scenario_versions import SCENARIO_ID
from simulator.services.studio import template
from simulator.services.studio.form import CHOICES
from simulator.texts import limits, refusals
from simulator.texts.formats import literal
from simulator.texts.labels import Labels
from simulator.user_text import TooLong, accept

from . import studio_session


def render(store: Store, user: User, taken: set[str], tr: Labels) -> None:
    """``taken``: the scenario ids already in the studio."""
    with st.form("studio.new"):
        scenario_id = st.text_input(tr("studio_new_id"), key="studio.new.id", help=tr("studio_new_id_help"),
                                    placeholder="uk-my-scenario")
        title = st.text_input(tr("studio_new_title"), key="studio.new.title")
        language = st.selectbox(tr("studio_field_language"), CHOICES["language"], key="studio.new.language",
                                index=CHOICES["language"].index(tr.language), format_func=lambda c: tr(f"language_{c}"))
        channel = st.selectbox(tr("filter_channel"), CHOICES["channel"], key="studio.new.channel",
                               format_func=lambda c: tr(f"channel_{c}"))
        category = st.selectbox(tr("filter_category"), CHOICES["category"], key="studio.new.category",
                                index=CHOICES["category"].index("other"), format_func=lambda c: tr(f"category_{c}"))
        submitted = st.form_submit_button(tr("studio_new_create"), key="studio.new.submit", type="primary",
                                          icon=":material/add:")
    if not submitted:
        return
    scenario_id = scenario_id.strip()
    try:
        title = accept("title", title)
    except TooLong as exc:
        st.error(limits.message(exc, tr))
        return
    if not SCENARIO_ID.match(scenario_id):
        st.error(tr("studio_id_invalid", id=literal(scenario_id)))
        return
    if scenario_id in taken:
        st.error(tr("studio_id_taken", id=literal(scenario_id)))
        return
    try:
        text = template.new_scenario(scenario_id, title.strip(), language, channel, category)
        store.save_draft(user, scenario_id, text, new=True, note=tr("studio_new_note"))
    except ValueError as exc:
        st.error(tr("studio_new_failed", error=refusals.message(exc, tr)))
        return
    studio_session.set_text(scenario_id, text)
    studio_session.open_scenario(scenario_id)
    studio_session.flash("success", tr("studio_created", id=scenario_id))
    st.rerun()
