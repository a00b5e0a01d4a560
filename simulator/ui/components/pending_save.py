"""Replies kept while the database was away (owns ``pending_save.*``): the call page tries to
save them on every run and every few seconds by itself, tells the trainee how many still wait
and that they must not close the tab, and says so once they are all saved.

The replies wait in the call's PracticeSession (in this browser session's memory): they are
scored and the call goes on meanwhile; see PracticeSession.save_waiting.
"""
from __future__ import annotations

import streamlit as st

from simulator.services.practice import PracticeSession
from simulator.texts.labels import Labels


RETRY_SECONDS = 5
RECOVERED = "pending_save.recovered"


def render(practice: PracticeSession, tr: Labels) -> bool:
    """Save what waits, or say that it waits; True while replies still wait."""
    if st.session_state.pop(RECOVERED, False):
        st.success(tr("save_recovered"), icon=":material/cloud_done:")
    if practice.unsaved:
        _waiting(practice, tr)
    return practice.unsaved


@st.fragment(run_every=RETRY_SECONDS)
def _waiting(practice: PracticeSession, tr: Labels) -> None:
    if practice.save_waiting():
        st.session_state[RECOVERED] = True
        st.rerun(scope="app")       # the whole page again: the call moves on (or to its result)
    st.warning(tr("save_pending", count=practice.waiting), icon=":material/cloud_off:")
    st.button(tr("save_retry"), key="pending_save.retry", icon=":material/sync:")     # a click runs this again
