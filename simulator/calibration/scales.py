"""The QA rubric's three scales (shared/judging-rubric.md) and which of them a site can tune."""
from __future__ import annotations

import math

CRITERIA = ("empathy", "accuracy", "compliance")
SCALE = {"empathy": (0, 1, 2), "accuracy": (0, 1, 2), "compliance": (0, 1)}
TUNABLE = ("empathy", "accuracy")       # compliance is the scorer's critical flag, tuned or not


def gate_kappa(after: dict[str, dict]) -> float:
    """The figure the gate reads of a tuning: the lowest tuned κ of the tuned criteria on the
    held-out part (NaN when any is undefined), from per-criterion ``Figures.to_dict()``."""
    values = [after[c]["kappa"] for c in TUNABLE]
    return math.nan if any(v is None for v in values) else min(values)
