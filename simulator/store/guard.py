"""Small helpers every part of the store shares: the acting user, the role checks and the time stamp.

Who may write what is decided in the store, not in the pages: each write takes the acting user
(``by``; ``viewer`` for a read) and checks their role here, read from the database (not from
the record the caller holds), so a deactivated admin or a trainee's forged request is refused
with PermissionError whatever page or command sent it.

:data:`SHELL` is the actor for whoever holds the database without logging in: the command line,
set-up, the demo accounts, the load test, the benches, the store's own maintenance sweep and the
tests' fixtures. It is not a user (no row, no id, no role); the checks let it through. The app
never passes it: a page always passes the logged-in user (tests/store/test_store_actor.py checks
that no UI module names it).
"""
from __future__ import annotations

import datetime as dt
from typing import Final, TypeAlias

from sqlalchemy.orm import Session

from .errors import NotFound, RefusedPermission
from .models import AttemptRow, UserRow
from .records import User


class Shell:
    """The type of :data:`SHELL` (one instance; compare with ``is``)."""

    __slots__ = ()
    _instance: Shell | None = None

    def __new__(cls) -> Shell:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "SHELL"

    def __reduce__(self):
        return "SHELL"


SHELL: Final = Shell()
Actor: TypeAlias = User | Shell     # who acts: a logged-in user, or whoever holds the database


def utc_now(now: dt.datetime | None = None) -> dt.datetime:
    """``now`` when given (tests and replays control time), else the current UTC time."""
    return now or dt.datetime.now(dt.timezone.utc)


def require_role(session: Session, viewer: Actor, roles: tuple[str, ...], what: str) -> UserRow | None:
    """The viewer's row when they are active and their role, read from the database (not from
    the record the caller holds), is one of ``roles``; PermissionError otherwise. :data:`SHELL`
    passes (None: there is no row)."""
    if viewer is SHELL:
        return None
    row = session.get(UserRow, viewer.id)
    if row is None or not row.active or row.role not in roles:
        raise RefusedPermission(f"only {' / '.join(roles)} can {what}", code="not_allowed", what=what)
    return row


def require_self(session: Session, by: Actor, user_id: int, what: str) -> UserRow | None:
    """The acting user's row when they are ``user_id`` and active (read from the database);
    PermissionError for anyone else, whatever their role. :data:`SHELL` passes (None)."""
    if by is SHELL:
        return None
    row = session.get(UserRow, by.id)
    if row is None or not row.active:
        raise RefusedPermission("unknown or deactivated user", code="user_inactive")
    if row.id != user_id:
        raise RefusedPermission(f"only the user themselves can {what}", code="not_allowed", what=what)
    return row


def require_own_attempt(session: Session, by: Actor, attempt_id: int, what: str) -> AttemptRow:
    """The attempt's row when ``by`` is its user, active (or SHELL); NotFound, PermissionError."""
    row = session.get(AttemptRow, attempt_id)
    if row is None:
        raise NotFound(f"no attempt {attempt_id}", code="attempt_missing", attempt_id=attempt_id)
    require_self(session, by, row.user_id, what)
    return row


def require_active(session: Session, by: Actor, what: str) -> UserRow | None:
    """The acting user's row when they are active (read from the database), whatever their role;
    PermissionError otherwise. :data:`SHELL` passes (None)."""
    if by is SHELL:
        return None
    row = session.get(UserRow, by.id)
    if row is None or not row.active:
        raise RefusedPermission(f"unknown or deactivated user: cannot {what}", code="user_inactive")
    return row


def visible_user(session: Session, viewer: Actor, user_id: int | None) -> int | None:
    """The user whose rows ``viewer`` may read: themselves for a trainee, anyone for staff and
    :data:`SHELL` (None: everyone). The viewer's role is read from the database, not from the record."""
    if viewer is SHELL:
        return user_id
    row = session.get(UserRow, viewer.id)
    if row is None or not row.active:
        raise RefusedPermission("unknown or deactivated user", code="user_inactive")
    if row.role == "trainee":
        if user_id is not None and user_id != row.id:
            raise RefusedPermission("a trainee can only see their own attempts", code="not_allowed")
        return row.id
    return user_id
