"""Persistence: users and logins, scenario versions (drafts, published, retired), attempts
with their turns and trainers' overrides, assignments, report queries, settings, recorded
replies, and trainees' voice checks. SQLite in ./data by default, PostgreSQL with DATABASE_URL.

    store = Store.open()                 # connects and migrates
    demo.ensure_accounts(store, demo_on=True)    # in demo mode, on an empty database (simulator.store.demo)
    user = demo.authenticate(store, "demo-trainee", "demo-password", demo_on=True)
    token = auth.open_session(store, user)

Each write takes the acting user (``by``) and checks their role itself; whoever holds the
database without logging in (the command line, set-up, tests' fixtures) acts as :data:`SHELL`
(simulator.store.guard), which the app never passes. See docs/architecture.md ("Who may read
and write what") and docs/deployment.md for the settings.
"""
from . import auth, demo
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
from .demo import DEMO_ACCOUNTS, DEMO_PASSWORD
from .errors import AttemptClosed, DatabaseError, DatabaseUnavailable, NotFound, NotPublishable
from .guard import SHELL
from .records import ProgressPoint, ScenarioSummary, TurnOverride, VoiceCheckRecord
from .report_queries import Filters, Table
from .repository import Store

__all__ = [
    "Assignment", "Attempt", "AttemptClosed", "AttemptDetail", "AudioFiles", "AuthError", "DEMO_ACCOUNTS", "DEMO_PASSWORD",
    "DatabaseError", "DatabaseUnavailable", "SHELL",
    "Filters", "ImportResult", "NotFound", "NotPublishable", "Progress", "ProgressPoint", "ScenarioStats",
    "ScenarioSummary", "ScenarioVersion", "Store", "Table", "TurnOverride", "TurnRecord", "User", "VoiceCheckRecord",
    "auth", "demo", "engine_from_env", "housekeeping", "migrate",
]
