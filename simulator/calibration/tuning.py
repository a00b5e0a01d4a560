"""Refitting how the scorer's signals map to a site's raters, measured on items kept apart.

For one language: the rated items are split, by a seeded shuffle, into a part to fit on and a
held-out part (a third by default). Per tunable criterion (empathy, accuracy) a ridge
regression of the raters' middle rating on the scorer's signals (verdict.SIGNALS) gives the
weights; the two cut points are then chosen, among the fitted values' midpoints, to give the
best quadratic-weighted κ with the raters on the fitting part. The held-out part is judged
twice, untuned and tuned, by the same agreement figures the report shows: that is what an
admin accepts or rejects. Compliance is the scorer's critical flag either way.
"""
from __future__ import annotations

import itertools
import math
import random
from dataclasses import dataclass
from typing import Any

import numpy as np

from . import agreement, verdict
from .scales import TUNABLE, gate_kappa

HELD_OUT_SHARE = 1 / 3
RANDOM_STATE = 0
RIDGE = 0.1
MAX_CANDIDATES = 40       # cut points tried per criterion (midpoints of the fitted values, thinned)
MIN_ITEMS = 6             # fewer rated items leave nothing to hold out


@dataclass(frozen=True)
class Item:
    """One rated reply: its id, the scored reply (``TurnScore.to_dict()``) and its human ratings
    ({rater: {criterion: rating}})."""

    id: int
    score: dict[str, Any]
    ratings: dict[Any, dict[str, int]]


@dataclass(frozen=True)
class Fit:
    params: dict[str, Any]
    fitted_on: list[int]
    held_out: list[int]
    before: dict[str, dict]       # criterion -> agreement.Figures.to_dict(), untuned, held-out part
    after: dict[str, dict]        # the same, tuned

    def held_out_kappa(self) -> float:
        return gate_kappa(self.after)


def split(items: list[Item], share: float = HELD_OUT_SHARE, seed: int = RANDOM_STATE) -> tuple[list[Item], list[Item]]:
    """(fit on, held out): a seeded shuffle of the items by id, the last ``share`` held out."""
    order = sorted(items, key=lambda i: i.id)
    random.Random(seed).shuffle(order)
    held = max(1, round(len(order) * share))
    return order[:-held], order[-held:]


def machine_figures(items: list[Item], params: dict[str, Any] | None) -> dict[str, agreement.Figures]:
    """The machine (by ``params``) against the raters, per criterion, on ``items``."""
    table = {c: _ratings(items, c) for c in agreement.CRITERIA}
    for item in items:
        for c, rating in verdict.verdict(item.score, params).items():
            table[c][item.id][agreement.MACHINE] = rating
    return {c: agreement.machine_human(table[c], c) for c in agreement.CRITERIA}


def fit(items: list[Item], share: float = HELD_OUT_SHARE, seed: int = RANDOM_STATE) -> Fit:
    """Fit on part of ``items`` (all of one language, each rated by someone) and measure on the rest."""
    rated = [i for i in items if i.ratings]
    if len(rated) < MIN_ITEMS:
        raise ValueError(f"a tuning needs at least {MIN_ITEMS} rated replies in the language; there are {len(rated)}")
    train, held = split(rated, share, seed)
    params = {c: _fit_criterion(train, c) for c in TUNABLE}
    before = machine_figures(held, None)
    after = machine_figures(held, params)
    return Fit(params, [i.id for i in train], [i.id for i in held],
               {c: f.to_dict() for c, f in before.items()}, {c: f.to_dict() for c, f in after.items()})


def _ratings(items: list[Item], criterion: str) -> agreement.Ratings:
    return {i.id: {rater: r[criterion] for rater, r in i.ratings.items()} for i in items}


def _fit_criterion(train: list[Item], criterion: str) -> dict[str, Any]:
    names = verdict.SIGNALS[criterion]
    x = np.array([[verdict.signals(i.score)[criterion][n] for n in names] for i in train])
    y = np.array([agreement.consensus({r: v[criterion] for r, v in i.ratings.items()}) for i in train])
    mean_x, mean_y = x.mean(axis=0), y.mean()
    centred = x - mean_x
    weights = np.linalg.solve(centred.T @ centred + RIDGE * np.eye(len(names)), centred.T @ (y - mean_y))
    intercept = float(mean_y - mean_x @ weights)
    fitted = {"weights": {n: round(float(w), 4) for n, w in zip(names, weights)}, "intercept": round(intercept, 4)}
    values = [verdict.value(verdict.signals(i.score)[criterion], fitted) for i in train]
    fitted["cuts"] = _best_cuts(values, train, criterion)
    return fitted


def _best_cuts(values: list[float], train: list[Item], criterion: str) -> list[float]:
    ordered = sorted(set(values))
    midpoints = [(a + b) / 2 for a, b in zip(ordered, ordered[1:])]
    if len(midpoints) > MAX_CANDIDATES:
        midpoints = [midpoints[round(k * (len(midpoints) - 1) / (MAX_CANDIDATES - 1))] for k in range(MAX_CANDIDATES)]
    candidates = [ordered[0] - 1.0, *midpoints, ordered[-1] + 1.0]
    ratings = _ratings(train, criterion)
    best, best_kappa = [0.5, 1.5], -math.inf
    for low, high in itertools.combinations_with_replacement(candidates, 2):
        for item, v in zip(train, values):
            ratings[item.id][agreement.MACHINE] = verdict.cut(v, [low, high])
        kappa = agreement.machine_human(ratings, criterion).kappa
        if not math.isnan(kappa) and kappa > best_kappa:
            best, best_kappa = [round(low, 4), round(high, 4)], kappa
    return best
