"""A trainee's practice plan (simulator.services.learning.practice_plan): the next three things to
practise, each with its reason, and what they miss most often. On the catalogue the trainee
starts each step from here (a line to answer again opens as a rerun of that call); HR and
trainers see the same plan on a trainee's report, without the buttons."""
from __future__ import annotations

import streamlit as st

from simulator.services.learning.practice_plan import Plan, RecentCall, Step, Weakness, plan
from simulator.store import User
from simulator.store.call_turns import recent_calls
from simulator.texts.formats import literal
from simulator.texts.labels import Labels

from .. import access, services
from . import call_session, rewind


def build(viewer: User, trainee: User) -> tuple[Plan, dict[tuple[int, int], str]]:
    """The trainee's plan, and the customer's line of each (call, turn) it may point to."""
    store = services.store()
    recent = recent_calls(store, viewer, trainee.id)
    calls = [RecentCall(a.id, a.scenario_id, a.mode, bool(a.passed), turns) for a, turns in recent]
    lines = {(a.id, t.index): t.customer_line for a, turns in recent for t in turns}
    stats = store.catalogue_stats(trainee)
    assigned: dict = {}
    for assignment in store.assignments_for(trainee):       # soonest due first
        if not assignment.done:
            assigned.setdefault(assignment.scenario_id, assignment.due)
    offered = [p.scenario for p in services.catalogue().values()]
    return plan(calls, offered, passed={s for s, stat in stats.items() if stat.passed},
                tried={s for s, stat in stats.items() if stat.attempts}, assigned=assigned, language=trainee.language), lines


def render(viewer: User, trainee: User, tr: Labels, *, actions: bool) -> None:
    """``actions``: the trainee's own plan, with a button to start each step."""
    result, lines = build(viewer, trainee)
    with st.container(border=True, key="practice_plan"):
        heading = tr("plan_heading") if actions else tr("plan_heading_of", name=literal(trainee.full_name or trainee.username))
        st.markdown(f"#### {heading}")      # below the page's own subheader (the trainee's name on their report)
        st.caption(tr("plan_caption"))
        if not result.steps:
            st.info(tr("plan_empty"))
        for k, step in enumerate(result.steps):
            _step(k, step, lines, viewer, tr, actions)
        if result.weaknesses:
            with st.expander(tr("plan_weaknesses")):
                st.markdown("\n".join(f"- {reason(w, tr)}" for w in result.weaknesses[:6]))


def reason(weakness: Weakness, tr: Labels) -> str:
    """Why a step is in the plan, in the reader's words (the fact in the scenario's)."""
    values = {"count": weakness.count, "total": weakness.total}
    if weakness.kind == "fact" and weakness.streak >= 2:
        return tr("plan_fact_streak", count=weakness.streak, fact=literal(weakness.item))
    if weakness.kind == "fact":
        return tr("plan_fact_missed", fact=literal(weakness.item), **values)
    if weakness.kind == "slip":
        return tr("plan_slip", kind=tr(f"flag_{weakness.item}"), **values)
    return tr("plan_empathy", part=tr(f"part_{weakness.item}"), **values)


def _why(step: Step, tr: Labels) -> str:
    if step.kind == "assigned":
        return tr("assigned_due", due=step.due.strftime("%d.%m.%Y")) if step.due else tr("assigned")
    if step.why is not None:
        return reason(step.why, tr)
    return tr("plan_start") if step.kind == "start" else tr("plan_next")


def _step(k: int, step: Step, lines: dict, viewer: User, tr: Labels, actions: bool) -> None:
    with st.container(key=f"practice_plan.step.{k}"):
        st.markdown(f"**{k + 1}. {literal(step.scenario.title)}** — {_why(step, tr)}")
        if step.kind == "drill":
            st.caption(tr("plan_drill_line", line=literal(f"«{lines.get((step.attempt_id, step.turn), '')}»")))
        if not actions:
            return
        if step.kind == "drill":
            if st.button(tr("plan_drill"), key=f"practice_plan.drill.{k}", icon=":material/replay:"):
                rewind.go(viewer, step.attempt_id, step.turn, tr)
        elif st.button(tr("start_practice"), key=f"practice_plan.start.{k}", icon=":material/school:"):
            access.go("call", attempt=call_session.start(viewer, step.scenario, "practice").attempt_id)
