"""What HR's reports read: finished calls, trainees and weak-area counts, filtered in SQL,
and the settings the admin keeps (e.g. the readiness definition).

Rows come back as plain tuples under named columns (a :class:`Table`), ready for
``pandas.DataFrame(table.rows, columns=table.columns)`` in simulator.reports: the store
itself stays free of pandas. Only active trainees are reported on. The score and critical
flag of a call are the reviewed ones where a trainer overrode a turn.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, func, or_, select

from .guard import require_role, utc_now
from .reruns import counted
from .records import User
from .models import AttemptRow, ScenarioVersionRow, SettingRow, TurnFindingRow, UserRow

READERS = ("trainer", "hr", "admin")
ATTEMPT_COLUMNS = ("attempt_id", "user_id", "user", "full_name", "group", "category", "language", "scenario_id", "title",
                   "mode", "finished_at", "overall", "critical", "passed", "reviewed", "abandoned")
TRAINEE_COLUMNS = ("user_id", "user", "full_name", "group", "language")
FINDING_COLUMNS = ("kind", "scenario_id", "item", "label", "count")
FINDING_ORDER = {"missed_fact": 0, "wrong_fact": 1, "hurt": 2}


@dataclass(frozen=True)
class Filters:
    """Which calls a report covers: finished in [since, until) (UTC), a group, a scenario
    language, one trainee."""

    since: dt.datetime | None = None
    until: dt.datetime | None = None
    group: str | None = None
    language: str | None = None
    user_id: int | None = None


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: list[tuple]


class ReportQueries:
    """Mixed into :class:`simulator.store.Store` (which provides ``transaction``)."""

    def report_attempts(self, viewer: User, filters: Filters = Filters()) -> Table:
        """The scored calls of active trainees (staff only), oldest first: completed calls, and
        calls the trainee ended early, as they stood (ending a bad call must not hide it).
        Practice calls abandoned for inactivity (a lost connection) or before any reply have no
        score and are left out; an exam left unfinished in any way counts, not passed, with 0
        points when it has no score (starting an exam again must not hide the first one).
        ``abandoned``: the call was not finished (ended early, left behind or dropped)."""
        query = (
            select(AttemptRow.id, UserRow.id, UserRow.username, UserRow.full_name, UserRow.group_name,
                   ScenarioVersionRow.category, ScenarioVersionRow.language, ScenarioVersionRow.scenario_id,
                   ScenarioVersionRow.title, AttemptRow.mode, AttemptRow.finished_at,
                   func.coalesce(AttemptRow.reviewed_overall, AttemptRow.overall, 0.0),     # 0: an unfinished exam
                   func.coalesce(AttemptRow.reviewed_critical, AttemptRow.critical),
                   AttemptRow.passed, AttemptRow.reviewed_overall.is_not(None), AttemptRow.status == "abandoned")
            .join(UserRow, AttemptRow.user_id == UserRow.id)
            .join(ScenarioVersionRow, AttemptRow.scenario_version_id == ScenarioVersionRow.id)
            .where(_scored(), *_trainees(filters), *_versions(filters),
                   *_between(AttemptRow.finished_at, filters))
            .order_by(AttemptRow.finished_at, AttemptRow.id)
        )
        with self.transaction() as session:
            require_role(session, viewer, READERS, "see reports")
            return Table(ATTEMPT_COLUMNS, [tuple(row) for row in session.execute(query)])

    def report_trainees(self, viewer: User, filters: Filters = Filters()) -> Table:
        """Every active trainee (of the group), with or without calls."""
        query = select(UserRow.id, UserRow.username, UserRow.full_name, UserRow.group_name, UserRow.language) \
            .where(*_trainees(filters)).order_by(UserRow.username)
        with self.transaction() as session:
            require_role(session, viewer, READERS, "see reports")
            return Table(TRAINEE_COLUMNS, [tuple(row) for row in session.execute(query)])

    def report_findings(self, viewer: User, filters: Filters = Filters(), top: int = 10) -> Table:
        """The most frequent findings of each kind (missed key facts, wrong facts, phrases that
        hurt) in replies given within the filters, most frequent first, ``top`` of each kind;
        exams still in progress and reruns are left out.

        One pass over the findings index, grouped by scenario version (no join, no label: the
        index covers the query); versions of a scenario are added up and the top of each kind
        picked here, then only those few rows look up their label.
        """
        trainees = select(UserRow.id).where(*_trainees(filters))
        # an exam still in progress shows no per-turn evidence until it ends; a rerun counts in no figure
        left_out = select(AttemptRow.id).where(or_(and_(AttemptRow.mode == "exam", AttemptRow.status == "in_progress"),
                                                   ~counted()))
        query = (
            select(TurnFindingRow.kind, TurnFindingRow.scenario_version_id, TurnFindingRow.item, func.count())
            .where(TurnFindingRow.user_id.in_(trainees), *_between(TurnFindingRow.created_at, filters),
                   TurnFindingRow.attempt_id.not_in(left_out))
            .group_by(TurnFindingRow.kind, TurnFindingRow.scenario_version_id, TurnFindingRow.item)
        )
        if filters.language:
            query = query.where(TurnFindingRow.scenario_version_id.in_(
                select(ScenarioVersionRow.id).where(ScenarioVersionRow.language == filters.language)))
        with self.transaction() as session:
            require_role(session, viewer, READERS, "see reports")
            scenario_of = dict(session.execute(select(ScenarioVersionRow.id, ScenarioVersionRow.scenario_id)).all())
            counts: dict[tuple[str, str, str], list] = {}
            for kind, version_id, item, count in session.execute(query):
                entry = counts.setdefault((kind, scenario_of[version_id], item), [version_id, 0])
                entry[0], entry[1] = max(entry[0], version_id), entry[1] + count
            ranked = sorted(counts.items(), key=lambda pair: (FINDING_ORDER[pair[0][0]], -pair[1][1], pair[0][1], pair[0][2]))
            rows, taken = [], dict.fromkeys(FINDING_ORDER, 0)
            for (kind, scenario_id, item), (newest_version, count) in ranked:
                if taken[kind] < top:
                    taken[kind] += 1
                    label = session.scalar(select(TurnFindingRow.label).where(
                        TurnFindingRow.kind == kind, TurnFindingRow.scenario_version_id == newest_version,
                        TurnFindingRow.item == item).limit(1))
                    rows.append((kind, scenario_id, item, label or "", count))
        return Table(FINDING_COLUMNS, rows)

    # --- settings -------------------------------------------------------------------------
    def setting(self, key: str) -> dict[str, Any] | None:
        with self.transaction() as session:
            row = session.get(SettingRow, key)
            return None if row is None else row.value

    def set_setting(self, admin: User, key: str, value: dict[str, Any], now: dt.datetime | None = None) -> None:
        """Store a setting (admins only); the caller checks the value's meaning."""
        with self.transaction() as session:
            require_role(session, admin, ("admin",), "change settings")
            row = session.get(SettingRow, key)
            if row is None:
                session.add(SettingRow(key=key, value=value, updated_by=admin.id, updated_at=utc_now(now)))
            else:
                row.value, row.updated_by, row.updated_at = value, admin.id, utc_now(now)


def _scored():
    finished = or_(AttemptRow.status == "completed",
                   and_(AttemptRow.status == "abandoned", or_(AttemptRow.overall.is_not(None), AttemptRow.mode == "exam")))
    return and_(finished, counted())       # a practice rerun (issue 17) counts in no report


def _trainees(filters: Filters) -> list:
    conditions = [UserRow.role == "trainee", UserRow.active.is_(True)]
    if filters.group:
        conditions.append(UserRow.group_name == filters.group)
    if filters.user_id is not None:
        conditions.append(UserRow.id == filters.user_id)
    return conditions


def _versions(filters: Filters) -> list:
    return [ScenarioVersionRow.language == filters.language] if filters.language else []


def _between(column, filters: Filters) -> list:
    conditions = []
    if filters.since is not None:
        conditions.append(column >= filters.since)
    if filters.until is not None:
        conditions.append(column < filters.until)
    return [and_(*conditions)] if conditions else []
