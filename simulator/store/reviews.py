"""Trainers' review of finished calls: a turn's score overridden, with a comment.

The machine's score is never changed: each override is a new row that keeps the original
score, the new one, the comment, who and when. The newest override of a turn counts. The
attempt then carries a *reviewed* score (what readiness uses) worked out here, in one place:

- reviewed critical: any turn still critical after the overrides;
- reviewed overall: the call's score moved by the mean change of its scored turns
  (``overall + sum(new - original) / scored turns``, kept within 0-100). A call's score is
  a weighted mean over its turns, so this is the change one turn's correction makes to it.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..user_text import accept
from . import audit
from .errors import NotFound, RefusedValue
from .guard import require_role, utc_now
from .models import AttemptRow, TurnOverrideRow, TurnRow, UserRow
from .records import TurnOverride, User, from_row

REVIEWERS = ("trainer", "admin")


class Reviews:
    """Mixed into :class:`simulator.store.Store` (which provides ``transaction``)."""

    def override_turn(self, reviewer: User, attempt_id: int, turn_index: int, *, overall: float, critical: bool,
                      comment: str, now: dt.datetime | None = None) -> TurnOverride:
        """Override one scored turn of a finished call (trainer or admin; a comment is required,
        cleaned and capped: TooLong over its limit)."""
        comment = accept("comment", comment).strip()
        if not comment:
            raise RefusedValue("say why in a comment: the trainee and HR read it", code="comment_required")
        if not 0 <= overall <= 100:
            raise RefusedValue(f"a score is between 0 and 100, not {overall:g}", code="score_range", given=f"{overall:g}")
        with self.transaction() as session:
            require_role(session, reviewer, REVIEWERS, "override scores")
            attempt = session.get(AttemptRow, attempt_id)
            if attempt is None:
                raise NotFound(f"no attempt {attempt_id}", code="attempt_missing", attempt_id=attempt_id)
            if attempt.status != "completed":
                raise RefusedValue(f"attempt {attempt_id} is {attempt.status.replace('_', ' ')}: only finished calls are reviewed",
                                   code="not_finished", attempt_id=attempt_id, status=attempt.status)
            turn = session.scalars(select(TurnRow).where(TurnRow.attempt_id == attempt_id, TurnRow.index == turn_index)).first()
            if turn is None or turn.overall is None:
                raise NotFound(f"attempt {attempt_id} has no scored turn {turn_index}", code="turn_missing",
                               attempt_id=attempt_id, turn=turn_index + 1)
            row = TurnOverrideRow(attempt_id=attempt_id, turn_index=turn_index, original_overall=turn.overall,
                                  original_critical=turn.critical, overall=float(overall), critical=bool(critical),
                                  comment=comment, reviewer_id=reviewer.id, created_at=utc_now(now))
            session.add(row)
            session.flush()
            _apply(session, attempt)
            audit.record(session, "override", reviewer, f"attempt {attempt_id} turn {turn_index}",
                         {"from": turn.overall, "to": float(overall), "critical": bool(critical)}, now=now)
            return _record(session, row)

    def overrides(self, attempt_id: int) -> list[TurnOverride]:
        """Every override of an attempt, oldest first."""
        with self.transaction() as session:
            return _overrides(session, attempt_id)


def _overrides(session: Session, attempt_id: int) -> list[TurnOverride]:
    rows = session.scalars(select(TurnOverrideRow).where(TurnOverrideRow.attempt_id == attempt_id)
                           .order_by(TurnOverrideRow.created_at, TurnOverrideRow.id))
    return [_record(session, row) for row in rows]


def _record(session: Session, row: TurnOverrideRow) -> TurnOverride:
    reviewer = session.get(UserRow, row.reviewer_id) if row.reviewer_id is not None else None
    return from_row(TurnOverride, row, reviewer=reviewer.username if reviewer else None)


def _apply(session: Session, attempt: AttemptRow) -> None:
    """Work out the attempt's reviewed score and critical flag from its newest overrides."""
    turns = session.execute(
        select(TurnRow.index, TurnRow.overall, TurnRow.critical).where(TurnRow.attempt_id == attempt.id, TurnRow.overall.is_not(None))
    ).all()
    newest: dict[int, TurnOverrideRow] = {}
    for row in session.scalars(select(TurnOverrideRow).where(TurnOverrideRow.attempt_id == attempt.id)
                               .order_by(TurnOverrideRow.created_at, TurnOverrideRow.id)):
        newest[row.turn_index] = row
    shift = sum(newest[i].overall - overall for i, overall, _ in turns if i in newest) / max(len(turns), 1)
    attempt.reviewed_overall = round(min(100.0, max(0.0, (attempt.overall or 0.0) + shift)), 1)
    attempt.reviewed_critical = any(newest[i].critical if i in newest else critical for i, _, critical in turns)


