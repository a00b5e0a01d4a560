"""Practice reruns (issue 17): a trainee rewinds their own finished practice call to one of its
turns, answers that line again and plays on. The rerun is a new practice attempt linked to the
original (``attempts.rerun_of``, always the first call of the chain) that starts with copies of
the turns before the rewound one; the original is never touched. The rerun keeps the original's
scoring tuning (issue 16), whatever was accepted since, so the copies replay as they were shown.
The copies carry no recording (the file stays the original's) and add no findings (they were
counted once already); the rerun's clock goes on from the rewound line (its start is set back by
that line's time on the call), so its handling time reads as the original's did. Reruns count
in no score, report or readiness (:func:`counted`)."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from .errors import AttemptClosed, NotFound, RefusedPermission, RefusedValue
from .guard import utc_now
from .models import AttemptRow, TurnRow
from .records import Attempt, User

_COPIED = ("index", "node_id", "customer_line", "reply", "silent", "asked_at", "replied_at", "latency", "overall", "accuracy",
           "empathy", "time_score", "critical", "score")


def start_rerun(store, user: User, original_id: int, turn_index: int, now: dt.datetime | None = None) -> Attempt:
    """A new in-progress practice rerun of ``original_id`` from its turn ``turn_index`` (0 = the
    first line). PermissionError for someone else's call; ValueError for an exam or a turn the
    call does not have; AttemptClosed while the original is still going on."""
    now = utc_now(now)
    with store.transaction() as session:
        original = session.get(AttemptRow, original_id)
        if original is None:
            raise NotFound(f"no attempt {original_id}", code="attempt_missing", attempt_id=original_id)
        if original.user_id != user.id:
            raise RefusedPermission("only the trainee who made a call can rewind it", code="not_allowed")
        if original.mode != "practice":
            raise RefusedValue("only a practice call can be rewound; an exam stays as it was taken", code="rewind_exam")
        if original.status == "in_progress":
            raise AttemptClosed(f"attempt {original_id} is still in progress: finish it first", code="attempt_in_progress",
                                attempt_id=original_id)
        turns = session.scalars(select(TurnRow).where(TurnRow.attempt_id == original_id).order_by(TurnRow.index)).all()
        if not 0 <= turn_index < len(turns):
            raise RefusedValue(f"attempt {original_id} has no turn {turn_index + 1}", code="turn_missing",
                               attempt_id=original_id, turn=turn_index + 1)
        copies = [{name: getattr(turn, name) for name in _COPIED} for turn in turns[:turn_index]]
        version_id, seed, root = original.scenario_version_id, original.seed, original.rerun_of or original.id
        tuning_id = original.tuning_id      # the copied turns were shown by it: the rerun goes on with it (issue 16)
        rewound_at = turns[turn_index].asked_at
    rerun = store.start_attempt(user.id, version_id, "practice", seed, now=now, by=user)
    with store.transaction() as session:
        row = session.get(AttemptRow, rerun.id)
        row.rerun_of = root
        row.tuning_id = tuning_id
        row.started_at = now - dt.timedelta(seconds=rewound_at)
        session.add_all(TurnRow(attempt_id=row.id, audio_key=None, created_at=now, **copy) for copy in copies)
    return store.attempt_detail(user, rerun.id).attempt


def counted():
    """The condition on attempts that keeps reruns out of every score, statistic, report and readiness figure."""
    return AttemptRow.rerun_of.is_(None)
