"""Fixtures for the app tests: a fresh SQLite database and data folder per test (through the
same settings a site uses, SIMULATOR_DATA_DIR with DATABASE_URL unset), real voices and the
real speech model in folders shared by the session, and quick password hashing."""
from __future__ import annotations

import pytest

from simulator.store import auth
from simulator.store import DEMO_PASSWORD
from simulator.ui import services
from tests.store.store_db import FAST_HASHER
from simulator.store.guard import SHELL

SETTINGS = ("DATABASE_URL", "SIMULATOR_DEMO", "SIMULATOR_AUDIO_DIR", "SIMULATOR_AUDIO_RETENTION_DAYS",
            "SIMULATOR_SESSION_IDLE_MINUTES", "SIMULATOR_SESSION_MAX_HOURS", "SIMULATOR_STALE_HOURS",
            "SIMULATOR_SCENARIOS", "SIMULATOR_ASR_MODEL", "SIMULATOR_ASR_BACKEND", "SIMULATOR_AUDIO_MAX_MB",
            "SIMULATOR_AUDIO_MAX_SECONDS")


@pytest.fixture(scope="session")
def voice_folders(tmp_path_factory):
    """The Whisper model and the TTS cache, once per test session, outside the work tree."""
    return tmp_path_factory.mktemp("ui-voice")


@pytest.fixture
def app_env(monkeypatch, tmp_path, voice_folders):
    for name in SETTINGS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SIMULATOR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SIMULATOR_MODEL_DIR", str(voice_folders / "models"))
    monkeypatch.setenv("SIMULATOR_TTS_CACHE", str(voice_folders / "tts-cache"))
    monkeypatch.setattr(auth, "hasher", FAST_HASHER)
    return tmp_path / "data"


@pytest.fixture
def store(app_env):
    """The app's own store for this test's database (with the demo accounts and the library
    recorded, as the first catalogue read in the app does)."""
    services.catalogue()
    return services.store()


@pytest.fixture
def trainee(store):
    return store.user_by_username("demo-trainee")


@pytest.fixture
def other_trainee(store):
    return store.create_user("olha", "trainee", DEMO_PASSWORD, full_name="Olha Test", group="demo", by=SHELL)


@pytest.fixture
def admin(store):
    return store.user_by_username("demo-admin")
