"""Assign a published scenario to one trainee or to a group, with an optional due date that
is today or later (owns the ``assignment_form.*`` keys of st.session_state)."""
from __future__ import annotations

import datetime as dt

import streamlit as st

from simulator.services.catalogue import Playable
from simulator.store import NotFound, User
from simulator.texts import formats, refusals
from simulator.texts.formats import literal
from simulator.texts.labels import Labels

from .. import services
from .date_field import date_field

KINDS = ("trainee", "group")


def render(user: User, offered: dict[str, Playable], trainees: list[User], groups: list[str], tr: Labels) -> None:
    st.subheader(tr("assign_new"))
    if not offered:
        st.info(tr("assign_no_scenarios"))
        return
    ordered = sorted(offered, key=lambda s: (offered[s].scenario.language != tr.language, offered[s].scenario.title))
    scenario_id = st.selectbox(tr("column_scenario"), ordered,
                               format_func=lambda s: scenario_label(offered, s, tr), key="assignment_form.scenario")
    kind = st.radio(tr("assign_to"), KINDS, horizontal=True, key="assignment_form.kind",
                    format_func=lambda k: tr("assign_to_trainee") if k == "trainee" else tr("assign_to_group"))
    names = {t.id: person(t) for t in trainees}
    if kind == "trainee":
        target = st.selectbox(tr("assign_trainee"), list(names), index=None, format_func=names.get,
                              placeholder=tr("assign_choose"), key="assignment_form.trainee")
        if not names:
            st.caption(tr("assign_no_trainees"))
    else:
        target = st.selectbox(tr("group"), groups, index=None, placeholder=tr("assign_choose"), key="assignment_form.group")
        if not groups:
            st.caption(tr("assign_no_groups"))
    due = date_field(st, tr("assign_due"), tr, value=None, key="assignment_form.due")
    if st.button(tr("assign_submit"), key="assignment_form.submit", type="primary", icon=":material/assignment_add:",
                 disabled=target is None):
        if due is not None and due < dt.date.today():    # a trainee would see it overdue the moment it is made
            st.error(tr("assign_due_past", due=formats.day(due, tr.language)))
            return
        who = literal(names[target]) if kind == "trainee" else tr("assign_group_target", group=literal(target))
        _assign(user, scenario_id, kind, target, due, tr, title=offered[scenario_id].scenario.title, who=who)


def _assign(user: User, scenario_id: str, kind: str, target, due: dt.date | None, tr: Labels, *, title: str, who: str) -> None:
    target_of = {"user_id": target} if kind == "trainee" else {"group": target}
    try:
        services.store().assign(user, scenario_id, due=due, **target_of)
    except PermissionError:
        st.error(tr("access_denied"))
    except (ValueError, NotFound) as exc:
        st.error(tr("assign_failed", error=refusals.message(exc, tr)))
    else:
        st.success(tr("assign_created", title=literal(title), target=who), icon=":material/check_circle:")


def scenario_label(offered: dict[str, Playable], scenario_id: str, tr: Labels) -> str:
    scenario = offered[scenario_id].scenario
    return f"{scenario.title} · {tr(f'language_{scenario.language}')}"


def person(user: User) -> str:
    return f"{user.full_name} ({user.username})" if user.full_name else user.username
