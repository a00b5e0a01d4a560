"""The database library's errors leave the store as its own (simulator.store.errors), so the
pages, the commands and the use cases catch those and import no SQLAlchemy."""
from __future__ import annotations

import pytest
from sqlalchemy.exc import DBAPIError, IntegrityError, NoSuchTableError, OperationalError

from simulator.store import DatabaseError, DatabaseUnavailable, Store
from simulator.store.errors import database_errors

REPLY = "Рахунок виставили за середнім"


def raised(error: Exception) -> BaseException:
    with pytest.raises(BaseException) as caught:
        with database_errors():
            raise error
    return caught.value


def test_out_of_reach_is_unavailable_with_the_drivers_first_line_and_no_values():
    said = raised(OperationalError("INSERT INTO turns (reply) VALUES (?)", (REPLY,),
                                   Exception("connection refused\nDETAIL: more")))
    assert type(said) is DatabaseUnavailable and said.cause == "connection refused" and str(said) == "connection refused"
    assert isinstance(said.__cause__, OperationalError)     # the original is kept, for a debugger
    lost = DBAPIError("SELECT 1", {}, Exception("server closed the connection"), connection_invalidated=True)
    assert type(raised(lost)) is DatabaseUnavailable


def test_other_failures_are_database_errors_and_a_duplicate_is_left_to_the_store():
    said = raised(DBAPIError("UPDATE users SET password_hash=?", ("$argon2id$...",), Exception("value too long")))
    assert type(said) is DatabaseError and said.cause == "value too long" and "argon2" not in str(said)
    assert type(raised(NoSuchTableError("turns"))) is DatabaseError
    duplicate = IntegrityError("INSERT", {}, Exception("UNIQUE constraint failed"))
    assert raised(duplicate) is duplicate


def test_a_database_that_does_not_answer_is_unavailable_when_the_store_opens():
    with pytest.raises(DatabaseUnavailable) as refused:
        Store.open("postgresql://nobody@127.0.0.1:1/simulator")
    assert "127.0.0.1" in refused.value.cause or "refused" in refused.value.cause.lower()
