"""Sentence vectors kept in a file that several processes share (``SIMULATOR_EMBEDDING_CACHE``,
by default ``cache/embeddings.bin`` in the data folder; ``off`` for none).

Embedding one short text takes about 20 ms of one core, and a step's own texts (its reference
answers clause by clause, its facts, its forbidden phrases) are a few dozen of them: the first
reply at a step after the app starts, a command run from the terminal, or each of several app
processes would embed them again. Kept here, each text is embedded once per machine.

Each record is MAGIC, a 16-byte key (a hash of the model's identity, the role and the text) and
the vector (float32). Records are only appended, each with one write to a file opened for
appending, so processes never overwrite one another; a process reads what others appended when it
misses. Anything wrong with the file (unreadable, a record that does not start with MAGIC, a short
write on a full disk) turns the file off for this process with one warning: the vectors are then
embedded as if there were no file, and no score changes. The file stops growing at MAX_BYTES.
"""
from __future__ import annotations

import hashlib
import logging
import os
import threading
from pathlib import Path

import numpy as np

MAGIC = b"E5v1"
KEY_BYTES = 16
MAX_BYTES = 256 * 1024 * 1024      # about 170,000 vectors of 384 numbers
log = logging.getLogger(__name__)


class EmbeddingFile:
    def __init__(self, path: Path, identity: str, dimensions: int):
        self.path, self.identity, self.dimensions = Path(path), identity.encode(), dimensions
        self.record = len(MAGIC) + KEY_BYTES + 4 * dimensions
        self.vectors: dict[bytes, np.ndarray] = {}
        self.read_to = 0
        self.broken: str | None = None
        self._lock = threading.Lock()

    def key(self, text: str, query: bool) -> bytes:
        return hashlib.blake2b(self.identity + (b"q" if query else b"p") + text.encode("utf-8"),
                               digest_size=KEY_BYTES).digest()

    def get(self, key: bytes) -> np.ndarray | None:
        """The vector kept for ``key``, reading what other processes appended since last time."""
        with self._lock:
            if key not in self.vectors and self.broken is None:
                self._read_new()
            return self.vectors.get(key)

    def put(self, key: bytes, vector: np.ndarray) -> None:
        with self._lock:
            if self.broken is not None or key in self.vectors:
                return
            data = MAGIC + key + np.asarray(vector, dtype="<f4").tobytes()
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
                try:
                    if os.fstat(fd).st_size >= MAX_BYTES:
                        return
                    written = os.write(fd, data)
                finally:
                    os.close(fd)
            except OSError as exc:
                self._off(f"cannot write {self.path}: {exc}")
                return
            if written != len(data):
                self._off(f"a short write to {self.path} (disk full?)")
                return
            self.vectors[key] = vector

    def _read_new(self) -> None:
        try:
            with open(self.path, "rb") as file:
                file.seek(self.read_to)
                data = file.read()
        except FileNotFoundError:
            return
        except OSError as exc:
            self._off(f"cannot read {self.path}: {exc}")
            return
        whole = len(data) - len(data) % self.record      # a record being written is read next time
        for start in range(0, whole, self.record):
            if data[start:start + len(MAGIC)] != MAGIC:
                self._off(f"{self.path} is damaged at byte {self.read_to + start}: delete it, it is only a cache")
                return
            key = data[start + len(MAGIC):start + len(MAGIC) + KEY_BYTES]
            vector = np.frombuffer(data, dtype="<f4", count=self.dimensions, offset=start + len(MAGIC) + KEY_BYTES)
            self.vectors[key] = vector.astype(np.float32)
            self.vectors[key].setflags(write=False)
        self.read_to += whole

    def _off(self, why: str) -> None:
        self.broken = why
        log.warning("embedding file off, texts are embedded again as needed: %s", why)
