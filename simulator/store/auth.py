"""Passwords, logging in with throttling, and login sessions.

* Passwords are hashed with Argon2id (argon2-cffi); a hash made with older parameters is
  replaced at the next successful login.
* Failed logins make the next attempt wait: per account and client address, and per address
  across accounts, decided before the password is checked so that parallel guesses cannot
  race (simulator/store/login_throttle.py). The counts live in the database, so every app
  replica sees them. A wait does not reveal whether the password that hit it was right: it is
  not checked at all until the wait ends.
* A session token is random (``secrets.token_urlsafe``); only its SHA-256 is stored. A session
  ends after ``SIMULATOR_SESSION_IDLE_MINUTES`` (default 30) without use, and at the latest
  ``SIMULATOR_SESSION_MAX_HOURS`` (default 12) after login.
"""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
import secrets
from typing import TYPE_CHECKING

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select

from .. import settings
from ..user_text import LIMITS, TooLong, broken, clean
from . import audit, login_throttle
from .errors import RefusedValue
from .guard import utc_now
from .models import LoginSessionRow, UserRow
from .records import User, from_row

if TYPE_CHECKING:
    from .repository import Store

MIN_PASSWORD_LENGTH = 8
LAST_SEEN_EVERY = dt.timedelta(seconds=30)  # write last_seen at most this often (every rerun reads it)

hasher = PasswordHasher()


@functools.cache
def _dummy_hash(of: PasswordHasher) -> str:
    """A hash to check against when there is no such user (made once per hasher)."""
    return of.hash("not the password of anyone")


class AuthError(Exception):
    """Login refused. ``code``: bad_credentials | locked | inactive; ``retry_after``: seconds."""

    def __init__(self, code: str, retry_after: int = 0):
        self.code = code
        self.retry_after = retry_after
        messages = {
            "bad_credentials": "wrong username or password",
            "locked": f"too many failed logins: try again in {retry_after} s",
            "inactive": "this account is deactivated",
        }
        super().__init__(messages[code])


# --- passwords --------------------------------------------------------------------------

def check_password_rules(password: str) -> None:
    """Raise ValueError (with a message for the user) when the password is too weak, TooLong
    when it is over its limit."""
    if len(password) > LIMITS["password"]:
        raise TooLong("password", LIMITS["password"], len(password))
    if len(password) < MIN_PASSWORD_LENGTH:
        raise RefusedValue(f"the password must be at least {MIN_PASSWORD_LENGTH} characters long", code="password_short",
                           count=MIN_PASSWORD_LENGTH)
    if password.strip() != password:
        raise RefusedValue("the password must not begin or end with a space", code="password_space")
    if broken(password):     # control characters, lone surrogates: kept as given, so refused
        raise RefusedValue("the password must not hold control characters or broken ones (a bad paste?)",
                           code="password_broken")


def hash_password(password: str) -> str:
    check_password_rules(password)
    return hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError, UnicodeEncodeError):     # a lone surrogate is never a password
        return False


def new_password() -> str:
    """A random first password (16 URL-safe characters) to hand to a new user."""
    return secrets.token_urlsafe(12)


def authenticate(store: Store, username: str, password: str, now: dt.datetime | None = None, *,
                 source: str | None = None) -> User:
    """The user with these credentials, or AuthError. ``source``: the client's address, when
    known; failures are counted per account and address and per address (login_throttle)."""
    now = utc_now(now)
    username = clean(username).strip().lower()      # kept as a counter's key: nothing a database refuses
    named = 0 < len(username) <= LIMITS["username"]
    attempt = login_throttle.counters(username if named else None, source)
    with store.transaction() as session:
        wait = login_throttle.reserve(session, attempt, now)     # counted as failed until the password is right
        if wait:
            raise AuthError("locked", wait)
        row = session.scalars(select(UserRow).where(UserRow.username == username)).first() if named else None
        # no such user: as slow as a real check all the same, so that timing tells nobody who exists
        user_id, stored_hash = (row.id, row.password_hash) if row else (None, _dummy_hash(hasher))
    # slow on purpose, so outside any transaction; a password over the limit was never set
    ok = len(password) <= LIMITS["password"] and verify_password(stored_hash, password) and user_id is not None
    if not ok:
        audit.record_now(store, "login_failed", username[:64], f"user {username}"[:200], {"reason": "bad_credentials"},
                         source=source, now=now)
        raise AuthError("bad_credentials")
    with store.transaction() as session:
        login_throttle.succeeded(session, attempt)
        row = session.get(UserRow, user_id, with_for_update=True)
        if row is None:
            raise AuthError("bad_credentials")
        if row.password_hash == stored_hash and hasher.check_needs_rehash(stored_hash):
            row.password_hash = hasher.hash(password)
        user, active = from_row(User, row), row.active
        if active:
            audit.record(session, "login", user, f"user {user.username}", source=source, now=now)
        else:
            audit.record(session, "login_failed", user, f"user {user.username}", {"reason": "inactive"}, source=source, now=now)
    if not active:
        raise AuthError("inactive")
    return user


def purge_login_counts(store: Store, now: dt.datetime | None = None) -> int:
    """Delete counts of failed logins that count nothing any more (e.g. of names nobody has)."""
    with store.transaction() as session:
        return login_throttle.purge(session, utc_now(now))


def unlock(store: Store, username: str) -> int:
    """Lift every wait that failed logins put on ``username`` (an admin's action); how many."""
    with store.transaction() as session:
        return login_throttle.unlock(session, username.strip().lower())


# --- sessions ---------------------------------------------------------------------------

def idle_timeout() -> dt.timedelta:
    return dt.timedelta(minutes=settings.current().session_idle_minutes)


def max_session_age() -> dt.timedelta:
    return dt.timedelta(hours=settings.current().session_max_hours)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def open_session(store: Store, user: User, now: dt.datetime | None = None) -> str:
    """Start a login session; returns the token to keep in the browser (never stored as such)."""
    now = utc_now(now)
    token = secrets.token_urlsafe(32)
    with store.transaction() as session:
        session.add(LoginSessionRow(token_hash=_digest(token), user_id=user.id, created_at=now, last_seen=now,
                                    expires_at=now + max_session_age()))
    return token


def session_user(store: Store, token: str, now: dt.datetime | None = None) -> User | None:
    """The active user of a live session, or None (unknown, idle too long, too old, deactivated)."""
    if not token:
        return None
    now = utc_now(now)
    with store.transaction() as session:
        row = session.scalars(select(LoginSessionRow).where(LoginSessionRow.token_hash == _digest(token))).first()
        if row is None:
            return None
        user = session.get(UserRow, row.user_id)
        if now >= row.expires_at or now - row.last_seen >= idle_timeout() or user is None or not user.active:
            session.delete(row)
            return None
        if now - row.last_seen >= LAST_SEEN_EVERY:
            row.last_seen = now
        return from_row(User, user)


def end_session(store: Store, token: str) -> None:
    """Log out."""
    with store.transaction() as session:
        session.execute(delete(LoginSessionRow).where(LoginSessionRow.token_hash == _digest(token)))


def purge_sessions(store: Store, now: dt.datetime | None = None) -> int:
    """Delete sessions that can no longer be used; returns how many."""
    now = utc_now(now)
    with store.transaction() as session:
        result = session.execute(
            delete(LoginSessionRow).where(
                (LoginSessionRow.expires_at <= now) | (LoginSessionRow.last_seen <= now - idle_timeout())
            )
        )
        return result.rowcount or 0
