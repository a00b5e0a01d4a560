"""Clocks for the call engine: real time for a live call, a hand-moved one for scripts and tests."""
from __future__ import annotations

import time


class RealClock:
    def now(self) -> float:
        return time.monotonic()


class ManualClock:
    """Time moves only when told to: scripted calls and tests are exactly repeatable."""

    def __init__(self, start: float = 0.0):
        self._now = start

    def now(self) -> float:
        return self._now

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("time does not go backwards")
        self._now += seconds


# Assumed pace of a scripted reply (no one is really speaking or typing it).
SPEAKING_WORDS_PER_SECOND = 2.5     # about 150 words a minute
TYPING_CHARS_PER_SECOND = 4.0       # about 240 characters a minute
THINKING_SECONDS = {"voice": 1.5, "chat": 5.0}


def scripted_reply_seconds(text: str, channel: str) -> float:
    """How long a reply of this length plausibly takes to say (voice) or type (chat)."""
    if channel == "chat":
        return THINKING_SECONDS["chat"] + len(text) / TYPING_CHARS_PER_SECOND
    return THINKING_SECONDS["voice"] + len(text.split()) / SPEAKING_WORDS_PER_SECOND
