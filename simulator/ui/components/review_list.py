"""The finished calls for trainers to review, newest first, filtered by trainee, group,
scenario, reviewed or not, and finish date: a list of whole rows, each a button that opens its
call (by its id in the address), :data:`PAGE` at a time with "show more" (owns the
``review_list.*`` keys of st.session_state, so the filters survive opening a call and coming back).

A row says everything on one line that wraps on a narrow screen, so nothing is cut off (a
table cut its columns off and its rows could not be opened)."""
from __future__ import annotations

import datetime as dt
from typing import Any

import streamlit as st

from simulator.store import Attempt, Store, User
from simulator.texts import formats
from simulator.texts.labels import Labels

from . import review_call, review_notes, scoring_tuning
from .date_field import date_field

ALL = None


LIMIT = 300     # newest calls read at once; the filters narrow the rest down
PAGE = 20       # rows shown before "show more"
SHOWN = "review_list.shown"


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
    visible = st.session_state.get(SHOWN, PAGE)
    tunings = scoring_tuning.of_attempts([attempt.id for attempt in shown[:visible]])
    with st.container(key="review_list.calls"):
        for attempt in shown[:visible]:
            if st.button(row(attempt, tr, tunings.get(attempt.id)), key=f"review_list.open.{attempt.id}", width="stretch",
                         icon=":material/rate_review:"):
                review_call.open_call(attempt.id)
    if len(shown) > visible:
        st.button(tr("review_more", count=min(PAGE, len(shown) - visible)), key="review_list.more",
                  on_click=_more, icon=":material/expand_more:")


def row(attempt: Attempt, tr: Labels, tuning=None) -> str:
    """One call as its button says it: when, who, which scenario, the score (reviewed when it
    was), passed or not, a critical mistake, the mode, and the scoring tuning when one scored it
    (``tuning``; Markdown: user text escaped)."""
    score = review_notes.points(attempt.overall)
    if attempt.reviewed:
        score += " → " + review_notes.points(attempt.reviewed_overall)
    parts = [formats.moment(attempt.finished_at), formats.literal(attempt.username), formats.literal(attempt.title),
             tr("review_row_score", score=score) + (" ✓" if attempt.passed else " ✗"),
             *([tr("column_critical")] if attempt.effective_critical else []), tr(f"mode_{attempt.mode}"),
             *([tr("review_reviewed_yes")] if attempt.reviewed else []),
             *([scoring_tuning.line(tuning, tr)] if tuning is not None else [])]
    return " · ".join(parts)


def _more() -> None:
    st.session_state[SHOWN] = st.session_state.get(SHOWN, PAGE) + PAGE


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
        chosen["since"] = date_field(st, tr("review_since"), tr, value=None, key="review_list.since")
    with second[2]:
        chosen["until"] = date_field(st, tr("review_until"), tr, value=None, key="review_list.until")
    return chosen


def _person(by_id: dict[int, User], user_id: int) -> str:
    person = by_id.get(user_id)
    if person is None:
        return str(user_id)
    return f"{person.full_name} ({person.username})" if person.full_name else person.username
