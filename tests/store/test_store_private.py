"""Private files: the data folder, the SQLite database (with its journal files) and the
recordings are readable by the app's own user only, on the first start and for every new file."""
from __future__ import annotations

import datetime as dt
import os
import stat

import pytest

from simulator.store import AudioFiles, Store
from simulator.store.db import data_dir
from simulator.store.guard import SHELL

T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.timezone.utc)


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def usual_umask():
    """The usual umask (022), which on its own makes files 0644 and folders 0755."""
    before = os.umask(0o022)
    yield
    os.umask(before)


def test_the_first_start_makes_the_data_folder_and_database_private(clean_env, usual_umask, fast_passwords):
    store = Store.open()        # the default SQLite file in SIMULATOR_DATA_DIR, which does not exist yet
    try:
        store.create_user("anna", "trainee", "a long password", by=SHELL)
        database = clean_env / "simulator.db"
        assert mode(clean_env) == 0o700 and mode(database) == 0o600
        wal = [clean_env / "simulator.db-wal", clean_env / "simulator.db-shm"]
        assert all(path.exists() and mode(path) == 0o600 for path in wal)
    finally:
        store.close()


def test_missing_parent_folders_are_private_too_and_the_sites_own_are_left_alone(tmp_path, monkeypatch, usual_umask):
    site = tmp_path / "srv"
    site.mkdir(mode=0o755)
    monkeypatch.setenv("SIMULATOR_DATA_DIR", str(site / "simulator" / "data"))
    folder = data_dir()
    assert mode(folder) == 0o700 and mode(site / "simulator") == 0o700
    assert mode(site) == 0o755


def test_a_database_made_before_is_narrowed_when_opened(tmp_path, usual_umask):
    database = tmp_path / "old.db"
    Store.open(f"sqlite:///{database}").close()
    os.chmod(database, 0o644)
    Store.open(f"sqlite:///{database}").close()
    assert mode(database) == 0o600


def test_recordings_and_their_folders_are_private(tmp_path, usual_umask):
    audio = AudioFiles(tmp_path / "data" / "audio")
    key = audio.save(b"RIFF....WAVE", now=T0, by=SHELL)
    day = tmp_path / "data" / "audio" / "2026-03-02"
    assert mode(tmp_path / "data") == 0o700 and mode(tmp_path / "data" / "audio") == 0o700 and mode(day) == 0o700
    assert mode(tmp_path / "data" / "audio" / key) == 0o600
