"""The schema comes only from the migrations, and matches the models, on both databases."""
from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from simulator.store.db import alembic_config, current_revision, database_url, engine_from_env, migrate
from simulator.store.models import Base

TABLES = {"users", "login_throttle", "login_sessions", "scenario_versions", "attempts", "turns", "assignments",
          "turn_overrides", "turn_findings", "settings", "voice_checks", "audit_log",
          "calibration_sets", "calibration_items", "calibration_ratings", "calibration_tunings"}


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


def test_upgrading_from_the_first_schema_keeps_calls_and_fills_the_new_columns(database_url):
    """A database made by 0001 with a finished call: 0002 sets the call's critical flag and
    writes the findings of its turn, from the turn's saved score."""
    from sqlalchemy import text

    engine = engine_from_env(database_url)
    score = ('{"accuracy": {"facts": [{"id": "estimated", "fact": "за середнім", "said": false}], "wrong_facts": []},'
             ' "empathy": {"hurt": ["я не знаю"]}, "compliance": {"critical": true, "flags":'
             ' [{"kind": "secret", "phrase": "назвіть номер картки", "critical": true}]}}')
    try:
        migrate(engine, "0001")
        with engine.begin() as connection:
            connection.execute(text(
                "INSERT INTO users (id, username, full_name, role, password_hash, language, active, created_at, failed_logins)"
                " VALUES (1, 'anna', '', 'trainee', 'x', 'uk', true, '2026-03-01 10:00:00', 0)"))
            connection.execute(text(
                "INSERT INTO scenario_versions (id, scenario_id, version, content_hash, yaml_text, title, language, channel,"
                " category, status, created_at) VALUES (1, 's', 1, 'h', 'id: s', 'S', 'uk', 'voice', 'debt', 'published',"
                " '2026-03-01 10:00:00')"))
            connection.execute(text(
                "INSERT INTO attempts (id, user_id, scenario_version_id, mode, seed, status, started_at, last_activity_at,"
                " overall, passed) VALUES (1, 1, 1, 'practice', 0, 'completed', '2026-03-01 10:00:00',"
                " '2026-03-01 10:05:00', 20, false)"))
            connection.execute(text(
                "INSERT INTO turns (attempt_id, turn_index, node_id, customer_line, reply, silent, asked_at, overall,"
                " critical, score, created_at) VALUES (1, 0, 'opening', 'Алло', 'Назвіть номер картки', false, 0, 20,"
                " true, :score, '2026-03-01 10:01:00')"), {"score": score})
        migrate(engine)
        with engine.connect() as connection:
            assert connection.execute(text("SELECT critical, reviewed_overall FROM attempts")).one() == (True, None)
            findings = connection.execute(text("SELECT kind, item, label FROM turn_findings ORDER BY kind, item")).all()
        assert findings == [("hurt", "назвіть номер картки", "назвіть номер картки"), ("hurt", "я не знаю", "я не знаю"),
                            ("missed_fact", "estimated", "за середнім")]
    finally:
        engine.dispose()
