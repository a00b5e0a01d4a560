"""Weekly trends and ready trainees over time, on hand-checked fixtures."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from simulator.reports.readiness import Rules, readiness_at, summary
from simulator.reports.trends import ALL, ready_over_time, weekly

UTC = dt.timezone.utc
KYIV = dt.timezone(dt.timedelta(hours=3))


def attempt(when, group, category, overall, passed):
    return {"finished_at": when, "group": group, "category": category, "overall": overall, "passed": passed}


# ISO weeks start on Monday: 16 March 2026 and 23 March 2026 are Mondays.
CALLS = pd.DataFrame([
    attempt(dt.datetime(2026, 3, 16, 9, tzinfo=UTC), "A", "outage", 80, True),
    attempt(dt.datetime(2026, 3, 18, 12, tzinfo=UTC), "A", "tariff-zones", 60, False),
    attempt(dt.datetime(2026, 3, 22, 23, 30, tzinfo=UTC), "B", "outage", 90, True),         # Sunday night: week of 16th
    attempt(dt.datetime(2026, 3, 23, 1, 0, tzinfo=KYIV), "B", "tariff-zones", 70, True),    # 22 Mar 22:00 UTC: week of 16th
    attempt(dt.datetime(2026, 3, 23, 0, 0, tzinfo=UTC), "B", "tariff-zones", 70, True),     # first instant of week of 23rd
    attempt(dt.datetime(2026, 3, 25, 10, tzinfo=UTC), None, "outage", 50, False),
])
CALLS["finished_at"] = pd.to_datetime(CALLS["finished_at"], utc=True)
W16, W23 = pd.Timestamp("2026-03-16"), pd.Timestamp("2026-03-23")


def values(tidy, metric, series=ALL):
    rows = tidy[(tidy.metric == metric) & (tidy.series == series)]
    return dict(zip(rows.week, rows.value))


def test_weekly_overall():
    tidy = weekly(CALLS)
    assert list(tidy.columns) == ["week", "series", "metric", "value"]
    # week of 16th: 80, 60, 90, 70 -> mean 75, 3 of 4 passed; week of 23rd: 70, 50 -> 60, 1 of 2
    assert values(tidy, "calls") == {W16: 4, W23: 2}
    assert values(tidy, "mean_overall") == {W16: 75, W23: 60}
    assert values(tidy, "pass_rate") == {W16: 0.75, W23: 0.5}
    assert tidy.week.dt.tz is None and set(tidy.week.dt.day_of_week) == {0}     # naive Mondays, for charts


def test_weekly_by_group_names_the_missing_group():
    tidy = weekly(CALLS, by="group")
    # A: 80, 60 in week 16 -> 70, 1 of 2; B: 90, 70 -> 80, 2 of 2 then 70 alone; no group: 50 in week 23
    assert values(tidy, "mean_overall", "A") == {W16: 70}
    assert values(tidy, "pass_rate", "A") == {W16: 0.5}
    assert values(tidy, "mean_overall", "B") == {W16: 80, W23: 70}
    assert values(tidy, "calls", "B") == {W16: 2, W23: 1}
    assert values(tidy, "mean_overall", "—") == {W23: 50} and values(tidy, "pass_rate", "—") == {W23: 0}


def test_weekly_by_category():
    tidy = weekly(CALLS, by="category")
    # outage: 80, 90 -> 85 then 50; tariffs: 60, 70 -> 65, 1 of 2, then 70
    assert values(tidy, "mean_overall", "outage") == {W16: 85, W23: 50}
    assert values(tidy, "mean_overall", "tariff-zones") == {W16: 65, W23: 70}
    assert values(tidy, "pass_rate", "tariff-zones") == {W16: 0.5, W23: 1}


def test_weekly_of_nothing_is_empty_with_its_columns():
    tidy = weekly(CALLS.iloc[:0], by="group")
    assert tidy.empty and list(tidy.columns) == ["week", "series", "metric", "value"]
    with pytest.raises(ValueError, match="attempts lack columns: mode"):
        weekly(CALLS, by="mode")


def call(user, group, when, overall, critical=False):
    return {"user": user, "group": group, "category": "outage", "finished_at": when, "overall": overall, "critical": critical}


READINESS_CALLS = pd.DataFrame([
    # olena ready from Sunday 15 March (late evening still counts): (90 + 0.8*80) / 1.8 = 85.6;
    # a critical mistake on 24 March makes her not ready on 25 March
    call("olena", "A", dt.datetime(2026, 3, 10, 12, tzinfo=UTC), 80),
    call("olena", "A", dt.datetime(2026, 3, 15, 23, 0, tzinfo=UTC), 90),
    call("olena", "A", dt.datetime(2026, 3, 24, 12, tzinfo=UTC), 95, critical=True),
    # petro: first call just after the week of 9th ended; ready on 22nd: (72 + 0.8*75) / 1.8 = 73.3
    call("petro", "B", dt.datetime(2026, 3, 16, 0, 30, tzinfo=UTC), 75),
    call("petro", "B", dt.datetime(2026, 3, 20, 12, tzinfo=UTC), 72),
])
TRAINEES = pd.DataFrame({"user": ["olena", "petro", "nadia"], "group": ["A", "B", None]})     # nadia: no calls
TODAY = dt.date(2026, 3, 25)          # a Wednesday
W9 = pd.Timestamp("2026-03-09")


def test_ready_over_time_judges_each_week_end_and_today():
    tidy = ready_over_time(READINESS_CALLS, TRAINEES, ["outage"], TODAY, weeks=3)
    assert list(tidy.columns) == ["week", "day", "series", "metric", "value"]
    ready = tidy[tidy.metric == "ready"]
    # judged on Sunday 15th, Sunday 22nd, and today (Wednesday 25th) for the week not over
    assert list(ready.week) == [W9, W16, W23]
    assert list(ready.day) == [dt.date(2026, 3, 15), dt.date(2026, 3, 22), TODAY]
    # 15th: olena; 22nd: olena and petro; 25th: petro (olena's critical mistake)
    assert list(ready.value) == [1, 2, 1]
    assert list(tidy[tidy.metric == "trainees"].value) == [3, 3, 3]
    assert list(tidy[tidy.metric == "share"].value) == pytest.approx([1 / 3, 2 / 3, 1 / 3])


def test_ready_over_time_agrees_with_readiness_on_the_day():
    tidy = ready_over_time(READINESS_CALLS, TRAINEES, ["outage"], TODAY, weeks=1)
    today = summary(readiness_at(READINESS_CALLS, TRAINEES, ["outage"], TODAY).trainees)
    assert tidy[tidy.metric == "ready"].value.tolist() == [today["ready"]]
    assert tidy[tidy.metric == "share"].value.tolist() == [today["share"]]


def test_ready_over_time_by_group():
    tidy = ready_over_time(READINESS_CALLS, TRAINEES, ["outage"], TODAY, weeks=3, by="group")
    ready = tidy[tidy.metric == "ready"]
    assert ready[ready.series == "A"].value.tolist() == [1, 1, 0]
    assert ready[ready.series == "B"].value.tolist() == [0, 1, 1]
    assert ready[ready.series == "—"].value.tolist() == [0, 0, 0]
    assert tidy[(tidy.metric == "share") & (tidy.series == "B")].value.tolist() == [0, 1, 1]


def test_ready_over_time_follows_the_rules():
    # a mark of 80: petro's 73.3 no longer passes, olena's 85.6 does
    tidy = ready_over_time(READINESS_CALLS, TRAINEES, ["outage"], TODAY, weeks=3, rules=Rules(pass_mark=80))
    assert tidy[tidy.metric == "ready"].value.tolist() == [1, 1, 0]


def test_ready_over_time_edge_cases():
    # no calls at all: everyone counted, nobody ready
    nothing = ready_over_time(READINESS_CALLS.iloc[:0], TRAINEES, ["outage"], TODAY, weeks=2)
    assert nothing[nothing.metric == "ready"].value.tolist() == [0, 0]
    assert nothing[nothing.metric == "trainees"].value.tolist() == [3, 3]
    # no trainees frame: those in the attempts (olena, petro)
    assert ready_over_time(READINESS_CALLS, None, ["outage"], TODAY, weeks=1).query("metric == 'trainees'").value.tolist() == [2]
    with pytest.raises(ValueError, match="weeks must be at least 1"):
        ready_over_time(READINESS_CALLS, TRAINEES, ["outage"], TODAY, weeks=0)
    with pytest.raises(ValueError, match="by group only, not by 'category'"):
        ready_over_time(READINESS_CALLS, TRAINEES, ["outage"], TODAY, by="category")
