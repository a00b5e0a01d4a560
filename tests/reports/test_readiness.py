"""Readiness on hand-checked fixtures (every expected number worked out by hand below)."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from simulator.reports.readiness import Rules, by_category, by_trainee

TODAY = dt.date(2026, 3, 31)


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


@pytest.fixture
def table():
    return by_category(ATTEMPTS, ["tariff-zones", "outage"], TODAY)


def row(table, user, category):
    return table[(table.user == user) & (table.category == category)].iloc[0]


def test_recent_weighted_scores(table):
    assert row(table, "olena", "tariff-zones").score == pytest.approx(75.6)
    assert row(table, "petro", "tariff-zones").score == pytest.approx(76.7)
    assert row(table, "ivan", "outage").score == pytest.approx(70.1)
    assert row(table, "ivan", "outage").attempts == 2        # the December call is outside 60 days


def test_what_is_missing(table):
    assert row(table, "olena", "outage").missing == "1 of 2 calls"
    assert row(table, "petro", "outage").missing == "a recent critical mistake"
    assert row(table, "olena", "tariff-zones").ready and row(table, "petro", "tariff-zones").ready


def test_trainee_ready_only_when_every_required_category_is(table):
    people = by_trainee(table).set_index("user")
    assert bool(people.loc["ivan", "ready"]) is True
    assert bool(people.loc["olena", "ready"]) is False and people.loc["olena", "missing"] == "outage: 1 of 2 calls"
    assert bool(people.loc["petro", "ready"]) is False and people.loc["petro", "ready_categories"] == 1


def test_no_calls_in_a_required_category():
    table = by_category(ATTEMPTS, ["subsidies"], TODAY)
    assert set(table.missing) == {"no calls"} and not table.ready.any()


def test_rules_can_be_changed(table):
    strict = by_category(ATTEMPTS, ["tariff-zones", "outage"], TODAY, Rules(pass_mark=75))
    assert not row(strict, "ivan", "outage").ready
    assert row(strict, "ivan", "outage").missing == "score 70.1 below 75"


def test_missing_columns_are_named():
    with pytest.raises(ValueError, match="critical"):
        by_category(ATTEMPTS.drop(columns=["critical"]), ["outage"], TODAY)
