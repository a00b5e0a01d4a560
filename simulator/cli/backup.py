"""`python -m simulator backup` and `restore`: the database and the recordings in one file
(simulator.store.backup). Problems print one line ``error: ...`` on stderr, exit 2 (a damaged
archive, a target that is not empty, the wrong kind of database) or 1 (the database or a
PostgreSQL tool failed). Messages are Ukrainian unless ``--labels en`` (as ``readiness``)."""
from __future__ import annotations

import sys
from pathlib import Path

from .database import database_option
from .errors import error
from .helptext import say
from ..store import DatabaseError
from ..store.backup import BackupError, backup, restore
from ..store.backup_messages import LANGUAGES, message


def register(subparsers) -> None:
    save = subparsers.add_parser("backup", help=say("backup"), description=say("backup.description"))
    save.add_argument("-o", "--output", required=True, type=Path, metavar="PATH", help=say("backup.output"))
    database_option(save)
    labels_option(save)
    save.set_defaults(handler=_backup)

    load = subparsers.add_parser("restore", help=say("restore"), description=say("restore.description"))
    load.add_argument("path", type=Path, metavar="PATH", help=say("restore.path"))
    load.add_argument("--force", action="store_true", help=say("restore.force"))
    database_option(load)
    labels_option(load)
    load.set_defaults(handler=_restore)


def labels_option(parser) -> None:
    parser.add_argument("--labels", choices=LANGUAGES, default="uk", help=say("option.labels"))


def _backup(args) -> int:
    return _run(lambda: backup(args.output, args.database), message("backup_done", path=args.output), args.labels)


def _restore(args) -> int:
    return _run(lambda: restore(args.path, args.database, force=args.force, say=print, language=args.labels),
                message("restore_done", path=args.path), args.labels)


def _run(action, done, language: str) -> int:
    try:
        summary = action()
    except BackupError as exc:
        error(exc.text(language))
        return 2
    except DatabaseError as exc:
        error(f"{exc.__cause__.__class__.__name__}: {exc.cause}")
    except OSError as exc:
        error(f"{exc.__class__.__name__}: {str(exc).splitlines()[0]}")
        return 1
    print(done.text(language))
    for line in summary.lines(language):
        print(f"  {line}")
    sys.stdout.flush()
    return 0
