"""Spoken replies heard by a pool of recognition workers, each waiting reply shown its place.

`hear(scenario, node_id, samples, on_queue=...)` is what the call page calls: the same
`speech.hear` (transcript, then the key facts it misses checked against the recording), run
when the reply's turn comes in one line for the whole app process (reply_queue.py), by one
of these workers:

- `SIMULATOR_ASR_WORKERS=N` (or `auto`: one per CPU core) with the in-process backend: N
  worker processes, each with its own model and `cores / N` CPU threads (at least 1), so
  replies are heard side by side instead of one at a time behind one model. Each worker
  holds a model in memory (base: about 300-370 MB). A worker that dies (killed, out of
  memory) is replaced and the reply tried once more.
- `0` (the default): in the app's own process, as before (`SIMULATOR_ASR_PARALLEL` at once).
- with `SIMULATOR_ASR_BACKEND=http` the transcription servers are the workers: one slot per
  server URL (http_backend.py spreads the replies and skips a server that is down). This is
  how a site adds machines.

The queue's estimate learns how long a reply takes here. No Streamlit.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

import numpy as np

from ..scenario.model import Scenario
from . import asr, speech
from .reply_queue import OnQueue, ReplyQueue
from .. import settings

log = logging.getLogger(__name__)

_WORKER: asr.Transcriber | None = None  # in a worker process: its transcriber


def configured_workers(value: str | None = None, cores: int | None = None) -> int:
    """Worker processes asked for by `value` (default SIMULATOR_ASR_WORKERS): a number, or
    'auto' for one per core. 0: none (the app's own process hears)."""
    value = (settings.current().asr_workers if value is None else value).strip().lower()
    cores = cores or os.cpu_count() or 1
    if value == "auto":
        return cores
    try:
        workers = int(value or "0")
    except ValueError:
        raise asr.AsrError(f"SIMULATOR_ASR_WORKERS must be a number or 'auto', not {value!r}") from None
    if workers < 0:
        raise asr.AsrError(f"SIMULATOR_ASR_WORKERS must be 0 or more, not {workers}")
    return workers


def _start_worker(model: str, threads: int) -> None:
    """In a new worker process: its own transcriber, loaded before the first reply."""
    global _WORKER
    os.environ["SIMULATOR_ASR_WORKERS"] = "0"
    # the in-process transcriber, with a chosen number of threads
    from .asr_server import ServerTranscriber

    _WORKER = ServerTranscriber(model, asr.Gate(1, 0), threads)
    _WORKER.load()


def _hear_in_worker(scenario: Scenario, node_id: str, samples: np.ndarray) -> speech.Heard:
    return speech.hear(scenario, node_id, samples, _WORKER)


def _ready() -> int:
    time.sleep(0.2)     # long enough that one worker cannot take every job of a round
    return os.getpid()


class WorkerPool:
    """`workers` processes, each hearing one reply at a time with its own model."""

    def __init__(self, workers: int, model: str | None = None, threads: int | None = None):
        if workers < 1:
            raise ValueError("a pool needs at least one worker")
        self.workers = workers
        self.model = model or settings.current().asr_model or "base"
        self.threads = threads or max(1, (os.cpu_count() or 1) // workers)
        self._lock = threading.Lock()
        self._executor: ProcessPoolExecutor | None = None
        self.restarts = 0

    def start(self, timeout: float = 300.0) -> list[int]:
        """Start every worker and load its model now (else the first replies wait for it);
        returns their process ids. A loading worker takes no job, so rounds of short jobs go
        out until every worker has answered one."""
        executor, seen = self._pool(), set()
        deadline = time.monotonic() + timeout
        while len(seen) < self.workers and time.monotonic() < deadline:
            seen |= {f.result() for f in [executor.submit(_ready) for _ in range(self.workers)]}
        return sorted(seen)

    def hear(self, scenario: Scenario, node_id: str, samples: np.ndarray) -> speech.Heard:
        for attempt in (1, 2):
            executor = self._pool()
            try:
                return executor.submit(_hear_in_worker, scenario, node_id, samples).result()
            except BrokenProcessPool:
                self._replace(executor)
                if attempt == 2:
                    raise asr.AsrError("a speech recognition worker stopped twice while hearing this reply") from None
                log.warning("a speech recognition worker stopped; the workers are restarted and the reply heard again")
        raise AssertionError("unreachable")

    def close(self) -> None:
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)

    def _pool(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._executor is None:
                self._executor = ProcessPoolExecutor(
                    max_workers=self.workers, mp_context=multiprocessing.get_context("spawn"),
                    initializer=_start_worker, initargs=(self.model, self.threads))
            return self._executor

    def _replace(self, broken: ProcessPoolExecutor) -> None:
        with self._lock:
            if self._executor is broken:
                self._executor = None
                self.restarts += 1
        broken.shutdown(wait=False, cancel_futures=True)


class Recognition:
    """The app process's one line of replies in front of its workers."""

    def __init__(self, pool: WorkerPool | None = None, slots: int | None = None, workers: str = ""):
        self.pool = pool
        self.slots = slots or (pool.workers if pool is not None else 1)
        self.queue = ReplyQueue(self.slots)
        self.workers = workers or (f"{pool.workers} worker process(es) x {pool.threads} CPU thread(s)" if pool is not None
                                   else f"{self.slots} at a time")

    @classmethod
    def from_env(cls) -> Recognition:
        """Workers as the environment says (see the module docstring)."""
        workers = configured_workers()
        backend = settings.current().asr_backend or asr.BACKENDS[0]
        if backend == "http":
            servers = len(asr.get_transcriber().pool.servers)
            return cls(slots=servers, workers=f"{servers} transcription server(s)")
        if workers and backend == "faster-whisper":
            return cls(WorkerPool(workers))
        parallel = settings.current().asr_parallel
        return cls(slots=parallel, workers=f"the app's process, {parallel} at a time")

    def hear(self, scenario: Scenario, node_id: str, samples: np.ndarray, on_queue: OnQueue | None = None,
             wait: float = speech.BUSY_WAIT_SECONDS, on_wait: Callable[[], None] | None = None) -> speech.Heard:
        """`speech.hear` when this reply's turn comes (AsrBusy after `wait` seconds in line).
        `on_wait`: as speech.hear's, when the app's own recogniser is still busy at that turn
        (a hands-free call hears through it too)."""
        deadline = time.monotonic() + wait
        with self.queue.turn(on_queue, wait):
            if self.pool is not None:
                return self.pool.hear(scenario, node_id, samples)
            return speech.hear(scenario, node_id, samples, wait=max(1.0, deadline - time.monotonic()), on_wait=on_wait)


_RECOGNITION: Recognition | None = None
_LOCK = threading.Lock()


def recognition() -> Recognition:
    """The process's shared line and workers, made from the environment on first use."""
    global _RECOGNITION
    with _LOCK:
        if _RECOGNITION is None:
            _RECOGNITION = Recognition.from_env()
        return _RECOGNITION


def hear(scenario: Scenario, node_id: str, samples: np.ndarray, on_queue: OnQueue | None = None,
         wait: float = speech.BUSY_WAIT_SECONDS, on_wait: Callable[[], None] | None = None) -> speech.Heard:
    """A checked recording heard as `speech.hear` hears it, in turn (see the module docstring)."""
    return recognition().hear(scenario, node_id, samples, on_queue, wait, on_wait)
