"""The audit log: who did what sensitive thing, to whom, when and from where.

An entry is written in the same transaction as the action it records (:func:`record`, given the
action's session), so an action is never done without its entry nor an entry kept for an action
that failed; the failed log-in is the exception, recorded on its own. Entries are never changed.
Admins read them (:func:`entries`, filterable), export them as CSV (:func:`to_csv`) and
``python -m simulator audit`` prints them. :func:`purge` deletes entries older than
``SIMULATOR_AUDIT_RETENTION_DAYS`` (default 730; 0 keeps them for ever), run by housekeeping.

Actions (:data:`ACTIONS`): log-ins and failed log-ins, accounts created, passwords reset or
changed, role changes, deactivations, exports, score overrides, publications, and deletions
of a trainee's data; the scorer's tunings accepted or rejected, and every override of the
calibration gate (simulator/store/calibration.py).

Each entry is also logged (simulator.logs) once its transaction commits, as ``<action> by
<user name>[: <target>]``: no detail, no client address (those stay here).
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, event, select
from sqlalchemy.orm import Session

from .. import settings
from ..user_text import clean
from .errors import RefusedValue
from .guard import SHELL, Shell, require_role, utc_now
from .models import AuditRow
from .records import User

if TYPE_CHECKING:
    from .repository import Store

ACTIONS = (
    "login", "login_failed", "password_changed", "password_reset", "user_created", "role_changed", "deactivated",
    "export", "override", "publication", "deletion", "tuning", "gate_override",
)
CSV_COLUMNS = ("at", "actor", "action", "target", "source", "detail")
_PENDING = "audit.pending"      # session.info: the entries to log once committed

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: dt.datetime
    actor_id: int | None
    actor: str
    action: str
    target: str
    detail: dict[str, Any] | None
    source: str


def record(session: Session, action: str, actor: User | Shell | str | None, target: str = "", detail: dict | None = None, *,
           source: str | None = None, now: dt.datetime | None = None) -> None:
    """Add an entry to ``session`` (committed with the action). ``actor``: the user who acted,
    or the name given (a failed log-in), or None or SHELL (the system: no one logged in)."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action '{action}'")
    if actor is SHELL:
        actor = None
    name = actor.username if isinstance(actor, User) else clean(actor or "")
    session.add(AuditRow(at=utc_now(now), actor_id=actor.id if isinstance(actor, User) else None, actor=name[:64],
                         action=action, target=clean(target)[:200], detail=detail, source=clean(source or "")[:64]))
    session.info.setdefault(_PENDING, []).append((action, name[:64], clean(target)[:200]))


@event.listens_for(Session, "after_commit")
def _log_committed(session: Session) -> None:
    for action, actor, target in session.info.pop(_PENDING, ()):
        log.info("%s by %s%s", action, actor or "the system", f": {target}" if target else "")


@event.listens_for(Session, "after_rollback")
def _forget_rolled_back(session: Session) -> None:
    session.info.pop(_PENDING, None)


def record_now(store: Store, action: str, actor: User | Shell | str | None, target: str = "", detail: dict | None = None, *,
               source: str | None = None, now: dt.datetime | None = None) -> None:
    """:func:`record` in a transaction of its own (an export, a failed log-in)."""
    with store.transaction() as session:
        record(session, action, actor, target, detail, source=source, now=now)


def entries(store: Store, viewer: User, **filters) -> list[AuditEntry]:
    """:func:`search` for an admin in the app (PermissionError for anyone else)."""
    with store.transaction() as session:
        require_role(session, viewer, ("admin",), "read the audit log")
    return search(store, **filters)


def search(store: Store, *, since: dt.datetime | None = None, until: dt.datetime | None = None,
           actions: tuple[str, ...] | list[str] | None = None, actor: str | None = None, target: str | None = None,
           limit: int | None = 1000) -> list[AuditEntry]:
    """Entries newest first, for whoever holds the database (the command line). ``actor`` and
    ``target`` match a part of the name, in any case; ``actions`` any of those given."""
    query = select(AuditRow).order_by(AuditRow.at.desc(), AuditRow.id.desc())
    if since is not None:
        query = query.where(AuditRow.at >= since)
    if until is not None:
        query = query.where(AuditRow.at < until)
    if actions:
        unknown = set(actions) - set(ACTIONS)
        if unknown:
            raise RefusedValue(f"unknown audit action(s): {', '.join(sorted(unknown))}; known: {', '.join(ACTIONS)}",
                               code="audit_action_unknown", given=", ".join(sorted(unknown)), known=", ".join(ACTIONS))
        query = query.where(AuditRow.action.in_(list(actions)))
    if actor:
        query = query.where(AuditRow.actor.icontains(actor.strip(), autoescape=True))
    if target:
        query = query.where(AuditRow.target.icontains(target.strip(), autoescape=True))
    if limit is not None:
        query = query.limit(limit)
    with store.transaction() as session:
        return [AuditEntry(r.id, r.at, r.actor_id, r.actor, r.action, r.target, r.detail, r.source)
                for r in session.scalars(query)]


def to_csv(found: list[AuditEntry]) -> str:
    """The entries as CSV (UTF-8 text; times in UTC, ISO 8601). A cell that a spreadsheet
    would run as a formula is prefixed with ' (a user name such as ``=cmd|...``)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for entry in found:
        detail = json.dumps(entry.detail, ensure_ascii=False, sort_keys=True) if entry.detail else ""
        writer.writerow([_cell(v) for v in (entry.at.isoformat(timespec="seconds"), entry.actor, entry.action,
                                             entry.target, entry.source, detail)])
    return out.getvalue()


def _cell(value: str) -> str:
    return f"'{value}" if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def retention_days() -> int:
    """SIMULATOR_AUDIT_RETENTION_DAYS (default 730); 0 keeps entries for ever."""
    return settings.current().audit_retention_days


def purge(store: Store, now: dt.datetime | None = None, days: int | None = None) -> int:
    """Delete entries older than the retention; returns how many."""
    days = retention_days() if days is None else days
    if days <= 0:
        return 0
    with store.transaction() as session:
        result = session.execute(delete(AuditRow).where(AuditRow.at < utc_now(now) - dt.timedelta(days=days)))
        return result.rowcount or 0
