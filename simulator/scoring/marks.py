"""Scores as people see them: a whole number, and whether it reaches the pass mark."""
from __future__ import annotations

import math


def points(score: float) -> int:
    """A score as it is shown and as it is held against the pass mark: a whole number, halves
    up, taken from the score kept to one decimal (as a scorecard saves it), so that the saved score, the
    shown one and the verdict always agree. Python's round() and ``:.0f`` round halves to even
    (68.5 showed as 68, 69.5 as 70), and a call at 69.96 was shown as 70 yet failed a mark of 70."""
    return math.floor(round(score, 1) + 0.5)


def reaches(score: float, mark: int) -> bool:
    """Whether ``score`` reaches the pass mark ``mark`` as shown (`points`)."""
    return points(score) >= mark
