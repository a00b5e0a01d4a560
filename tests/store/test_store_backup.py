"""Backup and restore (simulator.store.backup, `python -m simulator backup|restore`): a round
trip into a fresh database and audio folder gives the same rows and files, on SQLite and on
PostgreSQL; a damaged or truncated archive, a target that is not empty and the wrong kind of
database are refused with a message."""
from __future__ import annotations

import gzip
import io
import json
import tarfile

import pytest
from sqlalchemy.engine import make_url

from simulator.call.clock import ManualClock
from simulator.cli import main
from simulator.services.practice import PracticeSession
from simulator.store import AudioFiles, Store
from simulator.store.guard import SHELL
from simulator.store.backup import BackupError, backup, read_manifest, restore
from tests.conftest import MINI
from tests.store.store_db import make_user


def fill(store: Store, mini, audio: AudioFiles) -> dict:
    """A trainee with a finished spoken call and a recording, a trainer, an assignment."""
    anna = make_user(store, "anna", group="kyiv-1")
    trainer = make_user(store, "tom", role="trainer")
    clock = ManualClock()
    call = PracticeSession.start(store, anna, mini, MINI, "practice", 7, clock=clock, audio=audio)
    clock.advance(5)
    call.reply_audio("Розумію. Рахунок виставили за середнім споживанням.", 1.0, b"RIFF" + bytes(range(256)) * 40)
    call.abandon()
    store.assign(trainer, "test-mini", group="kyiv-1")
    return {"attempt": call.attempt_id, "anna": anna}


@pytest.fixture
def other_url(database_url, tmp_path, request):
    """A second, empty database of the same kind as ``database_url``."""
    if make_url(database_url).get_backend_name() == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.db'}"
        return
    server = request.getfixturevalue("postgres_server")
    name = server.create_database()
    yield server.url(name)
    server.drop_database(name)


def test_backup_and_restore_round_trip_gives_the_same_rows_and_recordings(store, database_url, other_url, mini, tmp_path,
                                                                          clean_env):
    audio = AudioFiles(tmp_path / "audio")
    made = fill(store, mini, audio)
    archive = tmp_path / "backups" / "site.tar.gz"
    written = backup(archive, database_url, audio)
    assert archive.stat().st_mode & 0o077 == 0
    assert written.tables["users"] == 2 and written.tables["turns"] == 1 and written.recordings == 1
    manifest = read_manifest(archive)
    assert manifest["tables"] == written.tables and manifest["revision"] == written.revision

    fresh_audio = AudioFiles(tmp_path / "fresh-audio")
    restored = restore(archive, other_url, fresh_audio)
    assert {k: v for k, v in restored.tables.items()} == written.tables
    reopened = Store.open(other_url)
    try:
        detail = reopened.attempt_detail(reopened.user_by_username("anna"), made["attempt"])
        key = detail.turns[0].audio_key
        assert fresh_audio.load(key) == audio.load(key)
        assert reopened.assignments(reopened.user_by_username("tom"))[0].group_name == "kyiv-1"
    finally:
        reopened.close()

    # a second restore onto what is now there is refused, and allowed with force
    with pytest.raises(BackupError, match="not empty.*--force"):
        restore(archive, other_url, fresh_audio)
    assert restore(archive, other_url, fresh_audio, force=True).tables == written.tables


def test_a_damaged_or_truncated_backup_is_refused_before_anything_is_touched(tmp_path, clean_env, fast_passwords):
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    store = Store.open(url)
    make_user(store, "anna")
    store.close()
    audio = AudioFiles(tmp_path / "audio")
    audio.save(b"RIFF-original", by=SHELL)
    archive = tmp_path / "b.tar.gz"
    backup(archive, url, audio)

    # one recording changed inside an otherwise valid archive
    changed = tmp_path / "changed.tar.gz"
    with tarfile.open(archive, "r:gz") as source, tarfile.open(changed, "w:gz") as out:
        for member in source:
            data = source.extractfile(member).read()
            if member.name.startswith("audio/"):
                data = b"RIFF-tampered"
                member.size = len(data)
            out.addfile(member, io.BytesIO(data))
    target = f"sqlite:///{tmp_path / 'target.sqlite'}"
    with pytest.raises(BackupError, match="does not match its checksum"):
        restore(changed, target, AudioFiles(tmp_path / "target-audio"))
    truncated = tmp_path / "truncated.tar.gz"
    truncated.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    with pytest.raises(BackupError, match="truncated"):
        restore(truncated, target, AudioFiles(tmp_path / "target-audio"))
    assert not (tmp_path / "target.sqlite").exists() and not (tmp_path / "target-audio").exists()

    not_ours = tmp_path / "not-ours.tar.gz"
    not_ours.write_bytes(gzip.compress(b"hello"))
    with pytest.raises(BackupError, match="not a readable backup"):
        read_manifest(not_ours)


def test_a_sqlite_backup_does_not_restore_into_postgresql(tmp_path, clean_env):
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    Store.open(url).close()
    archive = tmp_path / "b.tar.gz"
    backup(archive, url, AudioFiles(tmp_path / "audio"))
    with pytest.raises(BackupError, match="restore it into sqlite, not postgresql"):
        restore(archive, "postgresql://nobody@127.0.0.1:1/none", AudioFiles(tmp_path / "audio"))
    manifest = read_manifest(archive)
    assert json.dumps(manifest)     # plain JSON
    assert set(manifest["files"]) == {"database/simulator.sqlite"}


def test_backup_and_restore_commands(tmp_path, clean_env, capsys, fast_passwords):
    url = f"sqlite:///{clean_env / 'simulator.db'}"
    store = Store.open(url)
    make_user(store, "anna")
    store.close()
    AudioFiles.from_env().save(b"RIFF-x", by=SHELL)
    archive = tmp_path / "site.tar.gz"
    assert main(["backup", "-o", str(archive), "--labels", "en"]) == 0
    out = capsys.readouterr().out
    assert f"backup written to {archive}" in out and "users 1" in out and "recordings: 1" in out

    assert main(["restore", str(archive), "--labels", "en"]) == 2
    assert "not empty" in capsys.readouterr().err
    target = tmp_path / "elsewhere.db"
    assert main(["restore", str(archive), "--database", f"sqlite:///{target}"]) == 2     # the audio folder is not empty
    assert capsys.readouterr().err == f"error: місце відновлення не порожнє (записів у {clean_env / 'audio'}: 1); щоб замінити вміст, додайте --force\n"
    assert main(["restore", str(archive), "--database", f"sqlite:///{target}", "--force"]) == 0
    out = capsys.readouterr().out      # Ukrainian by default, as the readiness command
    assert "перевірено за маніфестом від" in out and "базу даних завантажено" in out
    assert f"відновлено з {archive}; рядки й контрольні суми збігаються з маніфестом" in out and "записів: 1" in out
    assert main(["restore", str(tmp_path / "missing.tar.gz"), "--labels", "en"]) == 2
    assert "no backup file" in capsys.readouterr().err
    assert main(["restore", str(tmp_path / "missing.tar.gz")]) == 2
    assert capsys.readouterr().err == f"error: файлу резервної копії {tmp_path / 'missing.tar.gz'} немає\n"
