"""What an admin does to accounts, audited, and the first password a user must replace.

An account made by an admin (one by one or imported from CSV) or whose password an admin
reset carries ``must_change_password``: the app lets its user do nothing before they have set
a password of their own (:func:`change_own_password`), so the password the admin saw or
handed over stops working at the first log-in. From the command line, trainees imported with
first passwords to hand over are marked too (:func:`first_password`); ``users add`` and
``reset-password`` (the site's first admin, a password the operator chose) are not.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import func, select

from . import audit, auth
from .errors import RefusedPermission, RefusedValue
from .guard import Actor, require_role
from .models import ROLES, UserRow
from .records import ImportResult, User, from_row

if TYPE_CHECKING:
    from .repository import Store


def create(store: Store, admin: Actor, username: str, role: str, password: str, *, source: str | None = None,
           **fields) -> User:
    """A new account (Store.create_user's checks and ``fields``) whose user must set their own
    password at first log-in; admins only."""
    _admin(store, admin, "create accounts")
    user = store.create_user(username, role, password, by=admin, **fields)
    return _mark(store, admin, user, "user_created", {"role": role}, source)


def import_trainees(store: Store, admin: Actor, csv_text: str, *, source: str | None = None) -> list[ImportResult]:
    """Store.import_trainees by an admin: every trainee created must change the first password."""
    _admin(store, admin, "import trainees")
    results = store.import_trainees(csv_text, by=admin)
    for result in results:
        if result.ok and result.user is not None:
            _mark(store, admin, result.user, "user_created", {"role": "trainee", "import": True}, source)
    return results


def first_password(store: Store, user: User, *, source: str | None = None, detail: dict | None = None) -> User:
    """Mark ``user`` to set their own password at the next log-in, audited as created by
    whoever holds the database (the command line: no actor)."""
    return _mark(store, None, user, "user_created", detail, source)


def reset_password(store: Store, admin: Actor, user_id: int, password: str, *, source: str | None = None) -> User:
    """A new password set by an admin (the user is logged out everywhere and must replace it)."""
    _admin(store, admin, "reset passwords")
    store.set_password(user_id, password, by=admin)
    return _mark(store, admin, store.user(user_id), "password_reset", None, source)


def change_own_password(store: Store, user: User, current: str, new: str, *, source: str | None = None) -> User:
    """The user sets their own password: ``current`` must be right (ValueError otherwise) and
    ``new`` different and within the rules. Ends every session of the user (the caller opens
    a new one) and lifts ``must_change_password``."""
    with store.transaction() as session:
        row = session.get(UserRow, user.id)
        if row is None or not row.active:
            raise RefusedPermission("unknown or deactivated user", code="user_inactive")
        stored = row.password_hash
    if not auth.verify_password(stored, current):
        raise RefusedValue("the current password is not right", code="password_wrong")
    if new == current:
        raise RefusedValue("choose a new password, not the one you were given", code="password_same")
    store._replace_password(user.id, new)      # the user's own, the current one checked: no admin needed
    with store.transaction() as session:
        row = session.get(UserRow, user.id)
        row.must_change_password = False
        audit.record(session, "password_changed", user, f"user {user.username}", source=source)
        return from_row(User, row)


def change_role(store: Store, admin: Actor, user_id: int, role: str, *, source: str | None = None) -> User:
    """Give a user another role; admins only. ValueError when no other active admin would be left."""
    if role not in ROLES:
        raise RefusedValue(f"role must be one of {', '.join(ROLES)}, not '{role}'", code="role_unknown", given=role)
    with store.transaction() as session:
        require_role(session, admin, ("admin",), "change roles")
        row = session.get(UserRow, user_id)
        if row is None:
            raise RefusedValue(f"no user {user_id}", code="user_missing", user_id=user_id)
        before = row.role
        if before == role:
            return from_row(User, row)
        if before == "admin":
            admins = session.scalar(select(func.count()).select_from(UserRow).where(
                UserRow.role == "admin", UserRow.active.is_(True), UserRow.id != user_id))
            if not admins:
                raise RefusedValue("no other active admin would be left: make someone else an admin first", code="last_admin")
        row.role = role
        audit.record(session, "role_changed", admin, f"user {row.username}", {"from": before, "to": role}, source=source)
        return from_row(User, row)


def _admin(store: Store, admin: Actor, what: str) -> None:
    with store.transaction() as session:
        require_role(session, admin, ("admin",), what)


def _mark(store: Store, admin: Actor | None, user: User, action: str, detail: dict | None, source: str | None) -> User:
    with store.transaction() as session:
        row = session.get(UserRow, user.id)
        row.must_change_password = True
        audit.record(session, action, admin, f"user {row.username}", detail, source=source)
        return from_row(User, row)
