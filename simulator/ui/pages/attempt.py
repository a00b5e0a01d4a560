"""One attempt's scorecard (``?attempt=ID``): where a call ends, and where past attempts open.

The store decides who may see it: a trainee only their own attempts, staff everyone's. A call
that has just ended shows the customer's last words first (played on the voice channel), and
its trainee gets "try again" and the next suggested scenario (call_next). Below the scorecard,
the call's branch map (branch_map), from whose turns the trainee's own practice call can be
rewound (a linked rerun). A practice call ended before any reply has no scorecard: it says it was not scored; an exam left unfinished
without one says that it counts as not passed, with 0 points.
"""
from __future__ import annotations

import streamlit as st

from simulator.services.catalogue import parse
from simulator.store import NotFound
from simulator.texts import formats
from simulator.ui import access, links, services, session
from simulator.ui.components import branch_map, call_next, call_session, customer_line, rewind, scorecard_view


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
    if attempt.rerun_of is not None:
        st.info(tr("rerun_note", number=attempt.rerun_of), icon=":material/replay:")
    own = attempt.user_id == user.id and user.role in access.page("call").roles
    if attempt.status == "in_progress":
        st.info(tr("attempt_in_progress"))
        if own and st.button(tr("resume"), key="attempt.resume", type="primary", icon=":material/play_arrow:"):
            access.go("call", attempt=attempt.id)
        return
    _closing(detail, tr)
    next_steps = (lambda: call_next.render(user, detail, tr)) if own else None     # right under the verdict
    if detail.scorecard is None and (not detail.turns or attempt.mode == "exam"):     # an exam counts: 0 points
        st.info(tr("exam_left_unfinished" if attempt.mode == "exam" else "ended_unscored"), icon=":material/call_end:")
        if next_steps is not None:
            next_steps()
    else:
        speaker = None if attempt.user_id == user.id else tr("review_trainee_said")      # staff: the trainee, by role
        scorecard_view.render(detail, tr, services.audio_files(), then=next_steps, speaker=speaker)
    if detail.turns:        # issue 17: where the call turned and why; one's own practice call can be rewound from any turn
        rewinding = own and attempt.mode == "practice"
        branch_map.render(detail, tr, rewind=(lambda turn: rewind.go(user, attempt.id, turn, tr)) if rewinding else None,
                          speaker=None if attempt.user_id == user.id else tr("review_trainee_said"))
    with st.container(horizontal=True):
        if user.role in access.page("catalogue").roles:
            st.page_link(access.page("catalogue").path, label=tr("back_to_catalogue"), icon=":material/menu_book:")
            st.page_link(access.page("progress").path, label=tr("nav_progress"), icon=":material/monitoring:")


def _closing(detail, tr) -> None:
    """What the customer said as the call ended, in their voice on the voice channel (playing
    by itself only right after the call, not when the scorecard is opened again later)."""
    line = (detail.scorecard or {}).get("closing_line")
    if not line:
        return
    version = services.store().version(detail.attempt.scenario_version_id)
    scenario = parse(version.content_hash, version.yaml_text, version.shared_steps)
    if scenario is None:
        return
    st.subheader(tr("closing_heading"))
    customer_line.render(scenario, detail.attempt.id, len(detail.turns), line, tr, current=True,
                         autoplay=call_session.just_ended(detail.attempt.id))


if __name__ == "__main__":
    render()
