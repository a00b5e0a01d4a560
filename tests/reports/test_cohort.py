"""Readiness by group, on a hand-checked fixture."""
from __future__ import annotations

import datetime as dt

import pandas as pd

from simulator.reports.cohort import COLUMNS, by_group
from simulator.reports.readiness import by_category

TODAY = dt.date(2026, 3, 31)


def call(user, group, category, day, overall):
    return {"user": user, "group": group, "category": category, "finished_at": dt.datetime(2026, 3, day, 12),
            "overall": overall, "critical": False}


def test_share_ready_and_mean_score_per_group_and_category():
    attempts = pd.DataFrame([
        # group B: ann ready in outage (80, 80), bob not (one call, 60); nobody played tariffs
        call("ann", "B", "outage", 20, 80), call("ann", "B", "outage", 21, 80),
        call("bob", "B", "outage", 20, 60),
        # group A: cid ready in both
        call("cid", "A", "outage", 20, 90), call("cid", "A", "outage", 21, 90),
        call("cid", "A", "tariff-zones", 20, 75), call("cid", "A", "tariff-zones", 21, 75),
        # no group: dan, one tariffs call
        call("dan", None, "tariff-zones", 20, 50),
    ])
    table = by_group(by_category(attempts, ["tariff-zones", "outage"], TODAY))
    assert list(table.columns) == list(COLUMNS)
    rows = [tuple(row) for row in table[["group", "category", "trainees", "ready"]].itertuples(index=False)]
    assert rows == [("A", "tariff-zones", 1, 1), ("A", "outage", 1, 1),
                    ("B", "tariff-zones", 2, 0), ("B", "outage", 2, 1),
                    ("—", "tariff-zones", 1, 0), ("—", "outage", 1, 0)]
    b = table[table.group == "B"].set_index("category")
    assert b.loc["outage", "share"] == 0.5 and b.loc["outage", "score"] == 70.0     # (80 + 60) / 2
    assert b.loc["tariff-zones", "share"] == 0 and pd.isna(b.loc["tariff-zones", "score"])


def test_no_trainees_gives_an_empty_table_with_the_columns():
    empty = by_category(pd.DataFrame(columns=["user", "group", "category", "finished_at", "overall", "critical"]),
                        ["outage"], TODAY)
    table = by_group(empty)
    assert table.empty and list(table.columns) == list(COLUMNS)
