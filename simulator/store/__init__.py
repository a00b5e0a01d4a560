"""Persistence: users and logins, scenario versions, attempts with their turns, assignments,
and recorded replies. SQLite in ./data by default, PostgreSQL with DATABASE_URL.

    store = Store.open()                 # connects and migrates
    store.ensure_demo_accounts()         # demo mode (SIMULATOR_DEMO, default on, empty database only)
    user = auth.authenticate(store, "demo-trainee", "demo-password")
    token = auth.open_session(store, user)

See docs/deployment.md for the settings.
"""
from . import auth
from .audio_files import AudioFiles
from .auth import AuthError
from .db import engine_from_env, migrate
from .maintenance import housekeeping
from .records import (
    Assignment,
    Attempt,
    AttemptDetail,
    ImportResult,
    Progress,
    ScenarioStats,
    ScenarioVersion,
    TurnRecord,
    User,
)
from .repository import DEMO_PASSWORD, AttemptClosed, NotFound, Store

__all__ = [
    "Assignment", "Attempt", "AttemptClosed", "AttemptDetail", "AudioFiles", "AuthError", "DEMO_PASSWORD",
    "ImportResult", "NotFound", "Progress", "ScenarioStats", "ScenarioVersion", "Store", "TurnRecord", "User",
    "auth", "engine_from_env", "housekeeping", "migrate",
]
