"""What the commands that open the database share (``users``, ``readiness``, ``audit``): the
``--database`` option, and running a command against the store with its problems printed
as one line ``error: ...`` on stderr (exit 2 for what the user can fix, 1 when the database
cannot be reached), in the language of the command's ``--labels`` (Ukrainian by default).
The store's refusals are said as the app says them (simulator.texts.refusals); one the app does
not know keeps the store's English, which names what went wrong."""
from __future__ import annotations

import argparse

from ..store import DatabaseError, NotFound, Store
from ..texts.labels import Labels
from ..texts.cli_messages import DATABASE as MESSAGES
from ..texts.refusals import known
from .errors import Failure, error
from .helptext import say


def database_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--database", metavar="URL", help=say("option.database"))


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
            error(refusal(exc, language(args)))
            return 2
        except DatabaseError as exc:
            error(MESSAGES["database_problem"][language(args)].format(reason=exc.cause))
            return 1
        finally:
            if store is not None:
                store.close()

    return run


def language(args) -> str:
    """The language of a command's messages: its ``--labels``, else Ukrainian."""
    return getattr(args, "labels", None) or "uk"


def refusal(exc: Exception | str, language: str) -> str:
    """A refusal of the store in ``language`` (its English when the app does not know it)."""
    return known(exc, Labels(language)) or str(exc)

