"""A calibration set's report: agreement per criterion and language, the disagreements with the
machine's evidence beside the raters' comments, and the trend over rounds (one set, one round).

Items are the store's report records (simulator/store/calibration.py ``Item``): anything with
``id``, ``language``, ``reply``, ``customer_line``, ``scenario_id``, ``node_id``, ``machine``
(the scored reply) and ``ratings`` (each with ``rater``, the three ratings and ``comment``).
The machine's ratings are read with the tuning in force for each language (``params``: language
-> tuning params, or None for the untuned reading), as the product would rate the reply now.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from . import agreement
from .agreement import MACHINE, Figures
from .scales import CRITERIA
from .verdict import evidence, verdict

ALL = "all"          # the language "both languages together"


@dataclass(frozen=True)
class Line:
    """One line of the agreement table."""

    language: str        # uk | en | all
    criterion: str
    human_human: Figures
    machine_human: Figures


@dataclass(frozen=True)
class Disagreement:
    """The machine's rating of one item on one criterion is off the raters' middle rating by a
    step or more, or the raters are two steps apart among themselves."""

    item: Any
    criterion: str
    machine: int
    humans: dict[str, int]
    comments: dict[str, str]
    evidence: str


def table(items: list, params: dict[str, dict | None] | None = None) -> dict[str, agreement.Ratings]:
    """criterion -> item id -> rater -> rating, the machine included as :data:`MACHINE`."""
    out: dict[str, agreement.Ratings] = {c: {} for c in CRITERIA}
    for item in items:
        machine = verdict(item.machine, (params or {}).get(item.language))
        for c in CRITERIA:
            out[c][item.id] = {r.rater: getattr(r, c) for r in item.ratings or []}
            out[c][item.id][MACHINE] = machine[c]
    return out


def lines(items: list, params: dict[str, dict | None] | None = None) -> list[Line]:
    """Per language found (then both together, when there are two) and criterion."""
    languages = sorted({i.language for i in items})
    groups = [(lang, [i for i in items if i.language == lang]) for lang in languages]
    if len(languages) > 1:
        groups.append((ALL, items))
    out = []
    for language, chosen in groups:
        ratings = table(chosen, params)
        out += [Line(language, c, agreement.human_human(ratings[c], c), agreement.machine_human(ratings[c], c))
                for c in CRITERIA]
    return out


def disagreements(items: list, params: dict[str, dict | None] | None = None) -> list[Disagreement]:
    ratings = table(items, params)
    out = []
    for item in items:
        for c in CRITERIA:
            by = ratings[c][item.id]
            humans = {r: v for r, v in by.items() if r != MACHINE}
            if not humans:
                continue
            middle = agreement.consensus(by)
            if abs(by[MACHINE] - middle) >= 1 or max(humans.values()) - min(humans.values()) >= 2:
                out.append(Disagreement(item, c, by[MACHINE], humans,
                                        {r.rater: r.comment for r in item.ratings if r.comment}, evidence(item.machine)))
    return out


def trend(rounds: list[tuple[Any, list]], params: dict[str, dict | None] | None = None) -> list[tuple[Any, Line]]:
    """(round, line) for each round given (e.g. each set, oldest first) and each of its lines."""
    return [(label, line) for label, items in rounds for line in lines(items, params)]
