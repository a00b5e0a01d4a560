"""A hardened first start, in the store: the audit log of sensitive actions, accounts made by
an admin that must change their password, and a trainee's personal data exported and deleted
on request — on SQLite and PostgreSQL."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile

import pytest

from simulator.store import AudioFiles, AuthError, auth, demo
from simulator.store.guard import SHELL
from simulator.store import accounts, audit, personal_data
from tests.conftest import MINI
from tests.store.store_db import PASSWORD, make_user
from tests.store.test_store_repository import GOOD, played, record_call


@pytest.fixture
def admin(store):
    return make_user(store, "olena", role="admin")


def actions(store, admin, **filters):
    return [(e.action, e.actor, e.target) for e in audit.entries(store, admin, **filters)]


def test_sensitive_actions_are_in_the_audit_log_and_only_admins_read_it(store, admin, mini):
    trainer = make_user(store, "tom", role="trainer")
    auth.authenticate(store, "olena", PASSWORD, source="10.0.0.5")
    with pytest.raises(AuthError):
        auth.authenticate(store, "Olena", "wrong-password", source="10.0.0.9")
    with pytest.raises(AuthError):
        auth.authenticate(store, "=cmd|nobody", "wrong-password")
    anna = accounts.create(store, admin, "anna", "trainee", "first-password-1", full_name="Анна")
    accounts.change_role(store, admin, trainer.id, "hr")
    store.save_draft(admin, "test-mini", MINI, new=True)
    store.publish(admin, "test-mini")
    attempt_id = record_call(store, anna, store.versions("test-mini")[0], played(mini, [GOOD]))
    store.override_turn(admin, attempt_id, 0, overall=90, critical=False, comment="heard it on the recording")

    found = audit.entries(store, admin)
    assert [e.action for e in found] == ["override", "publication", "role_changed", "user_created", "login_failed",
                                        "login_failed", "login"]
    by_action = {e.action: e for e in found}
    assert by_action["login"].source == "10.0.0.5" and by_action["login"].actor == "olena"
    assert by_action["role_changed"].detail == {"from": "trainer", "to": "hr"} and by_action["role_changed"].target == "user tom"
    assert by_action["override"].target == f"attempt {attempt_id} turn 0"
    assert by_action["publication"].target == "scenario test-mini v1"
    assert actions(store, admin, actions=["login_failed"], actor="OLE") == [("login_failed", "olena", "user olena")]
    assert actions(store, admin, target="tom") == [("role_changed", "olena", "user tom")]
    assert actions(store, admin, since=dt.datetime.now(dt.timezone.utc) + dt.timedelta(minutes=1)) == []
    with pytest.raises(ValueError, match="unknown audit action"):
        audit.entries(store, admin, actions=["coffee"])
    for someone in (trainer, anna):
        with pytest.raises(PermissionError):
            audit.entries(store, someone)

    rows = list(csv.reader(io.StringIO(audit.to_csv(found))))
    assert rows[0] == list(audit.CSV_COLUMNS) and len(rows) == len(found) + 1
    assert "'=cmd|nobody" in [row[1] for row in rows]      # no formula for a spreadsheet to run
    assert json.loads(rows[3][5]) == {"from": "trainer", "to": "hr"}


def test_an_account_made_or_reset_by_an_admin_must_change_its_password(store, admin):
    anna = accounts.create(store, admin, "anna", "trainee", "handed-over-1")
    assert anna.must_change_password
    assert auth.authenticate(store, "anna", "handed-over-1").must_change_password
    with pytest.raises(ValueError, match="current password is not right"):
        accounts.change_own_password(store, anna, "wrong-one-1", "my-own-secret-1")
    with pytest.raises(ValueError, match="choose a new password"):
        accounts.change_own_password(store, anna, "handed-over-1", "handed-over-1")
    with pytest.raises(ValueError, match="at least 8"):
        accounts.change_own_password(store, anna, "handed-over-1", "short")
    changed = accounts.change_own_password(store, anna, "handed-over-1", "my-own-secret-1")
    assert not changed.must_change_password
    with pytest.raises(AuthError):
        auth.authenticate(store, "anna", "handed-over-1")
    assert not auth.authenticate(store, "anna", "my-own-secret-1").must_change_password

    assert accounts.reset_password(store, admin, anna.id, "another-one-1").must_change_password
    results = accounts.import_trainees(store, admin, "username,full_name,group\nbob,Bob,g1\n,,\nbad name,x,g1\n")
    assert [r.ok for r in results] == [True, False]
    assert store.user_by_username("bob").must_change_password
    assert not make_user(store, "cli-made").must_change_password       # the command line's accounts are not marked
    assert actions(store, admin, actions=["user_created", "password_reset", "password_changed"]) == [
        ("user_created", "olena", "user bob"), ("password_reset", "olena", "user anna"),
        ("password_changed", "anna", "user anna"), ("user_created", "olena", "user anna")]
    with pytest.raises(PermissionError):
        accounts.create(store, anna, "eve", "admin", "handed-over-1")


def test_the_last_admin_keeps_the_role_and_demo_deactivation_is_audited(store, admin):
    with pytest.raises(ValueError, match="no other active admin"):
        accounts.change_role(store, admin, admin.id, "trainer")
    other = make_user(store, "ivan", role="admin")
    assert accounts.change_role(store, admin, other.id, "trainee").role == "trainee"

    empty = make_user(store, "demo-admin", role="admin")
    assert demo.active_accounts(store) == ["demo-admin"]
    demo.deactivate_all(store, admin)
    assert demo.active_accounts(store) == []
    entry = audit.entries(store, admin, actions=["deactivated"])[0]
    assert entry.detail == {"users": ["demo-admin"]} and empty.username in entry.detail["users"]


def test_a_trainees_data_is_exported_then_deleted_on_request(store, admin, mini, tmp_path):
    audio = AudioFiles(tmp_path / "audio")
    anna, bob = make_user(store, "anna"), make_user(store, "bob")
    version = store.scenario_version(mini, MINI, by=SHELL)
    kept_id = record_call(store, bob, version, played(mini, [GOOD]))
    attempt_id = record_call(store, anna, version, played(mini, [GOOD]))
    key = audio.save(b"RIFF-anna", by=SHELL)
    with store.transaction() as session:      # as a spoken reply keeps its recording
        from simulator.store.models import TurnRow

        session.query(TurnRow).filter(TurnRow.attempt_id == attempt_id, TurnRow.index == 0).update({"audio_key": key})
    store.save_voice_check(anna, language="uk", verdict="reliable", cer=0.05, unclear_share=0.0, level_db=-20.0,
                           too_quiet=False, sentences=[{"text": "x", "heard": "x", "cer": 0.0, "words": 1, "unclear": 0, "level_db": -20.0}],
                           recogniser="test", device="")

    held = personal_data.holdings(store, admin, anna.id)
    assert (held.attempts, held.voice_checks, held.recordings) == (1, 1, 1) and held.turns >= 1
    data = personal_data.export(store, admin, anna.id, audio, source="10.0.0.5")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
        assert {"profile.json", "attempts.json", "attempts.csv", "voice_checks.json", "README.txt", f"recordings/{key}"} <= names
        attempts = json.loads(archive.read("attempts.json"))
        assert [a["attempt"]["id"] for a in attempts] == [attempt_id]
        assert attempts[0]["turns"][0]["reply"] == GOOD
        assert archive.read(f"recordings/{key}") == b"RIFF-anna"
        assert json.loads(archive.read("profile.json"))["username"] == "anna"

    with pytest.raises(ValueError, match="type the username 'anna'"):
        personal_data.delete_all(store, admin, anna.id, "bob", audio)
    with pytest.raises(PermissionError):
        personal_data.delete_all(store, anna, anna.id, "anna", audio)
    deleted = personal_data.delete_all(store, admin, anna.id, " Anna ", audio)
    assert deleted.attempts == 1
    assert store.attempts(admin, anna.id) == [] and store.voice_checks(admin, anna.id) == []
    with pytest.raises(FileNotFoundError):
        audio.load(key)
    assert store.user(anna.id).active      # the account stays: deactivating it is another action
    assert [a.id for a in store.attempts(admin, bob.id)] == [kept_id]
    entry = audit.entries(store, admin, actions=["deletion"])[0]
    assert entry.target == "user anna" and entry.detail["attempts"] == 1 and entry.detail["recordings"] == 1
    assert audit.entries(store, admin, actions=["export"])[0].detail["recordings"] == 1


def test_old_audit_entries_are_purged_after_their_retention(store, admin, monkeypatch):
    old = dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc)
    audit.record_now(store, "export", admin, "report", now=old)
    audit.record_now(store, "export", admin, "report")
    monkeypatch.setenv("SIMULATOR_AUDIT_RETENTION_DAYS", "0")
    assert audit.purge(store) == 0
    monkeypatch.setenv("SIMULATOR_AUDIT_RETENTION_DAYS", "365")
    assert audit.purge(store) == 1
    assert len(audit.entries(store, admin)) == 1
    monkeypatch.setenv("SIMULATOR_AUDIT_RETENTION_DAYS", "a year")
    with pytest.raises(ValueError, match="SIMULATOR_AUDIT_RETENTION_DAYS"):
        audit.purge(store)


def test_the_audit_command_prints_and_filters_the_log(store, database_url, admin, capsys):
    from simulator.cli import main
    from simulator.cli.audit import when

    audit.record_now(store, "export", admin, "readiness report", {"format": "xlsx"}, source="10.0.0.5",
                     now=dt.datetime(2026, 1, 10, tzinfo=dt.timezone.utc))
    accounts.create(store, admin, "anna", "trainee", "first-password-1")
    assert main(["audit", "--database", database_url]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and "user_created" in lines[0] and "user anna" in lines[0]
    assert lines[1].startswith("2026-01-10 00:00:00  export") and "from 10.0.0.5" in lines[1] and '"format": "xlsx"' in lines[1]
    assert main(["audit", "--database", database_url, "--since", "2026-02-01", "--csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert [row[2] for row in rows] == ["action", "user_created"]
    assert main(["audit", "--database", database_url, "--action", "export", "--until", "2026-02-01"]) == 0
    assert "readiness report" in capsys.readouterr().out
    assert main(["users", "add", "ivan", "--role", "trainer", "--password", "ivans-password-1", "--database", database_url]) == 0
    assert main(["users", "deactivate", "ivan", "--database", database_url]) == 0
    capsys.readouterr()
    assert not store.user_by_username("ivan").must_change_password
    assert [(e.action, e.actor, e.target, e.source) for e in audit.search(store, limit=2)] == [
        ("deactivated", "", "user ivan", "cli"), ("user_created", "", "user ivan", "cli")]
    assert main(["audit", "--database", database_url, "--since", "last tuesday", "--labels", "en"]) == 2
    assert "is not a date" in capsys.readouterr().err
    assert main(["audit", "--database", database_url, "--since", "last tuesday"]) == 2
    assert "«last tuesday» — не дата" in capsys.readouterr().err
    assert main(["audit", "--database", database_url, "--limit", "1"]) == 0
    assert capsys.readouterr().err == "записів: 1\n"
    now = dt.datetime(2026, 3, 8, tzinfo=dt.timezone.utc)
    assert when("7d", now) == dt.datetime(2026, 3, 1, tzinfo=dt.timezone.utc)
