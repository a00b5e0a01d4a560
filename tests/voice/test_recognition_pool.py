"""The line of spoken replies in front of the recognition workers: first come first served,
`slots` at a time, each waiting reply told its place and an estimate, AsrBusy after the wait,
and a worker process that dies replaced (fakes stand in for the model: these test the logic)."""
from __future__ import annotations

import os
import threading
import time

import pytest

from simulator.voice import worker_pool
from simulator.voice.asr import AsrBusy, AsrError
from simulator.voice.reply_queue import ReplyQueue


def _hold(queue: ReplyQueue, release: threading.Event, started: threading.Event | None = None):
    with queue.turn(wait=30):
        if started is not None:
            started.set()
        release.wait(10)


def test_replies_are_heard_in_order_with_their_place_and_an_estimate():
    queue = ReplyQueue(slots=1, first_guess=2.0)
    release, started = threading.Event(), threading.Event()
    holder = threading.Thread(target=_hold, args=(queue, release, started))
    holder.start()
    assert started.wait(5)
    order, places = [], {}

    def reply(name: str):
        seen = places.setdefault(name, [])
        with queue.turn(on_queue=lambda place, seconds: seen.append((place, seconds)), wait=30):
            order.append(name)

    waiting = []
    for name in ("a", "b", "c"):
        waiting.append(threading.Thread(target=reply, args=(name,)))
        waiting[-1].start()
        while queue.waiting < len(waiting):
            time.sleep(0.01)
    assert queue.waiting == 3 and queue.busy == 1
    release.set()
    for thread in [holder, *waiting]:
        thread.join(10)
    assert order == ["a", "b", "c"]
    # first told: a is next (its own round after the one being heard), c third in line
    assert places["a"][0] == (1, 4.0) and places["c"][0] == (3, 8.0)
    assert [place for place, _ in places["c"]] == sorted((place for place, _ in places["c"]), reverse=True)
    assert queue.heard == 4 and queue.waiting == 0 and queue.busy == 0


def test_two_slots_hear_two_at_once_and_the_estimate_counts_rounds():
    queue = ReplyQueue(slots=2, first_guess=3.0)
    assert [queue.estimate(place) for place in (0, 1, 2, 3, 4)] == [3.0, 6.0, 6.0, 9.0, 9.0]
    release = threading.Event()
    started = [threading.Event(), threading.Event()]
    holders = [threading.Thread(target=_hold, args=(queue, release, s)) for s in started]
    for holder in holders:
        holder.start()
    assert all(s.wait(5) for s in started)          # both heard at once, nobody waits
    assert queue.busy == 2 and queue.waiting == 0
    release.set()
    for holder in holders:
        holder.join(5)


def test_the_estimate_learns_how_long_a_reply_takes():
    now = [0.0]
    queue = ReplyQueue(slots=1, first_guess=3.0, clock=lambda: now[0])
    with queue.turn():
        now[0] += 10.0
    assert queue.average == pytest.approx(0.7 * 3.0 + 0.3 * 10.0)
    with pytest.raises(ValueError), queue.turn():     # a failed reply does not teach the estimate
        now[0] += 100.0
        raise ValueError("bad audio")
    assert queue.average == pytest.approx(5.1) and queue.heard == 1 and queue.busy == 0


def test_a_reply_waiting_too_long_gives_up_busy_and_leaves_the_line():
    queue = ReplyQueue(slots=1)
    release = threading.Event()
    holder = threading.Thread(target=_hold, args=(queue, release))
    holder.start()
    while queue.busy < 1:
        time.sleep(0.01)
    with pytest.raises(AsrBusy), queue.turn(wait=0.2):
        pass
    assert queue.waiting == 0       # the line is clear for the next one
    release.set()
    holder.join(5)
    with queue.turn(wait=1) as waited:
        assert waited < 1


def test_workers_are_sized_to_the_machine():
    assert worker_pool.configured_workers("auto", cores=2) == 2
    assert worker_pool.configured_workers("", cores=8) == 0
    assert worker_pool.configured_workers("3", cores=2) == 3
    for wrong in ("many", "-1"):
        with pytest.raises(AsrError, match="SIMULATOR_ASR_WORKERS"):
            worker_pool.configured_workers(wrong)
    assert worker_pool.WorkerPool(2).threads == max(1, (os.cpu_count() or 1) // 2)


class _Broken:
    """An executor whose worker died: every job fails with BrokenProcessPool."""
    shut = 0

    def submit(self, *args):
        from concurrent.futures import Future
        from concurrent.futures.process import BrokenProcessPool
        future = Future()
        future.set_exception(BrokenProcessPool("killed"))
        return future

    def shutdown(self, **kwargs):
        _Broken.shut += 1


class _Working(_Broken):
    def submit(self, fn, *args):
        from concurrent.futures import Future
        future = Future()
        future.set_result(("heard", args[1]))
        return future


def test_a_dead_worker_is_replaced_and_the_reply_heard_again(monkeypatch):
    pool = worker_pool.WorkerPool(2)
    made = iter([_Broken(), _Working()])
    monkeypatch.setattr(worker_pool, "ProcessPoolExecutor", lambda **kwargs: next(made))
    assert pool.hear(None, "opening", None) == ("heard", "opening")
    assert pool.restarts == 1
    pool = worker_pool.WorkerPool(1)
    made = iter([_Broken(), _Broken()])
    monkeypatch.setattr(worker_pool, "ProcessPoolExecutor", lambda **kwargs: next(made))
    with pytest.raises(AsrError, match="stopped twice"):
        pool.hear(None, "opening", None)


def test_a_transcription_server_that_does_not_answer_is_skipped_with_a_log_line(caplog):
    import logging
    import socket

    import numpy as np

    from simulator.voice.audio import wav_bytes
    from simulator.voice.http_backend import HttpTranscriber

    ports = []
    for _ in range(2):
        with socket.socket() as sock:       # loopback addresses nothing listens on
            sock.bind(("127.0.0.1", 0))
            ports.append(sock.getsockname()[1])
    urls = [f"http://127.0.0.1:{port}" for port in ports]
    speech_like = wav_bytes(0.3 * np.sin(np.linspace(0, 2000, 32000)).astype(np.float32), 16000)
    with caplog.at_level(logging.WARNING, logger="simulator.voice.http_backend"), \
            pytest.raises(AsrError, match="no transcription server answered"):
        HttpTranscriber("base", urls=urls).transcribe(speech_like, "en")
    skipped = [r.getMessage() for r in caplog.records if "did not answer" in r.getMessage()]
    assert [url for url in urls if any(url in line for line in skipped)] == urls
