"""Whisper weights assembled from the installed packages."""

from __future__ import annotations

import json

import pytest

from simulator.voice import models


def test_base_is_assembled_once_and_verified(tmp_path):
    directory = models.assemble_base(tmp_path)
    assert sorted(p.name for p in directory.iterdir()) == sorted(
        ["model.bin", "config.json", "tokenizer.json", "vocabulary.txt", models.MARKER]
    )
    marker = json.loads((directory / models.MARKER).read_text())
    assert marker["files"]["model.bin"]["size"] == 145_217_532
    assert models.verify(directory, full=True)
    inode = (directory / "model.bin").stat().st_ino
    assert models.assemble_base(tmp_path) == directory
    assert models.ensure_base(tmp_path) == directory
    assert (directory / "model.bin").stat().st_ino == inode  # not rewritten
    assert [p.name for p in tmp_path.iterdir()] == [models.BASE_DIRNAME]  # no staging left


def test_a_truncated_model_is_detected_and_reassembled(tmp_path):
    directory = models.assemble_base(tmp_path)
    good = json.loads((directory / models.MARKER).read_text())["files"]["model.bin"]
    with (directory / "model.bin").open("r+b") as f:
        f.truncate(1000)
    assert not models.verify(directory)
    models.ensure_base(tmp_path)
    assert models.verify(directory, full=True)
    assert (directory / "model.bin").stat().st_size == good["size"]


def test_a_flipped_byte_is_caught_by_the_full_check(tmp_path):
    directory = models.assemble_base(tmp_path)
    with (directory / "model.bin").open("r+b") as f:
        f.seek(50_000_000)
        byte = f.read(1)
        f.seek(50_000_000)
        f.write(bytes([byte[0] ^ 0xFF]))
    assert models.verify(directory)  # sizes still match
    assert not models.verify(directory, full=True)
    models.assemble_base(tmp_path, force=True)
    assert models.verify(directory, full=True)


def test_resolve_names_and_paths(tmp_path, monkeypatch):
    tiny = models.resolve("tiny.en")
    assert (tiny.path / "model.bin").is_file() and tiny.name == "tiny.en"
    monkeypatch.setenv("SIMULATOR_ASR_MODEL", str(tiny.path))
    assert models.resolve().path == tiny.path
    with pytest.raises(models.ModelError, match="unknown model"):
        models.resolve(str(tmp_path / "nowhere"))
    (tmp_path / "model.bin").write_bytes(b"x")
    with pytest.raises(models.ModelError, match="missing config.json, tokenizer.json"):
        models.resolve(str(tmp_path))
