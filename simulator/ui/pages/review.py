"""Trainers' review of finished calls: the list with filters, and one call (``?attempt=ID``)
with its turns, where a trainer overrides a turn's score with a comment. The machine's score
is kept; the store works out the reviewed score that readiness uses."""
from __future__ import annotations

import streamlit as st

from simulator.ui import access, links, services, session
from simulator.ui.components import review_call, review_list


def render() -> None:
    user = access.require("review")
    tr = session.labels(user)
    try:
        attempt_id = review_call.chosen()
    except links.BadLink as bad:
        st.warning(tr(bad.label))
        attempt_id = None
    if attempt_id is not None:
        review_call.render(user, attempt_id, tr)
        return
    st.title(tr("nav_review"))
    review_list.render(services.store(), user, tr)


if __name__ == "__main__":
    render()
