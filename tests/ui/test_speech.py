"""What the call page relies on in simulator.voice.speech: the persona's voice, a replay that
plays again, and waiting for a busy recogniser."""
from __future__ import annotations

import numpy as np
import pytest

from simulator.voice import speech
from simulator.voice.asr import AsrBusy, Transcript
from simulator.voice.audio import read_wav


def test_the_customer_speaks_in_the_personas_voice(library):
    scenario = library.get("uk-estimated-bill")
    spec = speech.customer_voice(scenario)
    persona = scenario.persona
    assert (spec.language, spec.gender, spec.variant, spec.rate, spec.pitch, spec.mood) == \
        ("uk", persona.gender, persona.voice.variant, persona.voice.rate, persona.voice.pitch, persona.mood)


def test_a_replay_changes_the_bytes_but_not_the_line(library, app_env):
    scenario = library.get("en-outage")
    line = scenario.nodes[scenario.start_node].customer[0]
    first, again = speech.customer_audio(scenario, line), speech.customer_audio(scenario, line, replay=1)
    assert first != again
    (a, rate), (b, _) = read_wav(first), read_wav(again)
    assert b.size == a.size + rate // 1000 and np.array_equal(a, b[: a.size])


class BusyTwice:
    """A recogniser whose queue is full for the first two calls."""

    def __init__(self):
        self.calls = 0

    def transcribe(self, audio, language, hints=()):
        self.calls += 1
        if self.calls <= 2:
            raise AsrBusy()
        return Transcript("hello", language, 1.0, 0.2, 0.5, [])


def test_a_busy_recogniser_is_waited_for(library, monkeypatch):
    monkeypatch.setattr(speech, "BUSY_RETRY_SECONDS", 0.01)
    told = []
    result = speech.transcribe(library.get("en-outage"), "opening", np.zeros(16000, np.float32), BusyTwice(),
                               on_wait=lambda: told.append(True))
    assert result.text == "hello" and told == [True]


def test_a_recogniser_busy_for_too_long_gives_up(library, monkeypatch):
    monkeypatch.setattr(speech, "BUSY_RETRY_SECONDS", 0.01)
    with pytest.raises(AsrBusy):
        speech.transcribe(library.get("en-outage"), "opening", np.zeros(16000, np.float32), BusyTwice(), wait=0.0)
