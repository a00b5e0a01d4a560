"""Agreement between two raters on a rubric scale: quadratic-weighted Cohen's κ, Spearman ρ,
exact and within-one agreement; per criterion, human with human and machine with human.

A rater here is anyone who gave ratings: a trainer (by id) or the machine (:data:`MACHINE`).
Two raters are compared on the items both rated. Several human pairs (three trainers make
three) are summarised by the mean of the pairs' figures, each pair weighted by its items, and
the machine by the mean over the trainers it is compared with.
"""
from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

import numpy as np

from ..evaluation.agreement import rho
from .scales import CRITERIA, SCALE

__all__ = ["CRITERIA", "SCALE", "MACHINE", "Figures", "compare", "consensus", "human_human", "machine_human", "pair",
           "quadratic_kappa"]
MACHINE = "machine"


def quadratic_kappa(a: list[int], b: list[int], levels: tuple[int, ...]) -> float:
    """Cohen's κ with quadratic weights: 1 - Σ w·observed / Σ w·expected, w = (i-j)²/(k-1)².
    NaN when it is undefined (no items, or both raters gave one and the same rating to all)."""
    if not a:
        return math.nan
    k = len(levels)
    index = {level: n for n, level in enumerate(levels)}
    observed = np.zeros((k, k))
    for x, y in zip(a, b):
        observed[index[x], index[y]] += 1
    observed /= observed.sum()
    expected = np.outer(observed.sum(axis=1), observed.sum(axis=0))
    grid = np.arange(k)
    weights = (grid[:, None] - grid[None, :]) ** 2 / (k - 1) ** 2
    chance = float((weights * expected).sum())
    if chance == 0:
        return math.nan
    return 1.0 - float((weights * observed).sum()) / chance


@dataclass(frozen=True)
class Figures:
    """How two raters (or the mean of several pairs) agree on one criterion."""

    items: int
    kappa: float          # quadratic-weighted Cohen's κ; NaN when undefined
    rho: float            # Spearman's ρ (0 without spread or under 3 items)
    exact: float          # share of items rated the same
    within_one: float     # share of items at most one step apart

    def to_dict(self) -> dict:
        return {"items": self.items, "kappa": _round(self.kappa), "rho": _round(self.rho),
                "exact": _round(self.exact), "within_one": _round(self.within_one)}


def compare(a: list[int], b: list[int], criterion: str) -> Figures:
    """The figures of two raters' ratings of the same items, in the same order."""
    if len(a) != len(b):
        raise ValueError("both raters must rate the same items")
    n = len(a)
    if not n:
        return Figures(0, math.nan, math.nan, math.nan, math.nan)
    diff = np.abs(np.array(a) - np.array(b))
    return Figures(n, quadratic_kappa(a, b, SCALE[criterion]), rho([float(x) for x in a], list(b)),
                   float((diff == 0).mean()), float((diff <= 1).mean()))


def mean_figures(pairs: list[Figures]) -> Figures:
    """Several pairs' figures, each weighted by its items (NaN figures left out)."""
    pairs = [p for p in pairs if p.items]
    if not pairs:
        return Figures(0, math.nan, math.nan, math.nan, math.nan)

    def mean(name: str) -> float:
        known = [(getattr(p, name), p.items) for p in pairs if not math.isnan(getattr(p, name))]
        return sum(v * w for v, w in known) / sum(w for _, w in known) if known else math.nan

    return Figures(sum(p.items for p in pairs), mean("kappa"), mean("rho"), mean("exact"), mean("within_one"))


Ratings = dict[object, dict[object, int]]   # item -> rater -> rating, for one criterion


def pair(ratings: Ratings, first: object, second: object, criterion: str) -> Figures:
    """``first`` and ``second`` compared on the items both rated."""
    common = [item for item, by in ratings.items() if first in by and second in by]
    return compare([ratings[i][first] for i in common], [ratings[i][second] for i in common], criterion)


def humans(ratings: Ratings) -> list:
    return sorted({r for by in ratings.values() for r in by if r != MACHINE}, key=str)


def human_human(ratings: Ratings, criterion: str) -> Figures:
    """Every pair of human raters, summarised."""
    return mean_figures([pair(ratings, a, b, criterion) for a, b in itertools.combinations(humans(ratings), 2)])


def machine_human(ratings: Ratings, criterion: str) -> Figures:
    """The machine against each human rater, summarised."""
    return mean_figures([pair(ratings, MACHINE, h, criterion) for h in humans(ratings)])


def consensus(by: dict[object, int]) -> float | None:
    """The human raters' middle rating of one item (the mean of the middle two for an even count)."""
    values = sorted(v for r, v in by.items() if r != MACHINE)
    return float(np.median(values)) if values else None


def _round(value: float) -> float | None:
    return None if math.isnan(value) else round(value, 3)
