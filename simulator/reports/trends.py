"""Week by week: how the calls go, and how many trainees are ready.

Both functions return tidy long frames that Altair charts directly, e.g.
``alt.Chart(t[t.metric == "mean_overall"]).mark_line().encode(x="week:T", y="value:Q", color="series:N")``.
Weeks are ISO weeks in UTC; ``week`` is their Monday, a naive midnight (so a chart shows the
date itself, not that date moved into the browser's time zone).
"""
from __future__ import annotations

import datetime as dt

import pandas as pd

from simulator.reports.frames import NO_GROUP, day_start, iso_week, require, trainee_list
from simulator.reports.readiness import Rules, required_categories, scores_by_day

ALL = "all"     # the series name when not split


def weekly(attempts: pd.DataFrame, by: str | None = None) -> pd.DataFrame:
    """Per ISO week (and per value of ``by``, e.g. "group" or "category"): the calls' mean overall
    score, pass rate (0 to 1) and number.

    Columns: week, series (the ``by`` value, :data:`ALL` when not split, :data:`NO_GROUP` when
    missing), metric ("mean_overall" | "pass_rate" | "calls"), value. Only weeks with calls appear.
    """
    require(attempts, ("finished_at", "overall", "passed") + ((by,) if by else ()), "attempts")
    calls = pd.DataFrame({
        "week": iso_week(attempts["finished_at"]),
        "series": _series(attempts, by),
        "overall": attempts["overall"].astype(float),
        "passed": attempts["passed"].astype(float),
    })
    stats = calls.groupby(["week", "series"]).agg(
        mean_overall=("overall", "mean"), pass_rate=("passed", "mean"), calls=("overall", "size"))
    return _long(stats)


def ready_over_time(attempts: pd.DataFrame, trainees: pd.DataFrame | None, required: list[str], today: dt.date,
                    weeks: int = 12, rules: Rules = Rules(), by: str | None = None) -> pd.DataFrame:
    """How many trainees were ready at the end of each of the last ``weeks`` ISO weeks, readiness
    recomputed as it stood then: on each week's Sunday, and on ``today`` for the week not yet over.

    The trainees are today's (``trainees``, or everyone in ``attempts``): someone who joined later
    counts as not ready in earlier weeks. Columns: week, day (the day judged), series (:data:`ALL`,
    or with ``by="group"`` the trainee's group), metric ("ready" | "trainees" | "share"), value.
    """
    if weeks < 1:
        raise ValueError(f"weeks must be at least 1, got {weeks}")
    if by not in (None, "group"):
        raise ValueError(f"ready trainees can be split by group only, not by {by!r}")
    people = trainee_list(attempts, trainees)
    people = pd.DataFrame({"user": people["user"], "series": _series(people, by)})
    required = required_categories(required)
    midnight = day_start(today)
    monday = midnight.tz_localize(None) - pd.Timedelta(days=midnight.day_of_week)
    mondays = [monday - pd.Timedelta(weeks=back) for back in range(weeks - 1, -1, -1)]
    days = [min((week + pd.Timedelta(days=6)).date(), midnight.date()) for week in mondays]
    scores = scores_by_day(attempts, required, days, rules)
    ready_categories = scores[scores["ready"]].groupby(["day", "user"]).size().rename("ready_categories")
    grid = people.merge(pd.DataFrame({"week": mondays, "day": days}), how="cross")
    grid = grid.join(ready_categories, on=["day", "user"])
    grid["ready"] = grid["ready_categories"].eq(len(required))
    stats = grid.groupby(["week", "day", "series"]).agg(ready=("ready", "sum"), trainees=("ready", "size"))
    return _long(stats.assign(share=stats["ready"] / stats["trainees"]))


def _series(frame: pd.DataFrame, by: str | None) -> pd.Series | str:
    """Each row's series name: :data:`ALL` when not split, else its ``by`` value (:data:`NO_GROUP` when missing)."""
    return ALL if by is None else frame[by].astype(object).where(frame[by].notna(), NO_GROUP)


def _long(stats: pd.DataFrame) -> pd.DataFrame:
    """Indexed wide statistics to tidy rows: the index columns, then metric and value."""
    keys = list(stats.index.names)
    tidy = stats.reset_index().melt(id_vars=keys, var_name="metric", value_name="value")
    tidy["value"] = tidy["value"].astype(float)
    return tidy.sort_values(["metric", "series", "week"], kind="stable", ignore_index=True)
