"""The database tables, as SQLAlchemy 2.x typed ORM classes.

Tables are created only by the migrations (simulator/store/migrations); these classes must
stay in step with them (tests/store/test_migrations.py compares the two). Every time is
stored in UTC and read back as an aware datetime; JSON columns are JSONB on PostgreSQL
and JSON text on SQLite.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    DateTime,
    Float,
    ForeignKey,
    Index,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

ROLES = ("trainee", "trainer", "hr", "admin")
LANGUAGES = ("uk", "en")
VERSION_STATUSES = ("draft", "published", "retired")
MODES = ("practice", "exam")
ATTEMPT_STATUSES = ("in_progress", "completed", "abandoned")
FINDING_KINDS = ("missed_fact", "wrong_fact", "hurt")
VOICE_VERDICTS = ("reliable", "usable_with_care", "unreliable")     # simulator.voice.check.VERDICTS
CALIBRATION_SET_STATUSES = ("open", "closed")
CALIBRATION_SOURCES = ("attempt", "sample")
TUNING_STATUSES = ("proposed", "accepted", "rejected")

# Named constraints, so that later migrations (batch mode on SQLite) can refer to them.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# None is stored as SQL NULL (not JSON 'null'), so that "IS NULL" means what it says
Json = JSON(none_as_null=True).with_variant(postgresql.JSONB(none_as_null=True), "postgresql")


class UTCDateTime(TypeDecorator):
    """A timezone-aware UTC datetime on every database (SQLite keeps no zone: we add it back)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("give times as timezone-aware datetimes (UTC)")
        value = value.astimezone(dt.timezone.utc)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=dt.timezone.utc) if value.tzinfo is None else value.astimezone(dt.timezone.utc)


def one_of(column: str, values: tuple[str, ...]) -> CheckConstraint:
    allowed = ", ".join(f"'{v}'" for v in values)
    return CheckConstraint(f"{column} IN ({allowed})", name=column)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dt.datetime: UTCDateTime(), dict[str, Any]: Json}


class UserRow(Base):
    __tablename__ = "users"
    __table_args__ = (one_of("role", ROLES), one_of("language", LANGUAGES))

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(16))
    group_name: Mapped[str | None] = mapped_column(String(100), index=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    language: Mapped[str] = mapped_column(String(2), default="uk")
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[dt.datetime]
    must_change_password: Mapped[bool] = mapped_column(default=False, server_default=false())   # set by an admin (0005)


class LoginThrottleRow(Base):
    """Failed log-ins in a row, per account from one client address (``account`` the
    username, ``source`` the address, or "" when it is not known) and per address across
    all accounts (``account`` ""). See simulator/store/login_throttle.py."""

    __tablename__ = "login_throttle"

    account: Mapped[str] = mapped_column(String(64), primary_key=True)
    source: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures: Mapped[int] = mapped_column(default=0)
    last_failure_at: Mapped[dt.datetime] = mapped_column(index=True)
    locked_until: Mapped[dt.datetime | None]


class LoginSessionRow(Base):
    __tablename__ = "login_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[dt.datetime]
    last_seen: Mapped[dt.datetime]
    expires_at: Mapped[dt.datetime]     # the absolute limit; idle expiry is counted from last_seen


class ScenarioVersionRow(Base):
    __tablename__ = "scenario_versions"
    __table_args__ = (
        UniqueConstraint("scenario_id", "version"),
        UniqueConstraint("scenario_id", "content_hash"),
        one_of("status", VERSION_STATUSES),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    scenario_id: Mapped[str] = mapped_column(String(100))
    version: Mapped[int]
    content_hash: Mapped[str] = mapped_column(String(64))     # SHA-256 of yaml_text
    yaml_text: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(String(300))
    language: Mapped[str] = mapped_column(String(2))
    channel: Mapped[str] = mapped_column(String(16))
    category: Mapped[str] = mapped_column(String(50))
    status: Mapped[str] = mapped_column(String(16), default="published")
    created_at: Mapped[dt.datetime]
    author_id: Mapped[int | None]      # users.id, not a foreign key (added in place by migration 0002)
    changed_at: Mapped[dt.datetime | None]      # a draft's last save; the publication time once published
    note: Mapped[str] = mapped_column(Text, default="")     # what changed, said by the author
    # the shared steps the text includes, as published ({name: {language, node}}; migration 0009);
    # None: it includes none, or it was stored before 0009 (then the library's steps as they are now)
    shared_steps: Mapped[dict[str, Any] | None] = mapped_column(Json)


class AttemptRow(Base):
    __tablename__ = "attempts"
    __table_args__ = (
        one_of("mode", MODES),
        one_of("status", ATTEMPT_STATUSES),
        Index(None, "user_id", "status"),
        Index(None, "status", "last_activity_at"),
        Index(None, "status", "finished_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    scenario_version_id: Mapped[int] = mapped_column(ForeignKey("scenario_versions.id"), index=True)
    mode: Mapped[str] = mapped_column(String(16))
    seed: Mapped[int]
    status: Mapped[str] = mapped_column(String(16), default="in_progress")
    started_at: Mapped[dt.datetime]
    last_activity_at: Mapped[dt.datetime]   # start or last saved turn: what abandon_stale looks at
    finished_at: Mapped[dt.datetime | None]
    outcome: Mapped[str | None] = mapped_column(String(16))
    overall: Mapped[float | None] = mapped_column(Float)
    accuracy: Mapped[float | None] = mapped_column(Float)
    empathy: Mapped[float | None] = mapped_column(Float)
    time_score: Mapped[float | None] = mapped_column(Float)
    passed: Mapped[bool | None]
    critical: Mapped[bool] = mapped_column(default=False)
    reviewed_overall: Mapped[float | None] = mapped_column(Float)     # after a trainer's overrides
    reviewed_critical: Mapped[bool | None]
    scorecard: Mapped[dict[str, Any] | None]
    tuning_id: Mapped[int | None]       # calibration_tunings.id that scored it (0007; NULL: untuned), not a foreign key
    rerun_of: Mapped[int | None] = mapped_column(index=True)    # the attempt this practice rerun rewound (0008), not a foreign key
    # the current reply's unusable takes, [take seconds, checking seconds] each (0006), so that a refresh
    # keeps them excused from the reply's time; cleared when a turn is saved
    set_aside: Mapped[list[Any] | None] = mapped_column(Json)


class TurnRow(Base):
    __tablename__ = "turns"
    __table_args__ = (UniqueConstraint("attempt_id", "turn_index"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempts.id", ondelete="CASCADE"))
    index: Mapped[int] = mapped_column("turn_index")
    node_id: Mapped[str] = mapped_column(String(100))
    customer_line: Mapped[str] = mapped_column(Text)
    reply: Mapped[str] = mapped_column(Text, default="")
    silent: Mapped[bool] = mapped_column(default=False)
    asked_at: Mapped[float] = mapped_column(Float)          # seconds on the call's clock
    replied_at: Mapped[float | None] = mapped_column(Float)
    latency: Mapped[float | None] = mapped_column(Float)
    overall: Mapped[float | None] = mapped_column(Float)
    accuracy: Mapped[float | None] = mapped_column(Float)
    empathy: Mapped[float | None] = mapped_column(Float)
    time_score: Mapped[float | None] = mapped_column(Float)
    critical: Mapped[bool] = mapped_column(default=False)
    score: Mapped[dict[str, Any] | None]                    # TurnScore.to_dict(); None for silence
    audio_key: Mapped[str | None] = mapped_column(String(100))
    created_at: Mapped[dt.datetime]


class AssignmentRow(Base):
    __tablename__ = "assignments"
    __table_args__ = (CheckConstraint("(user_id IS NULL) <> (group_name IS NULL)", name="user_or_group"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    scenario_id: Mapped[str] = mapped_column(String(100))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    group_name: Mapped[str | None] = mapped_column(String(100), index=True)
    due: Mapped[dt.date | None]
    assigned_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime]


class TurnOverrideRow(Base):
    """A trainer's correction of one turn's score. Every override is kept; the newest counts."""

    __tablename__ = "turn_overrides"

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempts.id", ondelete="CASCADE"), index=True)
    turn_index: Mapped[int]
    original_overall: Mapped[float] = mapped_column(Float)
    original_critical: Mapped[bool]
    overall: Mapped[float] = mapped_column(Float)
    critical: Mapped[bool]
    comment: Mapped[str] = mapped_column(Text)
    reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime]


class TurnFindingRow(Base):
    """What a scored turn showed, one row per missed key fact, wrong fact or phrase that hurt:
    the weak-area counts are then one GROUP BY, without reading every turn's JSON."""

    __tablename__ = "turn_findings"
    # Weak areas count findings by (kind, version, item) within dates: in this order the index
    # hands them over already grouped (on SQLite 5x faster than by date then sorting).
    __table_args__ = (one_of("kind", FINDING_KINDS),
                      Index("ix_turn_findings_weak_areas", "kind", "scenario_version_id", "item", "created_at", "user_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempts.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    scenario_version_id: Mapped[int] = mapped_column(ForeignKey("scenario_versions.id"))
    turn_index: Mapped[int]
    kind: Mapped[str] = mapped_column(String(16))
    item: Mapped[str] = mapped_column(String(300))      # fact id, or the phrase
    label: Mapped[str] = mapped_column(Text, default="")    # the fact as the trainer wrote it
    created_at: Mapped[dt.datetime]


class SettingRow(Base):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[dict[str, Any]]
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    updated_at: Mapped[dt.datetime]


class VoiceCheckRow(Base):
    """A trainee's voice check (simulator.voice.check): three sentences read into their
    microphone, what the recogniser made of them and the verdict. Every check is kept; the
    newest per language counts."""

    __tablename__ = "voice_checks"
    __table_args__ = (one_of("language", LANGUAGES), one_of("verdict", VOICE_VERDICTS), Index(None, "user_id", "created_at"))

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    created_at: Mapped[dt.datetime]
    language: Mapped[str] = mapped_column(String(2))
    verdict: Mapped[str] = mapped_column(String(16))
    cer: Mapped[float] = mapped_column(Float)               # mean character error rate of the sentences
    unclear_share: Mapped[float] = mapped_column(Float)     # share of the words heard with probability < 0.5
    level_db: Mapped[float | None] = mapped_column(Float)   # speech level, dBFS
    too_quiet: Mapped[bool] = mapped_column(default=False)
    sentences: Mapped[list[dict[str, Any]]] = mapped_column(Json)   # [{text, heard, cer, words, unclear, level_db}]
    recogniser: Mapped[str] = mapped_column(String(200), default="")   # backend and model that listened
    device: Mapped[str] = mapped_column(String(300), default="")       # the browser's user agent, when known


class AuditRow(Base):
    """One sensitive action (simulator/store/audit.py): who, what, to whom, from where. Kept
    when the actor's account goes (the name is copied), never changed."""

    __tablename__ = "audit_log"
    __table_args__ = (Index(None, "at"), Index(None, "action", "at"))

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime]
    actor_id: Mapped[int | None]                            # users.id, not a foreign key: the entry outlives the user
    actor: Mapped[str] = mapped_column(String(64), default="")     # the username (or the name tried, for a failed log-in)
    action: Mapped[str] = mapped_column(String(32))
    target: Mapped[str] = mapped_column(String(200), default="")   # e.g. "user anna", "attempt 12", "scenario x v3"
    detail: Mapped[dict[str, Any] | None]
    source: Mapped[str] = mapped_column(String(64), default="")    # the client's address, when known; "cli" for commands


class CalibrationSetRow(Base):
    """A calibration set (simulator/store/calibration.py): replies trainers rate blind."""

    __tablename__ = "calibration_sets"
    __table_args__ = (one_of("status", CALIBRATION_SET_STATUSES),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(16), default="open")
    anonymised: Mapped[bool] = mapped_column(default=True)     # trainees' names hidden from raters and the report
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime]
    closed_at: Mapped[dt.datetime | None]


class CalibrationItemRow(Base):
    """One reply of a set: a trainee's (attempt, turn) or a scenario's sample, with what the
    scorer made of it (``machine``: TurnScore.to_dict()) and, for a sample, its label."""

    __tablename__ = "calibration_items"
    __table_args__ = (UniqueConstraint("set_id", "position"), one_of("source", CALIBRATION_SOURCES),
                      one_of("language", LANGUAGES))

    id: Mapped[int] = mapped_column(primary_key=True)
    set_id: Mapped[int] = mapped_column(ForeignKey("calibration_sets.id", ondelete="CASCADE"))
    position: Mapped[int]
    source: Mapped[str] = mapped_column(String(16))
    attempt_id: Mapped[int | None] = mapped_column(ForeignKey("attempts.id", ondelete="CASCADE"), index=True)
    turn_index: Mapped[int | None]
    scenario_id: Mapped[str] = mapped_column(String(100))
    node_id: Mapped[str] = mapped_column(String(100))
    language: Mapped[str] = mapped_column(String(2))
    customer_line: Mapped[str] = mapped_column(Text)
    reply: Mapped[str] = mapped_column(Text)
    expected: Mapped[str | None] = mapped_column(String(16))      # a sample's label: great | average | poor
    machine: Mapped[dict[str, Any]]


class CalibrationRatingRow(Base):
    """One trainer's blind rating of one item on the rubric's three scales, with a comment."""

    __tablename__ = "calibration_ratings"
    __table_args__ = (
        UniqueConstraint("item_id", "rater_id"),
        CheckConstraint("empathy IN (0, 1, 2)", name="empathy"),
        CheckConstraint("accuracy IN (0, 1, 2)", name="accuracy"),
        CheckConstraint("compliance IN (0, 1)", name="compliance"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("calibration_items.id", ondelete="CASCADE"))
    rater_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    empathy: Mapped[int]
    accuracy: Mapped[int]
    compliance: Mapped[int]
    comment: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime]


class CalibrationTuningRow(Base):
    """A refit of how the scorer's signals map to the rubric (simulator/calibration/tuning.py),
    for one language; ``version`` is given when it is accepted, and attempts record it."""

    __tablename__ = "calibration_tunings"
    __table_args__ = (one_of("status", TUNING_STATUSES), one_of("language", LANGUAGES))

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int | None] = mapped_column(unique=True)
    language: Mapped[str] = mapped_column(String(2))
    status: Mapped[str] = mapped_column(String(16), default="proposed")
    set_id: Mapped[int | None] = mapped_column(ForeignKey("calibration_sets.id", ondelete="SET NULL"))
    params: Mapped[dict[str, Any]]
    figures: Mapped[dict[str, Any]]         # held-out agreement before and after, the parts' item ids
    min_kappa: Mapped[float] = mapped_column(Float)     # the gate's level when it was decided
    override_comment: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[int | None]
    created_at: Mapped[dt.datetime]
    decided_by: Mapped[int | None]
    decided_at: Mapped[dt.datetime | None]
