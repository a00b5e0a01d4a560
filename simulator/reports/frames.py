"""The DataFrames the store hands to the reports, and the small helpers every report shares.

ATTEMPTS, one row per completed call:
    attempt_id, user_id, user, full_name, group (None when the trainee has none), category,
    language ('uk'|'en'), scenario_id, title, mode ('practice'|'exam'), finished_at (aware UTC),
    overall (after a trainer's review), critical (after review), passed, reviewed, abandoned
    (not finished: ended early, or an exam left behind, with 0 points when unscored); optionally
    accuracy and empathy.
FINDINGS, weak areas aggregated by the store: kind ('missed_fact'|'wrong_fact'|'hurt'),
    scenario_id, item (fact id or phrase), label (fact text or phrase), count.
TRAINEES, every active trainee (so one with no calls still shows): user_id, user, full_name,
    group, language.

Each report checks only the columns it uses, so a test can build a frame with just those.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import pandas as pd

ATTEMPT_COLUMNS = ("attempt_id", "user_id", "user", "full_name", "group", "category", "language", "scenario_id",
                   "title", "mode", "finished_at", "overall", "critical", "passed", "reviewed", "abandoned")
FINDING_COLUMNS = ("kind", "scenario_id", "item", "label", "count")
TRAINEE_COLUMNS = ("user_id", "user", "full_name", "group", "language")
IDENTITY = ("user_id", "user", "full_name", "group")    # who a trainee is, in the reports' tables
NO_GROUP = "—"                                         # how a trainee without a group is shown


def require(frame: pd.DataFrame, columns: Iterable[str], what: str) -> None:
    """Raise a ValueError naming the columns ``frame`` lacks."""
    lacking = sorted(set(columns) - set(frame.columns))
    if lacking:
        raise ValueError(f"{what} lack columns: {', '.join(lacking)}")


def identity(frame: pd.DataFrame) -> list[str]:
    """The identity columns ``frame`` has, in their usual order."""
    return [column for column in IDENTITY if column in frame.columns]


def utc(times: pd.Series) -> pd.Series:
    """Times as aware UTC; naive times are taken to be UTC already (as the store keeps them)."""
    return pd.to_datetime(times, utc=True)


def day_start(day: dt.date) -> pd.Timestamp:
    """Midnight UTC starting ``day`` (a datetime counts as its UTC date)."""
    if isinstance(day, dt.datetime):
        day = (day.astimezone(dt.timezone.utc) if day.tzinfo else day).date()
    return pd.Timestamp(day, tz="UTC")


def filter_attempts(attempts: pd.DataFrame, *, groups: Iterable[str] | None = None,
                    categories: Iterable[str] | None = None, modes: Iterable[str] | None = None,
                    languages: Iterable[str] | None = None, since: dt.date | None = None,
                    until: dt.date | None = None) -> pd.DataFrame:
    """The attempts matching every filter given: ``since`` and ``until`` are whole UTC days, both included.

    ``groups`` may hold ``None`` (or :data:`NO_GROUP`) for trainees without a group.
    """
    keep = pd.Series(True, index=attempts.index)
    if groups is not None:
        groups = list(groups)
        keep &= attempts["group"].isin(groups) | (attempts["group"].isna() & any(g in (None, NO_GROUP) for g in groups))
    for column, values in (("category", categories), ("mode", modes), ("language", languages)):
        if values is not None:
            keep &= attempts[column].isin(list(values))
    if since is not None or until is not None:
        finished = utc(attempts["finished_at"])
        if since is not None:
            keep &= finished >= day_start(since)
        if until is not None:
            keep &= finished < day_start(until) + pd.Timedelta(days=1)
    return attempts[keep]


def iso_week(times: pd.Series) -> pd.Series:
    """The Monday (a naive date-time at midnight) of each time's ISO week, in UTC."""
    days = utc(times).dt.tz_localize(None).dt.normalize()
    return days - pd.to_timedelta(days.dt.day_of_week, unit="D")


def trainee_list(attempts: pd.DataFrame, trainees: pd.DataFrame | None = None) -> pd.DataFrame:
    """Who the trainees are (identity columns, one row each, by username): ``trainees`` when
    given, so that those without calls count and deactivated ones do not; else everyone in ``attempts``."""
    source = attempts if trainees is None else trainees
    require(source, ("user", "group"), "attempts" if trainees is None else "trainees")
    return source[identity(source)].drop_duplicates("user").sort_values("user", kind="stable", ignore_index=True)
