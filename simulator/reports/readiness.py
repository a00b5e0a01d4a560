"""Who is ready for live calls: the readiness definition, computed from scored calls.

Definition (the defaults below; the admin may change them, see :class:`Rules`):

- Scored calls count (completed ones, and ones the trainee ended early, as they stood), within
  the last ``window_days`` (60) before the day asked about.
  Days are UTC days; the day asked about counts whole.
- Per trainee and category, the most recent ``recent`` (5) calls are weighed, the newest most:
  weight ``decay ** k`` for the k-th newest (1, 0.8, 0.64, ...). That weighted mean of the
  calls' overall scores, rounded to one decimal, is the category score (the number shown is
  the number judged: a shown 70.0 never fails a mark of 70).
- A category is ready when it has at least ``min_attempts`` (2) such calls, its score is at or
  above ``pass_mark`` (70), and none of those recent calls had a critical mistake.
- A trainee is ready when every required category is ready. What is missing is said per
  category: no calls, too few calls, score below the mark, a recent critical mistake.

What is missing is kept as data (``reasons``: a list of dicts with a ``code`` and its numbers)
so that the CLI can print it as JSON and :func:`describe` can say it in either language.

Pure pandas: the caller (store, CLI, dashboard) supplies the frames described in
:mod:`simulator.reports.frames`.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import math
import numbers
from collections.abc import Mapping
from typing import NamedTuple

import numpy as np
import pandas as pd

from simulator.refusal import RefusedValue
from simulator.reports.frames import day_start, identity, require, trainee_list, utc
from simulator.texts import i18n

COLUMNS = ("user", "group", "category", "finished_at", "overall", "critical")
REASONS = ("no_calls", "too_few_calls", "low_score", "recent_critical")


MAX_WINDOW_DAYS = 365      # a longer window would count calls too old to say anything of today's readiness


@dataclasses.dataclass(frozen=True)
class Rules:
    """The readiness settings; invalid values raise a ValueError that names the setting."""

    pass_mark: float = 70.0
    min_attempts: int = 2
    recent: int = 5
    decay: float = 0.8
    window_days: int = 60

    def __post_init__(self):
        for field in dataclasses.fields(self):      # whole numbers where the default is one
            whole = isinstance(field.default, int)
            object.__setattr__(self, field.name, _number(field.name, getattr(self, field.name), whole))
        if not 0 <= self.pass_mark <= 100:
            raise ValueError(f"pass_mark must be between 0 and 100, got {self.pass_mark:g}")
        if self.min_attempts < 1:
            raise ValueError(f"min_attempts must be at least 1, got {self.min_attempts}")
        if self.recent < self.min_attempts:
            raise RefusedValue(f"recent ({self.recent}) must be at least min_attempts ({self.min_attempts}): "
                               "fewer weighed calls could never make a category ready", code="readiness_recent_below",
                               recent=self.recent, min_attempts=self.min_attempts)
        if not 0 < self.decay <= 1:
            raise ValueError(f"decay must be above 0 and at most 1, got {self.decay:g}")
        if not 1 <= self.window_days <= MAX_WINDOW_DAYS:
            raise RefusedValue(f"window_days must be between 1 and {MAX_WINDOW_DAYS}, got {self.window_days}",
                               code="readiness_window_range", low=1, high=MAX_WINDOW_DAYS, given=self.window_days)

    @classmethod
    def from_dict(cls, data: Mapping) -> Rules:
        """Rules from a settings dict; settings left out keep their defaults, unknown ones are refused."""
        known = [field.name for field in dataclasses.fields(cls)]
        unknown = sorted(set(data) - set(known))
        if unknown:
            raise ValueError(f"unknown readiness settings: {', '.join(unknown)} (known: {', '.join(known)})")
        return cls(**data)

    def to_dict(self) -> dict:
        return dataclasses.asdict(self)


def _number(name: str, value, whole: bool):
    """``value`` as a float (or an int when ``whole``); numeric text such as "70,5" from a form is accepted."""
    if isinstance(value, str):
        try:
            value = float(value.strip().replace(",", "."))
        except ValueError:
            raise ValueError(f"{name} must be a number, got {value!r}") from None
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not math.isfinite(value):
        raise ValueError(f"{name} must be a number, got {value!r}")
    if not whole:
        return float(value)
    if value != int(value):
        raise ValueError(f"{name} must be a whole number, got {value!r}")
    return int(value)


class Readiness(NamedTuple):
    categories: pd.DataFrame    # by_category
    trainees: pd.DataFrame      # by_trainee


def category_scores(attempts: pd.DataFrame, required: list[str], day: dt.date, rules: Rules = Rules()) -> pd.DataFrame:
    """One row per trainee and required category that has calls in the window on ``day``.

    Columns: user, category, attempts, score, critical, ready.
    """
    return scores_by_day(attempts, required, [day], rules).drop(columns="day")


def scores_by_day(attempts: pd.DataFrame, required: list[str], days: list[dt.date], rules: Rules = Rules()) -> pd.DataFrame:
    """:func:`category_scores` for several days at once (day, then its columns), sorting the calls once.

    Vectorised: with the calls sorted oldest first, each day's window is one slice found by
    binary search; ``cumcount`` from the end ranks the calls within each trainee and category
    (0 = newest), and ``numpy.bincount`` sums the weights ``decay ** rank`` per pair. Twelve
    weekly days over 100,000 calls take about a tenth of a second.
    """
    require(attempts, COLUMNS, "attempts")
    calls = pd.DataFrame({
        "user": attempts["user"], "category": attempts["category"], "finished_at": utc(attempts["finished_at"]),
        "overall": attempts["overall"].astype(float), "critical": attempts["critical"].astype(bool),
    })[attempts["category"].isin(required)].sort_values("finished_at", kind="stable", ignore_index=True)
    calls["pair"] = calls.groupby(["user", "category"], sort=False).ngroup()
    pairs = calls.loc[~calls["pair"].duplicated(), ["user", "category"]].reset_index(drop=True)    # row k is pair k
    scores = pd.concat([_scores(calls, pairs, day, rules) for day in days], ignore_index=True)
    return scores[["day", "user", "category", "attempts", "score", "critical", "ready"]]


def _scores(calls: pd.DataFrame, pairs: pd.DataFrame, day: dt.date, rules: Rules) -> pd.DataFrame:
    end = day_start(day) + pd.Timedelta(days=1)
    start = end - pd.Timedelta(days=rules.window_days + 1)
    window = calls.iloc[calls["finished_at"].searchsorted(start):calls["finished_at"].searchsorted(end)]
    rank = window.groupby("pair", sort=False).cumcount(ascending=False).to_numpy()
    recent = rank < rules.recent
    pair, weight = window["pair"].to_numpy()[recent], rules.decay ** rank[recent].astype(float)

    def total(values=None):
        return np.bincount(pair, weights=values, minlength=len(pairs))

    count = total()
    played = count > 0
    score = np.round(total(weight * window["overall"].to_numpy()[recent])[played] / total(weight)[played], 1)
    critical = total(window["critical"].to_numpy()[recent].astype(float))[played] > 0
    ready = (count[played] >= rules.min_attempts) & (score >= rules.pass_mark) & ~critical
    return pairs[played].assign(day=day, attempts=count[played].astype(int), score=score, critical=critical,
                                ready=ready).reset_index(drop=True)


def by_category(attempts: pd.DataFrame, required: list[str], day: dt.date, rules: Rules = Rules(),
                trainees: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per trainee and required category, trainees by username, categories in ``required`` order.

    Columns: the trainee's user_id, user, full_name, group (those the source has), category,
    attempts, score (NaN without calls), critical, ready, reasons. The trainees are those of
    ``trainees`` when given (so a trainee with no calls shows, and a deactivated one does not),
    otherwise everyone in ``attempts``.
    """
    required = required_categories(required)
    people = trainee_list(attempts, trainees)
    grid = people.merge(pd.DataFrame({"category": required}), how="cross")
    scores = category_scores(attempts, required, day, rules)
    table = grid.merge(scores, on=["user", "category"], how="left")
    table["attempts"] = table["attempts"].fillna(0).astype(int)
    table["score"] = table["score"].astype(float)
    table["critical"] = table["critical"].fillna(False).astype(bool)
    table["ready"] = table["ready"].fillna(False).astype(bool)
    table["reasons"] = [_reasons(n, s, c, rules) for n, s, c in zip(table["attempts"], table["score"], table["critical"])]
    return table


def by_trainee(categories: pd.DataFrame) -> pd.DataFrame:
    """One row per trainee: ready when every required category is.

    Columns: the trainee's identity columns, ready, ready_categories, required, reasons (each
    category's reasons with a ``category`` key added, in the categories' order).
    """
    columns = identity(categories) + ["ready", "ready_categories", "required", "reasons"]
    if categories.empty:
        return pd.DataFrame(columns=columns)
    people = categories[identity(categories)].drop_duplicates("user").set_index("user")
    stats = categories.groupby("user", sort=False)["ready"].agg(["all", "sum", "size"])
    collected = {user: [] for user in people.index}
    for user, category, reasons in zip(categories["user"], categories["category"], categories["reasons"]):
        collected[user].extend({"category": category, **reason} for reason in reasons)
    table = people.assign(ready=stats["all"].astype(bool), ready_categories=stats["sum"].astype(int),
                          required=stats["size"].astype(int), reasons=pd.Series(collected))
    return table.reset_index()[columns].sort_values("user", kind="stable", ignore_index=True)


def readiness_at(attempts: pd.DataFrame, trainees: pd.DataFrame | None, required: list[str], day: dt.date,
                 rules: Rules = Rules()) -> Readiness:
    """Both tables for ``day``: per trainee and category, and per trainee."""
    categories = by_category(attempts, required, day, rules, trainees)
    return Readiness(categories, by_trainee(categories))


def summary(trainees: pd.DataFrame) -> dict:
    """How many trainees (rows of :func:`by_trainee`) are ready: {"ready", "total", "share"} (share 0.0 of none)."""
    total = len(trainees)
    ready = int(trainees["ready"].sum()) if total else 0
    return {"ready": ready, "total": total, "share": ready / total if total else 0.0}


def describe(reasons: list[dict], language: str = "uk", category_names: Mapping[str, str] | None = None) -> str:
    """What is missing, said in ``language``: "1 з 2 дзвінків", or per category for a trainee
    ("outage: 1 of 2 calls, a recent critical mistake; tariff-zones: no calls"). ``category_names``
    maps category codes to the names to show."""
    words = i18n.words(language)
    names = category_names or {}
    parts: dict[str | None, list[str]] = {}
    for reason in reasons:
        values = {key: i18n.number(value, language) if key in ("score", "pass_mark") else value
                  for key, value in reason.items()}
        parts.setdefault(reason.get("category"), []).append(words[reason["code"]].format(**values))
    return "; ".join(", ".join(texts) if category is None else f"{names.get(category, category)}: {', '.join(texts)}"
                     for category, texts in parts.items())


def required_categories(required: list[str]) -> list[str]:
    """The required categories once each, in order; none at all is refused (everyone would be ready)."""
    unique = list(dict.fromkeys(required))
    if not unique:
        raise ValueError("no required categories: choose at least one")
    return unique


def _reasons(count: int, score: float, critical: bool, rules: Rules) -> list[dict]:
    if count == 0:
        return [{"code": "no_calls"}]
    reasons = []
    if count < rules.min_attempts:
        reasons.append({"code": "too_few_calls", "calls": int(count), "needed": rules.min_attempts})
    if score < rules.pass_mark:
        reasons.append({"code": "low_score", "score": float(score), "pass_mark": rules.pass_mark})
    if critical:
        reasons.append({"code": "recent_critical"})
    return reasons
