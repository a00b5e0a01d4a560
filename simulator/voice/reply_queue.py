"""The line of spoken replies waiting to be heard: first come, first served, with each
waiting reply's place and an estimate of when its feedback will be ready.

`ReplyQueue(slots)` lets `slots` replies be heard at once (one per recognition worker) and
keeps the rest in order. `with queue.turn(on_queue=...)` waits for the caller's turn; while
it waits, `on_queue(place, seconds)` is called whenever the place changes (and every
REPORT_EVERY seconds, so a page can show a live estimate): `place` 1 means next, `seconds`
the estimate of the time until the reply's feedback is ready. A reply that has waited
`wait` seconds gives up with `AsrBusy` (the page's usual "busy, try again"), so nobody
waits forever behind a stuck worker.

The estimate: the moving average of how long a reply took to be heard (FIRST_GUESS until
one has been), times the rounds of work before this reply's (the replies ahead of it over
the number of slots, rounded up) plus its own. No threads of its own: the caller's thread
waits. No Streamlit, no model.
"""
from __future__ import annotations

import itertools
import math
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from .asr import AsrBusy

FIRST_GUESS = 3.0       # seconds to hear a reply, until one has been heard (base, 10 s reply, 2 cores)
REPORT_EVERY = 1.0      # seconds between calls of on_queue while the place stays the same
SMOOTHING = 0.3         # weight of the latest reply in the moving average

OnQueue = Callable[[int, float], None]


class ReplyQueue:
    def __init__(self, slots: int, first_guess: float = FIRST_GUESS, clock: Callable[[], float] = time.monotonic):
        if slots < 1:
            raise ValueError("a queue needs at least one slot")
        self.slots = slots
        self.average = first_guess
        self._clock = clock
        self._lock = threading.Condition()
        self._line: deque[int] = deque()
        self._tickets = itertools.count()
        self.busy = 0           # replies being heard now
        self.heard = 0          # replies heard since the start

    # ------------------------------------------------------------------ reading
    @property
    def waiting(self) -> int:
        with self._lock:
            return len(self._line)

    def estimate(self, place: int) -> float:
        """Seconds until the feedback of the reply at `place` (1: next; 0: being heard now)."""
        rounds = math.ceil(place / self.slots) if place > 0 else 0
        return round(self.average * (rounds + 1), 1)

    # ------------------------------------------------------------------ waiting
    @contextmanager
    def turn(self, on_queue: OnQueue | None = None, wait: float = 30.0) -> Iterator[float]:
        """Hold one slot for the body; yields the seconds spent waiting for it. AsrBusy after
        `wait` seconds in line (the reply leaves the line; nothing else changes)."""
        started = self._clock()
        with self._lock:
            ticket = next(self._tickets)
            self._line.append(ticket)
            told, told_at = None, started
            try:
                while self._line[0] != ticket or self.busy >= self.slots:
                    place = self._line.index(ticket) + 1
                    now = self._clock()
                    if now - started >= wait:
                        raise AsrBusy()
                    if on_queue is not None and (place != told or now - told_at >= REPORT_EVERY):
                        told, told_at = place, now
                        self._lock.release()        # the callback may draw on a page: not under the lock
                        try:
                            on_queue(place, self.estimate(place))
                        finally:
                            self._lock.acquire()
                        continue
                    self._lock.wait(min(REPORT_EVERY, max(0.01, wait - (now - started))))
            except BaseException:
                self._line.remove(ticket)
                self._lock.notify_all()
                raise
            self._line.popleft()
            self.busy += 1
            self._lock.notify_all()
        waited = self._clock() - started
        began = self._clock()
        heard = False
        try:
            yield waited
            heard = True
        finally:
            took = self._clock() - began
            with self._lock:
                self.busy -= 1
                if heard:       # a refusal (bad audio, an error) says nothing about how long hearing takes
                    self.heard += 1
                    self.average = (1 - SMOOTHING) * self.average + SMOOTHING * took
                self._lock.notify_all()
