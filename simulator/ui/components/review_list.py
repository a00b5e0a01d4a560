"""The finished calls for trainers to review, newest first, filtered by trainee, group,
scenario, reviewed or not, and finish date; one is opened by its id in the address (owns the
``review_list.*`` keys of st.session_state, so the filters survive opening a call and coming back)."""
from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from simulator.store import Attempt, User

from ..labels import Labels
from . import review_call, review_notes

ALL = None


def render(calls: list[Attempt], people: list[User], tr: Labels) -> None:
    """``calls``: the finished attempts the viewer may see; ``people``: every user (for names and groups)."""
    by_id = {person.id: person for person in people}
    group_of = {person.id: person.group_name for person in people}
    chosen = _filters(calls, by_id, group_of, tr)
    shown = sorted((a for a in calls if matches(a, chosen, group_of)), key=lambda a: (a.finished_at, a.id), reverse=True)
    st.caption(tr("review_count", count=len(shown)))
    if not shown:
        st.info(tr("review_none"))
        return
    st.dataframe(_table(shown, tr), hide_index=True)
    labels = {a.id: " · ".join([review_notes.when(a.finished_at), a.username, a.title]) for a in shown}
    with st.container(horizontal=True, vertical_alignment="bottom"):
        picked = st.selectbox(tr("review_pick"), list(labels), format_func=labels.get, key="review_list.chosen")
        if st.button(tr("review_open"), key="review_list.open", type="primary", icon=":material/rate_review:"):
            review_call.open_call(picked)


def matches(attempt: Attempt, chosen: dict[str, Any], group_of: dict[int, str | None]) -> bool:
    finished = attempt.finished_at.date()
    return ((chosen["trainee"] is ALL or attempt.user_id == chosen["trainee"])
            and (chosen["group"] is ALL or group_of.get(attempt.user_id) == chosen["group"])
            and (chosen["scenario"] is ALL or attempt.scenario_id == chosen["scenario"])
            and (chosen["reviewed"] is ALL or attempt.reviewed == (chosen["reviewed"] == "yes"))
            and (chosen["since"] is None or finished >= chosen["since"])
            and (chosen["until"] is None or finished <= chosen["until"]))


def _filters(calls: list[Attempt], by_id: dict[int, User], group_of: dict[int, str | None], tr: Labels) -> dict[str, Any]:
    def or_all(label):
        return lambda value: tr("filter_all") if value is ALL else label(value)

    trainees = sorted({a.user_id: a.username for a in calls}.items(), key=lambda item: item[1])
    groups = sorted({group_of.get(a.user_id) for a in calls} - {None})
    scenarios = sorted({a.scenario_id: a.title for a in calls}.items(), key=lambda item: item[1])
    titles = dict(scenarios)
    chosen: dict[str, Any] = {}
    first, second = st.columns(3), st.columns(3)
    with first[0]:
        chosen["trainee"] = st.selectbox(tr("review_trainee"), [ALL, *(i for i, _ in trainees)], key="review_list.trainee",
                                         format_func=or_all(lambda i: _person(by_id, i)))
    with first[1]:
        chosen["group"] = st.selectbox(tr("group"), [ALL, *groups], key="review_list.group", format_func=or_all(str))
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
            tr("column_finished"): [review_notes.when(a.finished_at) for a in calls],
            tr("review_trainee"): [a.username for a in calls],
            tr("column_scenario"): [a.title for a in calls],
            tr("review_machine_score"): [review_notes.points(a.overall) for a in calls],
            tr("review_reviewed_score"): [review_notes.points(a.reviewed_overall) for a in calls],
            tr("column_critical"): ["!" if a.effective_critical else "" for a in calls],
            tr("column_passed"): ["✓" if a.passed else "✗" for a in calls],
            tr("column_mode"): [tr(f"mode_{a.mode}") for a in calls],
        }
    )
