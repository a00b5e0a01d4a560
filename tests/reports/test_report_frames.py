"""Frames built the way the store hands them over (``pd.DataFrame(table.rows, columns=table.columns)``)
go through every report, empty or not."""
from __future__ import annotations

import datetime as dt

import pandas as pd

from simulator.reports.export import readiness_tables, to_csv, to_xlsx
from simulator.reports.frames import ATTEMPT_COLUMNS, FINDING_COLUMNS, TRAINEE_COLUMNS, iso_week
from simulator.reports.readiness import describe, readiness_at, summary
from simulator.reports.trainee_report import render_html
from simulator.reports.trends import ready_over_time, weekly
from simulator.reports.weak_areas import top_findings, weakest_categories

UTC = dt.timezone.utc
TODAY = dt.date(2026, 3, 31)


def frames(attempts=(), trainees=(), findings=()):
    return (pd.DataFrame(list(attempts), columns=ATTEMPT_COLUMNS), pd.DataFrame(list(trainees), columns=TRAINEE_COLUMNS),
            pd.DataFrame(list(findings), columns=FINDING_COLUMNS))


def run_everything(attempts, trainees, findings):
    result = readiness_at(attempts, trainees, ["outage"], TODAY)
    tables = readiness_tables(*result, language="en")
    to_xlsx(tables), to_csv(tables["Trainees"])
    trends = weekly(attempts, by="group"), ready_over_time(attempts, trainees, ["outage"], TODAY, weeks=2, by="group")
    weak = top_findings(findings, "hurt", titles=attempts), weakest_categories(attempts)
    return result, trends, weak


def test_empty_store_frames():
    (categories, people), (weeks, ready), (hurt, weakest) = run_everything(*frames())
    assert categories.empty and people.empty and summary(people) == {"ready": 0, "total": 0, "share": 0.0}
    assert weeks.empty and ready.empty and hurt.empty and weakest.empty


def test_store_rows_with_a_group_less_trainee_and_sqlite_style_values():
    # SQLite may give booleans as 0/1 and a call's passed as None; one call 2 days ago, one 1 day ago
    calls = [(k, 7, "nadia", "Надія", None, "outage", "uk", "outage-uk", "Відключення", "exam",
              dt.datetime(2026, 3, 29 + k, 9, tzinfo=UTC), 80.0 + k, 0, passed, 0, 0) for k, passed in ((0, 1), (1, None))]
    trainees = [(7, "nadia", "Надія", None, "uk"), (8, "bohdan", "Богдан", "B", "en")]
    findings = [("hurt", "outage-uk", "зачекайте", "зачекайте", 2)]
    (categories, people), (weeks, ready), (hurt, weakest) = run_everything(*frames(calls, trainees, findings))
    # nadia: 81 newest, 80 -> (81 + 0.8*80) / 1.8 = 80.6, ready; bohdan has no calls
    nadia = categories.set_index("user").loc["nadia"]
    assert (nadia.attempts, nadia.score, bool(nadia.ready)) == (2, 80.6, True)
    assert describe(people.set_index("user").loc["bohdan", "reasons"], "en") == "outage: no calls"
    # 29 March is a Sunday (week of 23rd), 30 March a Monday; passed None is left out of the pass rate
    assert iso_week(pd.Series([dt.datetime(2026, 3, 29, tzinfo=UTC)])).tolist() == [pd.Timestamp("2026-03-23")]
    rates = weeks[weeks.metric == "pass_rate"]
    assert rates.series.tolist() == ["—", "—"] and rates.value.tolist()[0] == 1 and pd.isna(rates.value.tolist()[1])
    assert ready[ready.metric == "ready"].set_index(["series", "week"]).value.to_dict() == {
        ("B", pd.Timestamp("2026-03-23")): 0, ("B", pd.Timestamp("2026-03-30")): 0,
        ("—", pd.Timestamp("2026-03-23")): 0, ("—", pd.Timestamp("2026-03-30")): 1}     # only one call by Sunday 29th, two by today
    assert hurt[["title", "count"]].values.tolist() == [["Відключення", 2]]
    assert weakest.category.tolist() == ["outage"] and weakest.pass_rate.tolist() == [1.0]
    html = render_html(people.iloc[1], categories[categories.user == "nadia"], pd.DataFrame(calls, columns=ATTEMPT_COLUMNS),
                       pd.DataFrame(findings, columns=FINDING_COLUMNS), "uk", dt.datetime(2026, 3, 31, tzinfo=UTC))
    assert "Готовий до реальних дзвінків" in html
