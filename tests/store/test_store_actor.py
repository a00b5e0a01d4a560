"""Who may write what is decided in the store (issue 15): every account, attempt, scenario
library and recording write takes the acting user (``by``) and checks it against the database;
``SHELL`` (whoever holds the database without logging in) passes, and the app never uses it."""
from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import pickle
import re
from pathlib import Path

import pytest

from simulator.call.clock import ManualClock
from simulator.call.engine import Call
from simulator.library.loader import load_library
from simulator.store import SHELL, AudioFiles, accounts, audit, auth
from simulator.store.guard import Shell
from tests.conftest import MINI
from tests.store.store_db import PASSWORD, make_user

T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.timezone.utc)
REPLY = "Добрий день. Дякую, що звернулися, зараз я перевірю ваш особовий рахунок."
UI = Path(__file__).resolve().parents[2] / "simulator" / "ui"


def a_turn(scenario) -> dict:
    clock = ManualClock()
    call = Call(scenario, clock, seed=0)
    clock.advance(6)
    call.reply(REPLY)
    return call.turns[0].to_dict()


# --- the actor ------------------------------------------------------------------------------

def test_shell_is_one_object_that_is_no_user():
    assert Shell() is SHELL and copy.deepcopy(SHELL) is SHELL and pickle.loads(pickle.dumps(SHELL)) is SHELL
    assert repr(SHELL) == "SHELL" and not hasattr(SHELL, "id") and not hasattr(SHELL, "role")


def test_no_page_or_component_acts_as_the_shell():
    """The app always passes the logged-in user: SHELL is for the command line, set-up and tests."""
    named = [str(path.relative_to(UI)) for path in UI.rglob("*.py")
             if re.search(r"\bSHELL\b|\bguard\b", path.read_text(encoding="utf-8"))]
    assert named == []


# --- accounts -------------------------------------------------------------------------------

def test_a_trainee_creates_imports_and_changes_no_account(store):
    anna, bohdan = make_user(store, "anna"), make_user(store, "bohdan")
    with pytest.raises(PermissionError):
        store.create_user("ivan", "admin", PASSWORD, by=anna)
    with pytest.raises(PermissionError):
        store.import_trainees("ivan,Іван,g1\n", by=anna)
    with pytest.raises(PermissionError):
        accounts.create(store, anna, "ivan", "trainee", PASSWORD)
    with pytest.raises(PermissionError):            # someone else's language
        store.update_user(bohdan.id, language="en", by=anna)
    with pytest.raises(PermissionError):            # their own role, name or group: an admin's to change
        store.update_user(anna.id, role="admin", by=anna)
    with pytest.raises(PermissionError):
        store.update_user(anna.id, language="en", full_name="Anna", by=anna)
    with pytest.raises(PermissionError):            # their own password only with the current one (accounts)
        store.set_password(anna.id, "a brand new password", by=anna)
    with pytest.raises(PermissionError):
        store.set_password(bohdan.id, "a brand new password", by=anna)
    with pytest.raises(PermissionError):
        store.deactivate(bohdan.id, by=anna)
    with pytest.raises(PermissionError):
        store.set_active(anna.id, True, by=anna)
    with pytest.raises(PermissionError):            # the role is read from the database, not from the record
        store.create_user("ivan", "trainee", PASSWORD, by=dataclasses.replace(anna, role="admin"))
    assert store.user_by_username("ivan") is None
    assert store.user(bohdan.id) == bohdan and store.user(anna.id).role == "trainee"
    assert auth.authenticate(store, "anna", PASSWORD).id == anna.id      # the password is unchanged

    assert store.update_user(anna.id, language="en", by=anna).language == "en"     # their own language: theirs
    assert accounts.change_own_password(store, anna, PASSWORD, "a brand new password").id == anna.id


@pytest.mark.parametrize("role", ["trainer", "hr"])
def test_staff_other_than_admins_administer_no_account(store, role):
    staff, anna = make_user(store, "staff", role=role), make_user(store, "anna")
    with pytest.raises(PermissionError):
        store.create_user("ivan", "trainee", PASSWORD, by=staff)
    with pytest.raises(PermissionError):
        store.update_user(anna.id, group="kyiv-2", by=staff)
    with pytest.raises(PermissionError):
        store.deactivate(anna.id, by=staff)
    assert store.update_user(staff.id, language="en", by=staff).language == "en"


def test_a_deactivated_admin_is_refused(store, mini):
    admin, anna = make_user(store, "olena", role="admin"), make_user(store, "anna")
    make_user(store, "oksana", role="admin")
    store.deactivate(admin.id, by=SHELL)
    with pytest.raises(PermissionError):
        store.create_user("ivan", "trainee", PASSWORD, by=admin)
    with pytest.raises(PermissionError):
        store.import_trainees("ivan,Іван,g1\n", by=admin)
    with pytest.raises(PermissionError):
        store.update_user(anna.id, group="kyiv-2", by=admin)
    with pytest.raises(PermissionError):            # not even their own language
        store.update_user(admin.id, language="en", by=admin)
    with pytest.raises(PermissionError):
        store.set_password(anna.id, "a brand new password", by=admin)
    with pytest.raises(PermissionError):
        store.set_active(admin.id, True, by=admin)
    with pytest.raises(PermissionError):
        store.abandon_stale(dt.timedelta(hours=1), by=admin)
    assert store.user_by_username("ivan") is None and not store.user(admin.id).active


def test_an_admin_and_the_shell_administer_accounts(store):
    admin = make_user(store, "olena", role="admin")
    for by in (admin, SHELL):
        name = "ivan" if by is admin else "petro"
        user = store.create_user(name, "trainee", PASSWORD, group="g1", by=by)
        assert store.update_user(user.id, full_name="Іван", group="g2", language="en", by=by).group_name == "g2"
        assert store.update_user(user.id, role="trainer", by=by).role == "trainer"
        store.set_password(user.id, "a brand new password", by=by)
        assert auth.authenticate(store, name, "a brand new password").id == user.id
        assert not store.deactivate(user.id, by=by).active
        assert store.set_active(user.id, True, by=by).active
    results = store.import_trainees("anna,Анна,g1\nbohdan,Богдан,g1\n", by=admin)
    assert [r.ok for r in results] == [True, True]
    assert [r.ok for r in accounts.import_trainees(store, SHELL, "taras,Тарас,g1\n")] == [True]
    assert accounts.reset_password(store, admin, results[0].user.id, "another-one-1").must_change_password


def test_the_shell_is_audited_as_the_system(store):
    anna = make_user(store, "anna")
    accounts.reset_password(store, SHELL, anna.id, "another-one-1", source="cli")
    entry = audit.search(store, actions=["password_reset"])[0]
    assert (entry.actor_id, entry.actor, entry.target) == (None, "", "user anna")


# --- attempts -------------------------------------------------------------------------------

def test_only_the_trainee_writes_their_call(store, mini):
    anna, bohdan = make_user(store, "anna"), make_user(store, "bohdan")
    trainer, admin = make_user(store, "tetiana", role="trainer"), make_user(store, "olena", role="admin")
    version = store.scenario_version(mini, MINI, by=SHELL)
    for other in (bohdan, trainer, admin):
        with pytest.raises(PermissionError):
            store.start_attempt(anna.id, version.id, now=T0, by=other)
    attempt = store.start_attempt(anna.id, version.id, now=T0, by=anna)
    turn = a_turn(mini)
    for other in (bohdan, trainer, admin):          # staff read a trainee's call, never write it
        with pytest.raises(PermissionError):
            store.save_turn(attempt.id, turn, now=T0, by=other)
        with pytest.raises(PermissionError):
            store.set_aside(attempt.id, [(3.0, 1.0)], by=other)
        with pytest.raises(PermissionError):
            store.set_aside(attempt.id, by=other)
        with pytest.raises(PermissionError):
            store.finish_attempt(attempt.id, "abandoned", None, by=other)
    assert store.attempt_detail(anna, attempt.id).turns == []

    assert store.set_aside(attempt.id, [(3.0, 1.0)], by=anna) == [(3.0, 1.0)]
    saved = store.save_turn(attempt.id, turn, now=T0, by=anna)
    with pytest.raises(PermissionError):            # a retry of a saved turn hands it to no one else
        store.save_turn(attempt.id, turn, now=T0, by=bohdan)
    assert store.save_turn(attempt.id, turn, now=T0, by=anna) == saved
    assert store.finish_attempt(attempt.id, "abandoned", None, by=anna).status == "abandoned"
    assert store.attempts(anna)[0].id == attempt.id


def test_a_deactivated_trainee_writes_no_call_and_the_shell_writes_any(store, mini):
    anna = make_user(store, "anna")
    version = store.scenario_version(mini, MINI, by=SHELL)
    attempt = store.start_attempt(anna.id, version.id, now=T0, by=anna)
    store.deactivate(anna.id, by=SHELL)
    with pytest.raises(PermissionError):
        store.save_turn(attempt.id, a_turn(mini), now=T0, by=anna)
    with pytest.raises(PermissionError):
        store.start_attempt(anna.id, version.id, now=T0, by=anna)
    store.save_turn(attempt.id, a_turn(mini), now=T0, by=SHELL)      # the command line, a replay, a fixture
    assert store.set_aside(attempt.id, by=SHELL) == []
    assert store.finish_attempt(attempt.id, "abandoned", None, by=SHELL).status == "abandoned"


def test_the_sweep_of_stale_calls_is_the_systems_or_an_admins(store, mini):
    anna, trainer, admin = make_user(store, "anna"), make_user(store, "tetiana", role="trainer"), make_user(store, "olena", role="admin")
    version = store.scenario_version(mini, MINI, by=SHELL)
    store.start_attempt(anna.id, version.id, now=T0, by=anna)
    later = T0 + dt.timedelta(hours=2)
    for refused in (anna, trainer):
        with pytest.raises(PermissionError):
            store.abandon_stale(dt.timedelta(hours=1), now=later, by=refused)
    assert store.abandon_stale(dt.timedelta(hours=1), now=later, by=admin) == 1
    store.start_attempt(anna.id, version.id, now=T0, by=anna)
    assert store.abandon_stale(dt.timedelta(hours=1), now=later, by=SHELL) == 1


# --- the scenario library -------------------------------------------------------------------

def test_the_library_is_recorded_by_the_system_a_trainer_or_an_admin(store, tmp_path):
    (tmp_path / "mini.yaml").write_text(MINI, encoding="utf-8")
    library = load_library(tmp_path)
    anna, hr = make_user(store, "anna"), make_user(store, "halyna", role="hr")
    for refused in (anna, hr, dataclasses.replace(anna, role="admin")):     # the role is the database's
        with pytest.raises(PermissionError):
            store.record_library(library, by=refused)
    assert store.versions("test-mini") == []
    trainer, admin = make_user(store, "tetiana", role="trainer"), make_user(store, "olena", role="admin")
    first = store.record_library(library, by=admin)["test-mini"]
    assert store.record_library(library, by=trainer)["test-mini"] == first
    assert store.record_library(library, by=SHELL)["test-mini"] == first and first.version == 1


def test_a_scenario_version_is_recorded_by_any_active_user_or_the_system(store, mini):
    anna, bohdan = make_user(store, "anna"), make_user(store, "bohdan")
    store.deactivate(bohdan.id, by=SHELL)
    with pytest.raises(PermissionError):            # the record held says active; the database does not
        store.scenario_version(mini, MINI, by=bohdan)
    assert store.versions("test-mini") == []
    first = store.scenario_version(mini, MINI, by=anna)     # a trainee starting a call records what they play
    assert store.scenario_version(mini, MINI, by=SHELL) == first and first.version == 1
    with pytest.raises(PermissionError):            # nor is an existing version handed to them
        store.scenario_version(mini, MINI, by=bohdan)


# --- recordings -----------------------------------------------------------------------------

def test_a_calls_recording_is_saved_by_its_trainee_only(store, mini, tmp_path):
    audio = AudioFiles(tmp_path / "audio")
    anna, bohdan, admin = make_user(store, "anna"), make_user(store, "bohdan"), make_user(store, "olena", role="admin")
    attempt = store.start_attempt(anna.id, store.scenario_version(mini, MINI, by=SHELL).id, now=T0, by=anna)
    for other in (bohdan, admin):                   # staff hear a trainee's call, never record into it
        with pytest.raises(PermissionError):
            audio.save(b"RIFF-x", by=other, store=store, attempt_id=attempt.id)
    with pytest.raises(LookupError):
        audio.save(b"RIFF-x", by=anna, store=store, attempt_id=attempt.id + 1)
    with pytest.raises(TypeError):                  # a user is checked in the database, so it must be given
        audio.save(b"RIFF-x", by=anna, attempt_id=attempt.id)
    assert not list(tmp_path.rglob("*.wav"))
    key = audio.save(b"RIFF-anna", by=anna, store=store, attempt_id=attempt.id)
    assert audio.load(key) == b"RIFF-anna"
    assert audio.load(audio.save(b"RIFF-b", by=bohdan, store=store)) == b"RIFF-b"      # no call given: any active user
    store.deactivate(anna.id, by=SHELL)
    for call in (attempt.id, None):
        with pytest.raises(PermissionError):
            audio.save(b"RIFF-x", by=anna, store=store, attempt_id=call)
    assert audio.load(audio.save(b"RIFF-s", by=SHELL)) == b"RIFF-s"


def test_recordings_are_deleted_and_purged_by_an_admin_or_the_system(store, tmp_path):
    audio = AudioFiles(tmp_path / "audio")
    anna, trainer, admin = make_user(store, "anna"), make_user(store, "tetiana", role="trainer"), make_user(store, "olena", role="admin")
    old = T0 - dt.timedelta(days=100)
    keys = [audio.save(b"RIFF-old", now=old, by=SHELL) for _ in range(3)]
    for refused in (anna, trainer, dataclasses.replace(anna, role="admin")):
        with pytest.raises(PermissionError):
            audio.delete(keys[0], by=refused, store=store)
        with pytest.raises(PermissionError):
            audio.purge(90, now=T0, by=refused, store=store)
    assert audio.load(keys[0]) == b"RIFF-old"
    audio.delete(keys[0], by=admin, store=store)
    audio.delete(keys[1], by=SHELL)
    with pytest.raises(FileNotFoundError):
        audio.load(keys[1])
    assert audio.purge(90, now=T0, by=admin, store=store) == 1
    audio.save(b"RIFF-old", now=old, by=SHELL)
    assert audio.purge(90, now=T0, by=SHELL) == 1
