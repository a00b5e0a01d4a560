"""One scenario in the catalogue: what the call is about, the trainee's record on it, an
assignment's due date, and the buttons to practise, take it as an exam, or resume."""
from __future__ import annotations

import datetime as dt

import streamlit as st

from simulator.scenario.model import Scenario
from simulator.store import Attempt, ScenarioStats, User
from simulator.texts.formats import literal
from simulator.texts.labels import Labels
from simulator.scoring.marks import points

from .. import access
from . import call_session


def render(user: User, scenario: Scenario, tr: Labels, *, stats: ScenarioStats | None, due: dt.date | None,
           assigned: bool, open_call: Attempt | None, today: dt.date) -> None:
    with st.container(border=True, key=f"scenario_card.{scenario.id}"):
        st.markdown(f"#### {literal(scenario.title)}")
        with st.container(horizontal=True):
            st.badge(tr(f"language_{scenario.language}"), color="gray")
            st.badge(tr(f"channel_{scenario.channel}"), icon=":material/call:" if scenario.channel == "voice" else ":material/chat:",
                     color="blue")
            st.badge(tr(f"category_{scenario.category}"), color="violet")
            st.badge(tr(f"difficulty_{scenario.difficulty}"), color={"easy": "green", "medium": "orange", "hard": "red"}[scenario.difficulty])
            if assigned:
                if due is None:
                    st.badge(tr("assigned"), icon=":material/assignment:", color="primary")
                elif due < today:
                    st.badge(tr("assigned_overdue", due=due.strftime("%d.%m.%Y")), icon=":material/event_busy:", color="red")
                else:       # not the theme's primary colour: it is red too, and overdue must stand out
                    st.badge(tr("assigned_due", due=due.strftime("%d.%m.%Y")), icon=":material/event:", color="blue")
        if stats is None or not stats.attempts:
            st.caption(tr("not_tried"))
        else:
            best = str(points(stats.best)) if stats.best is not None else "—"
            st.caption(tr("record_line", attempts=stats.attempts, best=best)
                       + (" · " + tr("passed_once") if stats.passed else ""))
        if scenario.situation:
            with st.expander(tr("about_call")):
                st.markdown(literal(scenario.situation))
                st.caption(literal(f"{scenario.persona.name}. {scenario.persona.about}"))
        with st.container(horizontal=True):
            if open_call is not None:
                if st.button(tr("resume"), key=f"scenario_card.{scenario.id}.resume", type="primary", icon=":material/play_arrow:"):
                    access.go("call", attempt=open_call.id)
            if st.button(tr("start_practice"), key=f"scenario_card.{scenario.id}.practice", icon=":material/school:",
                         type="secondary" if open_call else "primary"):
                access.go("call", attempt=call_session.start(user, scenario, "practice").attempt_id)
            if st.button(tr("start_exam"), key=f"scenario_card.{scenario.id}.exam", icon=":material/timer:"):
                access.go("call", attempt=call_session.start(user, scenario, "exam").attempt_id)
        if open_call is not None:
            st.caption(tr("call_in_progress", mode=tr(f"mode_{open_call.mode}"))
                       + (" " + tr("exam_restart_counts") if open_call.mode == "exam" else ""))
