"""Weak areas: top findings and weakest categories, on hand-checked fixtures."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from simulator.reports.frames import filter_attempts
from simulator.reports.weak_areas import top_findings, weakest_categories

FINDINGS = pd.DataFrame([
    ("missed_fact", "outage-uk", "restore-time", "час відновлення", 7),
    ("missed_fact", "bill-uk", "estimated", "рахунок за середнім", 9),
    ("missed_fact", "outage-uk", "reference-number", "номер заявки", 7),
    ("missed_fact", "outage-uk", "restore-time", "час відновлення", 2),     # the same fact again: added up, 9
    ("missed_fact", "tariff-uk", "night-rate", "нічний тариф", 1),
    ("hurt", "outage-uk", "заспокойтеся", "заспокойтеся", 4),
    ("hurt", "bill-uk", "це не до нас", "це не до нас", 6),
    ("wrong_fact", "bill-uk", "old-price", "стара ціна", 3),
], columns=["kind", "scenario_id", "item", "label", "count"])


def test_top_missed_facts_most_first_then_by_scenario_and_item():
    top = top_findings(FINDINGS, "missed_fact", n=3)
    # restore-time 7 + 2 = 9 and estimated 9 tie: by scenario (bill-uk first); then reference-number 7
    assert top.values.tolist() == [
        ["bill-uk", "estimated", "рахунок за середнім", 9],
        ["outage-uk", "restore-time", "час відновлення", 9],
        ["outage-uk", "reference-number", "номер заявки", 7],
    ]
    assert list(top.columns) == ["scenario_id", "item", "label", "count"]


def test_top_phrases_that_hurt_with_the_scenario_title():
    titles = pd.DataFrame({"scenario_id": ["bill-uk", "outage-uk", "bill-uk"],
                           "title": ["Рахунок за середнім", "Відключення", "Рахунок за середнім"]})
    top = top_findings(FINDINGS, "hurt", n=10, titles=titles)
    assert list(top.columns) == ["scenario_id", "title", "item", "label", "count"]
    assert top[["title", "label", "count"]].values.tolist() == [["Рахунок за середнім", "це не до нас", 6],
                                                                 ["Відключення", "заспокойтеся", 4]]


def test_top_findings_edge_cases():
    assert top_findings(FINDINGS.iloc[:0], "hurt").empty
    assert top_findings(FINDINGS, "wrong_fact", n=0).empty
    with pytest.raises(ValueError, match="unknown kind of finding 'missed'"):
        top_findings(FINDINGS, "missed")
    with pytest.raises(ValueError, match="findings lack columns: count"):
        top_findings(FINDINGS.drop(columns="count"), "hurt")


def attempt(category, overall, passed, accuracy, empathy, group="A", mode="practice", day=20):
    return {"category": category, "overall": overall, "passed": passed, "accuracy": accuracy, "empathy": empathy,
            "group": group, "mode": mode, "finished_at": dt.datetime(2026, 3, day, 12, tzinfo=dt.timezone.utc)}


ATTEMPTS = pd.DataFrame([
    attempt("outage", 80, True, 90, 70),
    attempt("outage", 60, False, 50, 70, group="B", mode="exam"),
    attempt("tariff-zones", 50, False, 40, 60, day=1),
    attempt("tariff-zones", 90, True, 100, 80, group="B"),
    attempt("subsidies", 40, False, 30, 50, group=None),
])


def test_weakest_categories_with_part_scores():
    table = weakest_categories(ATTEMPTS)
    # subsidies 40 (1 call); outage (80 + 60) / 2 = 70 and tariffs (50 + 90) / 2 = 70 tie: by name
    assert table.category.tolist() == ["subsidies", "outage", "tariff-zones"]
    assert list(table.columns) == ["category", "calls", "overall", "pass_rate", "accuracy", "empathy"]
    outage = table.set_index("category").loc["outage"]
    # accuracy (90 + 50) / 2 = 70, empathy 70, 1 of 2 passed
    assert outage.tolist() == [2, 70, 0.5, 70, 70]
    assert weakest_categories(ATTEMPTS, n=1).category.tolist() == ["subsidies"]


def test_weakest_categories_per_filter():
    # group B: outage 60, tariffs 90
    table = weakest_categories(filter_attempts(ATTEMPTS, groups=["B"]))
    assert table[["category", "overall"]].values.tolist() == [["outage", 60], ["tariff-zones", 90]]
    # from 10 March: the 1 March tariffs call (50) is left out, tariffs is 90 alone
    assert weakest_categories(filter_attempts(ATTEMPTS, since=dt.date(2026, 3, 10))).set_index("category").overall["tariff-zones"] == 90
    # practice only, in the group-less too: subsidies 40, outage 80, tariffs 70
    table = weakest_categories(filter_attempts(ATTEMPTS, modes=["practice"], groups=["A", "B", None]))
    assert table[["category", "overall"]].values.tolist() == [["subsidies", 40], ["tariff-zones", 70], ["outage", 80]]


def test_weakest_categories_without_part_scores_or_calls():
    table = weakest_categories(ATTEMPTS.drop(columns=["accuracy", "empathy"]))
    assert list(table.columns) == ["category", "calls", "overall", "pass_rate"]
    assert weakest_categories(ATTEMPTS.iloc[:0]).empty


def test_filter_attempts_by_day_includes_both_ends():
    # 20 March only: the four calls of that day, not the 1 March one
    assert len(filter_attempts(ATTEMPTS, since=dt.date(2026, 3, 20), until=dt.date(2026, 3, 20))) == 4
    assert len(filter_attempts(ATTEMPTS, until=dt.date(2026, 3, 19))) == 1
    assert len(filter_attempts(ATTEMPTS, categories=["outage"], groups=["B"])) == 1
