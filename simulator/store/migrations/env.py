"""Alembic environment: the connection comes from code (simulator.store.db.migrate), or, for
``alembic -c simulator/store/alembic.ini ...`` on a developer's machine, from DATABASE_URL."""
from __future__ import annotations

from alembic import context

from simulator.store.models import Base

config = context.config


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",   # SQLite alters tables by copying them
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
elif context.is_offline_mode():
    from simulator.store.db import database_url

    context.configure(url=database_url(), target_metadata=Base.metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    from simulator.store.db import engine_from_env

    with engine_from_env().begin() as own_connection:
        _run(own_connection)
