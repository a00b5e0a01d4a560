"""What the commands that open the database share (``users``, ``readiness``): the
``--database`` option, and running a command against the store with its problems printed
as one line ``error: ...`` on stderr (exit 2 for what the user can fix, 1 when the database
cannot be reached)."""
from __future__ import annotations

import argparse
import sys

from sqlalchemy.exc import SQLAlchemyError

from .store import NotFound, Store


class Failure(Exception):
    """A problem the command explains to the user (exit ``code``, 2 by default)."""

    def __init__(self, message: str, code: int = 2):
        super().__init__(message)
        self.code = code


def database_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--database", metavar="URL", help="default: DATABASE_URL, else the SQLite file in ./data")


def guarded(command):
    """A handler (args -> exit code) running ``command(store, args)`` on the opened store."""
    def run(args) -> int:
        store = None
        try:
            store = Store.open(args.database)
            return command(store, args)
        except Failure as exc:
            error(str(exc))
            return exc.code
        except (ValueError, NotFound) as exc:
            error(str(exc))
            return 2
        except SQLAlchemyError as exc:
            error(f"database problem: {str(exc.orig if getattr(exc, 'orig', None) else exc).splitlines()[0]}")
            return 1
        finally:
            if store is not None:
                store.close()

    return run


def error(message: str) -> None:
    print(f"error: {message}", file=sys.stderr)
