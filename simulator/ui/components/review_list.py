"""The finished calls for trainers to review, newest first, filtered by trainee, group,
scenario, reviewed or not, and finish date; one is opened by its id in the address (owns the
``review_list.*`` keys of st.session_state, so the filters survive opening a call and coming back)."""
from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
import streamlit as st

from simulator.store import Attempt, Store, User

from .. import formats
from ..labels import Labels
from . import review_call, review_notes

ALL = None


LIMIT = 300     # newest calls listed at once; the filters narrow the rest down


def render(store: Store, viewer: User, tr: Labels) -> None:
    """The finished calls ``viewer`` may see, filtered in the store (newest :data:`LIMIT`)."""
    people = store.users(include_inactive=True)
    chosen = _filters(store, viewer, people, tr)
    day = dt.timedelta(days=1)
    calls = store.attempts(
        viewer, chosen["trainee"], status="completed", scenario_id=chosen["scenario"], group=chosen["group"],
        finished_since=_midnight(chosen["since"]), finished_until=_midnight(chosen["until"] and chosen["until"] + day),
        reviewed=None if chosen["reviewed"] is ALL else chosen["reviewed"] == "yes", limit=LIMIT,
    )
    shown = sorted(calls, key=lambda a: (a.finished_at, a.id), reverse=True)
    st.caption(tr("review_count", count=len(shown)) + (" " + tr("review_limited", limit=LIMIT) if len(shown) == LIMIT else ""))
    if not shown:
        st.info(tr("review_none"))
        return
    st.dataframe(_table(shown, tr), hide_index=True)
    labels = {a.id: " · ".join([formats.moment(a.finished_at), a.username, a.title]) for a in shown}
    with st.container(horizontal=True, vertical_alignment="bottom"):
        picked = st.selectbox(tr("review_pick"), list(labels), format_func=labels.get, key="review_list.chosen")
        if st.button(tr("review_open"), key="review_list.open", type="primary", icon=":material/rate_review:"):
            review_call.open_call(picked)


def _midnight(day: dt.date | None) -> dt.datetime | None:
    return None if day is None else dt.datetime.combine(day, dt.time(), dt.timezone.utc)


def _filters(store: Store, viewer: User, people: list[User], tr: Labels) -> dict[str, Any]:
    def or_all(label):
        return lambda value: tr("filter_all") if value is ALL else label(value)

    by_id = {person.id: person for person in people}
    trainees = [person.id for person in people if person.role == "trainee"]
    titles = {s.scenario_id: s.title for s in sorted(store.studio_scenarios(viewer), key=lambda s: s.title)}
    chosen: dict[str, Any] = {}
    first, second = st.columns(3), st.columns(3)
    with first[0]:
        chosen["trainee"] = st.selectbox(tr("review_trainee"), [ALL, *trainees], key="review_list.trainee",
                                         format_func=or_all(lambda i: _person(by_id, i)))
    with first[1]:
        chosen["group"] = st.selectbox(tr("group"), [ALL, *store.groups()], key="review_list.group", format_func=or_all(str))
    with first[2]:
        chosen["scenario"] = st.selectbox(tr("column_scenario"), [ALL, *titles], key="review_list.scenario",
                                          format_func=or_all(titles.get))
    with second[0]:
        chosen["reviewed"] = st.selectbox(tr("review_filter_reviewed"), [ALL, "yes", "no"], key="review_list.reviewed",
                                          format_func=or_all(lambda v: tr("review_reviewed_yes") if v == "yes" else tr("review_reviewed_no")))
    with second[1]:
        chosen["since"] = st.date_input(tr("review_since"), value=None, format="DD.MM.YYYY", key="review_list.since")
    with second[2]:
        chosen["until"] = st.date_input(tr("review_until"), value=None, format="DD.MM.YYYY", key="review_list.until")
    return chosen


def _person(by_id: dict[int, User], user_id: int) -> str:
    person = by_id.get(user_id)
    if person is None:
        return str(user_id)
    return f"{person.full_name} ({person.username})" if person.full_name else person.username


def _table(calls: list[Attempt], tr: Labels) -> pd.DataFrame:
    return pd.DataFrame(
        {
            tr("column_finished"): [formats.moment(a.finished_at) for a in calls],
            tr("review_trainee"): [a.username for a in calls],
            tr("column_scenario"): [a.title for a in calls],
            tr("review_machine_score"): [review_notes.points(a.overall) for a in calls],
            tr("review_reviewed_score"): [review_notes.points(a.reviewed_overall) for a in calls],
            tr("column_critical"): ["!" if a.effective_critical else "" for a in calls],
            tr("column_passed"): ["✓" if a.passed else "✗" for a in calls],
            tr("column_mode"): [tr(f"mode_{a.mode}") for a in calls],
        }
    )
