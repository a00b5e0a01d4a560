"""Recorded replies as files: ``$SIMULATOR_AUDIO_DIR`` (default ``$SIMULATOR_DATA_DIR/audio``).

A key is ``YYYY-MM-DD/<32 hex>.<ext>``: a random name in the folder of the day it was saved,
so that purging old recordings is deleting old folders. Keys are checked before any file
is touched, so a key from a request can never reach outside the audio folder. Files are
written to a temporary name (0600, as ``mkstemp`` makes it) and renamed, so a reader never
sees half a file; the folders are 0700 (simulator.store.private). With several
app replicas the folder must be shared (a network volume), like the database.

Who may write (keyword-only ``by``, checked in the database given as ``store``, as every write
of the store is: simulator.store.guard): a reply's recording is saved by the trainee whose call
it is (``attempt_id``; without one, any active user); recordings are deleted one by one (a
user's personal data) and purged by age by an admin; :data:`~simulator.store.guard.SHELL` (the
system's housekeeping, the command line, set-up, the tests) may do each without a ``store``.
Reading a file (``load``) is checked where its key is read: with the turn that holds it.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import secrets
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from .. import settings
from . import private
from .db import data_dir
from .guard import SHELL, Actor, require_active, require_own_attempt, require_role

if TYPE_CHECKING:
    from .repository import Store

EXTENSIONS = ("wav", "webm", "ogg", "mp3", "m4a")
KEY = re.compile(r"^(\d{4}-\d{2}-\d{2})/[0-9a-f]{32}\.(" + "|".join(EXTENSIONS) + r")$")
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def configured_retention_days() -> int:
    """SIMULATOR_AUDIO_RETENTION_DAYS (default 90); 0 keeps recordings for ever."""
    return settings.current().audio_retention_days


class AudioFiles:
    def __init__(self, root: Path | str):
        self.root = Path(root)

    @classmethod
    def from_env(cls) -> AudioFiles:
        return cls(settings.current().audio_dir_set or data_dir() / "audio")

    def save(self, data: bytes, ext: str = "wav", now: dt.datetime | None = None, *, by: Actor,
             store: Store | None = None, attempt_id: int | None = None) -> str:
        """Store ``data``; returns its key (keep it with the turn). ``by``: the trainee whose call
        ``attempt_id`` is (any active user when no call is given), or SHELL."""
        if ext not in EXTENSIONS:
            raise ValueError(f"audio extension must be one of {', '.join(EXTENSIONS)}, not '{ext}'")
        _check(store, by, "record a reply", attempt_id=attempt_id)
        now = now or dt.datetime.now(dt.timezone.utc)
        key = f"{now.astimezone(dt.timezone.utc):%Y-%m-%d}/{secrets.token_hex(16)}.{ext}"
        path = self._path(key)
        private.folder(path.parent)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".part-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return key

    def load(self, key: str) -> bytes:
        """The bytes saved under ``key``; FileNotFoundError once purged, ValueError for a bad key."""
        return self._path(key).read_bytes()

    def delete(self, key: str, *, by: Actor, store: Store | None = None) -> None:
        """Delete the recording ``key`` (gone already is fine); ``by``: an admin or SHELL."""
        path = self._path(key)
        _check(store, by, "delete recordings", roles=("admin",))
        path.unlink(missing_ok=True)

    def purge(self, retention_days: int | None = None, now: dt.datetime | None = None, *, by: Actor,
              store: Store | None = None) -> int:
        """Delete recordings saved more than ``retention_days`` days ago (default: the
        SIMULATOR_AUDIO_RETENTION_DAYS setting; 0 keeps everything); returns how many files.
        ``by``: an admin or SHELL (the system's housekeeping)."""
        _check(store, by, "purge recordings", roles=("admin",))
        days = configured_retention_days() if retention_days is None else retention_days
        if days <= 0 or not self.root.is_dir():
            return 0
        now = now or dt.datetime.now(dt.timezone.utc)
        oldest_kept = (now.astimezone(dt.timezone.utc) - dt.timedelta(days=days)).date()
        deleted = 0
        for folder in self.root.iterdir():
            if not (folder.is_dir() and DAY.match(folder.name)) or dt.date.fromisoformat(folder.name) >= oldest_kept:
                continue
            deleted += sum(1 for f in folder.iterdir() if f.is_file() and not f.name.startswith(".part-"))
            shutil.rmtree(folder, ignore_errors=True)
        return deleted

    def _path(self, key: str) -> Path:
        match = KEY.match(key or "")
        if not match:
            raise ValueError(f"not an audio key: {key!r}")
        dt.date.fromisoformat(match.group(1))  # a real date, not 2026-99-99
        return self.root / key


def _check(store: Store | None, by: Actor, what: str, *, roles: tuple[str, ...] | None = None,
           attempt_id: int | None = None) -> None:
    """PermissionError unless ``by`` may ``what``: read from the database (``store``), as every
    write's actor is; SHELL passes without one."""
    if by is SHELL:
        return
    if store is None:
        raise TypeError(f"{what}: a user's file write is checked in the database: pass store=")
    with store.transaction() as session:
        if roles is not None:
            require_role(session, by, roles, what)
        elif attempt_id is not None:
            require_own_attempt(session, by, attempt_id, what)
        else:
            require_active(session, by, what)
