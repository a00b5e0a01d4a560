"""`python -m simulator users ...`: user accounts from the terminal.

simulator.cli calls ``register(subparsers)``. Each command sets ``handler`` (args -> exit code).
The database is ``--database URL``, else DATABASE_URL, else the SQLite file in ./data; it is
migrated on first use. Problems print one line ``error: ...`` on stderr: exit 2 for input
the user can fix (bad or taken username, weak password, bad CSV lines), 1 when the
database cannot be reached. What the commands say is Ukrainian unless ``--labels en`` (as
``readiness``, ``audit`` and ``backup``); ``list`` prints the stored values as they are.

A password comes from ``--password``, else from a prompt (typed twice) on a terminal, else
from the first line of standard input (for scripts: ``echo "$PW" | ... reset-password NAME``).

Whoever runs these holds the database: the store's writes get ``guard.SHELL`` as the acting
user. Accounts added, imported, reset or deactivated here are written to the audit log with the
source ``cli`` and no actor (simulator.store.audit). Imported trainees set their own password at
first log-in, as when an admin imports them in the app; added or reset accounts do not.
"""
from __future__ import annotations

import argparse
import getpass
import json
import sys
from pathlib import Path

from .backup import labels_option
from .database import database_option, guarded, language, refusal
from .errors import Failure
from .helptext import say
from ..store.models import LANGUAGES, ROLES
from ..store import SHELL, accounts, audit, auth
from ..store.repository import Store
from ..texts.cli_messages import USERS as MESSAGES


def register(subparsers) -> None:
    users = subparsers.add_parser("users", help=say("users"))
    users.set_defaults(handler=lambda args: _usage(users))
    sub = users.add_subparsers(title=say("users.commands"), metavar="COMMAND")

    add = sub.add_parser("add", help=say("users.add"))
    add.add_argument("username")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--full-name", default="")
    add.add_argument("--group", help=say("users.add.group"))
    add.add_argument("--language", choices=LANGUAGES, default="uk", help=say("users.add.language"))
    add.add_argument("--password", help=say("users.password"))
    database_option(add)
    labels_option(add)
    add.set_defaults(handler=guarded(_add))

    load = sub.add_parser("import", help=say("users.import"))
    load.add_argument("file", type=Path)
    database_option(load)
    labels_option(load)
    load.set_defaults(handler=guarded(_import))

    reset = sub.add_parser("reset-password", help=say("users.reset_password"))
    reset.add_argument("username")
    reset.add_argument("--password", help=say("users.password"))
    database_option(reset)
    labels_option(reset)
    reset.set_defaults(handler=guarded(_reset_password))

    unlock = sub.add_parser("unlock", help=say("users.unlock"))
    unlock.add_argument("username")
    database_option(unlock)
    labels_option(unlock)
    unlock.set_defaults(handler=guarded(_unlock))

    listing = sub.add_parser("list", help=say("users.list"))
    listing.add_argument("--role", choices=ROLES)
    listing.add_argument("--group")
    listing.add_argument("--all", action="store_true", help=say("users.list.all"))
    listing.add_argument("--json", action="store_true", help=say("option.json.array"))
    database_option(listing)
    labels_option(listing)
    listing.set_defaults(handler=guarded(_list))

    off = sub.add_parser("deactivate", help=say("users.deactivate"))
    off.add_argument("username")
    database_option(off)
    labels_option(off)
    off.set_defaults(handler=guarded(_deactivate))


def _say(args, key: str, **values) -> str:
    return MESSAGES[key][language(args)].format(**values)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def _password(args) -> str:
    if args.password is not None:
        return args.password
    if sys.stdin.isatty():
        first = getpass.getpass(_say(args, "prompt"))
        if getpass.getpass(_say(args, "prompt_again")) != first:
            raise Failure(_say(args, "passwords_differ"))
        return first
    line = sys.stdin.readline().rstrip("\r\n")
    if not line:
        raise Failure(_say(args, "no_password"))
    return line


def _user(store: Store, args):
    user = store.user_by_username(args.username)
    if user is None:
        raise Failure(_say(args, "no_user", username=args.username))
    return user


def _add(store: Store, args) -> int:
    user = store.create_user(args.username, args.role, _password(args), full_name=args.full_name, group=args.group,
                             language=args.language, by=SHELL)
    audit.record_now(store, "user_created", None, f"user {user.username}", {"role": user.role}, source="cli")
    print(_say(args, "created", role=user.role, username=user.username))
    return 0


def _import(store: Store, args) -> int:
    try:
        text = args.file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise Failure(_say(args, "not_utf8", file=args.file)) from None
    except OSError as exc:
        raise Failure(_say(args, "cannot_read", file=args.file, reason=exc.strerror or exc)) from None
    results = store.import_trainees(text, by=SHELL)
    for result in results:
        if result.ok:
            accounts.first_password(store, result.user, source="cli", detail={"role": "trainee", "import": True})
            print(_say(args, "imported", where=f"{args.file}:{result.line}", username=result.username,
                       password=result.password))
        else:
            print(f"{args.file}:{result.line}: {refusal(result.error, language(args))}", file=sys.stderr)
    failed = sum(not r.ok for r in results)
    print(_say(args, "import_summary", created=len(results) - failed, failed=failed), file=sys.stderr)
    return 2 if failed else 0


def _reset_password(store: Store, args) -> int:
    user = _user(store, args)
    store.set_password(user.id, _password(args), by=SHELL)
    audit.record_now(store, "password_reset", None, f"user {user.username}", source="cli")
    print(_say(args, "password_changed", username=user.username))
    return 0


def _unlock(store: Store, args) -> int:
    user = _user(store, args)
    print(_say(args, "waits_lifted", count=auth.unlock(store, user.username), username=user.username))
    return 0


def _list(store: Store, args) -> int:
    users = store.users(role=args.role, group=args.group, include_inactive=args.all)
    if args.json:
        rows = [{"username": u.username, "full_name": u.full_name, "role": u.role, "group": u.group_name,
                 "language": u.language, "active": u.active} for u in users]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for u in users:
        state = "" if u.active else _say(args, "deactivated_mark")
        print(f"{u.username:<24} {u.role:<8} {u.group_name or '-':<16} {u.language}  {u.full_name}{state}")
    return 0


def _deactivate(store: Store, args) -> int:
    user = store.deactivate(_user(store, args).id, by=SHELL)
    audit.record_now(store, "deactivated", None, f"user {user.username}", source="cli")
    print(_say(args, "deactivated", username=user.username))
    return 0
