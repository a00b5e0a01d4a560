"""Fixtures for the report tests that read a real store: each runs once on SQLite and once on
a real PostgreSQL server (see tests/store/store_db.py)."""
from tests.store.store_db import clean_env, database_url, fast_passwords, postgres_server, store  # noqa: F401
