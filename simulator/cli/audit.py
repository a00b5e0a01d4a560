"""`python -m simulator audit`: the audit log of sensitive actions (simulator.store.audit),
newest first, as lines or as CSV. Whoever can run it holds the database, so no log-in.
Messages are Ukrainian unless ``--labels en`` (as ``readiness``)."""
from __future__ import annotations

import datetime as dt
import json
import sys

from .backup import labels_option
from .database import database_option, guarded
from .errors import Failure
from .helptext import say
from ..store import audit
from ..store.repository import Store
from ..texts.cli_messages import AUDIT as MESSAGES


def register(subparsers) -> None:
    command = subparsers.add_parser("audit", help=say("audit"))
    command.add_argument("--since", metavar="WHEN", help=say("audit.since"))
    command.add_argument("--until", metavar="WHEN", help=say("audit.until"))
    command.add_argument("--action", action="append", choices=audit.ACTIONS, help=say("audit.action"))
    command.add_argument("--actor", help=say("audit.actor"))
    command.add_argument("--target", help=say("audit.target"))
    command.add_argument("--limit", type=int, default=1000, help=say("audit.limit"))
    command.add_argument("--csv", action="store_true", help=say("audit.csv"))
    database_option(command)
    labels_option(command)
    command.set_defaults(handler=guarded(_audit))


def when(text: str | None, now: dt.datetime | None = None, language: str = "en") -> dt.datetime | None:
    """A UTC time from ``2026-12-01``, ``2026-12-01T08:00`` or ``7d`` (days back from ``now``)."""
    if not text:
        return None
    text = text.strip()
    if text.lower().endswith("d") and text[:-1].isdigit():
        return (now or dt.datetime.now(dt.timezone.utc)) - dt.timedelta(days=int(text[:-1]))
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise Failure(MESSAGES["not_a_date"][language].format(text=text)) from None
    return moment.replace(tzinfo=dt.timezone.utc) if moment.tzinfo is None else moment


def _audit(store: Store, args) -> int:
    found = audit.search(store, since=when(args.since, language=args.labels), until=when(args.until, language=args.labels),
                         actions=args.action, actor=args.actor,
                         target=args.target, limit=args.limit or None)
    if args.csv:
        sys.stdout.write(audit.to_csv(found))
        return 0
    for entry in found:
        detail = f"  {json.dumps(entry.detail, ensure_ascii=False, sort_keys=True)}" if entry.detail else ""
        source = f"  from {entry.source}" if entry.source else ""
        print(f"{entry.at:%Y-%m-%d %H:%M:%S}  {entry.action:<16} {entry.actor or '-':<20} {entry.target}{source}{detail}")
    print(MESSAGES["entry" if len(found) == 1 else "entries"][args.labels].format(count=len(found)), file=sys.stderr)
    return 0
