"""What to do after a call, right under its verdict: try the same scenario again (in the same
mode) and start the next suggested one (simulator.services.next_scenario) as practice. Owns the
``call_next.*`` keys of st.session_state."""
from __future__ import annotations

import streamlit as st

from simulator.services.next_scenario import suggest
from simulator.store import AttemptDetail, User
from simulator.texts.formats import literal
from simulator.texts.labels import Labels

from .. import access, services
from . import call_session


def render(user: User, detail: AttemptDetail, tr: Labels) -> None:
    attempt = detail.attempt
    offered = services.catalogue()
    playable = offered.get(attempt.scenario_id)
    if playable is None:
        st.caption(tr("scenario_not_offered"))
        return
    store = services.store()
    stats = store.catalogue_stats(user)
    assigned = {}
    for assignment in store.assignments_for(user):      # soonest due first
        if not assignment.done:
            assigned.setdefault(assignment.scenario_id, assignment.due)
    passed = bool(attempt.passed)
    following = suggest(playable.scenario, passed, [p.scenario for p in offered.values()],
                        passed={s for s, stat in stats.items() if stat.passed},
                        tried={s for s, stat in stats.items() if stat.attempts}, assigned=assigned)
    with st.container(horizontal=True, key="call_next"):     # the likelier step is the primary one: on after a pass
        if st.button(tr("try_again"), key="call_next.again", type="secondary" if passed and following else "primary",
                     icon=":material/replay:"):
            access.go("call", attempt=call_session.start(user, playable.scenario, attempt.mode).attempt_id)
        if following is not None and st.button(tr("next_suggested", title=literal(following.title)), key="call_next.next",
                                                type="primary" if passed else "secondary",
                                                help=tr("next_suggested_help"), icon=":material/skip_next:"):
            access.go("call", attempt=call_session.start(user, following, "practice").attempt_id)
