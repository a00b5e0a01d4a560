"""PracticeSession: a call saved turn by turn, and resumed after a crash, on both databases."""
from __future__ import annotations

import pytest

from simulator.call.clock import ManualClock
from simulator.call.engine import CallOver
from simulator.services.practice import PracticeSession
from simulator.store import AttemptClosed, AudioFiles
from tests.conftest import MINI
from tests.store.store_db import database_url, fast_passwords, make_user, postgres_server, store  # noqa: F401

GOOD = "Розумію, що сума неочікувана, це неприємно. Рахунок виставили за середнім споживанням, бо показники не надійшли. Я зараз перевірю нарахування."
COLD_NO_FACT = "Я не знаю. Читайте платіжку."  # cold, not critical: «Що тут незрозумілого?» is condescension, a critical mistake
CALMING = "Я вас чую, і ваше обурення зрозуміле. Рахунок виставили за середнім, і я зараз перевірю нарахування разом з вами."
POLITE_NO_FACT = "Добрий день. Дякую, що звернулися, зараз я перевірю ваш особовий рахунок."


@pytest.fixture
def anna(store):
    return make_user(store, "anna")


def start(store, user, scenario, mode="practice", seed=2, clock=None, **kwargs):
    return PracticeSession.start(store, user, scenario, MINI, mode, seed, clock=clock or ManualClock(), **kwargs)


def saved_turns(store, user, session):
    return store.attempt_detail(user, session.attempt_id).turns


def test_a_call_is_saved_turn_by_turn_and_finished_with_its_scorecard(store, anna, mini):
    clock = ManualClock()
    session = start(store, anna, mini, clock=clock)
    assert session.customer_line in mini.nodes["opening"].customer
    assert session.show_feedback and not session.exam and not session.finished
    assert session.attempt.version == 1 and session.attempt.seed == 2 and session.attempt.status == "in_progress"
    assert saved_turns(store, anna, session) == []

    clock.advance(8)
    turn = session.reply_text(COLD_NO_FACT)
    assert turn.node_id == "opening" and turn.score is not None
    saved = saved_turns(store, anna, session)
    assert [(t.index, t.reply, t.asked_at, t.replied_at) for t in saved] == [(0, COLD_NO_FACT, 0.0, 8.0)]
    assert session.customer_line == "Та ви знущаєтеся! Я буду скаржитися!"

    clock.advance(6)
    session.reply_text(CALMING, latency=1.2)
    assert session.finished and session.outcome == "resolved" and session.customer_line is None
    assert session.closing_line == "Добре, дякую."
    detail = store.attempt_detail(anna, session.attempt_id)
    assert [t.latency for t in detail.turns] == [None, 1.2]
    card = session.scorecard().to_dict()
    assert detail.scorecard == {**card, "closing_line": "Добре, дякую."}      # the customer's last words kept with it
    assert (detail.attempt.status, detail.attempt.outcome, detail.attempt.overall) == ("completed", "resolved", card["overall"])
    with pytest.raises(CallOver):
        session.reply_text("ще щось")


def test_the_text_recorded_must_be_the_scenario_played(store, anna, mini):
    with pytest.raises(ValueError, match="reload the library"):
        PracticeSession.start(store, anna, mini, MINI.replace("Добре, дякую.", "Дякую."))
    assert store.versions("test-mini") == []


def test_exam_mode_hides_feedback_during_the_call(store, anna, mini):
    session = start(store, anna, mini, mode="exam")
    assert session.exam and not session.show_feedback and session.mode == "exam"
    assert store.attempts(anna)[0].mode == "exam"


def test_resume_after_a_crash_rebuilds_the_same_call_and_continues(store, anna, mini):
    replies = [(5, POLITE_NO_FACT), (7, ""), (4, POLITE_NO_FACT), (9, GOOD)]

    # the call as it would go without a crash
    clock = ManualClock()
    whole = start(store, anna, mini, seed=7, clock=clock)
    for pause, text in replies:
        clock.advance(pause)
        whole.reply_text(text)
    assert whole.finished

    # the same call, with the server dying after two answers
    clock = ManualClock()
    first = start(store, anna, mini, seed=7, clock=clock)
    for pause, text in replies[:2]:
        clock.advance(pause)
        first.reply_text(text)
    clock.advance(3)            # 3 s into the third turn it died: the reply being given is lost
    before = [t.to_dict() for t in first.turns]
    line = first.customer_line
    del first

    resumed = PracticeSession.resume(store, store.open_attempt(anna.id, "test-mini").attempt.id, anna, clock=clock)
    assert [t.to_dict() for t in resumed.turns] == before
    assert resumed.customer_line == line and resumed.call.silences_in_row == 1
    for k, (pause, text) in enumerate(replies[2:]):
        clock.advance(pause - 3 if k == 0 else pause)       # the seconds before the crash still count
        resumed.reply_text(text)
    assert resumed.finished
    assert resumed.scorecard().to_dict() == whole.scorecard().to_dict()
    assert [t.index for t in saved_turns(store, anna, resumed)] == [0, 1, 2, 3]


def test_a_crash_between_the_last_turn_and_the_scorecard_is_finished_on_resume(store, anna, mini, monkeypatch):
    session = start(store, anna, mini)
    monkeypatch.setattr(store, "finish_attempt", lambda *a, **k: (_ for _ in ()).throw(ConnectionError("database gone")))
    with pytest.raises(ConnectionError):
        session.reply_text(GOOD)
    monkeypatch.undo()
    assert store.attempts(anna)[0].status == "in_progress"
    resumed = PracticeSession.resume(store, session.attempt_id, anna, clock=ManualClock())
    assert resumed.finished and resumed.outcome == "resolved"
    attempt = store.attempts(anna)[0]
    assert attempt.status == "completed" and attempt.overall == resumed.scorecard().to_dict()["overall"]


def test_a_failed_save_is_retried_without_duplicates(store, anna, mini, monkeypatch):
    clock = ManualClock()
    session = start(store, anna, mini, clock=clock)
    real_save = store.save_turn
    calls = []

    def flaky(*args, **kwargs):
        calls.append(args)
        if len(calls) == 1:
            raise ConnectionError("connection dropped")
        return real_save(*args, **kwargs)

    monkeypatch.setattr(store, "save_turn", flaky)
    clock.advance(5)
    with pytest.raises(ConnectionError):
        session.reply_text(COLD_NO_FACT)
    assert session.unsaved and saved_turns(store, anna, session) == []
    session.flush()
    assert not session.unsaved and len(saved_turns(store, anna, session)) == 1
    session.flush()
    assert len(calls) == 2


def test_a_spoken_reply_keeps_its_recording(store, anna, mini, tmp_path):
    audio = AudioFiles(tmp_path / "audio")
    clock = ManualClock()
    session = start(store, anna, mini, clock=clock, audio=audio)
    clock.advance(4)
    session.reply_audio(COLD_NO_FACT, 0.8, b"RIFF-fake-wav-bytes")
    saved = saved_turns(store, anna, session)[0]
    assert saved.reply == COLD_NO_FACT and saved.latency == 0.8
    assert audio.load(saved.audio_key) == b"RIFF-fake-wav-bytes"
    clock.advance(4)
    session.reply_text(CALMING)
    assert saved_turns(store, anna, session)[1].audio_key is None


def test_only_the_owner_resumes_and_only_an_open_call(store, anna, mini):
    bohdan = make_user(store, "bohdan")
    trainer = make_user(store, "tetiana", role="trainer")
    session = start(store, anna, mini)
    with pytest.raises(PermissionError):
        PracticeSession.resume(store, session.attempt_id, bohdan)
    with pytest.raises(PermissionError):
        PracticeSession.resume(store, session.attempt_id, trainer)
    session.abandon()
    assert store.attempts(anna)[0].status == "abandoned"
    with pytest.raises(AttemptClosed):
        PracticeSession.resume(store, session.attempt_id, anna)


def test_the_wall_clock_counts_seconds_since_the_attempt_started(store, anna, mini):
    session = PracticeSession.start(store, anna, mini, MINI)
    session.reply_text(COLD_NO_FACT)
    turn = saved_turns(store, anna, session)[0]
    assert 0 <= turn.asked_at <= turn.replied_at < 5
    assert 0 <= session.attempt.seed < 2**31
    again = PracticeSession.resume(store, session.attempt_id, anna)
    assert again.customer_line == session.customer_line


def test_transcription_time_does_not_count_against_the_trainee(store, anna, mini, tmp_path):
    clock = ManualClock()
    session = start(store, anna, mini, clock=clock, audio=AudioFiles(tmp_path / "audio"))
    clock.advance(9)                       # 6 s of recording arrives at 6 s, transcribing takes 3 s
    turn = session.reply_audio(COLD_NO_FACT, 0.8, b"RIFF-fake-wav-bytes", processing_seconds=3)
    assert turn.seconds == 6
    assert session.customer_line is not None and session.call.current.asked_at == 9
    resumed = PracticeSession.resume(store, session.attempt_id, anna, clock=clock)
    assert resumed.turns[0].seconds == 6


def test_a_spoken_reply_is_scored_with_its_hearing_and_resumes_the_same(store, anna, mini, tmp_path):
    """A key fact the recording confirmed counts as said, and a resumed call (which replays
    the saved text) scores the turn the same, because the hearing is saved with it."""
    from simulator.scoring.hearing import Hearing

    clock = ManualClock()
    session = start(store, anna, mini, clock=clock, audio=AudioFiles(tmp_path / "audio"))
    clock.advance(5)
    turn = session.reply_audio(COLD_NO_FACT, 0.8, b"RIFF-fake-wav-bytes", hearing=Hearing(verified={"estimated"}))
    assert turn.score.fact_said("estimated")
    assert [f.heard for f in turn.score.accuracy.facts if f.id == "estimated"] == ["verified"]
    saved = saved_turns(store, anna, session)[0]
    assert any(f.get("heard") == "verified" for f in saved.score["accuracy"]["facts"])
    resumed = PracticeSession.resume(store, session.attempt_id, anna, clock=clock)
    assert resumed.turns[0].score.overall == turn.score.overall
    assert resumed.turns[0].score.fact_said("estimated")


def test_a_call_left_before_any_answer_is_kept_unscored_and_one_left_after_is_scored(store, anna, mini):
    early = start(store, anna, mini)
    early.abandon()
    detail = store.attempt_detail(anna, early.attempt_id)
    assert (detail.attempt.status, detail.attempt.overall, detail.scorecard, detail.turns) == ("abandoned", None, None, [])
    later = start(store, anna, mini)
    later.reply_text(COLD_NO_FACT)
    later.abandon()
    detail = store.attempt_detail(anna, later.attempt_id)
    assert detail.attempt.status == "abandoned" and detail.attempt.overall is not None and not detail.attempt.passed


def test_takes_the_app_could_not_use_are_not_the_trainees_time(store, anna, mini, tmp_path):
    clock = ManualClock()
    session = start(store, anna, mini, clock=clock, audio=AudioFiles(tmp_path / "audio"))
    clock.advance(9)            # a 4 s take arrives at 9 s, checked in 1 s: nothing heard
    session.unusable_take(4.0, 1.0)
    clock.advance(3)            # a 20 s recording of silence while thinking: only as long as the reply that counts
    session.unusable_take(20.0, 0.5)
    clock.advance(28)           # the usable 5 s take arrives at 38.5 s and is heard in 1.5 s
    session.reply_audio(COLD_NO_FACT, 0.5, b"RIFF" + bytes(64), processing_seconds=1.5, take_seconds=5.0)
    turn = saved_turns(store, anna, session)[0]
    assert turn.replied_at == 40 - 1.5 - (4 + 1) - (5 + 0.5)      # 28 s, not 38.5 s
    clock.advance(10)           # the next reply starts with nothing set aside
    session.reply_audio(CALMING, 0.5, b"RIFF" + bytes(64), processing_seconds=1.0, take_seconds=5.0)
    assert saved_turns(store, anna, session)[1].replied_at == 50 - 1.0
