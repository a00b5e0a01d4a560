"""Assignments: a trainer assigns a scenario to a trainee or a group, with an optional due date,
and sees every assignment with how many of its trainees have done it."""
from __future__ import annotations

import datetime as dt

import streamlit as st

from simulator.ui import access, services, session
from simulator.ui.components import assignment_form, assignment_list


def render() -> None:
    user = access.require("assignments")
    tr = session.labels(user)
    store = services.store()
    st.title(tr("nav_assignments"))
    offered = services.catalogue()
    trainees = store.users(role="trainee")
    assignment_form.render(user, offered, trainees, store.groups(), tr)
    assignment_list.render(user, store.assignments(user), offered=offered,
                           people={u.id: u for u in store.users(include_inactive=True)},
                           counts=store.assignment_progress(user),
                           tr=tr, today=dt.date.today())


if __name__ == "__main__":
    render()
