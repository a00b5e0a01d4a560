"""Backing up and restoring everything the simulator keeps: the database and the recordings.

A backup is one tar file (gzip-compressed) holding

    manifest.json                    what is inside: rows per table, SHA-256 and size of every file
    database/simulator.sqlite        a SQLite database, copied with SQLite's online backup API
    database/postgresql.dump         or a PostgreSQL database, as pg_dump's custom format
    audio/YYYY-MM-DD/<key>.<ext>     every recording in the audio folder

Both are safe while the app runs: SQLite's backup API copies a consistent snapshot, and
pg_dump runs in the snapshot in which the rows were counted (``--snapshot``), so the counts in
the manifest are the counts of the dump. A recording saved during the backup may be missing or
present; a turn's recording is optional anyway.

:func:`restore` first checks every file of the archive against the manifest, refuses a database
(or audio folder) that already holds something unless ``force``, loads the database, brings its
schema up to date, writes the recordings, and then counts the rows and checksums the files again
and compares them with the manifest. A backup restores into the same kind of database it was
made from (SQLite into SQLite, PostgreSQL into PostgreSQL).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import inspect, select, func, table
from sqlalchemy.engine import make_url

from .. import __version__
from . import private
from .audio_files import KEY, AudioFiles
from .backup_messages import Message, message
from .db import alembic_config, current_revision, database_url, engine_from_env, migrate
from .errors import wraps_database_errors

FORMAT = 1
MANIFEST = "manifest.json"
SQLITE_MEMBER = "database/simulator.sqlite"
POSTGRES_MEMBER = "database/postgresql.dump"
AUDIO_PREFIX = "audio/"
CHUNK = 1 << 20


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why and what to do
    (``str()`` in English, ``text(language)`` in the user's)."""

    def __init__(self, code: str, **values):
        self.message = message(code, **values)
        super().__init__(str(self.message))

    def text(self, language: str) -> str:
        return self.message.text(language)


@dataclass
class Summary:
    """What a backup wrote or a restore put back: rows per table and the files."""

    backend: str
    tables: dict[str, int]
    recordings: int
    bytes: int
    path: Path | None = None
    revision: str | None = None
    notes: list[Message] = field(default_factory=list)

    def lines(self, language: str = "en") -> list[str]:
        rows = ", ".join(f"{name} {count}" for name, count in sorted(self.tables.items()) if name != "alembic_version")
        out = [message("summary_database", backend=self.backend, revision=self.revision or "?"),
               message("summary_rows", rows=rows), message("summary_recordings", count=self.recordings),
               message("summary_size", size=f"{self.bytes / 1e6:.1f}"), *self.notes]
        return [line.text(language) for line in out]


# --- backup -------------------------------------------------------------------------------

@wraps_database_errors
def backup(output: Path | str, url: str | None = None, audio: AudioFiles | None = None) -> Summary:
    """Write a backup of the database at ``url`` (default: DATABASE_URL / the SQLite file) and
    of the recordings in ``audio`` (default: the configured folder) to ``output``. The file is
    written under a temporary name and renamed, 0600, so a failed backup leaves no half file."""
    output = Path(output)
    url = database_url(url)
    audio = audio or AudioFiles.from_env()
    backend = make_url(url).get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise BackupError("no_kind", backend=backend)
    private.folder(output.parent)
    with tempfile.TemporaryDirectory(prefix="simulator-backup-") as work:
        work = Path(work)
        if backend == "sqlite":
            member, dump = SQLITE_MEMBER, work / "simulator.sqlite"
            tables, revision = _sqlite_snapshot(url, dump)
        else:
            member, dump = POSTGRES_MEMBER, work / "postgresql.dump"
            tables, revision = _postgres_dump(url, dump)
        files = {member: _describe(dump)}
        recordings = _recordings(audio.root)
        partial = output.with_name(f".{output.name}.part-{os.getpid()}")
        try:
            fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, private.FILE_MODE)
            with os.fdopen(fd, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz", compresslevel=6) as archive:
                archive.add(dump, member, recursive=False)
                for key, path in recordings:
                    try:
                        files[AUDIO_PREFIX + key] = _describe(path)
                        archive.add(path, AUDIO_PREFIX + key, recursive=False)
                    except FileNotFoundError:       # purged while we were at it
                        files.pop(AUDIO_PREFIX + key, None)
                manifest = {
                    "format": FORMAT, "simulator": __version__, "backend": backend, "revision": revision,
                    "created_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                    "tables": tables, "files": files,
                }
                _add_bytes(archive, MANIFEST, json.dumps(manifest, indent=1, sort_keys=True).encode())
                raw.flush()
                os.fsync(raw.fileno())
            os.replace(partial, output)
        except OSError as exc:
            partial.unlink(missing_ok=True)
            raise BackupError("cannot_write", path=output, reason=exc.strerror or exc) from exc
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    return Summary(backend, tables, sum(1 for name in files if name.startswith(AUDIO_PREFIX)), output.stat().st_size,
                   output, revision)


def _sqlite_snapshot(url: str, target: Path) -> tuple[dict[str, int], str | None]:
    path = make_url(url).database
    if not path or path == ":memory:" or not Path(path).is_file():
        raise BackupError("no_sqlite", path=path)
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)         # the online backup API: a consistent copy while the app writes
        copy.execute("PRAGMA journal_mode=DELETE")      # one self-contained file, no -wal beside it
    finally:
        source.close()
        copy.close()
    return _sqlite_counts(target)


def _sqlite_counts(path: Path) -> tuple[dict[str, int], str | None]:
    connection = sqlite3.connect(path)
    try:
        names = [row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        counts = {name: connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone() if "alembic_version" in names else None
    finally:
        connection.close()
    return counts, revision[0] if revision else None


def _libpq(url: str) -> tuple[str, dict[str, str]]:
    """A URL that pg_dump and pg_restore take (no driver name), with the password moved to
    PGPASSWORD so that it does not show in the process list."""
    parsed = make_url(url)
    env = dict(os.environ)
    if parsed.password:
        env["PGPASSWORD"] = str(parsed.password)
    plain = parsed.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), env


def _pg_tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise BackupError("no_tool", name=name)
    return found


def _postgres_dump(url: str, target: Path) -> tuple[dict[str, int], str | None]:
    import psycopg

    libpq_url, env = _libpq(url)
    pg_dump = _pg_tool("pg_dump")
    try:
        connection = psycopg.connect(libpq_url, password=env.get("PGPASSWORD"))
    except psycopg.Error as exc:
        raise BackupError("unreachable", reason=str(exc).splitlines()[0]) from exc
    try:
        with connection.transaction():
            connection.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            snapshot = connection.execute("SELECT pg_export_snapshot()").fetchone()[0]
            names = [row[0] for row in connection.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename")]
            counts = {name: connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}
            revision = (connection.execute("SELECT version_num FROM alembic_version").fetchone()
                        if "alembic_version" in names else None)
            done = subprocess.run([pg_dump, "--format=custom", "--no-owner", "--no-privileges", f"--snapshot={snapshot}",
                                   f"--file={target}", f"--dbname={libpq_url}"], env=env, capture_output=True, text=True)
            if done.returncode != 0:
                raise BackupError("tool_failed", name="pg_dump", reason=_last_line(done))
    finally:
        connection.close()
    return counts, revision[0] if revision else None


def _last_line(done: subprocess.CompletedProcess) -> str:
    """A failed tool's last line of errors (or its exit code)."""
    return done.stderr.strip().splitlines()[-1] if done.stderr.strip() else str(done.returncode)


def _recordings(root: Path) -> list[tuple[str, Path]]:
    if not root.is_dir():
        return []
    found = []
    for path in sorted(root.glob("*/*")):
        key = f"{path.parent.name}/{path.name}"
        if path.is_file() and KEY.match(key):      # not the .part- files of a recording being written
            found.append((key, path))
    return found


def _describe(path: Path) -> dict[str, object]:
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as source:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return {"sha256": digest.hexdigest(), "size": size}


def _add_bytes(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mode, info.mtime = len(data), 0o600, int(dt.datetime.now().timestamp())
    archive.addfile(info, io.BytesIO(data))


# --- restore ------------------------------------------------------------------------------

def read_manifest(path: Path | str) -> dict:
    """The manifest of the backup at ``path``, after checking every file in it against the
    manifest (BackupError naming the first that does not match)."""
    path = Path(path)
    if not path.is_file():
        raise BackupError("no_file", path=path)
    try:
        with tarfile.open(path, mode="r:gz") as archive:
            manifest = _manifest(archive)
            seen = set()
            for member in archive:
                if member.name == MANIFEST:
                    continue
                expected = manifest["files"].get(member.name)
                if expected is None or not member.isfile():
                    raise BackupError("not_in_manifest", path=path, member=member.name)
                if _digest(archive.extractfile(member)) != expected["sha256"]:
                    raise BackupError("damaged", path=path, member=member.name)
                seen.add(member.name)
    except (tarfile.TarError, EOFError, OSError, json.JSONDecodeError, KeyError, TypeError) as exc:
        raise BackupError("unreadable", path=path, reason=f"{exc.__class__.__name__}: {exc}") from exc
    missing = sorted(set(manifest["files"]) - seen)
    if missing:
        raise BackupError("missing", path=path, count=len(missing), first=missing[0])
    return manifest


@wraps_database_errors
def restore(path: Path | str, url: str | None = None, audio: AudioFiles | None = None, *, force: bool = False,
            say: Callable[[str], None] = lambda _line: None, language: str = "en") -> Summary:
    """Restore the backup at ``path`` into the database at ``url`` and the audio folder, then
    check that the rows and files match the manifest. BackupError when the archive is damaged,
    when it is of the other kind of database, or when the target already holds data and
    ``force`` is not given. ``say`` is told the progress, in ``language``."""
    manifest = read_manifest(path)
    say(message("checked", count=len(manifest["files"]), created=manifest["created_at"]).text(language))
    url = database_url(url)
    audio = audio or AudioFiles.from_env()
    backend = make_url(url).get_backend_name()
    _known_revision(manifest.get("revision"))
    if backend != manifest["backend"]:
        raise BackupError("other_kind", made=manifest["backend"], backend=backend)
    existing = _rows_present(url)
    present = sum(1 for _ in _recordings(audio.root))
    if (existing or present) and not force:
        what = [message("rows_present", count=existing)] if existing else []
        what += [message("recordings_present", count=present, folder=audio.root)] if present else []
        raise BackupError("not_empty", what=what)
    with tempfile.TemporaryDirectory(prefix="simulator-restore-") as work, tarfile.open(path, mode="r:gz") as archive:
        work = Path(work)
        if backend == "sqlite":
            _restore_sqlite(archive, url, work)
        else:
            _restore_postgres(archive, url, work, list(manifest["tables"]))
        say(message("loaded").text(language))
        written = _restore_audio(archive, manifest, audio.root)
        say(message("written", count=written, folder=audio.root).text(language))
    tables = _table_counts(url)
    _compare(manifest, tables, audio.root)      # before migrating, which may add rows
    engine = engine_from_env(url)
    try:
        migrate(engine)     # a backup made by an older version: bring its schema up to date
        revision = current_revision(engine)
    finally:
        engine.dispose()
    size = sum(int(f["size"]) for name, f in manifest["files"].items() if name.startswith(AUDIO_PREFIX))
    notes = [] if revision == manifest["revision"] else [message("schema_brought", old=manifest["revision"], new=revision)]
    return Summary(backend, tables, sum(1 for n in manifest["files"] if n.startswith(AUDIO_PREFIX)), size, None, revision,
                   notes)


def _known_revision(revision: str | None) -> None:
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    if revision is None:
        return
    try:
        ScriptDirectory.from_config(alembic_config()).get_revision(revision)
    except CommandError:
        raise BackupError("newer_schema", revision=revision) from None


def _manifest(archive: tarfile.TarFile) -> dict:
    try:
        member = archive.getmember(MANIFEST)
    except KeyError:
        raise BackupError("no_manifest") from None
    manifest = json.loads(archive.extractfile(member).read())
    if manifest.get("format") != FORMAT:
        raise BackupError("format", given=repr(manifest.get("format")), known=FORMAT)
    if not isinstance(manifest.get("files"), dict) or not isinstance(manifest.get("tables"), dict):
        raise BackupError("empty_manifest")
    return manifest


def _digest(source) -> str:
    digest = hashlib.sha256()
    while chunk := source.read(CHUNK):
        digest.update(chunk)
    return digest.hexdigest()


def _table_counts(url: str) -> dict[str, int]:
    engine = engine_from_env(url)
    try:
        with engine.connect() as connection:
            names = inspect(connection).get_table_names()
            return {name: connection.execute(select(func.count()).select_from(table(name))).scalar_one() for name in names}
    finally:
        engine.dispose()


def _rows_present(url: str) -> int:
    """Rows in the target's tables, the schema's version row aside (0: empty or no tables)."""
    if make_url(url).get_backend_name() == "sqlite":
        path = make_url(url).database
        if not path or not Path(path).is_file() or Path(path).stat().st_size == 0:
            return 0
    return sum(count for name, count in _table_counts(url).items() if name != "alembic_version")


def _restore_sqlite(archive: tarfile.TarFile, url: str, work: Path) -> None:
    copy = work / "simulator.sqlite"
    with archive.extractfile(archive.getmember(SQLITE_MEMBER)) as source, open(copy, "wb") as out:
        shutil.copyfileobj(source, out, CHUNK)
    target = Path(make_url(url).database)
    private.database_file(target)
    source = sqlite3.connect(copy)
    destination = sqlite3.connect(target, timeout=30)
    try:
        destination.execute("PRAGMA journal_mode=WAL")
        source.backup(destination)      # replaces every page of the target, under its lock
    finally:
        source.close()
        destination.close()


def _restore_postgres(archive: tarfile.TarFile, url: str, work: Path, tables: list[str]) -> None:
    dump = work / "postgresql.dump"
    with archive.extractfile(archive.getmember(POSTGRES_MEMBER)) as source, open(dump, "wb") as out:
        shutil.copyfileobj(source, out, CHUNK)
    libpq_url, env = _libpq(url)
    _drop_tables(url, tables)
    done = subprocess.run([_pg_tool("pg_restore"), "--no-owner", "--no-privileges", "--exit-on-error",
                           "--single-transaction", f"--dbname={libpq_url}", str(dump)], env=env, capture_output=True,
                          text=True)
    if done.returncode != 0:
        raise BackupError("tool_failed", name="pg_restore", reason=_last_line(done))


def _drop_tables(url: str, tables: list[str]) -> None:
    """Drop the backup's tables where the target has them (only reached when the target is
    empty or with force); tables of anything else sharing the database are left alone."""
    engine = engine_from_env(url)
    try:
        with engine.begin() as connection:
            present = set(inspect(connection).get_table_names())
            for name in tables:
                if name in present:
                    connection.exec_driver_sql(f'DROP TABLE IF EXISTS "{name}" CASCADE')
    finally:
        engine.dispose()


def _restore_audio(archive: tarfile.TarFile, manifest: dict, root: Path) -> int:
    written = 0
    for name in sorted(manifest["files"]):
        if not name.startswith(AUDIO_PREFIX):
            continue
        key = name[len(AUDIO_PREFIX):]
        if not KEY.match(key):
            raise BackupError("altered_name", name=name)
        target = root / key
        private.folder(target.parent)
        handle, partial = tempfile.mkstemp(dir=target.parent, prefix=".part-")
        try:
            with archive.extractfile(archive.getmember(name)) as source, os.fdopen(handle, "wb") as out:
                shutil.copyfileobj(source, out, CHUNK)
            os.replace(partial, target)
        except BaseException:
            Path(partial).unlink(missing_ok=True)
            raise
        written += 1
    return written


def _compare(manifest: dict, tables: dict[str, int], root: Path) -> None:
    """BackupError when the restored rows or files differ from what the manifest says."""
    for name, count in manifest["tables"].items():
        if name == "alembic_version":
            continue
        if tables.get(name) != count:
            raise BackupError("rows_differ", table=name, found=tables.get(name), count=count)
    for name, expected in manifest["files"].items():
        if name.startswith(AUDIO_PREFIX) and _describe(root / name[len(AUDIO_PREFIX):])["sha256"] != expected["sha256"]:
            raise BackupError("file_differs", name=name)
