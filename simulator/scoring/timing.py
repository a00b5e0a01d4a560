"""Handling time in bands against the scenario's own target, never one absolute number.

The call's target is ``target_seconds``; a turn's share of it is the target divided by
the fewest replies the call needs. Time within the target scores 100, then 80 up to
25% over, 60 up to 50% over, 30 up to twice the target, and 0 beyond.

Speed is only worth something when the reply answers: a turn's time points are scaled by
how much of the answer it gave (its accuracy, full from ANSWERED_ACCURACY up), so a quick
curt or off-topic reply cannot earn a poor call most of its points.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

ANSWERED_ACCURACY = 60   # accuracy at which a reply counts as a full answer for its time points
BANDS = ((1.0, 100, "on_target"), (1.25, 80, "slightly_over"), (1.5, 60, "over"), (2.0, 30, "well_over"))
LAST_BAND = (0, "far_over")


@dataclass(frozen=True)
class TimeResult:
    score: float
    band: str
    seconds: float
    target: float
    latency: float | None = None    # seconds before the first word, when known (voice)
    answered: float = 1.0           # the share of the time points earned by answering (1: a full answer)

    def to_dict(self) -> dict:
        out = {"score": self.score, "band": self.band, "seconds": round(self.seconds, 1), "target": round(self.target, 1)}
        if self.latency is not None:
            out["latency"] = round(self.latency, 2)
        if self.answered < 1:
            out["answered"] = round(self.answered, 2)
        return out


def in_band(seconds: float, target: float, latency: float | None = None) -> TimeResult:
    ratio = seconds / target if target > 0 else float("inf")
    for limit, score, band in BANDS:
        if ratio <= limit:
            return TimeResult(score, band, seconds, target, latency)
    return TimeResult(LAST_BAND[0], LAST_BAND[1], seconds, target, latency)


def answered(time: TimeResult, accuracy: float) -> TimeResult:
    """The turn's time points scaled by how much of an answer the reply was (see above)."""
    share = max(0.0, min(1.0, accuracy / ANSWERED_ACCURACY))
    if share >= 1:
        return time
    return replace(time, score=round(time.score * share, 1), answered=share)
