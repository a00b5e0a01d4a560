"""Rewinding one's own finished practice call to a turn (issue 17): start the linked rerun
(simulator.store.reruns) and open it on the call page, which replays the turns before."""
from __future__ import annotations

import streamlit as st

from simulator.store import AttemptClosed, NotFound, User
from simulator.store.reruns import start_rerun
from simulator.texts import refusals
from simulator.texts.labels import Labels

from .. import access, services


def go(user: User, attempt_id: int, turn_index: int, tr: Labels) -> None:
    try:
        rerun = start_rerun(services.store(), user, attempt_id, turn_index)
    except (ValueError, PermissionError, AttemptClosed, NotFound) as refused:
        st.error(tr("rewind_failed", error=refusals.message(refused, tr)), icon=":material/block:")
        return
    access.go("call", attempt=rerun.id)
