"""Nothing lost when things fail during a call, on SQLite and PostgreSQL: the process killed
while a turn is being saved (at most that turn lost, the call resumes), the database away for
a while (replies wait and are saved in order when it returns), a full disk when a recording is
written (the reply counts without it), and a second app process writing to the same SQLite file."""
from __future__ import annotations

import errno
import json
import subprocess
import sys
import textwrap

import pytest

from simulator.call.clock import ManualClock
from simulator.services.practice import PracticeSession, turn_record
from simulator.store import AudioFiles, DatabaseUnavailable, Store
from tests.conftest import ROOT
from tests.store.store_db import database_url, fast_passwords, make_user, postgres_server, store  # noqa: F401
from tests.services.test_practice import CALMING, COLD_NO_FACT, saved_turns, start

KILL_DURING_SAVE = textwrap.dedent("""
    import json, os, signal, sys
    sys.path.insert(0, sys.argv[1])
    from sqlalchemy import event
    from sqlalchemy.orm import Session
    from simulator.store import SHELL, Store
    from simulator.store.models import TurnRow

    @event.listens_for(Session, "after_flush")
    def die(session, _context):      # the turn's row is written, its transaction not committed yet
        if any(isinstance(row, TurnRow) for row in session.new):
            print("killed", flush=True)
            os.kill(os.getpid(), signal.SIGKILL)

    store = Store.open(sys.argv[2])
    store.save_turn(int(sys.argv[3]), json.loads(sys.stdin.read()), by=SHELL)
    print("saved (the hook did not fire)", flush=True)
""")


def unavailable(*_args, **_kwargs):
    raise DatabaseUnavailable("connection refused: the database is away")     # as the store says it


def test_the_process_killed_while_saving_a_turn_loses_only_that_turn_and_the_call_resumes(store, database_url, mini):
    anna = make_user(store, "anna")
    clock = ManualClock()
    first = start(store, anna, mini, clock=clock)
    clock.advance(5)
    first.reply_text(COLD_NO_FACT)
    assert len(saved_turns(store, anna, first)) == 1
    # the next reply is scored here, and its save runs in a process that dies in the middle of it
    first.store = Store(store.engine)
    first.store.save_turn = unavailable
    clock.advance(6)
    second_line = first.customer_line
    first.reply_text(CALMING)
    assert first.finished and first.waiting == 2
    record = json.dumps(turn_record(first.turns[1]), ensure_ascii=False)
    done = subprocess.run([sys.executable, "-c", KILL_DURING_SAVE, str(ROOT), database_url, str(first.attempt_id)],
                          input=record, capture_output=True, text=True, timeout=120)
    assert done.returncode == -9 and done.stdout.strip() == "killed", done.stderr[-2000:]

    saved = saved_turns(store, anna, first)
    assert [t.index for t in saved] == [0]          # the killed save left nothing half-written
    resumed = PracticeSession.resume(store, first.attempt_id, anna, clock=clock)
    assert not resumed.finished and resumed.customer_line == second_line
    clock.advance(3)
    resumed.reply_text(CALMING)
    detail = store.attempt_detail(anna, first.attempt_id)
    assert [t.index for t in detail.turns] == [0, 1] and detail.attempt.status == "completed"


def test_replies_wait_while_the_database_is_away_and_are_saved_in_order_when_it_returns(store, mini, monkeypatch):
    anna = make_user(store, "anna")
    clock = ManualClock()
    session = start(store, anna, mini, clock=clock)
    real_save, real_finish = store.save_turn, store.finish_attempt
    monkeypatch.setattr(store, "save_turn", unavailable)
    monkeypatch.setattr(store, "finish_attempt", unavailable)

    clock.advance(5)
    session.reply_text(COLD_NO_FACT)                # scored, and the call goes on
    assert session.waiting == 1 and session.customer_line == "Та ви знущаєтеся! Я буду скаржитися!"
    clock.advance(6)
    session.reply_text(CALMING)
    assert session.finished and session.waiting == 3      # two replies and the scorecard
    assert not session.save_waiting()
    assert saved_turns(store, anna, session) == []

    monkeypatch.setattr(store, "save_turn", real_save)
    monkeypatch.setattr(store, "finish_attempt", real_finish)
    assert session.save_waiting() and session.waiting == 0 and not session.unsaved
    detail = store.attempt_detail(anna, session.attempt_id)
    assert [(t.index, t.reply, t.replied_at) for t in detail.turns] == [(0, COLD_NO_FACT, 5.0), (1, CALMING, 11.0)]
    assert detail.attempt.status == "completed" and detail.scorecard["overall"] == session.scorecard().to_dict()["overall"]


def test_other_database_errors_are_not_swallowed(store, mini, monkeypatch):
    anna = make_user(store, "anna")
    session = start(store, anna, mini)

    def refused(*_args, **_kwargs):
        raise ValueError("a bug, not an outage")

    monkeypatch.setattr(store, "save_turn", refused)
    with pytest.raises(ValueError, match="a bug"):
        session.reply_text(COLD_NO_FACT)


def test_a_full_disk_keeps_the_reply_without_its_recording(store, mini, tmp_path, monkeypatch):
    anna = make_user(store, "anna")
    audio = AudioFiles(tmp_path / "audio")
    clock = ManualClock()
    session = start(store, anna, mini, clock=clock, audio=audio)

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(audio, "save", full)
    clock.advance(4)
    session.reply_audio(COLD_NO_FACT, 0.5, b"RIFF-lost")
    assert not session.audio_kept and not session.unsaved
    monkeypatch.undo()
    clock.advance(4)
    session.reply_audio(CALMING, 0.5, b"RIFF-kept")
    assert session.audio_kept
    turns = saved_turns(store, anna, session)
    assert [t.reply for t in turns] == [COLD_NO_FACT, CALMING]
    assert turns[0].audio_key is None and audio.load(turns[1].audio_key) == b"RIFF-kept"



def test_a_spoken_reply_keeps_its_recording_while_the_database_is_away(store, mini, tmp_path, monkeypatch):
    """The store checks who writes a recording in the database: while it is away the recording
    waits with its reply, and both are written, in order, when it returns."""
    anna = make_user(store, "anna")
    audio = AudioFiles(tmp_path / "audio")
    clock = ManualClock()
    session = start(store, anna, mini, clock=clock, audio=audio)
    real_save, real_transaction = store.save_turn, store.transaction
    monkeypatch.setattr(store, "save_turn", unavailable)
    monkeypatch.setattr(store, "transaction", unavailable)
    clock.advance(4)
    session.reply_audio(COLD_NO_FACT, 0.5, b"RIFF-waits")
    assert session.audio_kept and session.waiting == 1 and not list(tmp_path.rglob("*.wav"))
    monkeypatch.setattr(store, "save_turn", real_save)
    monkeypatch.setattr(store, "transaction", real_transaction)
    assert session.save_waiting() and session.waiting == 0
    turns = saved_turns(store, anna, session)
    assert [t.reply for t in turns] == [COLD_NO_FACT] and audio.load(turns[0].audio_key) == b"RIFF-waits"

HOLD_THE_WRITE_LOCK = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, sys.argv[1])
    from simulator.store.db import engine_from_env
    engine = engine_from_env(sys.argv[2])
    with engine.begin() as connection:           # BEGIN IMMEDIATE: the write lock
        connection.exec_driver_sql("INSERT INTO settings (key, value, updated_at) VALUES ('other', '{}', '2026-01-01')")
        print("locked", flush=True)
        time.sleep(float(sys.argv[3]))
    for n in range(15):                          # then writes alongside the first process
        with engine.begin() as connection:
            connection.exec_driver_sql(f"INSERT INTO settings (key, value, updated_at) VALUES ('other-{n}', '{{}}', '2026-01-01')")
    print("done", flush=True)
""")


def test_a_second_app_process_on_the_same_sqlite_file_makes_writes_wait_not_fail(tmp_path, mini, fast_passwords):
    url = f"sqlite:///{tmp_path / 'simulator.db'}"
    store = Store.open(url)
    anna = make_user(store, "anna")
    clock = ManualClock()
    session = start(store, anna, mini, clock=clock)
    other = subprocess.Popen([sys.executable, "-c", HOLD_THE_WRITE_LOCK, str(ROOT), url, "0.5"], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    try:
        assert other.stdout.readline().strip() == "locked"
        clock.advance(5)
        session.reply_text(COLD_NO_FACT)            # waits for the other process's transaction, then saves
        assert not session.unsaved
        for n in range(15):
            make_user(store, f"trainee-{n}")
        out, err = other.communicate(timeout=120)
    finally:
        other.kill()
    assert other.returncode == 0 and out.strip() == "done", err[-2000:]
    assert len(saved_turns(store, anna, session)) == 1 and len(store.users()) == 16
    store.close()
