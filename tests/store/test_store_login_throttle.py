"""Failed log-ins that cannot race, a throttle per address, and no lock-out a stranger can use
as a weapon; on both databases."""
from __future__ import annotations

import datetime as dt
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from simulator.store import auth, login_throttle
from simulator.store.auth import AuthError
from simulator.store.login_throttle import ACCOUNT, SOURCE
from tests.store.store_db import PASSWORD, make_user
from simulator.store.guard import SHELL

T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.timezone.utc)
ATTACKER, OWNER = "203.0.113.9", "198.51.100.20"


def at(seconds: float) -> dt.datetime:
    return T0 + dt.timedelta(seconds=seconds)


@pytest.fixture
def checked(monkeypatch):
    """How many passwords were checked; each check takes a while, as a real one does, so that
    guesses sent together are all in flight at once."""
    count = []
    lock = threading.Lock()
    real = auth.verify_password

    def counting(password_hash, password):
        with lock:
            count.append(password)
        threading.Event().wait(0.05)
        return real(password_hash, password)

    monkeypatch.setattr(auth, "verify_password", counting)
    return count


def login(store, username, password, when=T0, source=None):
    """``source`` None: an attempt whose address is not known (no ``source`` given at all)."""
    return auth.authenticate(store, username, password, when, **({"source": source} if source else {}))


def outcome(store, username, password, when=T0, source=None) -> str:
    try:
        login(store, username, password, when, source)
    except AuthError as exc:
        return exc.code
    return "ok"


@pytest.mark.parametrize("source", [None, ATTACKER])
def test_twenty_parallel_wrong_guesses_check_no_more_passwords_than_the_limit(store, checked, source):
    make_user(store, "petro")
    with ThreadPoolExecutor(max_workers=20) as pool:
        results = list(pool.map(lambda _: outcome(store, "petro", "wrong password", T0, source), range(20)))
    assert len(checked) == ACCOUNT.free, "every guess past the limit must wait, however many are sent at once"
    assert sorted(results) == ["bad_credentials"] * ACCOUNT.free + ["locked"] * (20 - ACCOUNT.free)
    assert outcome(store, "petro", PASSWORD, at(0.5), source) == "locked"      # not even checked
    assert len(checked) == ACCOUNT.free


def test_a_stranger_cannot_lock_the_owner_out(store, checked):
    make_user(store, "admin-olha", role="admin")
    when = 0.0
    for _ in range(12):     # the attacker keeps guessing as soon as each wait ends
        assert outcome(store, "admin-olha", "guess", at(when), ATTACKER) == "bad_credentials"
        when += max(ACCOUNT.wait(len(checked)), 0.01)
    assert outcome(store, "admin-olha", PASSWORD, at(when - 0.005), ATTACKER) == "locked"
    assert login(store, "admin-olha", PASSWORD, at(when - 0.005), OWNER).username == "admin-olha"  # the owner is let in
    assert outcome(store, "admin-olha", "typo", at(when), OWNER) == "bad_credentials"                # with their own count
    assert login(store, "admin-olha", PASSWORD, at(when), OWNER).username == "admin-olha"


def test_spraying_many_accounts_from_one_address_is_throttled(store, checked):
    for k in range(30):
        make_user(store, f"trainee-{k:02d}")
    results = [outcome(store, f"trainee-{k % 30:02d}", f"guess {k // 30}", at(k * 0.01), ATTACKER) for k in range(90)]
    assert len(checked) == SOURCE.free and results.count("bad_credentials") == SOURCE.free
    assert results[SOURCE.free:] == ["locked"] * (90 - SOURCE.free)
    # no account reached its own limit; its owner, from another address, is not held up
    assert login(store, "trainee-00", PASSWORD, at(1), OWNER).username == "trainee-00"
    assert outcome(store, "trainee-29", PASSWORD, at(1), ATTACKER) == "locked"


def test_logging_in_to_ones_own_account_takes_back_only_that_attempt(store):
    make_user(store, "ivan")
    for k in range(SOURCE.free - 1):
        assert outcome(store, f"nobody-{k}", "guess", T0, ATTACKER) == "bad_credentials"
    assert login(store, "ivan", PASSWORD, T0, ATTACKER).username == "ivan"
    assert outcome(store, "nobody-x", "guess", T0, ATTACKER) == "bad_credentials"   # the 20th failure
    assert outcome(store, "ivan", PASSWORD, T0, ATTACKER) == "locked"


def test_an_admin_unlocks_and_old_failures_stop_counting(store):
    make_user(store, "maria")
    for source in (ATTACKER, OWNER, None):
        for _ in range(ACCOUNT.free):
            outcome(store, "maria", "wrong", T0, source)
    assert {outcome(store, "maria", PASSWORD, T0, s) for s in (ATTACKER, OWNER, None)} == {"locked"}
    assert auth.unlock(store, "Maria") == 3
    assert login(store, "maria", PASSWORD, T0, ATTACKER).username == "maria"
    for _ in range(ACCOUNT.free - 1):
        outcome(store, "maria", "wrong", at(1), OWNER)
    hour_later = at(1) + login_throttle.QUIET + dt.timedelta(seconds=1)
    assert outcome(store, "maria", "wrong", hour_later, OWNER) == "bad_credentials"    # counted from 1 again: no wait
    assert login(store, "maria", PASSWORD, hour_later, OWNER).username == "maria"
    with store.transaction() as session:
        assert login_throttle.purge(session, hour_later + login_throttle.QUIET + dt.timedelta(minutes=16)) >= 1


def test_a_new_password_lifts_the_waits(store):
    user = make_user(store, "oksana")
    for _ in range(ACCOUNT.free):
        outcome(store, "oksana", "wrong", T0, ATTACKER)
    store.set_password(user.id, "a brand new password", by=SHELL)
    assert login(store, "oksana", "a brand new password", T0, ATTACKER).username == "oksana"


@pytest.mark.parametrize("username, password, expected", [
    ("ivan\x00", PASSWORD, "ok"),      # a username is cleaned as any text is: the NUL goes
    ("ivan\ud800", PASSWORD, "bad_credentials"), ("ivan", "wrong\ud800", "bad_credentials"),
    ("і" * 65, PASSWORD, "bad_credentials"), ("ivan", "x" * 2000, "bad_credentials"),
])
def test_broken_or_huge_credentials_never_crash(store, username, password, expected):
    """PostgreSQL refused a NUL in a counter's key, and argon2 a lone surrogate in a password."""
    make_user(store, "ivan")
    assert outcome(store, username, password, T0, ATTACKER) == expected
    assert login(store, "ivan", PASSWORD, T0, OWNER).username == "ivan"


def test_a_password_must_be_text_that_can_be_typed_again(store):
    with pytest.raises(ValueError, match="control characters or broken ones"):
        auth.hash_password("pass\ud800word")
    with pytest.raises(ValueError, match="control characters or broken ones"):
        auth.hash_password("pass\x00word")
    with pytest.raises(ValueError, match="password is too long"):
        auth.hash_password("p" * 1025)
    assert auth.verify_password(auth.hash_password("пароль\u00a0з пробілом"), "пароль\u00a0з пробілом")
