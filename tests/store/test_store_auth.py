"""Passwords, throttled logins and login sessions, on both databases."""
from __future__ import annotations

import datetime as dt

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from simulator.store import Store, auth
from simulator.store.auth import AuthError
from simulator.store.login_throttle import ACCOUNT
from simulator.store.models import LoginSessionRow, UserRow
from tests.store.store_db import PASSWORD, make_user
from simulator.store.guard import SHELL

T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.timezone.utc)


def at(seconds: float) -> dt.datetime:
    return T0 + dt.timedelta(seconds=seconds)


def refused(store, username, password, when) -> AuthError:
    with pytest.raises(AuthError) as caught:
        auth.authenticate(store, username, password, when)
    return caught.value


def stored_hash(store, username) -> str:
    with store.transaction() as session:
        return session.scalars(select(UserRow.password_hash).where(UserRow.username == username)).one()


def test_passwords_are_hashed_with_argon2id_and_verified():
    hashed = auth.hash_password("a long enough secret")     # the real, default parameters
    assert hashed.startswith("$argon2id$") and "a long enough secret" not in hashed
    assert auth.verify_password(hashed, "a long enough secret")
    assert not auth.verify_password(hashed, "a long enough secreT")
    assert not auth.verify_password("not a hash", "anything")
    with pytest.raises(ValueError, match="at least 8"):
        auth.hash_password("short")


def test_a_password_hashed_with_old_parameters_is_rehashed_at_login(store, monkeypatch):
    make_user(store, "olena")
    old = stored_hash(store, "olena")
    stronger = PasswordHasher(time_cost=2, memory_cost=2048, parallelism=1)
    monkeypatch.setattr(auth, "hasher", stronger)
    assert stronger.check_needs_rehash(old)
    auth.authenticate(store, "olena", PASSWORD, T0)
    new = stored_hash(store, "olena")
    assert new != old and not stronger.check_needs_rehash(new)
    auth.authenticate(store, "Olena ", PASSWORD, T0)        # usernames are not case-sensitive
    assert stored_hash(store, "olena") == new


def test_repeated_failures_lock_the_account_for_longer_and_longer(store, database_url):
    make_user(store, "petro")
    for k in range(3):
        error = refused(store, "petro", "wrong password", at(k))
        assert error.code == "bad_credentials"
    # the third failure locked it for 1 s: even the right password is refused, on every replica
    other_replica = Store.open(database_url)
    try:
        error = refused(other_replica, "petro", PASSWORD, at(2.5))
    finally:
        other_replica.close()
    assert (error.code, error.retry_after) == ("locked", 1)
    assert refused(store, "petro", "wrong password", at(3.2)).code == "bad_credentials"   # 4th: 2 s
    error = refused(store, "petro", PASSWORD, at(3.5))
    assert (error.code, error.retry_after) == ("locked", 2)
    assert auth.authenticate(store, "petro", PASSWORD, at(5.3)).username == "petro"      # the lock expired
    assert refused(store, "petro", "wrong password", at(6)).code == "bad_credentials"    # the count restarted
    assert auth.authenticate(store, "petro", PASSWORD, at(6.1)).username == "petro"


def test_the_lock_grows_as_powers_of_two_up_to_15_minutes():
    assert [ACCOUNT.wait(n) for n in range(1, 8)] == [0, 0, 1, 2, 4, 8, 16]
    assert ACCOUNT.wait(13) == 900 and ACCOUNT.wait(50) == 900


def test_unknown_and_deactivated_users_are_refused(store):
    user = make_user(store, "ivan")
    assert refused(store, "nobody", PASSWORD, T0).code == "bad_credentials"
    store.deactivate(user.id, by=SHELL)
    assert refused(store, "ivan", PASSWORD, T0).code == "inactive"
    assert refused(store, "ivan", "wrong password", T0).code == "bad_credentials"   # no hint without the password


def test_sessions_end_when_idle_and_at_the_absolute_limit(store, clean_env):
    user = make_user(store, "maria")
    token = auth.open_session(store, user, T0)
    with store.transaction() as session:
        stored = session.scalars(select(LoginSessionRow.token_hash)).one()
    assert token not in stored and len(stored) == 64            # only the SHA-256 is kept
    assert auth.session_user(store, token, T0 + dt.timedelta(minutes=29)) == user
    assert auth.session_user(store, token, T0 + dt.timedelta(minutes=58)) == user     # 29 min after last use
    assert auth.session_user(store, token, T0 + dt.timedelta(minutes=89)) is None     # idle for 31 min
    assert auth.session_user(store, token, T0 + dt.timedelta(minutes=90)) is None     # and it is gone

    busy = auth.open_session(store, user, T0)
    for minutes in range(20, 12 * 60, 20):                      # used every 20 minutes all day
        assert auth.session_user(store, busy, T0 + dt.timedelta(minutes=minutes)) == user
    assert auth.session_user(store, busy, T0 + dt.timedelta(hours=12)) is None        # 12 h after login
    assert auth.session_user(store, "made-up-token", T0) is None


def test_session_limits_come_from_the_environment(store, clean_env, monkeypatch):
    monkeypatch.setenv("SIMULATOR_SESSION_IDLE_MINUTES", "5")
    monkeypatch.setenv("SIMULATOR_SESSION_MAX_HOURS", "1")
    user = make_user(store, "nadia")
    token = auth.open_session(store, user, T0)
    assert auth.session_user(store, token, T0 + dt.timedelta(minutes=4)) == user
    assert auth.session_user(store, token, T0 + dt.timedelta(minutes=10)) is None
    token = auth.open_session(store, user, T0)
    for minutes in range(4, 60, 4):
        assert auth.session_user(store, token, T0 + dt.timedelta(minutes=minutes)) == user
    assert auth.session_user(store, token, T0 + dt.timedelta(minutes=61)) is None
    monkeypatch.setenv("SIMULATOR_SESSION_IDLE_MINUTES", "half an hour")
    with pytest.raises(ValueError, match="SIMULATOR_SESSION_IDLE_MINUTES"):
        auth.session_user(store, auth.open_session(store, user, T0), T0)


def test_logout_password_change_and_deactivation_end_sessions(store, clean_env):
    user = make_user(store, "oksana")
    first, second, third = (auth.open_session(store, user, T0) for _ in range(3))
    auth.end_session(store, first)
    assert auth.session_user(store, first, T0) is None
    assert auth.session_user(store, second, T0) == user
    store.set_password(user.id, "a brand new password", by=SHELL)
    assert auth.session_user(store, second, T0) is None and auth.session_user(store, third, T0) is None
    assert auth.authenticate(store, "oksana", "a brand new password", T0) == user
    token = auth.open_session(store, user, T0)
    store.deactivate(user.id, by=SHELL)
    assert auth.session_user(store, token, T0) is None
    assert auth.purge_sessions(store, T0 + dt.timedelta(days=1)) == 0
