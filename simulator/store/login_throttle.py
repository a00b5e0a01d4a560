"""Failed log-ins, counted so that guessing is slow and nobody can lock an account's owner out.

Each attempt is counted on two counters (rows of ``login_throttle``):

* **the account from this address** (``account`` = username, ``source`` = the client's
  address): ``ACCOUNT.free`` failures in a row are free, then each wait doubles from 1 s up
  to 15 minutes. Guesses from one address lock only that address out of the account: its
  owner logs in from their own. A right password starts the count again.
* **the address across all accounts** (``account`` = ""): ``SOURCE.free`` failures, then
  the same doubling. This is what slows a spray of a few guesses at each of many accounts.
  A right password takes back only its own attempt, so logging in to one's own account now
  and then does not excuse guessing at others.

When the address is not known (a connection from this machine, the command line), the
account's counter is shared by everyone (``source`` = "") and there is no address counter:
the old behaviour, which anyone on the machine could use to keep the owner waiting.

Nothing can race: before the password is checked, the attempt is counted as a failure in the
transaction that checks the waits, with the rows locked (FOR UPDATE on PostgreSQL; SQLite runs
one write transaction at a time). N guesses sent at once get ``free`` password checks, and the
others wait. A failure more than ``QUIET`` ago no longer counts. An admin lifts every wait on
an account with :func:`unlock` (a new password does too).
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from sqlalchemy import delete, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from .models import LoginThrottleRow

QUIET = dt.timedelta(hours=1)
ANY_ACCOUNT = ""
UNKNOWN = ""
ADDRESS_CHARS = 64      # login_throttle.source (an IPv6 address takes at most 45)


@dataclass(frozen=True)
class Rule:
    free: int               # failures in a row before the first wait
    max_seconds: int

    def wait(self, failures: int) -> int:
        """Seconds to wait after ``failures`` failures in a row."""
        if failures < self.free:
            return 0
        return min(2 ** (failures - self.free), self.max_seconds)


ACCOUNT = Rule(free=3, max_seconds=15 * 60)
SOURCE = Rule(free=20, max_seconds=15 * 60)

Counter = tuple[str, str, Rule]     # account, source, rule


def counters(username: str | None, source: str | None) -> list[Counter]:
    """The counters of an attempt at ``username`` (None: a name no account can have) from
    ``source`` (None: not known), in the order their rows are locked."""
    source = (source or UNKNOWN)[:ADDRESS_CHARS]    # a proxy's odd header must not fail the insert
    found = []
    if username is not None:
        found.append((username, source, ACCOUNT))
    if source:
        found.append((ANY_ACCOUNT, source, SOURCE))
    return sorted(found, key=lambda c: (c[0], c[1]))


def reserve(session: Session, attempt: list[Counter], now: dt.datetime) -> int:
    """Count the attempt as a failure on each counter, unless one makes it wait: then nothing
    is counted and the seconds to wait are returned (0: go ahead and check the password)."""
    rows = [(_locked_row(session, account, source, now), rule) for account, source, rule in attempt]
    waits = [math.ceil((row.locked_until - now).total_seconds()) for row, _ in rows
             if row.locked_until is not None and row.locked_until > now]
    if waits:
        return max(waits)
    for row, rule in rows:
        if row.last_failure_at < now - QUIET:
            row.failures = 0
        row.failures += 1
        row.last_failure_at = now
        seconds = rule.wait(row.failures)
        row.locked_until = now + dt.timedelta(seconds=seconds) if seconds else None
    return 0


def succeeded(session: Session, attempt: list[Counter]) -> None:
    """The password was right: the account's count starts again, the address's loses this attempt."""
    for account, source, rule in attempt:
        row = session.get(LoginThrottleRow, (account, source), with_for_update=True)
        if row is None:
            continue
        if account != ANY_ACCOUNT:
            session.delete(row)
            continue
        row.failures = max(row.failures - 1, 0)
        if rule.wait(row.failures) == 0:
            row.locked_until = None


def unlock(session: Session, username: str) -> int:
    """Lift every wait on ``username``, from every address; returns how many were lifted."""
    return session.execute(delete(LoginThrottleRow).where(LoginThrottleRow.account == username)).rowcount or 0


def purge(session: Session, now: dt.datetime) -> int:
    """Delete counters that count nothing any more (quiet for ``QUIET`` and not waiting)."""
    result = session.execute(delete(LoginThrottleRow).where(
        LoginThrottleRow.last_failure_at < now - QUIET,
        or_(LoginThrottleRow.locked_until.is_(None), LoginThrottleRow.locked_until <= now)))
    return result.rowcount or 0


def _locked_row(session: Session, account: str, source: str, now: dt.datetime) -> LoginThrottleRow:
    """The counter's row, created when missing, locked until the transaction ends."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    session.execute(insert(LoginThrottleRow).values(account=account, source=source, failures=0, last_failure_at=now)
                    .on_conflict_do_nothing())
    return session.scalars(select(LoginThrottleRow).where(LoginThrottleRow.account == account,
                                                          LoginThrottleRow.source == source)
                           .with_for_update().execution_options(populate_existing=True)).one()
