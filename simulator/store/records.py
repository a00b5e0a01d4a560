"""What the store hands out: plain frozen records, not ORM objects.

They are safe to keep between Streamlit reruns and in caches (no lazy loading, no session
behind them), and they never carry a password hash.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from typing import Any


def from_row(cls, row, **extra):
    """Build record ``cls`` from an ORM row (attributes of the same names) plus ``extra``."""
    return cls(**{f.name: extra[f.name] if f.name in extra else getattr(row, f.name) for f in fields(cls)})


@dataclass(frozen=True)
class User:
    id: int
    username: str
    full_name: str
    role: str                       # trainee | trainer | hr | admin
    group_name: str | None
    language: str                   # interface language: uk | en
    active: bool
    created_at: dt.datetime
    must_change_password: bool = False      # an admin made or reset the password: the user sets their own first

    @property
    def is_staff(self) -> bool:
        """Trainers, HR and admins see everyone's attempts."""
        return self.role != "trainee"


@dataclass(frozen=True)
class ScenarioVersion:
    id: int
    scenario_id: str
    version: int                    # 1, 2, ... per scenario_id
    content_hash: str
    title: str
    language: str
    channel: str
    category: str
    status: str                     # draft | published | retired
    created_at: dt.datetime
    yaml_text: str = field(repr=False)
    author_id: int | None = None
    changed_at: dt.datetime | None = None   # a draft's last save; when it was published
    note: str = ""
    shared_steps: dict | None = field(default=None, repr=False, hash=False)    # its copy of the steps it includes (0009)


@dataclass(frozen=True)
class Attempt:
    id: int
    user_id: int
    username: str
    scenario_version_id: int
    scenario_id: str
    version: int
    title: str
    category: str
    mode: str                       # practice | exam
    seed: int
    status: str                     # in_progress | completed | abandoned
    started_at: dt.datetime
    last_activity_at: dt.datetime
    finished_at: dt.datetime | None
    outcome: str | None
    overall: float | None
    accuracy: float | None
    empathy: float | None
    time_score: float | None
    passed: bool | None
    critical: bool = False
    reviewed_overall: float | None = None   # the score after a trainer's overrides (None: not reviewed)
    reviewed_critical: bool | None = None
    rerun_of: int | None = None             # a practice rerun: the attempt it was rewound from (counted in no score)

    @property
    def reviewed(self) -> bool:
        return self.reviewed_overall is not None

    @property
    def effective_overall(self) -> float | None:
        """The score that counts (in readiness): the reviewed one when a trainer overrode a turn."""
        return self.overall if self.reviewed_overall is None else self.reviewed_overall

    @property
    def effective_critical(self) -> bool:
        return self.critical if self.reviewed_critical is None else self.reviewed_critical


@dataclass(frozen=True)
class TurnRecord:
    index: int
    node_id: str
    customer_line: str
    reply: str
    silent: bool
    asked_at: float                 # seconds on the call's clock (0 = the call started)
    replied_at: float | None
    latency: float | None
    overall: float | None
    accuracy: float | None
    empathy: float | None
    time_score: float | None
    critical: bool
    score: dict[str, Any] | None    # TurnScore.to_dict(); None for a silent turn
    audio_key: str | None
    created_at: dt.datetime


@dataclass(frozen=True)
class TurnOverride:
    id: int
    attempt_id: int
    turn_index: int
    original_overall: float
    original_critical: bool
    overall: float
    critical: bool
    comment: str
    reviewer_id: int | None
    reviewer: str | None                # username (None when that account was deleted)
    created_at: dt.datetime


@dataclass(frozen=True)
class AttemptDetail:
    attempt: Attempt
    scorecard: dict[str, Any] | None    # CallScore.to_dict() once the call has ended
    turns: list[TurnRecord]
    overrides: list[TurnOverride] = field(default_factory=list)     # oldest first; the newest per turn counts

    def override_of(self, turn_index: int) -> TurnOverride | None:
        """The override that counts for a turn (the newest), if any."""
        mine = [o for o in self.overrides if o.turn_index == turn_index]
        return mine[-1] if mine else None


@dataclass(frozen=True)
class ImportResult:
    """One line of a trainee CSV import: created (with its first password) or why not."""

    line: int
    username: str
    ok: bool
    error: str = ""         # the refusal's English, with its code and values (simulator.refusal.RefusedText)
    password: str = field(default="", repr=False)
    user: User | None = None


@dataclass(frozen=True)
class Assignment:
    id: int
    scenario_id: str
    user_id: int | None
    group_name: str | None
    due: dt.date | None
    assigned_by: int | None
    created_at: dt.datetime
    done: bool = False              # the user completed the scenario after it was assigned


@dataclass(frozen=True)
class ScenarioStats:
    scenario_id: str
    attempts: int                   # completed attempts
    best: float | None
    passed: bool                    # passed at least once
    last_at: dt.datetime | None


@dataclass(frozen=True)
class ProgressPoint:
    attempt_id: int
    scenario_id: str
    title: str
    category: str
    mode: str
    finished_at: dt.datetime
    overall: float
    accuracy: float
    empathy: float
    time_score: float
    passed: bool


@dataclass(frozen=True)
class MissedFact:
    scenario_id: str
    fact_id: str
    fact: str
    missed: int                     # replies that should have said it and did not
    asked: int                      # replies that should have said it


@dataclass(frozen=True)
class CategoryMean:
    category: str
    mean: float                     # mean overall score of the scored replies
    replies: int


@dataclass(frozen=True)
class Progress:
    points: list[ProgressPoint]                 # completed attempts, oldest first
    missed_facts: list[MissedFact]              # most missed first
    weak_categories: list[CategoryMean]         # lowest mean first
    skills: dict[str, float]                    # mean accuracy / empathy / time over all scored replies


@dataclass(frozen=True)
class ScenarioSummary:
    """One scenario id in the studio: its newest version of each kind."""

    scenario_id: str
    title: str
    language: str
    channel: str
    category: str
    published: ScenarioVersion | None       # what trainees play now (None: never published, or retired)
    draft: ScenarioVersion | None           # the draft being edited, if any
    retired: bool
    versions: int


@dataclass(frozen=True)
class VoiceCheckRecord:
    """A saved voice check (simulator.voice.check): the newest per language counts."""

    id: int
    user_id: int
    created_at: dt.datetime
    language: str                   # uk | en: the sentences read and the recognition language
    verdict: str                    # reliable | usable_with_care | unreliable
    cer: float                      # mean character error rate over the sentences
    unclear_share: float            # share of the words heard with probability below 0.5
    level_db: float | None          # speech level in dBFS
    too_quiet: bool
    sentences: list[dict[str, Any]] = field(repr=False)   # per sentence: text, heard, cer, words, unclear, level_db
    recogniser: str = ""            # backend and model that listened, e.g. "faster-whisper base"
    device: str = ""                # the browser's user agent, when known
