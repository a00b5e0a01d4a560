"""The store's own exceptions (PermissionError and ValueError are used as they are), and the
wrapping of the database library's errors in them (:func:`database_errors`), so that the pages,
the commands and the use cases catch these and import no SQLAlchemy."""
from __future__ import annotations

import functools
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import DBAPIError, IntegrityError, InterfaceError, OperationalError, SQLAlchemyError


class NotFound(LookupError):
    """No such user, scenario version, attempt or assignment."""


class AttemptClosed(ValueError):
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


class NotPublishable(ValueError):
    """The draft does not load cleanly; ``problems`` says where (``file:line: message``)."""

    def __init__(self, scenario_id: str, problems: list):
        self.problems = problems
        super().__init__(f"scenario '{scenario_id}' has {len(problems)} problem(s): " + "; ".join(map(str, problems[:3])))
