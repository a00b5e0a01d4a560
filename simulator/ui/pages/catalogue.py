"""The scenario catalogue: filters, the trainee's assignments first (soonest due first), their
attempts and best score per scenario, and a call in progress to resume."""
from __future__ import annotations

import datetime as dt

import streamlit as st

from simulator.ui import access, services, session
from simulator.ui.components import catalogue_filters, practice_plan, scenario_card


def render() -> None:
    user = access.require("catalogue")
    tr = session.labels(user)
    store = services.store()
    st.title(tr("catalogue_title"))
    practice_plan.render(user, user, tr, actions=True)      # issue 17: what to practise next, and why
    scenarios = [offered.scenario for offered in services.catalogue().values()]
    chosen = catalogue_filters.render(scenarios, tr)

    stats = store.catalogue_stats(user)
    open_calls: dict = {}
    for attempt in store.attempts(user, user.id, status="in_progress"):    # newest first
        open_calls.setdefault(attempt.scenario_id, attempt)
    due: dict[str, dt.date | None] = {}
    for assignment in store.assignments_for(user):                        # soonest due first
        if not assignment.done and assignment.scenario_id not in due:
            due[assignment.scenario_id] = assignment.due

    shown = [s for s in scenarios if catalogue_filters.matches(s, chosen)]
    shown.sort(key=lambda s: (s.id not in due, due.get(s.id) or dt.date.max, s.id not in open_calls,
                              s.language != tr.language, s.title))
    if not shown:
        st.info(tr("no_scenarios"))
    today = dt.date.today()
    for scenario in shown:
        scenario_card.render(user, scenario, tr, stats=stats.get(scenario.id), due=due.get(scenario.id),
                             assigned=scenario.id in due, open_call=open_calls.get(scenario.id), today=today)


if __name__ == "__main__":
    render()
