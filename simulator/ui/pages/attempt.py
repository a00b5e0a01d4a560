"""One attempt's scorecard (``?attempt=ID``): where a call ends, and where past attempts open.

The store decides who may see it: a trainee only their own attempts, staff everyone's.
"""
from __future__ import annotations

import streamlit as st

from simulator.store import NotFound
from simulator.ui import access, formats, links, services, session
from simulator.ui.components import call_session, scorecard_view


def render() -> None:
    user = access.require("attempt")
    tr = session.labels(user)
    try:
        attempt_id = call_session.attempt_id()
    except links.BadLink as bad:
        st.warning(tr(bad.label))
        return
    if attempt_id is None:
        st.info(tr("no_attempt"))
        return
    try:
        detail = services.store().attempt_detail(user, attempt_id)
    except (PermissionError, NotFound):
        st.error(tr("access_denied"))
        return
    attempt = detail.attempt
    st.title(formats.literal(attempt.title))
    finished = formats.moment(attempt.finished_at)
    st.caption(" · ".join([tr(f"mode_{attempt.mode}"), tr(f"state_{attempt.status}"), finished,
                           *([formats.literal(attempt.username)] if attempt.user_id != user.id else [])]))
    if attempt.status == "in_progress":
        st.info(tr("attempt_in_progress"))
        if attempt.user_id == user.id and user.role in access.page("call").roles:
            if st.button(tr("resume"), key="attempt.resume", type="primary", icon=":material/play_arrow:"):
                access.go("call", attempt=attempt.id)
        return
    scorecard_view.render(detail, tr, services.audio_files())
    with st.container(horizontal=True):
        if user.role in access.page("catalogue").roles:
            st.page_link(access.page("catalogue").path, label=tr("back_to_catalogue"), icon=":material/menu_book:")
            st.page_link(access.page("progress").path, label=tr("nav_progress"), icon=":material/monitoring:")


if __name__ == "__main__":
    render()
