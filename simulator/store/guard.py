"""Small helpers every part of the store shares: the role checks and the time stamp."""
from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from .models import UserRow
from .records import User


def utc_now(now: dt.datetime | None = None) -> dt.datetime:
    """``now`` when given (tests and replays control time), else the current UTC time."""
    return now or dt.datetime.now(dt.timezone.utc)


def require_role(session: Session, viewer: User, roles: tuple[str, ...], what: str) -> UserRow:
    """The viewer's row when they are active and their role, read from the database (not from
    the record the caller holds), is one of ``roles``; PermissionError otherwise."""
    row = session.get(UserRow, viewer.id)
    if row is None or not row.active or row.role not in roles:
        raise PermissionError(f"only {' / '.join(roles)} can {what}")
    return row


def visible_user(session: Session, viewer: User, user_id: int | None) -> int | None:
    """The user whose rows ``viewer`` may read: themselves for a trainee, anyone for staff
    (None: everyone). The viewer's role is read from the database, not from the record."""
    row = session.get(UserRow, viewer.id)
    if row is None or not row.active:
        raise PermissionError("unknown or deactivated user")
    if row.role == "trainee":
        if user_id is not None and user_id != row.id:
            raise PermissionError("a trainee can only see their own attempts")
        return row.id
    return user_id
