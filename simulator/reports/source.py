"""Where the reports get their data: the store's report queries turned into the frames of
simulator.reports.frames, and the readiness definition the admin keeps in the store.

One place for both, so the dashboard, the command-line export and the benchmark compute
readiness from the same rows under the same definition.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from ..scenario.model import CATEGORIES
from ..store import Filters, Store, Table, User
from .frames import ATTEMPT_COLUMNS, FINDING_COLUMNS, TRAINEE_COLUMNS
from .readiness import MAX_WINDOW_DAYS, Rules

SETTING = "readiness"


@dataclass(frozen=True)
class Definition:
    """The readiness definition: the rules and the categories a trainee must be ready in
    (empty: every category that has a published scenario)."""

    rules: Rules = field(default_factory=Rules)
    required: tuple[str, ...] = ()

    @classmethod
    def from_dict(cls, data: dict) -> Definition:
        """ValueError naming what is wrong (an unknown category, a rule out of range)."""
        required = tuple(data.get("required") or ())
        unknown = [c for c in required if c not in CATEGORIES]
        if unknown:
            raise ValueError(f"unknown categories: {', '.join(unknown)} (known: {', '.join(CATEGORIES)})")
        return cls(Rules.from_dict(data.get("rules") or {}), required)

    def to_dict(self) -> dict:
        return {"rules": self.rules.to_dict(), "required": list(self.required)}

    def categories(self, store: Store) -> list[str]:
        """The required categories, in the catalogue's order of categories."""
        chosen = set(self.required) or {version.category for version in store.catalogue()}
        return [c for c in CATEGORIES if c in chosen]


def definition(store: Store) -> Definition:
    """The admin's definition, or the documented defaults when none was set."""
    saved = store.setting(SETTING)
    if saved is None:
        return Definition()
    rules = saved.get("rules") if isinstance(saved, dict) else None
    if isinstance(rules, dict) and isinstance(rules.get("window_days"), int) and rules["window_days"] > MAX_WINDOW_DAYS:
        # saved before the window had a bound: read as the longest window allowed, not refused
        saved = {**saved, "rules": {**rules, "window_days": MAX_WINDOW_DAYS}}
    return Definition.from_dict(saved)


def save_definition(store: Store, admin: User, chosen: Definition) -> None:
    store.set_setting(admin, SETTING, chosen.to_dict())


@dataclass(frozen=True)
class Data:
    attempts: pd.DataFrame
    trainees: pd.DataFrame
    findings: pd.DataFrame


def load(store: Store, viewer: User, *, until: dt.date, since: dt.date | None = None, group: str | None = None,
         language: str | None = None, user_id: int | None = None, rules: Rules = Rules()) -> Data:
    """The calls, trainees and findings for a report on the days ``since``..``until``
    (UTC days, both included), for a group or one trainee (``user_id``). Calls are read from far enough back for readiness on
    ``until`` (its window of ``rules.window_days``) even when ``since`` is later."""
    window_start = until - dt.timedelta(days=rules.window_days)
    first = min(since, window_start) if since else window_start
    end = dt.datetime.combine(until + dt.timedelta(days=1), dt.time(), dt.timezone.utc)
    calls = Filters(since=dt.datetime.combine(first, dt.time(), dt.timezone.utc), until=end, group=group, language=language,
                    user_id=user_id)
    shown = Filters(since=dt.datetime.combine(since or first, dt.time(), dt.timezone.utc), until=end, group=group,
                    language=language, user_id=user_id)
    return Data(
        attempts=frame(store.report_attempts(viewer, calls), ATTEMPT_COLUMNS),
        trainees=frame(store.report_trainees(viewer, Filters(group=group, user_id=user_id)), TRAINEE_COLUMNS),
        findings=frame(store.report_findings(viewer, shown), FINDING_COLUMNS),
    )


def frame(table: Table, columns: tuple[str, ...]) -> pd.DataFrame:
    """A store table as a DataFrame; times as aware UTC, flags as booleans."""
    data = pd.DataFrame(table.rows, columns=list(table.columns))
    assert tuple(data.columns) == tuple(columns), "the store's report columns and the reports' disagree"
    if "finished_at" in data:
        data["finished_at"] = pd.to_datetime(data["finished_at"], utc=True)
    for flag in ("critical", "passed", "reviewed", "abandoned"):
        if flag in data:
            data[flag] = data[flag].fillna(False).astype(bool)
    if "count" in data:
        data["count"] = data["count"].astype(int)
    return data
