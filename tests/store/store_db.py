"""Real databases for the store tests: a SQLite file per test, and one throwaway PostgreSQL
cluster per test session (Debian's server binaries, on loopback, as a non-root user) with a
fresh database per test. Imported by tests/store/conftest.py and tests/services/test_practice.py.

No PostgreSQL binaries is a failure, never a skip: ./test.sh installs them.
"""
from __future__ import annotations

import atexit
import glob
import itertools
import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import psycopg
import pytest
from argon2 import PasswordHasher

from simulator.store import Store, auth
from simulator.store.guard import SHELL

MISSING = (
    "PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin/initdb): run ./test.sh, "
    "which installs them (Debian package postgresql)"
)
# Cheap Argon2 parameters for tests that are not about hashing (the default costs ~0.2 s a hash).
FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


def _bin_dir() -> Path:
    def version(path: str) -> tuple[int, ...]:
        return tuple(int(n) for n in re.findall(r"\d+", Path(path).parent.parent.name))

    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=version)
    if not found:
        pytest.fail(MISSING, pytrace=False)
    return Path(found[-1]).parent


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PostgresServer:
    """A private PostgreSQL cluster in a temporary folder, listening on 127.0.0.1 only."""

    def __init__(self):
        self.bin = _bin_dir()
        self.port = _free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="simulator-pg-"))
        self.data = self.folder / "data"
        self.log = self.folder / "server.log"
        self.running = False
        self._names = itertools.count(1)
        # initdb refuses to run as root: run the server as the 'postgres' system user then
        self.as_user: list[str] = []
        if os.geteuid() == 0:
            try:
                account = pwd.getpwnam("postgres")
            except KeyError:
                pytest.fail(f"running as root and there is no 'postgres' user to run the server: {MISSING}", pytrace=False)
            os.chown(self.folder, account.pw_uid, account.pw_gid)
            self.as_user = ["runuser", "-u", "postgres", "--"]

    def _run(self, *command: str) -> None:
        done = subprocess.run([*self.as_user, *command], capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise RuntimeError(f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}\n{log}")

    def start(self) -> None:
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                  "--no-locale", "--no-sync")
        options = (f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.folder} "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off")
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "-t", "60", "start")
        self.running = True
        atexit.register(self.stop)     # also when the session is interrupted

    def stop(self) -> None:
        if self.running:
            self.running = False
            subprocess.run([*self.as_user, str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop"],
                           capture_output=True, timeout=60)
        shutil.rmtree(self.folder, ignore_errors=True)

    def _admin(self):
        return psycopg.connect(host="127.0.0.1", port=self.port, user="postgres", dbname="postgres", autocommit=True)

    def create_database(self) -> str:
        name = f"simulator_test_{next(self._names)}"
        with self._admin() as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        return name

    def drop_database(self, name: str) -> None:
        with self._admin() as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def url(self, name: str) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{name}"


_shared: PostgresServer | None = None


def shared_server() -> PostgresServer:
    """One cluster per process, whichever test module asks first."""
    global _shared
    if _shared is None or not _shared.running:
        server = PostgresServer()
        server.start()
        _shared = server
    return _shared


@pytest.fixture(scope="session")
def postgres_server():
    server = shared_server()
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    """An empty database (nothing migrated yet) on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'simulator.db'}"
        return
    server = request.getfixturevalue("postgres_server")
    name = server.create_database()
    yield server.url(name)
    server.drop_database(name)


@pytest.fixture
def fast_passwords(monkeypatch):
    monkeypatch.setattr(auth, "hasher", FAST_HASHER)


@pytest.fixture
def store(database_url, fast_passwords):
    """A migrated store on each backend."""
    opened = Store.open(database_url)
    yield opened
    opened.close()


@pytest.fixture
def clean_env(monkeypatch, tmp_path):
    """No site settings leaking in: data under tmp_path, defaults for everything else."""
    for name in ("DATABASE_URL", "SIMULATOR_DEMO", "SIMULATOR_AUDIO_DIR", "SIMULATOR_AUDIO_RETENTION_DAYS",
                 "SIMULATOR_SESSION_IDLE_MINUTES", "SIMULATOR_SESSION_MAX_HOURS", "SIMULATOR_STALE_HOURS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SIMULATOR_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


# --- helpers shared by the store and practice tests -------------------------------------------
PASSWORD = "correct-horse-battery"


def make_user(store: Store, username: str, role: str = "trainee", group: str | None = None, **fields):
    return store.create_user(username, role, PASSWORD, group=group, **fields, by=SHELL)
