"""The trainer studio: every scenario with its status, a new scenario from the template,
import and export of scenario files, and one scenario open in the editor (``?scenario=ID``)
to write, test on sample replies, preview, publish and retire (docs/trainer.md)."""
from __future__ import annotations

import streamlit as st

from simulator.ui import access, services, session
from simulator.ui.components import (
    studio_editor,
    studio_import,
    studio_list,
    studio_new,
    studio_session,
)


def render() -> None:
    user = access.require("studio")
    tr = session.labels(user)
    services.catalogue()        # the library's files are recorded first, so they are listed here too
    opened = studio_session.opened()
    if opened:
        studio_editor.render(user, opened, tr)
        return
    st.title(tr("nav_studio"))
    studio_session.show_flash()
    store = services.store()
    summaries = store.studio_scenarios(user)
    scenarios, new, upload = st.tabs([tr("studio_tab_list"), tr("studio_tab_new"), tr("studio_tab_import")])
    with scenarios:
        studio_list.render(store, summaries, tr)
    with new:
        studio_new.render(store, user, {s.scenario_id for s in summaries}, tr)
    with upload:
        studio_import.render(store, user, summaries, tr)


if __name__ == "__main__":
    render()
