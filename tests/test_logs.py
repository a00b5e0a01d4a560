"""The log (simulator.logs): set up from the settings, who did what once it is committed, and
failures with their cause; nothing personal beyond user names."""
from __future__ import annotations

import logging

import pytest
from sqlalchemy.exc import OperationalError

from simulator import logs
from simulator.call.clock import ManualClock
from simulator.store import Store, auth
from simulator.store.errors import database_errors
from tests.store.store_db import FAST_HASHER, PASSWORD, make_user
from tests.services.test_practice import COLD_NO_FACT, start


@pytest.fixture
def log_file(tmp_path, no_settings):
    monkeypatch = no_settings
    monkeypatch.setenv("SIMULATOR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SIMULATOR_LOG_FILE", str(tmp_path / "logs" / "simulator.log"))
    monkeypatch.setattr(auth, "hasher", FAST_HASHER)
    logs.configure()
    yield tmp_path / "logs" / "simulator.log"
    monkeypatch.delenv("SIMULATOR_LOG_FILE")
    logs.configure()                # the tmp file closed, standard error only again


def unavailable(*_args, **_kwargs):
    """The database away, as the store says it, from SQLAlchemy's error with the statement and
    its values (a reply's text)."""
    with database_errors():
        raise OperationalError("INSERT INTO turns (reply) VALUES (?)", (COLD_NO_FACT,), Exception("connection refused"))


def test_a_log_in_and_a_failed_save_log_one_line_each_and_nothing_personal(log_file, tmp_path, mini, monkeypatch):
    store = Store.open(f"sqlite:///{tmp_path / 'simulator.db'}")
    make_user(store, "anna", full_name="Анна Коваленко")
    user = auth.authenticate(store, "Anna", PASSWORD, source="10.1.2.3")
    with pytest.raises(auth.AuthError):
        auth.authenticate(store, "anna", "not-the-password", source="10.1.2.3")
    clock = ManualClock()
    call = start(store, user, mini, clock=clock)
    monkeypatch.setattr(store, "save_turn", unavailable)
    clock.advance(5)
    call.silence()              # a turn to save (a typed reply would load the scorer: seconds)
    assert call.waiting == 1
    text = log_file.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert len([line for line in lines if line.endswith("INFO simulator.store.audit: login by anna: user anna")]) == 1, text
    assert len([line for line in lines if "login_failed by anna" in line]) == 1, text
    failed = [line for line in lines if "wait for the database" in line]
    assert len(failed) == 1 and " WARNING simulator.services.practice: " in failed[0] and "connection refused" in failed[0], text
    for personal in (PASSWORD, "not-the-password", COLD_NO_FACT, "Коваленко", "10.1.2.3"):
        assert personal not in text
    assert log_file.stat().st_mode & 0o777 == 0o600
    store.close()


def test_an_action_rolled_back_is_not_logged(log_file, tmp_path):
    from simulator.store import audit

    store = Store.open(f"sqlite:///{tmp_path / 'simulator.db'}")
    with pytest.raises(RuntimeError):
        with store.transaction() as session:
            audit.record(session, "export", "olena", "report")
            raise RuntimeError("the export failed")
    audit.record_now(store, "export", "olena", "readiness")
    lines = log_file.read_text(encoding="utf-8").splitlines()
    assert [line.split(": ", 1)[1] for line in lines if "simulator.store.audit" in line] == ["export by olena: readiness"]
    store.close()


def test_the_level_comes_from_the_settings_and_a_command_keeps_its_stderr_for_warnings(log_file, monkeypatch, capsys):
    log = logging.getLogger("simulator.something")
    monkeypatch.setenv("SIMULATOR_LOG_LEVEL", "WARNING")
    logs.configure()
    log.info("not written")
    log.warning("written")
    monkeypatch.setenv("SIMULATOR_LOG_LEVEL", "info")
    logs.configure(stderr_level="warning")
    log.info("in the file only")
    text = log_file.read_text(encoding="utf-8")
    assert "not written" not in text and "written" in text and "in the file only" in text
    err = capsys.readouterr().err
    assert "WARNING simulator.something: written" in err and "in the file only" not in err
