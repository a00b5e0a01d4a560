"""Every assignment, soonest due first: the scenario, who or which group, the due date (red
once overdue and not done by everyone), how many assignees have done it, and a remove button
(owns the ``assignment_list.*`` keys of st.session_state)."""
from __future__ import annotations

import datetime as dt

import streamlit as st

from simulator.services.catalogue import Playable
from simulator.store import Assignment, User
from simulator.texts.formats import literal
from simulator.texts.labels import Labels

from .. import services
from .assignment_form import person

NOTICE = "assignment_list.notice"


def render(user: User, assignments: list[Assignment], *, offered: dict[str, Playable], people: dict[int, User],
           counts: dict[int, tuple[int, int]], tr: Labels, today: dt.date) -> None:
    st.subheader(tr("assign_list"))
    _show_notice()
    if not assignments:
        st.caption(tr("assign_none"))
        return
    for assignment in assignments:
        title = _title(assignment, offered, tr)
        done, total = counts.get(assignment.id, (0, 0))
        with st.container(border=True, key=f"assignment_list.row.{assignment.id}"):
            text, action = st.columns([5, 1], vertical_alignment="center")
            text.markdown(" · ".join([f"**{title}**", _target(assignment, people, tr), _due(assignment.due, done, total, tr, today),
                                      tr("assign_progress", done=done, total=total)]))
            action.button(tr("assign_remove"), key=f"assignment_list.remove.{assignment.id}", icon=":material/delete:",
                      on_click=_remove, args=(user, assignment.id, title, tr))


def _title(assignment: Assignment, offered: dict[str, Playable], tr: Labels) -> str:
    """The scenario's title, as Markdown that shows it as written."""
    playable = offered.get(assignment.scenario_id)
    return literal(playable.scenario.title) if playable else tr("assign_not_offered", scenario=literal(assignment.scenario_id))


def _target(assignment: Assignment, people: dict[int, User], tr: Labels) -> str:
    """Who or which group, as Markdown that shows names as written."""
    if assignment.group_name:
        return tr("assign_group_target", group=literal(assignment.group_name))
    user = people.get(assignment.user_id)
    return literal(person(user) if user else f"#{assignment.user_id}")


def _due(due: dt.date | None, done: int, total: int, tr: Labels, today: dt.date) -> str:
    if due is None:
        return tr("assign_no_due")
    date = due.strftime("%d.%m.%Y")
    if due < today and not (total and done == total):
        return f":red[**{tr('assign_overdue', due=date)}**]"
    return tr("assign_due_on", due=date)


def _remove(user: User, assignment_id: int, title: str, tr: Labels) -> None:
    try:
        services.store().unassign(user, assignment_id)
    except PermissionError:
        st.session_state[NOTICE] = (False, tr("access_denied"))
    else:
        st.session_state[NOTICE] = (True, tr("assign_removed", title=title))


def _show_notice() -> None:
    notice = st.session_state.pop(NOTICE, None)
    if notice is None:
        return
    ok, message = notice
    if ok:
        st.success(message, icon=":material/check_circle:")
    else:
        st.error(message)
