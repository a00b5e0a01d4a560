"""Demo mode that means it: one parsed setting, demo accounts only where demo mode is on, and
refused at log-in (and their sessions ended) while it is off, whatever the database holds."""
from __future__ import annotations

import pytest

from simulator import settings
from simulator.store import DEMO_PASSWORD, AuthError, auth, demo
from tests.store.store_db import make_user

DEMO_NAMES = {"demo-trainee", "demo-trainer", "demo-hr", "demo-admin"}


@pytest.mark.parametrize(("value", "meaning"), [
    *[(word, True) for word in ("1", "true", "on", "yes", "TRUE", "On", " Yes ")],
    *[(word, False) for word in ("0", "false", "off", "no", "FALSE", "Off", " NO ")],
    ("", None),
])
def test_the_setting_is_read_one_way(monkeypatch, value, meaning):
    monkeypatch.setenv("SIMULATOR_DEMO", value)
    assert settings.switch(settings.DEMO) is meaning
    settings.check()


@pytest.mark.parametrize("value", ["maybe", "2", "enabled", "0n", "ja"])
def test_anything_else_is_refused_with_a_message_that_says_what_would_do(monkeypatch, value):
    monkeypatch.setenv("SIMULATOR_DEMO", value)
    with pytest.raises(settings.SettingError) as refused:
        settings.check()
    assert str(refused.value) == (f"SIMULATOR_DEMO must be one of 1, true, on, yes, 0, false, off, no (in any case), "
                                  f"not {value!r}")
    assert (refused.value.name, refused.value.value) == ("SIMULATOR_DEMO", value)


@pytest.mark.parametrize(("setting", "loopback", "on", "exposed"), [
    (None, True, True, False),          # trying it out on one's own machine
    (None, False, False, False),        # serving a network: off unless asked for
    ("1", False, True, True),           # asked for on a network: on, and every page says so
    ("off", True, False, False),
])
def test_demo_mode_is_on_where_it_is_asked_for_or_the_app_listens_on_loopback_only(monkeypatch, setting, loopback, on,
                                                                                   exposed):
    monkeypatch.delenv("SIMULATOR_DEMO", raising=False)
    if setting is not None:
        monkeypatch.setenv("SIMULATOR_DEMO", setting)
    assert demo.enabled(loopback) is on and demo.exposed(loopback) is exposed


@pytest.mark.parametrize(("address", "loopback"), [
    ("127.0.0.1", True), ("127.3.2.1", True), ("::1", True), ("[::1]", True), ("localhost", True), ("LocalHost", True),
    (None, False), ("", False), ("0.0.0.0", False), ("::", False), ("192.168.1.20", False), ("simulator.office", False),
])
def test_what_listens_on_loopback_only(address, loopback):
    assert demo.loopback_only(address) is loopback


def test_demo_accounts_only_in_demo_mode_and_on_an_empty_database(store):
    assert demo.ensure_accounts(store, demo_on=False) == []
    created = demo.ensure_accounts(store, demo_on=True)
    assert {(u.username, u.role, u.group_name) for u in created} == {
        ("demo-trainee", "trainee", "demo"), ("demo-trainer", "trainer", None), ("demo-hr", "hr", None),
        ("demo-admin", "admin", None)}
    assert demo.authenticate(store, "demo-hr", DEMO_PASSWORD, demo_on=True).role == "hr"
    assert demo.ensure_accounts(store, demo_on=True) == []       # never twice
    assert len(store.users()) == 4


def test_a_demo_account_is_refused_once_demo_mode_is_off(store, monkeypatch):
    demo.ensure_accounts(store, demo_on=True)
    token = auth.open_session(store, store.user_by_username("demo-admin"))
    monkeypatch.setenv("SIMULATOR_DEMO", "false")
    demo_on = demo.enabled(True)        # even on loopback, as set
    for name in DEMO_NAMES:
        with pytest.raises(AuthError) as refused:
            demo.authenticate(store, f" {name.upper()} ", DEMO_PASSWORD, demo_on=demo_on)
        assert refused.value.code == "inactive"
    assert demo.session_user(store, token, demo_on=demo_on) is None
    assert auth.session_user(store, token) is None              # the session itself has ended
    olena = make_user(store, "olena", role="admin")             # a site's own account is not touched
    assert demo.authenticate(store, "olena", "correct-horse-battery", demo_on=demo_on) == olena


def test_an_admin_deactivates_every_demo_account_in_one_action(store):
    demo.ensure_accounts(store, demo_on=True)
    demo_admin = store.user_by_username("demo-admin")
    token = auth.open_session(store, store.user_by_username("demo-trainee"))
    with pytest.raises(ValueError, match="admin account of your own"):
        demo.deactivate_all(store, demo_admin)                  # no admin would be left
    with pytest.raises(PermissionError):
        demo.deactivate_all(store, store.user_by_username("demo-hr"))
    olena = make_user(store, "olena", role="admin")
    removed = demo.deactivate_all(store, olena)
    assert {u.username for u in removed} == DEMO_NAMES and not any(u.active for u in removed)
    assert auth.session_user(store, token) is None
    assert [u.username for u in store.users()] == ["olena"]
    assert demo.deactivate_all(store, olena) == []
