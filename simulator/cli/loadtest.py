"""`python -m simulator loadtest`: a class of simulated trainees through the service layer the
pages use, bounded in time, and the figures a site needs to know whether one box will do.

    python -m simulator loadtest [--trainees 30] [--minutes 10] [--voice-share 0.33]
        [--database URL] [--pace 1.0] [--seed 1] [--scenarios DIR] [--json]

Each trainee is a thread that plays calls one after another until the time is up, as the call
page does: PracticeSession (simulator.services.practice) for the attempt, its turns and their saving;
for a spoken reply the recording checked and heard (simulator.voice.worker_pool: the line
and the recognition workers the page uses, SIMULATOR_ASR_WORKERS), then scored and saved with
its recording. Chat trainees play the library's chat scenarios, voice trainees its voice
scenarios (at most VOICE_SCENARIOS of them, half Ukrainian, half English).

Pacing (times `--pace`; 0: no waiting at all, for a smoke test): before a reply a chat trainee
reads the customer's line (READ_CHARS_PER_S), thinks (CHAT_THINK_S) and types the reply
(TYPE_CHARS_PER_S); a voice trainee hears the customer's line (its real length in the
persona's voice), thinks (VOICE_THINK_S) and speaks the reply (its real length). After each
reply the trainee reads its feedback (FEEDBACK_READ_S: the practice page shows it under the
reply), and after each call the scorecard before picking the next scenario (SCORECARD_READ_S);
without those two a class would answer at a pace no class keeps. Replies are
the node's reference answers, one in five cut to its first sentence and one in five with a
sentence of another answer added: 40-400 characters, 3-25 s spoken. Spoken replies are the
reference answers in our TTS voice, made before the clock starts (a browser would record them).

Printed: the time to feedback (reply sent -> scored and saved; for voice including the wait
in line and the hearing) p50/p95/max per channel, errors by kind, turns sent, accepted and
found saved in the database afterwards, and the workers. The trainees are accounts
`loadtest-NNN` (made once, reused); without `--database` a fresh SQLite file in a temporary
folder is used and removed, so nothing touches the site's data. Exit 0 when the run
completed, whatever the figures (it measures; it does not judge), 2 for bad options.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import secrets
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Failure, error
from .helptext import message, say
from ..texts.cli_messages import LOADTEST, LOADTEST_REPORT, OPTIONS

CHANNELS = ("chat", "voice")
VOICE_SCENARIOS = 4
READ_CHARS_PER_S = 20.0
CHAT_THINK_S = (2.0, 8.0)
TYPE_CHARS_PER_S = (3.0, 6.0)
VOICE_THINK_S = (1.0, 4.0)
FEEDBACK_READ_S = (3.0, 10.0)
SCORECARD_READ_S = (15.0, 45.0)
TRAINEE_VOICES = {"uk": ("female", 165), "en": ("male", 170)}


def register(subparsers) -> None:
    command = subparsers.add_parser("loadtest", help=say("loadtest"), description=say("loadtest.description"))
    command.add_argument("--trainees", type=_count, default=30, help=say("loadtest.trainees"))
    command.add_argument("--minutes", type=_positive, default=10.0, help=say("loadtest.minutes"))
    command.add_argument("--voice-share", type=_share, default=1 / 3, help=say("loadtest.voice_share"))
    command.add_argument("--database", metavar="URL", help=say("loadtest.database"))
    command.add_argument("--pace", type=_not_negative, default=1.0, help=say("loadtest.pace"))
    command.add_argument("--seed", type=int, default=1, help=say("loadtest.seed"))
    command.add_argument("--scenarios", type=Path, default=Path("scenarios"), metavar="DIR", help=say("loadtest.scenarios"))
    command.add_argument("--json", action="store_true", help=say("option.json.figures"))
    command.set_defaults(handler=_loadtest)


def _checked(cast, ok, why: str):
    """An argparse type: ``cast`` the text, refused with the message ``why`` (of
    simulator.texts.cli_messages.OPTIONS) unless ``ok(value)``."""
    def parse(text: str):
        value = cast(text)
        if not ok(value):
            raise argparse.ArgumentTypeError(message(OPTIONS, why))
        return value
    return parse


_count = _checked(int, lambda v: v >= 1, "at_least_1")
_positive = _checked(float, lambda v: v > 0, "more_than_0")
_not_negative = _checked(float, lambda v: v >= 0, "0_or_more")
_share = _checked(float, lambda v: 0 <= v <= 1, "0_to_1")


# ---------------------------------------------------------------- what is counted


@dataclass
class Tally:
    """Everything the trainees report, under one lock."""

    seconds: dict[str, list[float]] = field(default_factory=lambda: {c: [] for c in CHANNELS})
    errors: Counter = field(default_factory=Counter)
    sent: int = 0
    accepted: int = 0
    calls: int = 0
    attempts: dict[int, object] = field(default_factory=dict)     # attempt id -> its trainee
    lock: threading.Lock = field(default_factory=threading.Lock)

    def error(self, where: str, exc: BaseException) -> None:
        with self.lock:
            self.errors[f"{where}: {type(exc).__name__}: {str(exc).splitlines()[0][:120] if str(exc) else ''}"] += 1


def percentile(values: list[float], share: float) -> float | None:
    """The nearest-rank percentile (None with no values)."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(share * len(ordered) + 0.5) - 1))]


# ---------------------------------------------------------------- one trainee


class Trainee(threading.Thread):
    def __init__(self, number: int, channel: str, user, run: Run):
        super().__init__(name=f"loadtest-{number:03d}", daemon=True)
        self.channel, self.user, self.run_ = channel, user, run
        self.random = random.Random(run.seed * 1000 + number)

    def pause(self, seconds: float) -> bool:
        """Wait (paced); False when the time is up meanwhile."""
        return not self.run_.stop.wait(seconds * self.run_.pace)

    def run(self) -> None:
        from simulator.services.practice import PracticeSession

        run = self.run_
        if not self.pause(self.random.uniform(0, 5)):     # a class does not start in the same second
            return
        while not run.stop.is_set():
            scenario, text = self.random.choice(run.scenarios[self.channel])
            try:
                practice = PracticeSession.start(run.store, self.user, scenario, text, audio=run.audio)
            except Exception as exc:  # noqa: BLE001 -- counted: the load test goes on
                run.tally.error("start", exc)
                self.pause(5)
                continue
            with run.tally.lock:
                run.tally.calls += 1
                run.tally.attempts[practice.attempt_id] = self.user
            while not practice.finished and not run.stop.is_set():
                if not self.turn(practice):
                    break
            if not practice.finished:
                try:
                    practice.abandon()
                except Exception as exc:  # noqa: BLE001
                    run.tally.error("abandon", exc)
            self.pause(self.random.uniform(*SCORECARD_READ_S))

    def turn(self, practice) -> bool:
        """One reply, paced as a person would; False to leave this call."""
        run, scenario = self.run_, practice.scenario
        node = scenario.nodes[practice.turns[-1].node_id]
        line = practice.customer_line or ""
        reply = self.reply(node.references or [line])
        if self.channel == "chat":
            waited = len(line) / READ_CHARS_PER_S + self.random.uniform(*CHAT_THINK_S) \
                + len(reply) / self.random.uniform(*TYPE_CHARS_PER_S)
        else:
            recording = run.recording(scenario, reply)
            waited = run.line_seconds(scenario, line) + self.random.uniform(*VOICE_THINK_S) + recording[1]
        if not self.pause(waited):
            return False
        with run.tally.lock:
            run.tally.sent += 1
        started = time.perf_counter()
        try:
            if self.channel == "chat":
                practice.reply_text(reply)
            else:
                self.speak(practice, recording[0], started)
        except Exception as exc:  # noqa: BLE001 -- counted: the load test goes on with a new call
            run.tally.error(f"{self.channel} reply", exc)
            return False
        took = time.perf_counter() - started
        with run.tally.lock:
            run.tally.accepted += 1
            run.tally.seconds[self.channel].append(took)
        return practice.finished or self.pause(self.random.uniform(*FEEDBACK_READ_S))

    def speak(self, practice, data: bytes, started: float) -> None:
        """As the call page does with a recording (voice_reply._send, then _count)."""
        from simulator.voice import speech, worker_pool
        from simulator.voice.audio import SAMPLE_RATE

        samples = speech.check_recording(data)
        heard = worker_pool.hear(practice.scenario, practice.turns[-1].node_id, samples)
        practice.reply_audio(heard.transcript.text, heard.transcript.speech_start, data, ext="wav",
                             processing_seconds=time.perf_counter() - started, hearing=heard.hearing,
                             take_seconds=samples.size / SAMPLE_RATE)

    def reply(self, references: list[str]) -> str:
        """A reference answer; one in five cut to its first sentence, one in five longer."""
        text = self.random.choice(references)
        roll = self.random.random()
        if roll < 0.2:
            return _sentences(text)[0]
        if roll < 0.4 and len(references) > 1:
            return f"{text} {_sentences(self.random.choice(references))[-1]}"
        return text


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?…])\s+", text.strip()) if s] or [text]


# ---------------------------------------------------------------- the run


class Run:
    """The store, the scenarios, the recordings and the tally the trainees share."""

    def __init__(self, store, audio, scenarios: dict, seed: int, pace: float):
        self.store, self.audio, self.scenarios, self.seed, self.pace = store, audio, scenarios, seed, pace
        self.tally = Tally()
        self.stop = threading.Event()
        self._recordings: dict[tuple, tuple[bytes, float]] = {}
        self._lines: dict[tuple, float] = {}

    def recording(self, scenario, text: str) -> tuple[bytes, float]:
        """A spoken reply (WAV, seconds): made before the clock starts for every reference;
        made now (and kept) for a cut or longer one, on first use."""
        key = (scenario.language, text)
        if key not in self._recordings:
            from simulator.voice import audio, tts

            gender, rate = TRAINEE_VOICES[scenario.language]
            wav = tts.synthesize(text, tts.VoiceSpec(scenario.language, gender=gender, rate=rate))
            self._recordings[key] = (wav, audio.wav_seconds(wav))
        return self._recordings[key]

    def line_seconds(self, scenario, line: str) -> float:
        """How long the customer's line plays in the persona's voice (rendered as the page does)."""
        key = (scenario.id, line)
        if key not in self._lines:
            from simulator.voice import audio, speech

            self._lines[key] = audio.wav_seconds(speech.customer_audio(scenario, line))
        return self._lines[key]

    def prepare_voice(self) -> None:
        for scenario, _ in self.scenarios["voice"]:
            for node in scenario.nodes.values():
                for reference in node.references:
                    for text in {reference, _sentences(reference)[0]}:
                        self.recording(scenario, text)


def _scenarios(store, folder: Path, rng: random.Random) -> dict:
    from simulator.services.catalogue import playable, record_files

    problems = record_files(store, folder)
    found = sorted(playable(store).values(), key=lambda p: p.scenario.id)
    by_channel = {c: [(p.scenario, p.yaml_text) for p in found if p.scenario.channel == c] for c in CHANNELS}
    voice = by_channel["voice"]
    picked = []
    for language in ("uk", "en"):
        of_language = [v for v in voice if v[0].language == language]
        picked += rng.sample(of_language, min(VOICE_SCENARIOS // 2, len(of_language)))
    by_channel["voice"] = picked
    return by_channel, problems


def _trainees(store, count: int) -> list:
    from simulator.store import SHELL

    users = []
    for number in range(1, count + 1):
        name = f"loadtest-{number:03d}"
        user = store.user_by_username(name)
        if user is None:
            user = store.create_user(name, "trainee", secrets.token_urlsafe(18), full_name=f"Load test {number}",
                                     group="loadtest", by=SHELL)     # the command line holds the database
        users.append(user)
    return users


def _warm_up(run: Run, voice: bool) -> None:
    """The empathy model fitted and the recognition workers loaded before the clock starts, as
    a running app has them after its first minutes."""
    from simulator.scoring.empathy_model import default_model

    default_model()
    if voice:
        from simulator.voice import speech, worker_pool

        recognition = worker_pool.recognition()
        if recognition.pool is not None:
            recognition.pool.start()
        scenario, _ = run.scenarios["voice"][0]
        node_id, node = next((k, n) for k, n in scenario.nodes.items() if n.references)
        data, _ = run.recording(scenario, node.references[0])
        worker_pool.hear(scenario, node_id, speech.check_recording(data), wait=600)


def measure(args) -> dict:
    """Run the load test as `args` say and return its figures."""
    from simulator.store import AudioFiles, Store

    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="simulator-loadtest-") as tmp:
        url = args.database or f"sqlite:///{Path(tmp) / 'loadtest.db'}"
        store = Store.open(url)
        try:
            scenarios, problems = _scenarios(store, args.scenarios, rng)
            voices = round(args.trainees * args.voice_share)
            channels = ["voice"] * voices + ["chat"] * (args.trainees - voices)
            for channel in set(channels):
                if not scenarios[channel]:
                    raise Failure(message(LOADTEST, "no_playable", channel=channel, folder=args.scenarios))
            run = Run(store, AudioFiles(Path(tmp) / "audio"), scenarios, args.seed, args.pace)
            users = _trainees(store, args.trainees)
            if voices:
                run.prepare_voice()
            _warm_up(run, bool(voices))
            from simulator.voice import worker_pool

            workers = worker_pool.recognition().workers if voices else "none (no voice trainees)"
            trainees = [Trainee(k + 1, channel, user, run) for k, (channel, user) in enumerate(zip(channels, users))]
            started = time.monotonic()
            for trainee in trainees:
                trainee.start()
            run.stop.wait(args.minutes * 60)
            run.stop.set()
            for trainee in trainees:
                trainee.join()
            elapsed = time.monotonic() - started
            saved = sum(len(store.attempt_detail(user, attempt_id).turns)
                        for attempt_id, user in run.tally.attempts.items())
        finally:
            store.close()
    tally = run.tally
    return {
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "trainees": args.trainees, "chat_trainees": args.trainees - voices, "voice_trainees": voices,
        "minutes": round(elapsed / 60, 2), "database": url.split(":", 1)[0].split("+")[0],
        "workers": workers, "calls": tally.calls,
        "channels": {c: _figures(tally.seconds[c]) for c in CHANNELS},
        "errors": sum(tally.errors.values()), "error_kinds": dict(tally.errors),
        "turns": {"sent": tally.sent, "accepted": tally.accepted, "saved": saved},
        "scenario_problems": len(problems),
    }


def _figures(seconds: list[float]) -> dict:
    return {
        "replies": len(seconds),
        "p50_s": None if not seconds else round(statistics.median(seconds), 3),
        "p95_s": None if not seconds else round(percentile(seconds, 0.95), 3),
        "max_s": None if not seconds else round(max(seconds), 3),
    }


def _loadtest(args) -> int:
    try:
        figures = measure(args)
    except Failure as exc:
        error(str(exc))
        return exc.code
    if args.json:
        print(json.dumps(figures, ensure_ascii=False))
        return 0
    print(message(LOADTEST_REPORT, "summary", trainees=figures["trainees"], chat=figures["chat_trainees"],
                  voice=figures["voice_trainees"], minutes=f"{figures['minutes']:.1f}", database=figures["database"],
                  workers=figures["workers"], load=" ".join(map(str, figures["load_average"])), cores=os.cpu_count()))
    print(f"  {'channel':8} {'replies':>7} {'p50 s':>7} {'p95 s':>7} {'max s':>7}   time to feedback")
    for channel, row in figures["channels"].items():
        cells = [f"{row[k]:7.2f}" if row[k] is not None else f"{'-':>7}" for k in ("p50_s", "p95_s", "max_s")]
        print(f"  {channel:8} {row['replies']:7d} {' '.join(cells)}")
    turns = figures["turns"]
    print("  " + message(LOADTEST_REPORT, "totals", calls=figures["calls"], sent=turns["sent"], accepted=turns["accepted"],
                         saved=turns["saved"], errors=figures["errors"]))
    for kind, count in figures["error_kinds"].items():
        print(f"    {count} x {kind}")
    sys.stdout.flush()
    return 0
