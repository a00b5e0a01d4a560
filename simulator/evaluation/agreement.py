"""How a judge's verdicts agree with the raters: Spearman ρ, compliance recall and precision."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.stats import spearmanr


def rho(machine: list[float], human: list[int]) -> float:
    """Spearman's rank correlation; 0 where either side has no spread."""
    if len(machine) < 3 or len(set(machine)) < 2 or len(set(human)) < 2:
        return 0.0
    return float(spearmanr(machine, human).statistic)


@dataclass(frozen=True)
class Detection:
    """Compliance failures: the raters' zeros are the positives."""

    true_positive: int
    false_positive: int
    false_negative: int

    @classmethod
    def of(cls, flagged: list[bool], failed: list[bool]) -> "Detection":
        f, h = np.array(flagged, bool), np.array(failed, bool)
        return cls(int((f & h).sum()), int((f & ~h).sum()), int((~f & h).sum()))

    @property
    def recall(self) -> float:
        positives = self.true_positive + self.false_negative
        return self.true_positive / positives if positives else 1.0

    @property
    def precision(self) -> float:
        flagged = self.true_positive + self.false_positive
        return self.true_positive / flagged if flagged else 1.0
