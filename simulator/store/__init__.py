"""Persistence: users and logins, scenario versions (drafts, published, retired), attempts
with their turns and trainers' overrides, assignments, report queries, settings, and
recorded replies. SQLite in ./data by default, PostgreSQL with DATABASE_URL.

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
from .errors import AttemptClosed, NotFound, NotPublishable
from .records import ProgressPoint, ScenarioSummary, TurnOverride
from .report_queries import Filters, Table
from .repository import DEMO_ACCOUNTS, DEMO_PASSWORD, Store

__all__ = [
    "Assignment", "Attempt", "AttemptClosed", "AttemptDetail", "AudioFiles", "AuthError", "DEMO_ACCOUNTS", "DEMO_PASSWORD",
    "Filters", "ImportResult", "NotFound", "NotPublishable", "Progress", "ProgressPoint", "ScenarioStats",
    "ScenarioSummary", "ScenarioVersion", "Store", "Table", "TurnOverride", "TurnRecord", "User",
    "auth", "engine_from_env", "housekeeping", "migrate",
]
