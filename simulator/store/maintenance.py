"""Clearing up: stale calls, dead login sessions, counts of failed logins that no longer
count, recordings past their retention, audit entries past theirs.

Nothing runs in the background; call :func:`housekeeping` now and then, e.g. once when an
app process starts (it is cheap, and safe from several replicas at once).
"""
from __future__ import annotations

import datetime as dt
import os

from . import audit, auth
from .audio_files import AudioFiles
from .repository import Store

DEFAULT_STALE_HOURS = 24


def stale_after() -> dt.timedelta:
    """SIMULATOR_STALE_HOURS (default 24): an in-progress call untouched this long is abandoned."""
    value = os.environ.get("SIMULATOR_STALE_HOURS", "").strip()
    try:
        hours = float(value) if value else DEFAULT_STALE_HOURS
    except ValueError:
        raise ValueError(f"SIMULATOR_STALE_HOURS must be a number, not {value!r}") from None
    if hours <= 0:
        raise ValueError("SIMULATOR_STALE_HOURS must be above 0")
    return dt.timedelta(hours=hours)


def housekeeping(store: Store, audio: AudioFiles | None = None, now: dt.datetime | None = None) -> dict[str, int]:
    """Abandon stale attempts, delete expired sessions, stale login counts, old recordings and
    old audit entries; returns the counts."""
    now = now or dt.datetime.now(dt.timezone.utc)
    audio = audio or AudioFiles.from_env()
    return {
        "abandoned_attempts": store.abandon_stale(stale_after(), now),
        "expired_sessions": auth.purge_sessions(store, now),
        "stale_login_counts": auth.purge_login_counts(store, now),
        "purged_recordings": audio.purge(now=now),
        "purged_audit_entries": audit.purge(store, now),
    }
