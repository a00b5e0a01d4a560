"""How every command of `python -m simulator` fails: one line ``error: ...`` on standard error
and an exit code, 2 for what the user can fix (a bad option, a missing file, a refusal of the
store), 1 when the machine or the database failed; never a traceback. A command raises
:class:`Failure`; ``main`` and the commands' guards print it with :func:`error`."""
from __future__ import annotations

import sys


class Failure(Exception):
    """A problem the command explains to the user in one line (exit ``code``, 2 by default)."""

    def __init__(self, message: str, code: int = 2):
        super().__init__(message)
        self.code = code


def error(message: str) -> None:
    """Say a command's problem: one line on standard error."""
    print(f"error: {message}", file=sys.stderr)
