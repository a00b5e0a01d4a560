"""The Store on both databases: users, versions, attempts and turns, who sees what, progress."""
from __future__ import annotations

import dataclasses
import datetime as dt
import threading

import pytest

from simulator.call.clock import ManualClock
from simulator.call.engine import Call
from simulator.library.loader import load_library
from simulator.store import AttemptClosed, AudioFiles, NotFound, Store, auth, housekeeping
from tests.conftest import MINI
from tests.store.store_db import make_user
from simulator.store.guard import SHELL

T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.timezone.utc)
GOOD = "Розумію, що сума неочікувана, це неприємно. Рахунок виставили за середнім споживанням, бо показники не надійшли. Я зараз перевірю нарахування."
POLITE_NO_FACT = "Добрий день. Дякую, що звернулися, зараз я перевірю ваш особовий рахунок."


def minutes(n: float) -> dt.datetime:
    return T0 + dt.timedelta(minutes=n)


def played(scenario, replies, seed=0) -> Call:
    clock = ManualClock()
    call = Call(scenario, clock, seed=seed)
    for text in replies:
        clock.advance(6)
        call.reply(text)
    return call


def record_call(store, user, version, call, when=T0) -> int:
    """Save a played call as an attempt, turn by turn, the way PracticeSession does."""
    attempt = store.start_attempt(user.id, version.id, "practice", call.seed, now=when, by=SHELL)
    for turn in call.turns:
        if turn.replied_at is not None:
            store.save_turn(attempt.id, turn.to_dict(), now=when, by=SHELL)
    if call.finished:
        store.finish_attempt(attempt.id, call.outcome, call.scorecard().to_dict(), now=when, by=SHELL)
    return attempt.id


# --- users --------------------------------------------------------------------------------

def test_users_are_created_found_listed_and_updated(store):
    anna = make_user(store, "Anna.K", group="kyiv-1", full_name="Anna Kovalenko")
    make_user(store, "bohdan", group="kyiv-2")
    make_user(store, "tetiana", role="trainer", language="en")
    assert anna.username == "anna.k" and anna.role == "trainee" and anna.language == "uk" and anna.active
    assert store.user_by_username("ANNA.K") == anna and store.user(anna.id) == anna
    assert store.user(9999) is None and store.user_by_username("nobody") is None
    assert [u.username for u in store.users(role="trainee")] == ["anna.k", "bohdan"]
    assert [u.username for u in store.users(group="kyiv-2")] == ["bohdan"]
    assert store.groups() == ["kyiv-1", "kyiv-2"]
    assert store.update_user(anna.id, language="en", group="kyiv-2", by=SHELL).language == "en"
    store.deactivate(anna.id, by=SHELL)
    assert [u.username for u in store.users(group="kyiv-2")] == ["bohdan"]
    assert len(store.users(include_inactive=True)) == 3
    with pytest.raises(ValueError, match="already taken"):
        make_user(store, "bohdan")
    with pytest.raises(ValueError, match="not a valid username"):
        make_user(store, "../root")
    with pytest.raises(ValueError, match="role must be one of"):
        make_user(store, "zoya", role="boss")


def test_csv_import_creates_the_good_lines_and_explains_the_bad_ones(store):
    make_user(store, "taken")
    text = (
        "username,full_name,group,language\n"
        "iryna,Iryna Melnyk,kyiv-1\n"
        "john,John Smith,kyiv-1,en\n"
        "bad name,Somebody,kyiv-1\n"
        "taken,Already There,kyiv-1\n"
        "lonely,No Group\n"
        "\n"
        "iryna,Iryna Again,kyiv-2\n"
        "fr,French,kyiv-1,fr\n"
    )
    results = store.import_trainees(text, by=SHELL)
    assert [(r.line, r.username, r.ok) for r in results] == [
        (2, "iryna", True), (3, "john", True), (4, "bad name", False), (5, "taken", False), (6, "lonely", False),
        (8, "iryna", False), (9, "fr", False),
    ]
    errors = {r.line: r.error for r in results if not r.ok}
    assert "not a valid username" in errors[4]
    assert "already taken" in errors[5]
    assert "expected username,full_name,group[,language], found 2" in errors[6]
    assert "already on line 2" in errors[8]
    assert "language must be one of uk, en" in errors[9]
    john = store.user_by_username("john")
    assert (john.full_name, john.group_name, john.language, john.role) == ("John Smith", "kyiv-1", "en", "trainee")
    created = {r.username: r.password for r in results if r.ok}
    assert auth.authenticate(store, "iryna", created["iryna"]).username == "iryna"
    # a spreadsheet saved with ';' and a byte-order mark
    again = store.import_trainees("\ufeffusername;full_name;group\nolha;Olha P;lviv\n", by=SHELL)
    assert [(r.line, r.ok) for r in again] == [(2, True)]


# --- versions -----------------------------------------------------------------------------

def test_editing_a_scenario_makes_a_new_version_and_old_attempts_keep_theirs(store, mini):
    trainee = make_user(store, "anna")
    first = store.scenario_version(mini, MINI, by=SHELL)
    assert (first.version, first.status, first.scenario_id, first.category) == (1, "published", "test-mini", "estimated-bill")
    assert store.scenario_version(mini, MINI, by=SHELL) == first            # the same text: the same version
    old_attempt = store.start_attempt(trainee.id, first.id, "practice", 3, by=SHELL)
    edited = MINI.replace("Добре, дякую.", "Добре, дякую, до побачення.")
    second = store.scenario_version(mini, edited, by=SHELL)
    assert second.version == 2 and second.id != first.id
    assert store.scenario_version(mini, MINI, by=SHELL) == first            # the old text is still version 1
    new_attempt = store.start_attempt(trainee.id, second.id, "practice", 3, by=SHELL)
    mine = {a.id: a for a in store.attempts(trainee)}
    assert (mine[old_attempt.id].version, mine[new_attempt.id].version) == (1, 2)
    assert store.version(first.id).yaml_text == MINI and store.version(second.id).yaml_text == edited
    assert [v.version for v in store.versions("test-mini")] == [1, 2]


def test_the_library_is_recorded_once_per_file_text(store, library, tmp_path):
    first = store.record_library(library, by=SHELL)
    assert set(first) == set(library.scenarios) and {v.version for v in first.values()} == {1}
    assert store.record_library(library, by=SHELL) == first
    # a file edited after the library was loaded is left out until the library is reloaded
    copy = tmp_path / "mini.yaml"
    copy.write_text(MINI, encoding="utf-8")
    small = load_library(copy)
    copy.write_text(MINI.replace("Добре, дякую.", "Дякую."), encoding="utf-8")
    assert store.record_library(small, by=SHELL) == {}
    assert store.record_library(load_library(copy), by=SHELL)["test-mini"].version == 1


# --- attempts and turns ----------------------------------------------------------------------

def test_a_trainee_sees_only_their_own_attempts(store, mini):
    anna, bohdan = make_user(store, "anna"), make_user(store, "bohdan")
    trainer, hr = make_user(store, "tetiana", role="trainer"), make_user(store, "halyna", role="hr")
    version = store.scenario_version(mini, MINI, by=SHELL)
    annas = record_call(store, anna, version, played(mini, [GOOD]))
    bohdans = record_call(store, bohdan, version, played(mini, [GOOD]))
    assert [a.id for a in store.attempts(anna)] == [annas]
    assert [a.id for a in store.attempts(anna, user_id=anna.id)] == [annas]
    with pytest.raises(PermissionError):
        store.attempts(anna, user_id=bohdan.id)
    with pytest.raises(PermissionError):
        store.attempt_detail(anna, bohdans)
    with pytest.raises(PermissionError):
        store.progress(anna, user_id=bohdan.id)
    assert {a.id for a in store.attempts(trainer)} == {annas, bohdans}
    assert [a.username for a in store.attempts(hr, user_id=bohdan.id)] == ["bohdan"]
    assert store.attempt_detail(trainer, annas).scorecard["outcome"] == "resolved"
    # the role is read from the database: a record edited by hand grants nothing
    with pytest.raises(PermissionError):
        store.attempts(dataclasses.replace(anna, role="admin"), user_id=bohdan.id)


def test_each_turn_is_saved_at_once_and_saving_it_again_changes_nothing(store, mini):
    anna = make_user(store, "anna")
    version = store.scenario_version(mini, MINI, by=SHELL)
    attempt = store.start_attempt(anna.id, version.id, "practice", 0, now=T0, by=SHELL)
    call = played(mini, [POLITE_NO_FACT])
    turn = call.turns[0].to_dict()
    saved = store.save_turn(attempt.id, turn, audio_key="2026-03-02/" + "a" * 32 + ".wav", now=minutes(1), by=SHELL)
    detail = store.attempt_detail(anna, attempt.id)
    assert [t.index for t in detail.turns] == [0]
    assert detail.turns[0] == saved and saved.score == turn["score"] and saved.reply == POLITE_NO_FACT
    assert saved.overall == turn["score"]["overall"] and not saved.critical and saved.audio_key.endswith(".wav")
    assert detail.attempt.last_activity_at == minutes(1)
    # the connection dropped before the answer came back: the app saves the same turn again
    retry = store.save_turn(attempt.id, turn, now=minutes(2), by=SHELL)
    assert retry == saved
    assert len(store.attempt_detail(anna, attempt.id).turns) == 1
    store.finish_attempt(attempt.id, "abandoned", call.scorecard().to_dict(), by=SHELL)
    assert store.save_turn(attempt.id, turn, by=SHELL) == saved              # a late retry is still harmless
    with pytest.raises(AttemptClosed):
        store.save_turn(attempt.id, {**turn, "index": 1}, by=SHELL)


def test_a_turn_saved_by_a_concurrent_retry_in_between_is_not_duplicated(store, mini, monkeypatch):
    anna = make_user(store, "anna")
    version = store.scenario_version(mini, MINI, by=SHELL)
    attempt = store.start_attempt(anna.id, version.id, "practice", 0, by=SHELL)
    turn = played(mini, [POLITE_NO_FACT]).turns[0].to_dict()
    first = store.save_turn(attempt.id, turn, by=SHELL)
    real = Store._turn_row
    looks = []

    def not_there_yet(session, attempt_id, index):     # the other request commits between look and insert
        looks.append(index)
        return None if len(looks) == 1 else real(session, attempt_id, index)

    monkeypatch.setattr(Store, "_turn_row", staticmethod(not_there_yet))
    assert store.save_turn(attempt.id, turn, by=SHELL) == first
    assert len(looks) == 2 and len(store.attempt_detail(anna, attempt.id).turns) == 1


def test_concurrent_turns_from_many_threads_are_all_saved(store, mini):
    users = [make_user(store, f"trainee-{k}") for k in range(4)]
    version = store.scenario_version(mini, MINI, by=SHELL)
    turn = played(mini, [POLITE_NO_FACT]).turns[0].to_dict()
    attempts = [store.start_attempt(u.id, version.id, "practice", 0, by=SHELL) for u in users]
    errors = []

    def save_all(attempt_id):
        try:
            for index in range(10):
                store.save_turn(attempt_id, {**turn, "index": index}, by=SHELL)
                store.save_turn(attempt_id, {**turn, "index": index}, by=SHELL)     # and every one twice
        except Exception as exc:    # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=save_all, args=(a.id,)) for a in attempts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    trainer = make_user(store, "tetiana", role="trainer")
    assert [len(store.attempt_detail(trainer, a.id).turns) for a in attempts] == [10] * 4


def test_open_attempt_to_resume_and_starting_again_abandons_the_old_one(store, mini):
    anna = make_user(store, "anna")
    version = store.scenario_version(mini, MINI, by=SHELL)
    assert store.open_attempt(anna.id, "test-mini") is None
    first = store.start_attempt(anna.id, version.id, "exam", 5, by=SHELL)
    store.save_turn(first.id, played(mini, [POLITE_NO_FACT]).turns[0].to_dict(), by=SHELL)
    open_one = store.open_attempt(anna.id, "test-mini")
    assert open_one.attempt.id == first.id and open_one.attempt.mode == "exam" and len(open_one.turns) == 1
    second = store.start_attempt(anna.id, version.id, "practice", 6, by=SHELL)
    assert store.open_attempt(anna.id, "test-mini").attempt.id == second.id
    statuses = {a.id: a.status for a in store.attempts(anna)}
    assert statuses == {first.id: "abandoned", second.id: "in_progress"}


def test_stale_attempts_are_abandoned(store, mini):
    anna, bohdan = make_user(store, "anna"), make_user(store, "bohdan")
    version = store.scenario_version(mini, MINI, by=SHELL)
    quiet = store.start_attempt(anna.id, version.id, "practice", 0, now=T0, by=SHELL)
    busy = store.start_attempt(bohdan.id, version.id, "practice", 0, now=T0, by=SHELL)
    store.save_turn(busy.id, played(mini, [POLITE_NO_FACT]).turns[0].to_dict(), now=minutes(50), by=SHELL)
    done = record_call(store, make_user(store, "olha"), version, played(mini, [GOOD]), when=T0)
    assert store.abandon_stale(dt.timedelta(hours=1), now=minutes(70), by=SHELL) == 1
    trainer = make_user(store, "tetiana", role="trainer")
    statuses = {a.id: a.status for a in store.attempts(trainer)}
    assert statuses == {quiet.id: "abandoned", busy.id: "in_progress", done: "completed"}
    assert store.abandon_stale(dt.timedelta(hours=1), now=minutes(70), by=SHELL) == 0
    with pytest.raises(AttemptClosed):
        store.finish_attempt(quiet.id, "resolved", played(mini, [GOOD]).scorecard().to_dict(), by=SHELL)


def test_finishing_records_the_scorecard_once(store, mini):
    anna = make_user(store, "anna")
    version = store.scenario_version(mini, MINI, by=SHELL)
    call = played(mini, [GOOD])
    attempt_id = record_call(store, anna, version, call, when=T0)
    card = call.scorecard().to_dict()
    attempt = store.attempts(anna)[0]
    assert (attempt.id, attempt.status, attempt.outcome, attempt.passed) == (attempt_id, "completed", "resolved", card["passed"])
    assert (attempt.overall, attempt.accuracy, attempt.empathy, attempt.time_score) == (
        card["overall"], card["accuracy"], card["empathy"], card["time"]["score"])
    again = store.finish_attempt(attempt_id, "hung_up", {**card, "overall": 0.0}, now=minutes(5), by=SHELL)
    assert (again.outcome, again.overall, again.finished_at) == ("resolved", card["overall"], T0)


# --- progress, catalogue, assignments -----------------------------------------------------------

def test_progress_shows_scores_over_time_and_the_weakest_areas(store, mini, library):
    anna = make_user(store, "anna")
    version = store.scenario_version(mini, MINI, by=SHELL)
    record_call(store, anna, version, played(mini, [POLITE_NO_FACT, POLITE_NO_FACT, GOOD]), when=T0)
    record_call(store, anna, version, played(mini, [GOOD]), when=minutes(30))
    other = library.get("uk-payment-slip") if "uk-payment-slip" in library.scenarios else next(iter(library.scenarios.values()))
    other_version = store.scenario_version(other, library.paths[other.id].read_text(encoding="utf-8"), by=SHELL)
    hung_up = played(other, ["Так."] + [""] * (other.max_silences + 1))     # then silence until they hang up
    assert hung_up.outcome == "hung_up"
    record_call(store, anna, other_version, hung_up, when=minutes(60))
    progress = store.progress(anna)
    assert [p.finished_at for p in progress.points] == [T0, minutes(30), minutes(60)]
    assert progress.points[1].overall > progress.points[0].overall
    missed = {(m.scenario_id, m.fact_id): m for m in progress.missed_facts}
    estimated = missed[("test-mini", "estimated")]
    assert (estimated.missed, estimated.asked, estimated.fact) == (2, 4, "рахунок за середнім")
    assert progress.missed_facts[0].missed >= progress.missed_facts[-1].missed
    means = [c.mean for c in progress.weak_categories]
    assert means == sorted(means) and {c.category for c in progress.weak_categories} >= {"estimated-bill", other.category}
    assert set(progress.skills) == {"accuracy", "empathy", "time"}
    trainer = make_user(store, "tetiana", role="trainer")
    assert store.progress(trainer, user_id=anna.id) == progress
    assert store.progress(trainer).points == []

    stats = store.catalogue_stats(anna)
    assert stats["test-mini"].attempts == 2
    assert stats["test-mini"].best == max(p.overall for p in progress.points[:2])
    assert stats["test-mini"].last_at == minutes(30)
    assert stats["test-mini"].passed == any(p.passed for p in progress.points[:2])
    assert store.catalogue_stats(trainer) == {}


def test_assignments_reach_users_directly_and_through_their_group(store, mini, library):
    anna, bohdan = make_user(store, "anna", group="kyiv-1"), make_user(store, "bohdan", group="kyiv-2")
    trainer = make_user(store, "tetiana", role="trainer")
    version = store.scenario_version(mini, MINI, by=SHELL)
    store.record_library(library, by=SHELL)
    soon, later = dt.date(2026, 3, 5), dt.date(2026, 3, 20)
    group_task = store.assign(trainer, "test-mini", group="kyiv-1", due=later, now=T0)
    own_task = store.assign(trainer, "uk-payment-slip", user_id=anna.id, due=soon, now=T0)
    store.assign(trainer, "en-outage", user_id=bohdan.id, now=T0)
    assert [(a.id, a.due, a.done) for a in store.assignments_for(anna)] == [(own_task.id, soon, False), (group_task.id, later, False)]
    assert [a.scenario_id for a in store.assignments_for(bohdan)] == ["en-outage"]
    record_call(store, anna, version, played(mini, [GOOD]), when=minutes(10))
    assert [a.done for a in store.assignments_for(anna)] == [False, True]
    assert len(store.assignments(trainer)) == 3
    with pytest.raises(PermissionError):
        store.assign(anna, "test-mini", user_id=bohdan.id)
    with pytest.raises(ValueError, match="exactly one"):
        store.assign(trainer, "test-mini", user_id=anna.id, group="kyiv-1")
    assert store.assignment_progress(trainer) == {group_task.id: (1, 1), own_task.id: (0, 1), own_task.id + 1: (0, 1)}
    store.unassign(trainer, own_task.id)
    assert [a.id for a in store.assignments_for(anna)] == [group_task.id]
    again = store.assign(trainer, "test-mini", group="kyiv-1", due=soon)       # the same task again: a new due date
    assert again.id == group_task.id and [a.due for a in store.assignments(trainer) if a.id == group_task.id] == [soon]
    with pytest.raises(ValueError, match="not published"):
        store.assign(trainer, "no-such-scenario", group="kyiv-1")
    with pytest.raises(ValueError, match="no one is in the group"):
        store.assign(trainer, "test-mini", group="kyiv-9")
    with pytest.raises(NotFound):
        store.unassign(trainer, 9999)


def test_two_store_objects_share_one_database(store, database_url, mini):
    """What several app replicas do: one writes, the other reads at once."""
    replica = Store.open(database_url)
    try:
        anna = make_user(store, "anna")
        version = replica.scenario_version(mini, MINI, by=SHELL)
        attempt = replica.start_attempt(anna.id, version.id, "practice", 0, by=SHELL)
        store.save_turn(attempt.id, played(mini, [POLITE_NO_FACT]).turns[0].to_dict(), by=SHELL)
        assert len(replica.open_attempt(anna.id, "test-mini").turns) == 1
    finally:
        replica.close()


def test_housekeeping_clears_stale_calls_dead_sessions_and_old_recordings(store, mini, clean_env, tmp_path):
    anna = make_user(store, "anna")
    version = store.scenario_version(mini, MINI, by=SHELL)
    store.start_attempt(anna.id, version.id, "practice", 0, now=T0, by=SHELL)
    auth.open_session(store, anna, T0)
    with pytest.raises(auth.AuthError):
        auth.authenticate(store, "nobody", "a guess", T0, source="203.0.113.9")     # two counts: name and address
    audio = AudioFiles(tmp_path / "audio")
    audio.save(b"old", now=T0 - dt.timedelta(days=91), by=SHELL)
    counts = housekeeping(store, audio, now=T0 + dt.timedelta(days=2))
    assert counts == {"abandoned_attempts": 1, "expired_sessions": 1, "stale_login_counts": 2, "purged_recordings": 1,
                      "purged_audit_entries": 0}
    assert housekeeping(store, audio, now=T0 + dt.timedelta(days=2)) == dict.fromkeys(counts, 0)


def test_names_are_cleaned_and_capped_where_they_enter(store):
    from simulator.user_text import LIMITS, TooLong

    user = make_user(store, "olena", full_name="Оле\u0301на\x00 Коваль", group="Група\ud800 1")
    assert (user.full_name, user.group_name) == ("Оле\u0301на Коваль", "Група\ufffd 1")
    with pytest.raises(TooLong) as refused:
        make_user(store, "long", full_name="я" * (LIMITS["full_name"] + 1))
    assert (refused.value.field, refused.value.limit) == ("full_name", 200)
    with pytest.raises(TooLong, match="group is too long"):
        store.update_user(user.id, group="г" * 101, by=SHELL)
    assert store.user(user.id).group_name == "Група\ufffd 1" and store.user_by_username("long") is None
