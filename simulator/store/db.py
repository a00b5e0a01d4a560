"""Connecting to the database and bringing its schema up to date.

Without configuration the simulator keeps everything in one SQLite file,
``$SIMULATOR_DATA_DIR/simulator.db`` (default ``./data``). A site with several app
replicas sets ``DATABASE_URL`` to a PostgreSQL database. Tables are created only by the
Alembic migrations in ``migrations/``, run from code by :func:`migrate`.
"""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url

from .. import settings
from . import private

MIGRATIONS = Path(__file__).with_name("migrations")
SQLITE_BUSY_MS = 10_000
# Any fixed number: replicas starting together take turns at migrating (PostgreSQL).
_MIGRATION_LOCK = 7_318_002


def data_dir() -> Path:
    """The folder for the embedded database and the audio files (created 0700 when missing)."""
    return private.folder(settings.current().data_dir)


def database_url(url: str | None = None) -> str:
    """``url``, else ``DATABASE_URL``, else the embedded SQLite file."""
    url = url or settings.current().database_url
    if not url:
        return f"sqlite:///{(data_dir() / 'simulator.db').resolve()}"
    # plain postgresql:// (and Heroku-style postgres://) means the psycopg 3 driver we ship
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def engine_from_env(url: str | None = None) -> Engine:
    """An engine for ``url`` / ``DATABASE_URL`` / the default SQLite file.

    A SQLite file is readable by the app's user only (simulator.store.private). SQLite gets
    WAL (readers never wait for the writer), foreign keys, a busy timeout, and ``BEGIN
    IMMEDIATE`` transactions, so two threads writing at once wait for each other instead of
    failing half-way. PostgreSQL connections are checked before use, since a
    replica may hold them across a database restart.
    """
    url = database_url(url)
    if make_url(url).get_backend_name() == "sqlite":
        path = make_url(url).database
        if path and path != ":memory:":
            private.database_file(path)
        engine = create_engine(url)
        _sqlite_settings(engine)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _sqlite_settings(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None     # transactions are begun below, not by the driver
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection):
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def alembic_config(connection=None):
    """The Alembic configuration, built in code: no alembic.ini is needed at run time."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def migrate(engine: Engine, revision: str = "head") -> None:
    """Upgrade the schema to ``revision`` (default: the newest). Safe to run on every start,
    from several replicas at once (they wait for each other on PostgreSQL)."""
    from alembic import command

    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
        command.upgrade(alembic_config(connection), revision)


def current_revision(engine: Engine) -> str | None:
    """The schema revision the database is at (None: never migrated)."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()
