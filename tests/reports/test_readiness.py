"""Readiness on hand-checked fixtures (every expected number worked out by hand below)."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from simulator.reports.readiness import (
    REASONS,
    Rules,
    by_category,
    by_trainee,
    category_scores,
    describe,
    readiness_at,
    summary,
)

TODAY = dt.date(2026, 3, 31)
UTC = dt.timezone.utc


def call(user, category, day, overall, critical=False, group="A"):
    return {"user": user, "group": group, "category": category, "finished_at": dt.datetime(2026, 3, day, 12), "overall": overall, "critical": critical}


ATTEMPTS = pd.DataFrame([
    # olena: tariffs ready (80, 70 -> (80 + 0.8*70) / 1.8 = 75.6); outage: one call only
    call("olena", "tariff-zones", 30, 80), call("olena", "tariff-zones", 20, 70), call("olena", "outage", 25, 95),
    # petro: tariffs 60 then 90 newest -> (90 + 0.8*60) / 1.8 = 76.7 ready; outage 90, 85 with a critical mistake
    call("petro", "tariff-zones", 10, 60, group="B"), call("petro", "tariff-zones", 28, 90, group="B"),
    call("petro", "outage", 27, 90, group="B"), call("petro", "outage", 26, 85, critical=True, group="B"),
    # ivan: both categories at 71 and 69 -> (71 + 0.8*69) / 1.8 = 70.1 ready; one very old call ignored
    call("ivan", "tariff-zones", 29, 71), call("ivan", "tariff-zones", 28, 69),
    call("ivan", "outage", 29, 71), call("ivan", "outage", 28, 69),
    {"user": "ivan", "group": "A", "category": "outage", "finished_at": dt.datetime(2025, 12, 1), "overall": 0, "critical": True},
])
REQUIRED = ["tariff-zones", "outage"]
TRAINEES = pd.DataFrame([
    {"user_id": 1, "user": "olena", "full_name": "Олена Коваль", "group": "A", "language": "uk"},
    {"user_id": 2, "user": "petro", "full_name": "Петро Сидоренко", "group": "B", "language": "uk"},
    {"user_id": 3, "user": "ivan", "full_name": "Іван Мельник", "group": "A", "language": "uk"},
    {"user_id": 4, "user": "nadia", "full_name": "Надія Бойко", "group": None, "language": "en"},   # no calls yet
])


@pytest.fixture
def table():
    return by_category(ATTEMPTS, REQUIRED, TODAY)


def row(table, user, category):
    return table[(table.user == user) & (table.category == category)].iloc[0]


def test_recent_weighted_scores(table):
    assert row(table, "olena", "tariff-zones").score == pytest.approx(75.6)
    assert row(table, "petro", "tariff-zones").score == pytest.approx(76.7)
    assert row(table, "ivan", "outage").score == pytest.approx(70.1)
    assert row(table, "ivan", "outage").attempts == 2        # the December call is outside 60 days


def test_what_is_missing(table):
    assert describe(row(table, "olena", "outage").reasons, "en") == "1 of 2 calls"
    assert describe(row(table, "petro", "outage").reasons, "en") == "a recent critical mistake"
    assert row(table, "olena", "tariff-zones").ready and row(table, "petro", "tariff-zones").ready
    assert row(table, "olena", "tariff-zones").reasons == []


def test_reasons_are_data_with_their_numbers(table):
    assert row(table, "olena", "outage").reasons == [{"code": "too_few_calls", "calls": 1, "needed": 2}]
    assert row(table, "petro", "outage").reasons == [{"code": "recent_critical"}]


def test_what_is_missing_in_ukrainian_by_default(table):
    assert describe(row(table, "olena", "outage").reasons) == "1 з 2 дзвінків"
    assert describe(row(table, "petro", "outage").reasons) == "нещодавня критична помилка"
    assert describe([{"code": "no_calls"}]) == "немає дзвінків"


def test_trainee_ready_only_when_every_required_category_is(table):
    people = by_trainee(table).set_index("user")
    assert bool(people.loc["ivan", "ready"]) is True
    assert bool(people.loc["olena", "ready"]) is False and describe(people.loc["olena", "reasons"], "en") == "outage: 1 of 2 calls"
    assert describe(people.loc["olena", "reasons"], "uk", {"outage": "відключення"}) == "відключення: 1 з 2 дзвінків"
    assert bool(people.loc["petro", "ready"]) is False and people.loc["petro", "ready_categories"] == 1
    assert list(people.index) == ["ivan", "olena", "petro"]          # by username
    assert list(people.loc["olena", ["required", "ready_categories"]]) == [2, 1]


def test_no_calls_in_a_required_category():
    table = by_category(ATTEMPTS, ["subsidies"], TODAY)
    assert [describe(r, "en") for r in table.reasons] == ["no calls"] * 3 and not table.ready.any()
    assert table.attempts.tolist() == [0, 0, 0] and table.score.isna().all()


def test_rules_can_be_changed(table):
    strict = by_category(ATTEMPTS, REQUIRED, TODAY, Rules(pass_mark=75))
    assert not row(strict, "ivan", "outage").ready
    assert describe(row(strict, "ivan", "outage").reasons, "en") == "score 70.1 below 75"
    assert describe(row(strict, "ivan", "outage").reasons, "uk") == "оцінка 70,1 нижче 75"   # Ukrainian decimal comma
    # decay 1: a plain mean, olena's tariffs (80 + 70) / 2 = 75
    flat = by_category(ATTEMPTS, REQUIRED, TODAY, Rules(decay=1))
    assert row(flat, "olena", "tariff-zones").score == 75


def test_several_reasons_in_one_category_and_per_trainee():
    # one call at 50 with a critical mistake: too few calls, low score, critical, in that order
    attempts = pd.DataFrame([call("zoya", "outage", 30, 50, critical=True)])
    table = by_category(attempts, ["outage", "subsidies"], TODAY)
    assert describe(row(table, "zoya", "outage").reasons, "en") == "1 of 2 calls, score 50 below 70, a recent critical mistake"
    person = by_trainee(table).iloc[0]
    assert describe(person.reasons, "en") == "outage: 1 of 2 calls, score 50 below 70, a recent critical mistake; subsidies: no calls"
    assert describe(person.reasons, "uk") == ("outage: 1 з 2 дзвінків, оцінка 50 нижче 70, нещодавня критична помилка; "
                                              "subsidies: немає дзвінків")


def test_describe_knows_every_reason_in_both_languages():
    reasons = [{"code": "no_calls"}, {"code": "too_few_calls", "calls": 1, "needed": 3},
               {"code": "low_score", "score": 65.25, "pass_mark": 70.0}, {"code": "recent_critical"}]
    assert [r["code"] for r in reasons] == list(REASONS)
    assert describe(reasons, "en") == "no calls, 1 of 3 calls, score 65.2 below 70, a recent critical mistake"
    assert describe(reasons, "uk") == "немає дзвінків, 1 з 3 дзвінків, оцінка 65,2 нижче 70, нещодавня критична помилка"
    assert describe([], "uk") == ""
    with pytest.raises(ValueError, match="uk, en"):
        describe(reasons, "de")


def test_only_the_newest_calls_weigh():
    # six calls, newest first 100 x5, then the oldest 0 with a critical mistake: only five weigh
    attempts = pd.DataFrame([call("oksana", "outage", 25 - k, 100) for k in range(5)] + [call("oksana", "outage", 10, 0, critical=True)])
    result = row(by_category(attempts, ["outage"], TODAY), "oksana", "outage")
    assert (result.attempts, result.score, result.critical, result.ready) == (5, 100, False, True)
    # with recent=6 the old call counts: weights 1 .. 0.8^4 sum 3.3616 (x100 = 336.16), 0.8^5 = 0.32768;
    # 336.16 / 3.68928 = 91.1, and the critical mistake is recent
    wider = row(by_category(attempts, ["outage"], TODAY, Rules(recent=6)), "oksana", "outage")
    assert (wider.attempts, wider.score, wider.critical, wider.ready) == (6, 91.1, True, False)


def test_window_edges_are_whole_utc_days():
    # 31 March minus 60 days is 30 January: from its midnight UTC up to the end of 31 March
    times = [
        dt.datetime(2026, 1, 30, 0, 0, tzinfo=UTC),                                   # first instant in
        dt.datetime(2026, 1, 30, 1, 0, tzinfo=dt.timezone(dt.timedelta(hours=2))),   # 29 Jan 23:00 UTC: out
        dt.datetime(2026, 3, 31, 23, 59, tzinfo=UTC),                                 # last minute in
        dt.datetime(2026, 4, 1, 0, 0, tzinfo=UTC),                                    # the next day: out
    ]
    attempts = pd.DataFrame({"user": "olha", "group": "A", "category": "outage", "finished_at": times,
                             "overall": [80, 10, 90, 10], "critical": False})
    attempts["finished_at"] = pd.to_datetime(attempts["finished_at"], utc=True)
    result = row(by_category(attempts, ["outage"], TODAY), "olha", "outage")
    # the two inside: 90 (newest) and 80 -> (90 + 0.8*80) / 1.8 = 85.6
    assert (result.attempts, result.score) == (2, 85.6)
    # asking with an aware datetime means its UTC date: 1 April 00:30 in Kyiv is still 31 March in UTC
    kyiv = dt.datetime(2026, 4, 1, 0, 30, tzinfo=dt.timezone(dt.timedelta(hours=3)))
    assert row(by_category(attempts, ["outage"], kyiv), "olha", "outage").score == 85.6


def test_all_calls_outside_the_window():
    table = by_category(ATTEMPTS, REQUIRED, dt.date(2026, 8, 1))
    assert table.attempts.sum() == 0 and not table.ready.any()
    assert {describe(r, "en") for r in table.reasons} == {"no calls"}


def test_trainees_frame_brings_everyone_and_only_them():
    # nadia has no calls: both categories "no calls"; petro is left out (not in the frame) though he has calls
    trainees = TRAINEES[TRAINEES.user != "petro"]
    result = readiness_at(ATTEMPTS, trainees, REQUIRED, TODAY)
    assert sorted(result.categories.user.unique()) == ["ivan", "nadia", "olena"]
    nadia = result.trainees.set_index("user").loc["nadia"]
    assert (bool(nadia.ready), nadia.ready_categories, nadia.required) == (False, 0, 2)
    assert describe(nadia.reasons, "en") == "tariff-zones: no calls; outage: no calls"
    assert nadia.full_name == "Надія Бойко" and pd.isna(nadia.group) and nadia.user_id == 4
    assert list(result.categories.columns) == ["user_id", "user", "full_name", "group", "category",
                                               "attempts", "score", "critical", "ready", "reasons"]
    assert list(result.trainees.columns) == ["user_id", "user", "full_name", "group", "ready",
                                             "ready_categories", "required", "reasons"]


def test_summary_counts_ready_trainees():
    # ivan ready; olena, petro, nadia not: 1 of 4
    assert summary(readiness_at(ATTEMPTS, TRAINEES, REQUIRED, TODAY).trainees) == {"ready": 1, "total": 4, "share": 0.25}
    assert summary(by_trainee(by_category(ATTEMPTS, REQUIRED, TODAY))) == {"ready": 1, "total": 3, "share": pytest.approx(1 / 3)}
    assert summary(by_trainee(by_category(ATTEMPTS.iloc[:0], REQUIRED, TODAY))) == {"ready": 0, "total": 0, "share": 0.0}


def test_empty_frames():
    empty = ATTEMPTS.iloc[:0]
    assert by_category(empty, REQUIRED, TODAY).empty
    assert list(by_trainee(by_category(empty, REQUIRED, TODAY)).columns) == ["user", "group", "ready", "ready_categories", "required", "reasons"]
    with_trainees = readiness_at(empty, TRAINEES, REQUIRED, TODAY)
    assert len(with_trainees.categories) == 8 and not with_trainees.trainees.ready.any()
    assert category_scores(empty, REQUIRED, TODAY).empty


def test_required_categories_are_checked_and_deduplicated():
    with pytest.raises(ValueError, match="no required categories"):
        by_category(ATTEMPTS, [], TODAY)
    assert by_category(ATTEMPTS, ["outage", "outage"], TODAY).groupby("user").size().tolist() == [1, 1, 1]


def test_missing_columns_are_named():
    with pytest.raises(ValueError, match="critical"):
        by_category(ATTEMPTS.drop(columns=["critical"]), ["outage"], TODAY)
    with pytest.raises(ValueError, match="trainees lack columns: group"):
        by_category(ATTEMPTS, ["outage"], TODAY, trainees=TRAINEES.drop(columns=["group"]))


def test_rules_round_trip_and_defaults():
    assert Rules().to_dict() == {"pass_mark": 70.0, "min_attempts": 2, "recent": 5, "decay": 0.8, "window_days": 60}
    assert Rules.from_dict({}) == Rules()
    rules = Rules.from_dict({"pass_mark": 75, "recent": 3.0, "decay": "0,9"})    # form values: 3.0 and "0,9" accepted
    assert rules.to_dict() == {"pass_mark": 75.0, "min_attempts": 2, "recent": 3, "decay": 0.9, "window_days": 60}
    assert Rules.from_dict(rules.to_dict()) == rules and isinstance(rules.recent, int)


@pytest.mark.parametrize("settings, message", [
    ({"pass_mark": 101}, "pass_mark must be between 0 and 100, got 101"),
    ({"pass_mark": -1}, "pass_mark must be between 0 and 100"),
    ({"pass_mark": float("nan")}, "pass_mark must be a number"),
    ({"pass_mark": "high"}, "pass_mark must be a number, got 'high'"),
    ({"pass_mark": True}, "pass_mark must be a number"),
    ({"min_attempts": 0}, "min_attempts must be at least 1, got 0"),
    ({"min_attempts": 2.5}, "min_attempts must be a whole number, got 2.5"),
    ({"min_attempts": 3, "recent": 2}, r"recent \(2\) must be at least min_attempts \(3\)"),
    ({"decay": 0}, "decay must be above 0 and at most 1, got 0"),
    ({"decay": 1.5}, "decay must be above 0 and at most 1, got 1.5"),
    ({"window_days": 0}, "window_days must be between 1 and 365, got 0"),
    ({"window_days": 366}, "window_days must be between 1 and 365, got 366"),
    ({"pass_mrk": 70}, "unknown readiness settings: pass_mrk"),
])
def test_invalid_rules_are_refused_with_a_clear_message(settings, message):
    with pytest.raises(ValueError, match=message):
        Rules.from_dict(settings)


def test_rules_check_when_built_directly_too():
    with pytest.raises(ValueError, match="decay"):
        Rules(decay=0)


def reference(attempts, required, day, rules):
    """The definition read literally: a loop per trainee and category (the old implementation)."""
    since = pd.Timestamp(day - dt.timedelta(days=rules.window_days), tz="UTC")
    until = pd.Timestamp(day + dt.timedelta(days=1), tz="UTC")
    window = attempts[(attempts.finished_at >= since) & (attempts.finished_at < until)]
    rows = []
    for user in sorted(attempts.user.unique()):
        for category in required:
            calls = window[(window.user == user) & (window.category == category)].sort_values("finished_at", ascending=False).head(rules.recent)
            weights = [rules.decay ** k for k in range(len(calls))]
            score = round(sum(w * s for w, s in zip(weights, calls.overall)) / sum(weights), 1) if len(calls) else np.nan
            critical = bool(calls.critical.any())
            ready = len(calls) >= rules.min_attempts and score >= rules.pass_mark and not critical
            rows.append((user, category, len(calls), score, critical, ready))
    return pd.DataFrame(rows, columns=["user", "category", "attempts", "score", "critical", "ready"])


@pytest.mark.parametrize("rules", [Rules(), Rules(pass_mark=60, min_attempts=3, recent=4, decay=0.5, window_days=30)])
def test_vectorised_equals_the_definition_on_random_data(rules):
    rng = np.random.default_rng(7)
    n = 3000
    start = pd.Timestamp("2026-01-01", tz="UTC")
    attempts = pd.DataFrame({
        "user": rng.choice([f"u{i:02d}" for i in range(40)], n),
        "group": "A",
        "category": rng.choice(["a", "b", "c", "d", "e", "never"], n, p=[0.3, 0.3, 0.2, 0.1, 0.1, 0.0]),
        # distinct times (seconds apart at least) so "newest" is unambiguous
        "finished_at": start + pd.to_timedelta(rng.choice(120 * 86400, n, replace=False), unit="s"),
        "overall": rng.uniform(40, 100, n).round(1),
        "critical": rng.random(n) < 0.05,
    })
    required = ["a", "b", "c", "d", "e", "never", "unplayed"]
    got = by_category(attempts, required, dt.date(2026, 3, 20), rules)
    want = reference(attempts, required, dt.date(2026, 3, 20), rules)
    pd.testing.assert_frame_equal(got[want.columns].reset_index(drop=True), want, check_dtype=False, atol=1e-9)
    assert got.ready.sum() > 0 and (~got.ready).sum() > 0          # the data exercise both outcomes


def test_the_reports_import_neither_streamlit_nor_a_database():
    code = ("import sys, simulator.reports.readiness, simulator.reports.trends, simulator.reports.weak_areas, "
            "simulator.reports.export, simulator.reports.trainee_report; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('streamlit', 'sqlalchemy')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
