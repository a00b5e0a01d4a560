"""One practice or exam call, saved as it goes: the service the UI drives (no Streamlit here).

A :class:`PracticeSession` wraps the core call engine for one attempt. Every answered turn
is written to the store as soon as it is scored, and the scorecard when the call ends, so a
page refresh, a crash or a switch to another app replica loses at most the reply being
given. :meth:`PracticeSession.resume` rebuilds the call by replaying the saved turns into a
fresh engine: the same seed gives the same customer lines, and each reply is replayed at
its recorded time, so the scores and branches come out as they were.

While the database cannot be reached, replies are scored all the same and wait in the
session, in order, to be saved with the next action or :meth:`PracticeSession.save_waiting`
(``waiting`` says how many), each with its recording: the store checks who writes a recording
in the database too, so one that cannot be checked waits with its reply and is written before
it. A recording that cannot be written (a full disk) leaves the reply counted without it
(``audio_kept`` False).

Time on the call is counted in seconds since the attempt started, from the wall clock by
default, so it means the same on every replica. The engine reads the clock once per action
(see ``_ActionClock``), which is what makes a replay exact. Audio stays outside: the caller
transcribes a spoken reply (simulator.voice) and passes the transcript and the raw bytes.
"""
from __future__ import annotations

import datetime as dt
import logging
import secrets
from collections.abc import Callable

from ..calibration import shown
from ..call.engine import Call, CallOver, Clock, Scorer, Turn
from ..library.loader import load_stored
from ..scenario.model import Scenario
from ..scoring.hearing import Hearing
from ..scoring.scorecard import CallScore, score_turn
from ..store.audio_files import AudioFiles
from ..store.errors import DatabaseError, DatabaseUnavailable
from ..store.calibration import attempt_tuning
from ..store.records import Attempt, User
from ..store.repository import AttemptClosed, Store
from ..user_text import accept
from . import warming

log = logging.getLogger(__name__)


class ResumeError(RuntimeError):
    """The saved turns no longer replay the same way (e.g. the scoring changed in between)."""


class _ActionClock:
    """The engine's clock: one reading of the source per trainee action.

    A reply and the customer line it brings are stamped with the same instant, so replaying
    the saved times reproduces the engine's state exactly.
    """

    def __init__(self, source: Callable[[], float], at: float):
        self.source = source
        self.at = at

    def now(self) -> float:
        return self.at

    def tick(self) -> float:
        self.at = self.source()
        return self.at


class PracticeSession:
    """Create with :meth:`start` or :meth:`resume`; then show :attr:`customer_line`, pass the
    trainee's replies, and read :attr:`finished` / :meth:`scorecard`.

    ``show_feedback`` is False in exam mode: the UI must then show no per-turn scores or
    feedback until the call has ended.
    """

    def __init__(self, store: Store, user: User, attempt: Attempt, scenario: Scenario, call: Call, clock: _ActionClock,
                 audio: AudioFiles | None = None, saved_turns: int = 0, tuning: shown.Tuning | None = None,
                 ahead: bool = True):
        self.store = store
        self.user = user            # the trainee making the call: every write of it is theirs (the store checks)
        self.attempt = attempt
        self.scenario = scenario
        self.call = call
        self._clock = clock
        self._audio = audio
        self._saved = saved_turns
        self.tuning = tuning        # the accepted tuning the attempt recorded when it started (None: the scorer as it is)
        self._audio_keys: dict[int, str] = {}
        self._audio_waiting: dict[int, tuple[bytes, str]] = {}     # recordings not written while the database was away
        self._set_aside: list[tuple[float, float]] = []    # unusable takes of the current reply (see unusable_take)
        self.audio_kept = True      # False when the last spoken reply's recording could not be written (disk full)
        self._ahead = ahead         # embed each step's texts before the reply (the product's scorer reads them)
        self._embed_ahead()

    # --- creating -------------------------------------------------------------------------
    @classmethod
    def start(cls, store: Store, user: User, scenario: Scenario, yaml_text: str, mode: str = "practice",
              seed: int | None = None, *, clock: Clock | None = None, scorer: Scorer = score_turn,
              audio: AudioFiles | None = None) -> PracticeSession:
        """A new attempt at ``scenario`` (whose file text is ``yaml_text``: that exact version
        is recorded). ``seed`` None picks one at random; ``clock`` defaults to the wall clock.
        ValueError when ``yaml_text`` is not the text of ``scenario`` (the file changed since
        the library was loaded: reload it), since a resume replays the recorded text."""
        version = store.scenario_version(scenario, yaml_text, check=True, by=user)  # ValueError when the text does not read as it
        seed = secrets.randbelow(2**31) if seed is None else seed
        attempt = store.start_attempt(user.id, version.id, mode, seed, by=user)
        tuning = attempt_tuning(store, attempt.id)      # issue 16: what the trainee is shown follows it
        action_clock = _ActionClock(_source(attempt, clock), 0.0)
        action_clock.tick()
        call = Call(scenario, action_clock, seed=seed, scorer=shown.tuned_scorer(scorer, tuning))
        return cls(store, user, attempt, scenario, call, action_clock, audio, tuning=tuning, ahead=scorer is score_turn)

    @classmethod
    def resume(cls, store: Store, attempt_id: int, user: User, *, clock: Clock | None = None,
               scorer: Scorer = score_turn, audio: AudioFiles | None = None) -> PracticeSession:
        """The in-progress attempt ``attempt_id`` of ``user``, rebuilt from its saved turns.

        PermissionError when it is someone else's; AttemptClosed when it is no longer in
        progress; ResumeError when the saved turns do not replay (start again then).
        """
        detail = store.attempt_detail(user, attempt_id)
        attempt = detail.attempt
        if attempt.user_id != user.id:
            raise PermissionError("only the trainee who started a call can continue it")
        if attempt.status != "in_progress":
            raise AttemptClosed(f"attempt {attempt_id} is {attempt.status}")
        version = store.version(attempt.scenario_version_id)      # read with its own copy of the shared steps
        scenario, problems = load_stored(version.yaml_text, version.shared_steps, f"{attempt.scenario_id} v{attempt.version}")
        if scenario is None:
            raise ResumeError(f"the saved scenario version no longer loads: {problems[0]}")
        saved = detail.turns
        source = _source(attempt, clock)
        action_clock = _ActionClock(source, saved[0].asked_at if saved else source())
        tuning = attempt_tuning(store, attempt_id)      # the one it started with, whatever was accepted since
        call = Call(scenario, action_clock, seed=attempt.seed, scorer=shown.tuned_scorer(scorer, tuning))
        for k, turn in enumerate(saved):
            current = None if call.finished else call.current
            if current is None or (current.index, current.node_id, current.customer_line) != (turn.index, turn.node_id, turn.customer_line):
                raise ResumeError(f"turn {turn.index} of attempt {attempt_id} does not replay as it was saved")
            # the instant the customer's next line came (or the call ended): the next turn's asked_at
            action_clock.at = saved[k + 1].asked_at if k + 1 < len(saved) else turn.replied_at
            if turn.silent:
                call.silence(at=turn.replied_at)
            else:
                call.reply(turn.reply, latency=turn.latency, at=turn.replied_at, hearing=Hearing.from_saved(turn.score))
        session = cls(store, user, attempt, scenario, call, action_clock, audio, saved_turns=len(saved), tuning=tuning,
                      ahead=scorer is score_turn)
        session.flush()     # a crash between the last turn and the scorecard: finish now
        session._set_aside = store.set_aside(attempt_id, by=user)      # a refresh mid-reply keeps its unusable takes excused
        return session

    # --- what the UI shows ----------------------------------------------------------------
    @property
    def attempt_id(self) -> int:
        return self.attempt.id

    @property
    def mode(self) -> str:
        return self.attempt.mode

    @property
    def exam(self) -> bool:
        return self.attempt.mode == "exam"

    @property
    def show_feedback(self) -> bool:
        """Whether per-turn scores and feedback may be shown during the call."""
        return not self.exam

    @property
    def finished(self) -> bool:
        return self.call.finished

    @property
    def outcome(self) -> str | None:
        return self.call.outcome

    @property
    def customer_line(self) -> str | None:
        """What the customer says now, waiting for a reply (None once the call has ended)."""
        return None if self.call.finished else self.call.current.customer_line

    @property
    def closing_line(self) -> str:
        """What the customer says as the call ends ("" while it goes on, or when they hang up)."""
        return self.call.closing_line

    @property
    def turns(self) -> list[Turn]:
        return list(self.call.turns)

    @property
    def unsaved(self) -> bool:
        """True when a save failed: call :meth:`flush` (or just reply again) to retry."""
        return self.waiting > 0

    @property
    def waiting(self) -> int:
        """Replies (and the scorecard of an ended call) kept here that the database has not got yet."""
        return len(self._answered()) - self._saved + (self.call.finished and self.attempt.status == "in_progress")

    def scorecard(self) -> CallScore | None:
        return self.call.scorecard() if self.call.finished else None

    # --- what the trainee does ------------------------------------------------------------
    def reply_text(self, text: str, latency: float | None = None) -> Turn:
        """A typed (or already transcribed) reply; an empty one counts as silence. The text
        is cleaned (simulator.user_text); TooLong, before anything happens, when it is over
        the reply's limit."""
        text = accept("reply", text)
        return self._act(lambda at: self.call.reply(text, latency=latency, at=at))

    def reply_audio(self, transcript_text: str, latency: float | None, audio_bytes: bytes, ext: str = "wav",
                    processing_seconds: float = 0.0, hearing: Hearing | None = None,
                    take_seconds: float | None = None, line_played: str | None = None) -> Turn:
        """A spoken reply: its transcript is scored (cleaned and capped as a typed one), its
        recording kept in the audio store.

        ``processing_seconds``: how long checking and transcribing the recording took. The
        reply counts as given when the recording arrived, so the machine's work never
        counts against the trainee's handling time; nor do the takes of this reply the app
        could not use (:meth:`unusable_take`). ``take_seconds``: how long this recording is.
        ``hearing``: what the recording showed about the key facts (simulator.voice.speech.hear).
        ``line_played``: the customer's next line, already started when the recording arrived
        (a hands-free call plays it while the reply is heard): when it is the line the reply
        brings, that turn began then, not once the reply was counted; another line (the score
        chose another branch) begins now.
        """
        if self.call.finished:
            raise CallOver(f"the call has ended ({self.call.outcome})")
        transcript_text = accept("reply", transcript_text)
        self.save_waiting()
        index = self.call.current.index
        try:
            self._keep_recording(index, audio_bytes, ext)
        except DatabaseUnavailable as exc:     # who records cannot be checked now: it waits with the reply
            log.warning("attempt %s: the recording of turn %s waits for the database: %s", self.attempt.id, index, exc.cause)
            self._audio_waiting[index] = (audio_bytes, ext)
            self.audio_kept = True
        asked_at = self.call.current.asked_at
        not_theirs = processing_seconds + self.set_aside(take_seconds)
        return self._act(lambda at: self.call.reply(transcript_text, latency=latency, at=max(asked_at, at - not_theirs),
                                                    hearing=hearing), line_played=line_played,
                         line_began=lambda at: at - processing_seconds)

    def unusable_take(self, take_seconds: float, processing_seconds: float) -> None:
        """A recording of the current reply that the app could not use (nothing heard, silent,
        damaged, or a fact not heard clearly and recorded again): ``take_seconds`` long, and
        checked in ``processing_seconds``. Saying it again is not the trainee's time: the
        reply that counts is timed as if this take had been usable (see :meth:`set_aside`)."""
        self._set_aside.append((max(0.0, take_seconds), max(0.0, processing_seconds)))
        try:        # kept with the call, so that a refresh does not lose them; kept here only while the database is away
            self.store.set_aside(self.attempt.id, self._set_aside, by=self.user)
        except DatabaseError as exc:
            log.warning("attempt %s: a take set aside is kept in this session only: %s", self.attempt.id, exc)

    def set_aside(self, take_seconds: float | None = None) -> float:
        """Seconds of the current reply's handling time that were the app's, not the trainee's:
        for each unusable take, its checking and its length; a length counts at most as long
        as ``take_seconds`` (the take that is used), since only saying the reply again is
        excused, not thinking while a silent recording runs."""
        cap = float("inf") if take_seconds is None else max(0.0, take_seconds)
        return sum(processing + min(length, cap) for length, processing in self._set_aside)

    def silence(self) -> Turn:
        """The trainee said nothing within the silence timeout."""
        return self._act(lambda at: self.call.silence(at=at))

    @property
    def answered(self) -> int:
        """How many customer lines the trainee answered (a silence counts as an answer)."""
        return len(self._answered())

    def abandon(self) -> None:
        """The trainee left the call: it ends as abandoned, with the scorecard so far. A practice
        call left before any answer is kept unscored (counted in no score, report or
        readiness); an exam is scored all the same (0 points then): starting it again must not
        be a way to get another conversation."""
        if not self.call.finished:
            self._clock.tick()
            self.call.abandon()
        self.save_waiting()

    def flush(self) -> None:
        """Save every answered turn not saved yet, then the scorecard if the call has ended."""
        answered = self._answered()
        for turn in answered[self._saved:]:
            if turn.index in self._audio_waiting:
                self._keep_recording(turn.index, *self._audio_waiting[turn.index])
                del self._audio_waiting[turn.index]
            self.store.save_turn(self.attempt.id, turn_record(turn), audio_key=self._audio_keys.get(turn.index), by=self.user)
            self._saved += 1
        if self.call.finished and self.attempt.status == "in_progress":
            card = None
            if answered or self.call.outcome != "abandoned" or self.exam:
                card = {**shown.card(self.call.scorecard(), self.scenario, self.tuning), "closing_line": self.call.closing_line}
            self.attempt = self.store.finish_attempt(self.attempt.id, self.call.outcome, card, by=self.user)

    def save_waiting(self) -> bool:
        """:meth:`flush`; but while the database cannot be reached (a connection refused or lost,
        SQLite busy beyond its timeout) the replies wait here, in order, for the next call, and
        False is returned. Any other error is raised."""
        try:
            self.flush()
        except DatabaseUnavailable as exc:
            log.warning("attempt %s: %d repl(ies) wait for the database: %s", self.attempt.id, self.waiting, exc.cause)
            return False
        return True

    # --- inside ---------------------------------------------------------------------------
    def _act(self, action: Callable[[float], Turn], line_played: str | None = None,
             line_began: Callable[[float], float] | None = None) -> Turn:
        """``action`` at this instant; when the customer's next line, ``line_played``, began
        earlier (``line_began(now)``) and is the one the action brings, the new turn is
        stamped with that instant (before it is saved)."""
        self.save_waiting()     # replies kept while the database was away go first, in order
        at = self._clock.tick()
        turn = action(at)
        if line_played is not None and not self.call.finished and self.call.current.customer_line == line_played:
            self.call.current.asked_at = max(turn.replied_at or at, line_began(at))
        self._set_aside = []    # the next reply starts with nothing set aside
        self.save_waiting()     # at most this reply is lost if the process dies now; it waits here if the database is away
        self._embed_ahead()
        return turn

    def _embed_ahead(self) -> None:
        """The step the trainee answers next: its texts embedded while they read and think."""
        if self._ahead and not self.call.finished:
            warming.ahead(self.scenario, self.call.current.node_id, self.call.current.customer_line)

    def _answered(self) -> list[Turn]:
        return [t for t in self.call.turns if t.replied_at is not None]

    def _keep_recording(self, index: int, audio_bytes: bytes, ext: str) -> None:
        """Write the recording of turn ``index`` as this trainee's (the store checks it in the
        database: DatabaseUnavailable while it is away); a full or failing disk leaves the reply
        without it (``audio_kept`` False)."""
        try:
            self._audio_keys[index] = self._audio_store().save(audio_bytes, ext, by=self.user, store=self.store,
                                                               attempt_id=self.attempt.id)
            self.audio_kept = True
        except OSError as exc:      # a full or failing disk: the reply counts, without its recording
            log.error("the recording of attempt %s turn %s could not be written: %s", self.attempt.id, index, exc)
            self.audio_kept = False

    def _audio_store(self) -> AudioFiles:
        if self._audio is None:
            self._audio = AudioFiles.from_env()
        return self._audio


def turn_record(turn: Turn) -> dict:
    """What Store.save_turn keeps of an answered turn."""
    return {**turn.to_dict(), "asked_at": turn.asked_at, "replied_at": turn.replied_at, "latency": turn.latency}


def _source(attempt: Attempt, clock: Clock | None) -> Callable[[], float]:
    """Seconds on the call's clock: the injected clock's, or wall-clock seconds since the attempt started."""
    if clock is not None:
        return clock.now

    def since_start() -> float:
        return (dt.datetime.now(dt.timezone.utc) - attempt.started_at).total_seconds()

    return since_start
