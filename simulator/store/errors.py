"""The store's own exceptions, and the wrapping of the database library's errors in them
(:func:`database_errors`), so that the pages, the commands and the use cases catch these and
import no SQLAlchemy.

A refusal a user may see carries a code and the values it quotes (simulator.refusal): it is a
RefusedValue (a ValueError), a RefusedPermission (a PermissionError), a NotFound (a LookupError)
or one of the kinds below; its str() is the store's English sentence, and the pages and
commands say it in the user's language from its code (simulator/texts/refusals.py)."""
from __future__ import annotations

import functools
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import DBAPIError, IntegrityError, InterfaceError, OperationalError, SQLAlchemyError

from simulator.refusal import Refusal, RefusedPermission, RefusedValue

__all__ = ["AttemptClosed", "DatabaseError", "DatabaseUnavailable", "NotFound", "NotPublishable", "Refusal",
           "RefusedPermission", "RefusedValue", "database_errors", "wraps_database_errors"]


class NotFound(Refusal, LookupError):
    """No such user, scenario version, attempt or assignment."""


class AttemptClosed(RefusedValue):
    """The attempt is no longer in progress (finished, or abandoned as stale)."""


class DatabaseError(Exception):
    """The database failed. ``cause``: the first line of the driver's message (never the
    statement or its values, which may hold a reply or a password hash)."""

    def __init__(self, cause: str):
        self.cause = cause
        super().__init__(cause)


class DatabaseUnavailable(DatabaseError):
    """The database cannot be reached now (a connection refused or lost, SQLite busy beyond its
    timeout): trying again later may work, and a call in progress keeps its replies meanwhile."""


def _cause(exc: SQLAlchemyError) -> str:
    said = str(getattr(exc, "orig", None) or exc).strip()
    return said.splitlines()[0] if said else type(exc).__name__


@contextmanager
def database_errors() -> Iterator[None]:
    """The database library's errors raised inside, as DatabaseUnavailable or DatabaseError. An
    IntegrityError passes as it is: the store's own code turns it into a refusal (a taken name)
    or a retry (a concurrent save), and one that escapes is a bug to see."""
    try:
        yield
    except IntegrityError:
        raise
    except (OperationalError, InterfaceError) as exc:
        raise DatabaseUnavailable(_cause(exc)) from exc
    except DBAPIError as exc:
        raise (DatabaseUnavailable if exc.connection_invalidated else DatabaseError)(_cause(exc)) from exc
    except SQLAlchemyError as exc:
        raise DatabaseError(_cause(exc)) from exc


def wraps_database_errors(function):
    """``function`` with :func:`database_errors` around it."""
    @functools.wraps(function)
    def wrapped(*args, **kwargs):
        with database_errors():
            return function(*args, **kwargs)
    return wrapped


class NotPublishable(RefusedValue):
    """The draft does not load cleanly; ``problems`` says where (``file:line: message``)."""

    def __init__(self, scenario_id: str, problems: list):
        self.problems = problems
        super().__init__(f"scenario '{scenario_id}' has {len(problems)} problem(s): " + "; ".join(map(str, problems[:3])),
                         code="not_publishable", scenario_id=scenario_id, count=len(problems))
