"""Readiness by group: for each group and required category, how many trainees are ready in it.

The cohort view of the HR dashboard (a heatmap of groups by categories) and anything else
that compares groups. Pure pandas over the rows of
:func:`simulator.reports.readiness.by_category`.
"""
from __future__ import annotations

import pandas as pd

from simulator.reports.frames import NO_GROUP, require

COLUMNS = ("group", "category", "trainees", "ready", "share", "score")


def by_group(categories: pd.DataFrame) -> pd.DataFrame:
    """One row per group and category: trainees (how many), ready (how many of them are ready in
    the category), share (ready / trainees, 0 to 1) and score (the mean category score of those
    with calls in the window; NaN when none has).

    Groups by name, :data:`~simulator.reports.frames.NO_GROUP` (trainees without a group) last;
    categories in the order they first appear (``by_category`` keeps the required order).
    """
    require(categories, ("group", "category", "ready", "score"), "categories")
    if categories.empty:
        return pd.DataFrame({column: pd.Series(dtype=float if column in ("share", "score") else object)
                             for column in COLUMNS})
    group = categories["group"].astype(object).where(categories["group"].notna(), NO_GROUP)
    rows = pd.DataFrame({"group": group, "category": categories["category"],
                         "ready": categories["ready"].astype(bool), "score": categories["score"].astype(float)})
    table = rows.groupby(["group", "category"], sort=False, as_index=False).agg(
        trainees=("ready", "size"), ready=("ready", "sum"), score=("score", "mean"))
    table["ready"] = table["ready"].astype(int)
    table["share"] = table["ready"] / table["trainees"]
    category_order = {code: k for k, code in enumerate(dict.fromkeys(categories["category"]))}
    table = table.assign(_last=table["group"].eq(NO_GROUP), _category=table["category"].map(category_order))
    table = table.sort_values(["_last", "group", "_category"], kind="stable", ignore_index=True)
    return table[list(COLUMNS)]
