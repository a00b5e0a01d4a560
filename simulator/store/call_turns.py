"""The saved turns of many calls in one query (issue 17: a cohort's paths through a scenario, a
trainee's recent calls for their practice plan), and those recent calls themselves."""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select

from .models import AttemptRow, TurnRow
from .records import Attempt, TurnRecord, User, from_row

RECENT = 10


def turns_of(store, viewer: User, attempt_ids: Iterable[int]) -> dict[int, list[TurnRecord]]:
    """{attempt id: its saved turns in order} for the attempts the viewer may see (staff
    everyone's, a trainee their own); the others are left out."""
    ids = sorted(set(attempt_ids))
    found: dict[int, list[TurnRecord]] = {i: [] for i in ids}
    query = select(TurnRow).join(AttemptRow, TurnRow.attempt_id == AttemptRow.id).where(TurnRow.attempt_id.in_(ids))
    if not viewer.is_staff:
        query = query.where(AttemptRow.user_id == viewer.id)
    with store.transaction() as session:
        for row in session.scalars(query.order_by(TurnRow.attempt_id, TurnRow.index)):
            found[row.attempt_id].append(from_row(TurnRecord, row))
    return {i: turns for i, turns in found.items() if turns}


def recent_calls(store, viewer: User, user_id: int, limit: int = RECENT) -> list[tuple[Attempt, list[TurnRecord]]]:
    """The user's newest finished calls with a reply (reruns left out), newest first, with their turns."""
    attempts = [a for a in store.attempts(viewer, user_id, limit=4 * limit) if a.status != "in_progress"
                and a.rerun_of is None and a.overall is not None]
    attempts.sort(key=lambda a: (a.finished_at, a.id), reverse=True)
    turns = turns_of(store, viewer, [a.id for a in attempts[:limit]])
    return [(a, turns[a.id]) for a in attempts[:limit] if a.id in turns]


def scenario_calls(store, viewer: User, scenario_id: str, filters) -> list[list[TurnRecord]]:
    """The saved turns of every call at ``scenario_id`` that the reports count within
    ``filters`` (report_queries.Filters: group, period, language; active trainees, no reruns),
    oldest first. Staff who read reports only (PermissionError otherwise)."""
    table = store.report_attempts(viewer, filters)
    at = {name: k for k, name in enumerate(table.columns)}
    ids = [row[at["attempt_id"]] for row in table.rows if row[at["scenario_id"]] == scenario_id]
    turns = turns_of(store, viewer, ids)
    return [turns[i] for i in ids if i in turns]
