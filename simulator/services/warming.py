"""The current step's texts embedded in the background while the trainee reads and thinks.

A call asks for its step's embeddings (simulator.scoring.warm) when it starts, resumes and
moves on to a new step; one background thread embeds them, one step at a time, in the order
asked. The trainee's reply comes seconds later (reading the line, thinking, typing or
speaking), and its score then embeds only the reply's own texts. A step already embedded costs
next to nothing; no score depends on whether this ran (the caches hold the same vectors).
"""
from __future__ import annotations

import logging
import queue
import threading

from ..scenario.model import Scenario
from ..scoring import warm

log = logging.getLogger(__name__)
_asked: queue.Queue = queue.Queue()
_thread: threading.Thread | None = None
_start = threading.Lock()


def ahead(scenario: Scenario, node_id: str, customer_line: str | None = None) -> None:
    """Embed the texts of step ``node_id`` soon, in the background."""
    _ask((scenario, node_id, customer_line))


def wait(timeout: float | None = None) -> bool:
    """Block until every step asked for so far is embedded; False if ``timeout`` passed first."""
    done = threading.Event()
    _ask(done)
    return done.wait(timeout)


def _ask(item) -> None:
    global _thread
    with _start:
        if _thread is None:
            _thread = threading.Thread(target=_work, name="simulator-step-warming", daemon=True)
            _thread.start()
    _asked.put(item)


def _work() -> None:
    while True:
        item = _asked.get()
        if isinstance(item, threading.Event):
            item.set()
            continue
        try:
            warm.embed_step(*item)
        except Exception:   # noqa: BLE001 -- a step not embedded ahead is embedded at the reply, as before
            log.exception("the texts of step %s of %s were not embedded ahead", item[1], item[0].id)
