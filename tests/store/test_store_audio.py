"""Recorded replies on disk: round trip, retention, and keys that cannot escape the folder."""
from __future__ import annotations

import datetime as dt

import pytest

from simulator.store.audio_files import AudioFiles
from simulator.store.guard import SHELL

T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.timezone.utc)
WAV = b"RIFF\x24\x00\x00\x00WAVEfmt " + bytes(range(256)) * 4


def test_saved_audio_loads_back_under_a_random_key_in_a_folder_per_day(tmp_path):
    audio = AudioFiles(tmp_path / "audio")
    key = audio.save(WAV, now=T0, by=SHELL)
    other = audio.save(b"OggS...", "ogg", now=T0 + dt.timedelta(days=1), by=SHELL)
    assert key.startswith("2026-03-02/") and key.endswith(".wav") and other.startswith("2026-03-03/")
    assert audio.save(WAV, now=T0, by=SHELL) != key
    assert audio.load(key) == WAV and audio.load(other) == b"OggS..."
    assert not [p for p in (tmp_path / "audio").rglob(".part-*")]       # no half-written files left
    audio.delete(key, by=SHELL)
    with pytest.raises(FileNotFoundError):
        audio.load(key)
    with pytest.raises(ValueError, match="extension"):
        audio.save(WAV, "exe", by=SHELL)


@pytest.mark.parametrize("key", [
    "../secrets.wav",
    "2026-03-02/../../etc/passwd",
    "/etc/passwd",
    "2026-03-02/" + "a" * 32 + ".wav/../x",
    "2026-03-02\\" + "a" * 32 + ".wav",
    "2026-13-45/" + "a" * 32 + ".wav",
    "2026-03-02/" + "A" * 32 + ".wav",
    "",
])
def test_keys_that_could_leave_the_audio_folder_are_refused(tmp_path, key):
    audio = AudioFiles(tmp_path / "audio")
    with pytest.raises(ValueError):
        audio.load(key)
    with pytest.raises(ValueError):
        audio.delete(key, by=SHELL)


def test_purge_deletes_recordings_past_the_retention(tmp_path, clean_env, monkeypatch):
    audio = AudioFiles(tmp_path / "audio")
    old = [audio.save(WAV, now=T0 - dt.timedelta(days=100), by=SHELL) for _ in range(3)]
    edge = audio.save(WAV, now=T0 - dt.timedelta(days=90), by=SHELL)
    recent = audio.save(WAV, now=T0 - dt.timedelta(days=2), by=SHELL)
    (tmp_path / "audio" / "notes.txt").write_text("not ours")
    assert audio.purge(now=T0, by=SHELL) == 3                     # default: SIMULATOR_AUDIO_RETENTION_DAYS, 90
    for key in old:
        with pytest.raises(FileNotFoundError):
            audio.load(key)
    assert audio.load(edge) == WAV and audio.load(recent) == WAV
    assert (tmp_path / "audio" / "notes.txt").exists()
    assert audio.purge(retention_days=0, now=T0, by=SHELL) == 0   # 0 keeps everything
    monkeypatch.setenv("SIMULATOR_AUDIO_RETENTION_DAYS", "1")
    assert audio.purge(now=T0, by=SHELL) == 2
    monkeypatch.setenv("SIMULATOR_AUDIO_RETENTION_DAYS", "a week")
    with pytest.raises(ValueError, match="SIMULATOR_AUDIO_RETENTION_DAYS"):
        audio.purge(now=T0, by=SHELL)


def test_the_audio_folder_comes_from_the_environment(clean_env, monkeypatch, tmp_path):
    assert AudioFiles.from_env().root == clean_env / "audio"
    monkeypatch.setenv("SIMULATOR_AUDIO_DIR", str(tmp_path / "elsewhere"))
    audio = AudioFiles.from_env()
    key = audio.save(WAV, by=SHELL)
    assert (tmp_path / "elsewhere" / key).read_bytes() == WAV
