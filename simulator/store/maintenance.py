"""Clearing up: stale calls, dead login sessions, counts of failed logins that no longer
count, recordings past their retention, audit entries past theirs.

Nothing runs in the background; call :func:`housekeeping` now and then, e.g. once when an
app process starts (it is cheap, and safe from several replicas at once). No one acts: the
sweep is the system's, so it runs as ``guard.SHELL`` whoever calls it.
"""
from __future__ import annotations

import datetime as dt

from .. import settings
from . import audit, auth
from .audio_files import AudioFiles
from .guard import SHELL
from .repository import Store


def stale_after() -> dt.timedelta:
    """SIMULATOR_STALE_HOURS (default 24): an in-progress call untouched this long is abandoned."""
    return dt.timedelta(hours=settings.current().stale_hours)


def housekeeping(store: Store, audio: AudioFiles | None = None, now: dt.datetime | None = None) -> dict[str, int]:
    """Abandon stale attempts, delete expired sessions, stale login counts, old recordings and
    old audit entries; returns the counts."""
    now = now or dt.datetime.now(dt.timezone.utc)
    audio = audio or AudioFiles.from_env()
    return {
        "abandoned_attempts": store.abandon_stale(stale_after(), now, by=SHELL),
        "expired_sessions": auth.purge_sessions(store, now),
        "stale_login_counts": auth.purge_login_counts(store, now),
        "purged_recordings": audio.purge(now=now, by=SHELL),
        "purged_audit_entries": audit.purge(store, now),
    }
