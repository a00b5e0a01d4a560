"""Fixtures for the store tests: every test that takes ``store`` or ``database_url`` runs
once on SQLite and once on a real PostgreSQL server (see store_db.py)."""
from tests.store.store_db import clean_env, database_url, fast_passwords, postgres_server, store  # noqa: F401
