"""The schema comes only from the migrations, and matches the models, on both databases."""
from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from simulator.store.db import alembic_config, current_revision, database_url, engine_from_env, migrate
from simulator.store.models import Base

TABLES = {"users", "login_sessions", "scenario_versions", "attempts", "turns", "assignments"}


def test_migrations_build_the_whole_schema_from_an_empty_database(database_url):
    engine = engine_from_env(database_url)
    try:
        assert current_revision(engine) is None
        assert inspect(engine).get_table_names() == []
        migrate(engine)
        head = ScriptDirectory.from_config(alembic_config()).get_current_head()
        assert current_revision(engine) == head
        assert set(inspect(engine).get_table_names()) == TABLES | {"alembic_version"}
        with engine.connect() as connection:
            differences = compare_metadata(MigrationContext.configure(connection, opts={"compare_type": True}), Base.metadata)
        assert differences == [], "the models and the migrations disagree: write a migration"
        migrate(engine)     # every app start runs it: the second time does nothing
        assert current_revision(engine) == head
    finally:
        engine.dispose()


def test_the_default_database_is_a_sqlite_file_in_the_data_folder(clean_env):
    engine = engine_from_env()
    try:
        assert engine.url.database == str((clean_env / "simulator.db").resolve())
        assert clean_env.is_dir()
        with engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        engine.dispose()


def test_database_url_setting_and_postgres_driver(clean_env, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgresql://trainer@db.local:5432/simulator")
    assert database_url() == "postgresql+psycopg://trainer@db.local:5432/simulator"
    assert database_url("postgres://u@h/d") == "postgresql+psycopg://u@h/d"
    assert database_url("sqlite:////srv/sim.db") == "sqlite:////srv/sim.db"
