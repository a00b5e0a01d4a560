"""Who is ready for live calls: the readiness definition, computed from completed attempts.

Definition (the defaults below; the HR issue adds the admin setting, the store query and the exports):

- Only completed calls count, within the last ``window_days`` (60) before the day asked about.
- Per trainee and category, the most recent ``recent`` (5) calls are weighed, the newest most:
  weight ``decay ** k`` for the k-th newest (1, 0.8, 0.64, ...). That weighted mean of the
  calls' overall scores is the category score.
- A category is ready when it has at least ``min_attempts`` (2) such calls, its score is at or
  above ``pass_mark`` (70), and none of those recent calls had a critical mistake.
- A trainee is ready when every required category is ready. What is missing is said per
  category: no calls, too few calls, score below the mark, a recent critical mistake.

Pure pandas: the caller (store, CLI, dashboard) supplies the attempts as a DataFrame.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

COLUMNS = ("user", "group", "category", "finished_at", "overall", "critical")


@dataclass(frozen=True)
class Rules:
    pass_mark: float = 70.0
    min_attempts: int = 2
    recent: int = 5
    decay: float = 0.8
    window_days: int = 60


def by_category(attempts: pd.DataFrame, required: list[str], today: dt.date, rules: Rules = Rules()) -> pd.DataFrame:
    """One row per trainee and required category: attempts, score, critical, ready, missing."""
    missing_columns = set(COLUMNS) - set(attempts.columns)
    if missing_columns:
        raise ValueError(f"attempts lack columns: {', '.join(sorted(missing_columns))}")
    since = pd.Timestamp(today - dt.timedelta(days=rules.window_days))
    until = pd.Timestamp(today + dt.timedelta(days=1))
    finished = pd.to_datetime(attempts["finished_at"])
    window = attempts[(finished >= since) & (finished < until)].assign(finished_at=finished)
    window = window.sort_values("finished_at", ascending=False)
    rows = []
    trainees = attempts[["user", "group"]].drop_duplicates("user")
    for user, group in trainees.itertuples(index=False):
        mine = window[window["user"] == user]
        for category in required:
            calls = mine[mine["category"] == category].head(rules.recent)
            rows.append({"user": user, "group": group, "category": category, **_judge(calls, rules)})
    return pd.DataFrame(rows, columns=["user", "group", "category", "attempts", "score", "critical", "ready", "missing"])


def by_trainee(categories: pd.DataFrame) -> pd.DataFrame:
    """One row per trainee: ready when every required category is; what is missing, listed."""
    if categories.empty:
        return pd.DataFrame(columns=["user", "group", "ready", "ready_categories", "required", "missing"])
    grouped = categories.groupby(["user", "group"], sort=True)
    return pd.DataFrame({
        "ready": grouped["ready"].all(),
        "ready_categories": grouped["ready"].sum().astype(int),
        "required": grouped["ready"].size(),
        "missing": grouped.apply(lambda g: "; ".join(f"{c}: {m}" for c, m in zip(g["category"], g["missing"]) if m), include_groups=False),
    }).reset_index()


def _judge(calls: pd.DataFrame, rules: Rules) -> dict:
    count = len(calls)
    if count == 0:
        return {"attempts": 0, "score": None, "critical": False, "ready": False, "missing": "no calls"}
    weights = [rules.decay ** k for k in range(count)]
    score = round(sum(w * s for w, s in zip(weights, calls["overall"])) / sum(weights), 1)
    critical = bool(calls["critical"].any())
    reasons = []
    if count < rules.min_attempts:
        reasons.append(f"{count} of {rules.min_attempts} calls")
    if score < rules.pass_mark:
        reasons.append(f"score {score:g} below {rules.pass_mark:g}")
    if critical:
        reasons.append("a recent critical mistake")
    return {"attempts": count, "score": score, "critical": critical, "ready": not reasons, "missing": ", ".join(reasons)}
