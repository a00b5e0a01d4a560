"""The simulator's log, set up in one place: :func:`configure`, called by the app on every run
of a page and by every ``python -m simulator`` command before it does anything.

What is logged (docs/operations.md, "The log"):
- who did what: every audit log entry once its action is committed (log-ins and failed
  log-ins, accounts made, role changes, password resets, publications, overrides, exports,
  deletions; simulator.store.audit), as ``<action> by <user name>[: <target>]``;
- failures with their cause: a reply that waits for the database, a recording that could not be
  written, a transcription server that did not answer, the database out of reach for a page.

Nothing personal beyond user names: no password, no reply or transcript text, no full name, no
client address (those stay in the database, where retention and access apply), no SQL
parameters (a database failure is logged by the first line of the driver's message).

Where it goes: the logger ``simulator`` (every module's ``logging.getLogger(__name__)``) at
``SIMULATOR_LOG_LEVEL`` (default info), to standard error (the app's console or its service's
journal) and, when ``SIMULATOR_LOG_FILE`` is set, appended to that file as well (made readable
by the app's user only). A command's standard error is where it talks to the person who ran
it, so there only warnings and errors are written (``stderr_level``); the file gets everything.
"""
from __future__ import annotations

import logging
import os
import sys
import threading
from pathlib import Path

from . import settings

ROOT = "simulator"
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

_lock = threading.Lock()
_done: tuple | None = None


class _Stderr(logging.StreamHandler):
    """Standard error as it is when a line is written (a test or a page may have replaced it)."""

    def __init__(self):
        super().__init__()

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, _value):
        pass


def _file_handler(path: Path) -> logging.Handler:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.close(os.open(path, os.O_CREAT | os.O_APPEND | os.O_WRONLY, 0o600))     # 0600 when made here
    return logging.FileHandler(path, encoding="utf-8")


def configure(stderr_level: str | None = None) -> logging.Logger:
    """Set up the ``simulator`` logger from the settings (again only when they changed);
    ``stderr_level``: the least level written to standard error (default: the setting's)."""
    global _done
    chosen = settings.current()
    wanted = (chosen.log_level, chosen.log_file, stderr_level)
    logger = logging.getLogger(ROOT)
    with _lock:
        if _done == wanted:
            return logger
        for handler in [h for h in logger.handlers if getattr(h, "simulator", False)]:
            logger.removeHandler(handler)
            handler.close()
        level = chosen.log_level.upper()
        logger.setLevel(level)
        handlers = [_Stderr()]
        handlers[0].setLevel((stderr_level or level).upper())
        if chosen.log_file is not None:
            handlers.append(_file_handler(chosen.log_file))
        for handler in handlers:
            handler.simulator = True
            handler.setFormatter(logging.Formatter(FORMAT))
            logger.addHandler(handler)
        _done = wanted
        return logger
