"""Every setting the simulator takes from the environment, in one object read in one place.

``current()`` gives the :class:`Settings` (pydantic-settings): each variable parsed once, with its
default, its type and what it means (docs/deployment.md lists them in one table, and a test
keeps that table and this class in step). Code asks ``settings.current().stale_hours``, never
``os.environ``.

Read once: the object is built on the first call and kept. It is built again only when one of
the variables it reads has changed since (a test's ``monkeypatch.setenv``, a bench that points
the voice cache elsewhere for a run, a worker process that sets its own); comparing them costs
some microseconds, building the object about a millisecond. ``reset()`` forgets it outright.

A value that means nothing stops the app and every command when they start (:func:`check`), with
a :class:`SettingError` naming the variable, the value given and what it may be, rather than
failing at the first page or reply that needs it. Empty counts as unset.

Paths: the data folder (``SIMULATOR_DATA_DIR``, ``./data``) holds everything the simulator
writes, so each folder inside it (database, recordings, voice cache, speech models) moves with it
unless set on its own. The scenario library (``SIMULATOR_SCENARIOS``) is the project's, not data,
and stays ``./scenarios``.
"""
from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

ON = ("1", "true", "on", "yes")
OFF = ("0", "false", "off", "no")
DEMO = "SIMULATOR_DEMO"         # simulator.store.demo
WINDOWS = ("auto", "full", "speech")    # simulator.voice.encoder_window
LOG_LEVELS = ("debug", "info", "warning", "error")
CLI_LANGUAGES = ("uk", "en")     # simulator.cli.helptext

# What a value must be, by kind: the English words of SettingError's message (the app says it in
# the user's language: labels "setting_invalid" and "setting_invalid_kind_*").
KINDS = {
    "days": "a whole number of days, 0 or more",
    "positive": "a number above 0",
    "count": "a whole number, 1 or more",
    "size": "a whole number, 0 or more",
}


class SettingError(ValueError):
    """A setting whose value means nothing: ``name``, the ``value`` given, and what it may be:
    ``allowed`` (comma-separated, in any case) for a choice, else ``kind`` (a key of KINDS)."""

    def __init__(self, name: str, value: str, allowed: str = "", kind: str = "choice"):
        self.name, self.value, self.allowed, self.kind = name, value, allowed, kind
        if kind == "choice":
            super().__init__(f"{name} must be one of {allowed} (in any case), not {value!r}")
        else:
            super().__init__(f"{name} must be {KINDS[kind]}, not {value!r}")


def _env(name: str, default: Any = None, kind: str = "", **more: Any) -> Any:
    """A field read from the variable ``name``; ``kind`` says how a bad value is described."""
    return Field(default, validation_alias=name, json_schema_extra={"kind": kind} if kind else None, **more)


class Settings(BaseSettings):
    """The environment's settings, typed. Built by :func:`current`; frozen."""

    model_config = SettingsConfigDict(case_sensitive=True, env_ignore_empty=True, frozen=True, extra="ignore",
                                      populate_by_name=False)

    # where things are kept
    database_url: str | None = _env("DATABASE_URL", repr=False)     # may hold a password
    data_dir: Path = _env("SIMULATOR_DATA_DIR", Path("data"))
    audio_dir_set: Path | None = _env("SIMULATOR_AUDIO_DIR")
    model_dir_set: Path | None = _env("SIMULATOR_MODEL_DIR")
    tts_cache_set: Path | None = _env("SIMULATOR_TTS_CACHE")
    embedding_cache_set: Path | None = _env("SIMULATOR_EMBEDDING_CACHE")
    scenarios: Path = _env("SIMULATOR_SCENARIOS", Path("scenarios"))
    # who may come in, and for how long
    demo: bool | None = _env(DEMO, kind="switch")
    session_idle_minutes: float = _env("SIMULATOR_SESSION_IDLE_MINUTES", 30.0, "positive")
    session_max_hours: float = _env("SIMULATOR_SESSION_MAX_HOURS", 12.0, "positive")
    # housekeeping
    stale_hours: float = _env("SIMULATOR_STALE_HOURS", 24.0, "positive")
    audio_retention_days: int = _env("SIMULATOR_AUDIO_RETENTION_DAYS", 90, "days")
    audit_retention_days: int = _env("SIMULATOR_AUDIT_RETENTION_DAYS", 730, "days")
    # recordings
    audio_max_mb: float | None = _env("SIMULATOR_AUDIO_MAX_MB", kind="positive")
    audio_max_seconds: float | None = _env("SIMULATOR_AUDIO_MAX_SECONDS", kind="positive")
    # speech recognition (simulator.voice; docs/voice.md)
    asr_backend: str | None = _env("SIMULATOR_ASR_BACKEND")     # checked by simulator.voice.asr
    asr_model: str | None = _env("SIMULATOR_ASR_MODEL")
    asr_workers: str = _env("SIMULATOR_ASR_WORKERS", "0")       # a number or auto: simulator.voice.worker_pool
    asr_parallel: int = _env("SIMULATOR_ASR_PARALLEL", 2, "count")    # decodes at once: simulator.voice.transcription
    asr_max_queue: int = _env("SIMULATOR_ASR_MAX_QUEUE", 4, "size")
    asr_beam_size: int | None = _env("SIMULATOR_ASR_BEAM_SIZE", kind="count")   # unset: per language (transcription.BEAM_SIZE)
    asr_window: str = _env("SIMULATOR_ASR_WINDOW", WINDOWS[0], "window")
    asr_url: str = _env("SIMULATOR_ASR_URL", "")
    asr_api_key: str | None = _env("SIMULATOR_ASR_API_KEY", repr=False)
    asr_timeout: float = _env("SIMULATOR_ASR_TIMEOUT", 60.0, "positive")
    # the customer's voice
    tts_stress: bool = _env("SIMULATOR_TTS_STRESS", False, "switch")
    # the log (simulator.logs)
    log_level: str = _env("SIMULATOR_LOG_LEVEL", "info", "log_level")
    log_file_set: Path | None = _env("SIMULATOR_LOG_FILE")
    # the command line's help (simulator.cli.helptext)
    cli_language: str = _env("SIMULATOR_CLI_LANGUAGE", CLI_LANGUAGES[0], "cli_language")

    @field_validator("demo", "tts_stress", mode="before")
    @classmethod
    def _switch(cls, value: Any, info) -> Any:
        if isinstance(value, bool) or value is None:
            return value
        word = str(value).strip().lower()
        if not word:
            return None
        if word not in ON + OFF:
            raise SettingError(_name(info.field_name), str(value), ", ".join(ON + OFF))
        return word in ON

    @field_validator("asr_window", "log_level", "cli_language", mode="before")
    @classmethod
    def _choice(cls, value: Any, info) -> Any:
        allowed = {"asr_window": WINDOWS, "cli_language": CLI_LANGUAGES}.get(info.field_name, LOG_LEVELS)
        word = str(value).strip().lower()
        if word not in allowed:
            raise SettingError(_name(info.field_name), str(value), ", ".join(allowed))
        return word

    @field_validator("session_idle_minutes", "session_max_hours", "stale_hours", "audio_max_mb", "audio_max_seconds",
                     "asr_timeout", "audio_retention_days", "audit_retention_days", "asr_parallel", "asr_max_queue",
                     "asr_beam_size", mode="after")
    @classmethod
    def _in_range(cls, value: Any, info) -> Any:
        kind = _kind(info.field_name)
        if value is not None and value < {"positive": 1e-300, "count": 1}.get(kind, 0):
            name = _name(info.field_name)
            raise SettingError(name, os.environ.get(name, str(value)), kind=kind)
        return value

    @property
    def audio_dir(self) -> Path:
        """Recorded replies: SIMULATOR_AUDIO_DIR, else ``audio`` in the data folder."""
        return self.audio_dir_set or self.data_dir / "audio"

    @property
    def model_dir(self) -> Path:
        """Speech recognition models: SIMULATOR_MODEL_DIR, else ``models`` in the data folder."""
        return self.model_dir_set or self.data_dir / "models"

    @property
    def tts_cache(self) -> Path:
        """The customer voice's rendered lines: SIMULATOR_TTS_CACHE, else ``cache/tts`` in the data folder."""
        return self.tts_cache_set or self.data_dir / "cache" / "tts"

    @property
    def embedding_cache(self) -> Path | None:
        """Sentence vectors shared by processes: SIMULATOR_EMBEDDING_CACHE (``off``: none), else
        ``cache/embeddings.bin`` in the data folder (scoring/embedding_file.py)."""
        if self.embedding_cache_set is not None and str(self.embedding_cache_set) == "off":
            return None
        return self.embedding_cache_set or self.data_dir / "cache" / "embeddings.bin"

    @property
    def log_file(self) -> Path | None:
        """SIMULATOR_LOG_FILE, else none: the log goes to standard error only."""
        return self.log_file_set


def _name(field: str) -> str:
    return Settings.model_fields[field].validation_alias


def _kind(field: str) -> str:
    return (Settings.model_fields[field].json_schema_extra or {}).get("kind", "")


NAMES = tuple(field.validation_alias for field in Settings.model_fields.values())
_lock = threading.Lock()
_kept: tuple[tuple, Settings] | None = None


def _read() -> Settings:
    try:
        return Settings()
    except ValidationError as failed:
        first = failed.errors()[0]
        cause = (first.get("ctx") or {}).get("error")
        if isinstance(cause, SettingError):
            raise cause from None
        name = first["loc"][0]
        field = next(f for f, info in Settings.model_fields.items() if info.validation_alias == name)
        raise SettingError(name, str(first.get("input", "")), kind=_kind(field)) from None


def current() -> Settings:
    """The settings as the environment gives them now (see the module docstring)."""
    global _kept
    seen = tuple(map(os.environ.get, NAMES))
    kept = _kept
    if kept is not None and kept[0] == seen:
        return kept[1]
    with _lock:
        made = _read()
        _kept = (seen, made)
        return made


def reset() -> None:
    """Forget the settings read: the next :func:`current` reads the environment again."""
    global _kept
    _kept = None


def switch(name: str) -> bool | None:
    """An on/off setting as read: True for 1, true, on or yes; False for 0, false, off or no (any
    case, spaces around ignored); None when it is not set or empty."""
    field = next(f for f, info in Settings.model_fields.items() if info.validation_alias == name)
    return getattr(current(), field)


def check() -> None:
    """SettingError for a setting that means nothing; the app and every command run this first."""
    current()
