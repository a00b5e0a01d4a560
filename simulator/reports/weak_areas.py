"""Where trainees go wrong: the key facts they miss, the phrases that hurt, the weakest categories.

To look at one group, mode or period, filter the attempts first
(:func:`simulator.reports.frames.filter_attempts`); the store filters the findings in SQL.
"""
from __future__ import annotations

import pandas as pd

from simulator.reports.frames import FINDING_COLUMNS, require

KINDS = ("missed_fact", "wrong_fact", "hurt")
PART_SCORES = ("accuracy", "empathy", "time_score")     # averaged by weakest_categories when the attempts have them


def top_findings(findings: pd.DataFrame, kind: str, n: int = 10, titles: pd.DataFrame | None = None) -> pd.DataFrame:
    """The ``n`` most frequent findings of one ``kind`` ("missed_fact", "wrong_fact", "hurt").

    Columns: scenario_id, (title,) item, label, count; most frequent first, ties by scenario and
    item. Rows for the same scenario and item are added up. ``titles``, any frame with
    scenario_id and title (such as the attempts), adds each scenario's title.
    """
    require(findings, FINDING_COLUMNS, "findings")
    if kind not in KINDS:
        raise ValueError(f"unknown kind of finding {kind!r}: use one of {', '.join(KINDS)}")
    top = (findings[findings["kind"] == kind]
           .groupby(["scenario_id", "item"], as_index=False, sort=False)
           .agg(label=("label", "first"), count=("count", "sum"))
           .sort_values(["count", "scenario_id", "item"], ascending=[False, True, True], kind="stable")
           .head(n))
    top["count"] = top["count"].astype(int)
    if titles is not None:
        require(titles, ("scenario_id", "title"), "titles")
        top = top.merge(titles[["scenario_id", "title"]].drop_duplicates("scenario_id"), on="scenario_id", how="left")
        top = top[["scenario_id", "title", "item", "label", "count"]]
    return top.reset_index(drop=True)


def weakest_categories(attempts: pd.DataFrame, n: int | None = None) -> pd.DataFrame:
    """Categories by their calls' mean overall score, weakest first (ties by name); the first ``n``, or all.

    Columns: category, calls, overall (mean), pass_rate (0 to 1), and the mean of each of
    accuracy, empathy and time_score that the attempts have.
    """
    require(attempts, ("category", "overall", "passed"), "attempts")
    parts = [column for column in PART_SCORES if column in attempts.columns]
    numbers = attempts[["category", "overall", *parts]].assign(passed=attempts["passed"].astype(float))
    table = numbers.groupby("category", as_index=False).agg(
        calls=("overall", "size"), overall=("overall", "mean"), pass_rate=("passed", "mean"),
        **{part: (part, "mean") for part in parts})
    table = table.sort_values(["overall", "category"], kind="stable", ignore_index=True)
    return table if n is None else table.head(n)
