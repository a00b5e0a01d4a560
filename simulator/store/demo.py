"""Demo mode: its one setting, the demo accounts, and the rule that keeps them out while it is off.

``SIMULATOR_DEMO`` is ``1``, ``true``, ``on`` or ``yes`` (on) or ``0``, ``false``, ``off`` or
``no`` (off), in any case; any other value is refused when the app or a command starts
(simulator.settings). Left unset (or empty), demo mode is on only while the app
listens on loopback alone, i.e. someone trying the simulator out on their own machine, and off
as soon as it serves a network, since the demo accounts' password is published.

- On: a database with no users at all gets one account per role (:data:`DEMO_ACCOUNTS`, password
  :data:`DEMO_PASSWORD`).
- Off: those names cannot log in, and a session opened earlier ends, whatever the database
  holds (:func:`authenticate`, :func:`session_user`: the login path goes through here). An
  admin removes them in one action (:func:`deactivate_all`).

The address the app listens on is the caller's to give (the store knows nothing of Streamlit).
"""
from __future__ import annotations

import datetime as dt
import ipaddress
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from .. import settings
from . import audit, auth
from .auth import AuthError
from .errors import RefusedValue
from .guard import require_role, utc_now
from .models import UserRow
from .records import User, from_row

if TYPE_CHECKING:
    from .repository import Store

DEMO_PASSWORD = "demo-password"
DEMO_ACCOUNTS = (("demo-trainee", "trainee"), ("demo-trainer", "trainer"), ("demo-hr", "hr"), ("demo-admin", "admin"))
DEMO_GROUP = "demo"
NAMES = frozenset(name for name, _ in DEMO_ACCOUNTS)


def loopback_only(address: str | None) -> bool:
    """Whether a server listening on ``address`` is reachable from this machine alone. No
    address means every interface; a host name other than localhost may resolve anywhere."""
    if not address:
        return False
    if address.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(address.strip().strip("[]")).is_loopback
    except ValueError:
        return False


def enabled(on_loopback_only: bool) -> bool:
    """Demo mode: as set, else on exactly when the app listens on loopback only."""
    chosen = settings.switch(settings.DEMO)
    return on_loopback_only if chosen is None else chosen


def exposed(on_loopback_only: bool) -> bool:
    """Demo mode on while the app serves a network: the published password reaches it."""
    return enabled(on_loopback_only) and not on_loopback_only


def is_demo(username: str) -> bool:
    return username.strip().lower() in NAMES


def ensure_accounts(store: Store, *, demo_on: bool, now: dt.datetime | None = None) -> list[User]:
    """The demo users for every role, only in demo mode and on a database with no users at
    all. Returns the users created (none when it did nothing)."""
    if not demo_on:
        return []
    with store.transaction() as session:
        if session.scalar(select(func.count()).select_from(UserRow)):
            return []
    password_hash = auth.hash_password(DEMO_PASSWORD)
    try:
        with store.transaction() as session:
            if session.scalar(select(func.count()).select_from(UserRow)):
                return []
            rows = [
                UserRow(username=name, full_name=f"Demo {role}", role=role, password_hash=password_hash, language="uk",
                        group_name=DEMO_GROUP if role == "trainee" else None, active=True, created_at=utc_now(now))
                for name, role in DEMO_ACCOUNTS
            ]
            session.add_all(rows)
            session.flush()
            return [from_row(User, row) for row in rows]
    except IntegrityError:      # another replica created them at the same moment
        return []


def authenticate(store: Store, username: str, password: str, *, demo_on: bool, **options) -> User:
    """:func:`auth.authenticate` (``options`` passed on), except that a demo account is refused
    as deactivated while demo mode is off, before its password is checked or counted."""
    if not demo_on and is_demo(username):
        raise AuthError("inactive")
    return auth.authenticate(store, username, password, **options)


def session_user(store: Store, token: str, *, demo_on: bool, now: dt.datetime | None = None) -> User | None:
    """:func:`auth.session_user`, except that a demo account's session ends while demo mode is off."""
    user = auth.session_user(store, token, now)
    if user is not None and not demo_on and is_demo(user.username):
        auth.end_session(store, token)
        return None
    return user


def deactivate_all(store: Store, admin: User) -> list[User]:
    """Deactivate every active demo account (logged out everywhere, their calls kept); admins
    only. ValueError when no other active admin would be left to run the site."""
    with store.transaction() as session:
        require_role(session, admin, ("admin",), "remove the demo accounts")
        others = session.scalar(select(func.count()).select_from(UserRow).where(
            UserRow.role == "admin", UserRow.active.is_(True), UserRow.username.not_in(NAMES)))
        targets = session.scalars(select(UserRow.id).where(UserRow.username.in_(NAMES), UserRow.active.is_(True))).all()
    if targets and not others:
        raise RefusedValue("create an admin account of your own first: no other admin would be left", code="demo_last_admin")
    targets = sorted(targets, key=lambda user_id: user_id == getattr(admin, "id", None))    # the admin acting last
    removed = [store.deactivate(user_id, by=admin) for user_id in targets]
    if removed:
        audit.record_now(store, "deactivated", admin, "demo accounts", {"users": [u.username for u in removed]})
    return removed


def active_accounts(store: Store) -> list[str]:
    """The demo accounts that are active: while any is, every admin page says so."""
    with store.transaction() as session:
        return sorted(session.scalars(select(UserRow.username).where(UserRow.username.in_(NAMES), UserRow.active.is_(True))))
