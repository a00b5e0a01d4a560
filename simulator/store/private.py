"""Files only the app's own user may read: its data folder, the SQLite database and recordings.

They hold password hashes, names and every recorded call, so folders the app creates are
0700 and files 0600, whatever the process's umask allows (a umask can only take more away).
A folder that already existed (e.g. ``SIMULATOR_DATA_DIR=/srv``) is left as the site made it;
the database file, being the app's own, is narrowed to 0600 when it is opened.
"""
from __future__ import annotations

import os
from pathlib import Path

FOLDER_MODE = 0o700
FILE_MODE = 0o600
SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")     # SQLite gives these the database file's mode


def folder(path: Path | str) -> Path:
    """``path`` as a folder, each missing level created 0700 (``mkdir -p`` would give 0755)."""
    path = Path(path)
    missing = []
    for level in (path, *path.parents):
        if level.is_dir():
            break
        missing.append(level)
    for level in reversed(missing):
        try:
            level.mkdir(mode=FOLDER_MODE)
        except FileExistsError:         # made meanwhile by another process
            if not level.is_dir():
                raise
    return path


def database_file(path: Path | str) -> Path:
    """The SQLite file at ``path``, created empty (SQLite fills it) and kept 0600, with the
    journal files beside it; its folder is made by :func:`folder` when missing."""
    path = Path(path)
    folder(path.parent)
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
    except FileExistsError:
        pass
    for name in (path, *(Path(f"{path}{suffix}") for suffix in SQLITE_COMPANIONS)):
        _narrow(name)
    return path


def _narrow(path: Path) -> None:
    """chmod 0600 when others or the group may read or write (a file of another owner is left alone)."""
    try:
        if path.stat().st_mode & 0o077:
            os.chmod(path, FILE_MODE)
    except (FileNotFoundError, PermissionError):
        pass
