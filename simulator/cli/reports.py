"""`python -m simulator readiness ...`: the HR readiness table as CSV or Excel, from the terminal.

    python -m simulator readiness --format csv|xlsx -o FILE [--as-of DATE] [--group NAME]
        [--language uk|en] [--labels uk|en] [--database URL] [--as USERNAME]

The same report as the dashboard (simulator.reports.readiness_report), under the admin's
readiness definition: the CSV holds the trainees; the workbook also each trainee's categories
and the calls counted. ``-o -`` writes to standard output.

Who reads: the store shows reports only to staff, and reads the role from the database, so the
command reads as an existing, active HR or admin account: ``--as USERNAME``, by default the
operating-system login name (as ``psql`` picks its role). Nothing is created for it. Problems
print one line ``error: ...`` on stderr: exit 2 for what the user can fix, 1 when the database
cannot be reached (as the ``users`` commands do).
"""
from __future__ import annotations

import argparse
import datetime as dt
import getpass
import sys
from pathlib import Path

from .database import database_option, guarded
from .errors import Failure
from .helptext import message, say
from ..store import Store
from ..texts.cli_messages import OPTIONS
from ..texts.cli_messages import READINESS as MESSAGES

FORMATS = ("csv", "xlsx")
LANGUAGES = ("uk", "en")
READERS = ("hr", "admin")            # who may see readiness in the app, too
STDOUT = "-"


def register(subparsers) -> None:
    readiness = subparsers.add_parser("readiness", help=say("readiness"), description=say("readiness.description"),
                                      epilog=say("readiness.epilog"))
    readiness.add_argument("--format", choices=FORMATS, help=say("readiness.format"))
    readiness.add_argument("-o", "--output", required=True, metavar="FILE", help=say("readiness.output"))
    readiness.add_argument("--as-of", type=_date, metavar="DATE", help=say("readiness.as_of"))
    readiness.add_argument("--group", help=say("readiness.group"))
    readiness.add_argument("--language", choices=LANGUAGES, help=say("readiness.language"))
    readiness.add_argument("--labels", choices=LANGUAGES, default="uk", help=say("readiness.labels"))
    readiness.add_argument("--as", dest="viewer", metavar="USERNAME", help=say("readiness.as"))
    database_option(readiness)
    readiness.set_defaults(handler=guarded(_readiness))


def _date(text: str) -> dt.date:
    for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    raise argparse.ArgumentTypeError(message(OPTIONS, "not_a_date", text=text))


def _say(args, key: str, **values) -> str:
    """A message of this command in the language of its --labels."""
    return MESSAGES[key][args.labels].format(**values)


def _readiness(store: Store, args) -> int:
    from ..reports import readiness_report  # pandas and openpyxl: only for this command
    from ..scenario.model import CATEGORIES
    from ..texts.labels import Labels

    today = dt.datetime.now(dt.timezone.utc).date()
    as_of = args.as_of or today
    if as_of > today:
        raise Failure(_say(args, "future", as_of=as_of, today=today))
    file_format = args.format or ("xlsx" if args.output.lower().endswith(".xlsx") else "csv")
    to_stdout = args.output == STDOUT
    if to_stdout and file_format == "xlsx" and sys.stdout.isatty():
        raise Failure(_say(args, "xlsx_terminal"))
    if args.group is not None and args.group not in store.groups():
        raise Failure(_say(args, "no_group", group=args.group, groups=", ".join(store.groups()) or "—"))
    report = readiness_report.build(store, _viewer(store, args), as_of=as_of, group=args.group,
                                    language=args.language)
    tr = Labels(args.labels)
    names = {code: tr(f"category_{code}") for code in CATEGORIES}
    data = report.csv(args.labels, names) if file_format == "csv" else report.xlsx(args.labels, names)
    _write(args, data)
    figures = report.summary()
    print(_say(args, "wrote", where=_say(args, "stdout") if to_stdout else args.output, format=file_format,
               total=figures["total"], ready=figures["ready"], share=f"{figures['share']:.0%}", as_of=as_of),
          file=sys.stderr if to_stdout else sys.stdout)
    return 0


def _viewer(store: Store, args):
    """The account the report is read as (``--as``): an active HR or admin user that exists."""
    username = args.viewer
    if username is None:
        try:
            username = getpass.getuser()
        except (KeyError, OSError):
            raise Failure(_say(args, "who")) from None
    user = store.user_by_username(username)
    if user is None:
        raise Failure(_say(args, "no_viewer", username=username))
    if not user.active or user.role not in READERS:
        raise Failure(_say(args, "not_reader", username=user.username,
                           role=user.role + ("" if user.active else _say(args, "deactivated"))))
    return user


def _write(args, data: bytes) -> None:
    output = args.output
    if output == STDOUT:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    path = Path(output)
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise Failure(_say(args, "cannot_write", path=path, reason=exc.strerror or exc)) from None
