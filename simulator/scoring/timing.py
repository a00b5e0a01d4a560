"""Handling time in bands against the scenario's own target, never one absolute number.

The call's target is ``target_seconds``; a turn's share of it is the target divided by
the fewest replies the call needs. Time within the target scores 100, then 80 up to
25% over, 60 up to 50% over, 30 up to twice the target, and 0 beyond.
"""
from __future__ import annotations

from dataclasses import dataclass

BANDS = ((1.0, 100, "on_target"), (1.25, 80, "slightly_over"), (1.5, 60, "over"), (2.0, 30, "well_over"))
LAST_BAND = (0, "far_over")


@dataclass(frozen=True)
class TimeResult:
    score: float
    band: str
    seconds: float
    target: float
    latency: float | None = None    # seconds before the first word, when known (voice)

    def to_dict(self) -> dict:
        out = {"score": self.score, "band": self.band, "seconds": round(self.seconds, 1), "target": round(self.target, 1)}
        if self.latency is not None:
            out["latency"] = round(self.latency, 2)
        return out


def in_band(seconds: float, target: float, latency: float | None = None) -> TimeResult:
    ratio = seconds / target if target > 0 else float("inf")
    for limit, score, band in BANDS:
        if ratio <= limit:
            return TimeResult(score, band, seconds, target, latency)
    return TimeResult(LAST_BAND[0], LAST_BAND[1], seconds, target, latency)
