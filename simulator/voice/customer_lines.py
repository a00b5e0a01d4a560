"""The customer's lines rendered when a call starts, so each answer plays at once.

Every line the customer may say in the scenario (each node's variants and memories, the
silence prompts, what they say when a reply runs too long or is rude) is rendered in the
background through the same function the call page plays lines with (``speech.customer_audio``,
cached by tts), in the mood the node gives it. Rendering a line takes 10-20 ms; a cached one
comes back in well under a millisecond.
"""
from __future__ import annotations

import inspect
import logging
import threading

from ..call import customer_behaviour
from ..scenario.model import Scenario
from . import audio, speech, tts
from .tts import TTSError

log = logging.getLogger(__name__)
_STARTED: dict[str, threading.Thread] = {}
_LOCK = threading.Lock()
_TAKES_MOOD = "mood" in inspect.signature(speech.customer_audio).parameters


def lines(scenario: Scenario) -> list[tuple[str, str | None]]:
    """(line, mood) for every line the customer may say; mood None: the persona's."""
    out: list[tuple[str, str | None]] = []
    for node in scenario.nodes.values():
        mood = getattr(node, "mood", None)
        out += [(line, mood) for line in node.customer]
        for recall in getattr(node, "memory", ()):
            out += [(line, mood) for line in recall.customer]
    behaviour = customer_behaviour.of(scenario)
    out += [(line, None) for line in [*scenario.silence_prompt, *behaviour.interrupt, *behaviour.cut_in]]
    return list(dict.fromkeys(out))


def customer_audio(scenario: Scenario, line: str, mood: str | None = None) -> bytes:
    """The line in the customer's voice (in ``mood`` when given), as the call page plays it."""
    if mood is not None and _TAKES_MOOD:
        return speech.customer_audio(scenario, line, mood=mood)
    return speech.customer_audio(scenario, line)


def seconds(wav: bytes) -> float:
    samples, rate = audio.read_wav(wav)
    return samples.size / rate


def prepare(scenario: Scenario) -> threading.Thread:
    """Render every line of ``scenario`` in a background thread (once per scenario, version and
    cache directory in a process: lines rendered into another directory are not there to play)."""
    key = f"{scenario.id}:{hash(scenario.model_dump_json())}:{tts.cache_directory().resolve()}"
    with _LOCK:
        thread = _STARTED.get(key)
        if thread is None:
            thread = threading.Thread(target=_render_all, args=(scenario,), name=f"customer-lines-{scenario.id}",
                                      daemon=True)
            _STARTED[key] = thread
            thread.start()
    return thread


def _render_all(scenario: Scenario) -> None:
    for line, mood in lines(scenario):
        try:
            customer_audio(scenario, line, mood)
        except (TTSError, ValueError) as exc:      # the page says so when the line is played
            log.warning("customer line not rendered: %s", exc)
            return
