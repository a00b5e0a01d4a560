"""Which scenario to suggest after a call (no Streamlit or database here: the page passes
what the store knows).

In order: the trainee's assignments not done yet (soonest due first, overdue ones first of
all); then scenarios not passed yet, the same topic first, at the level that fits (one
harder after a pass, the same or easier after a fail), untried before tried. Only
scenarios in the played one's language, since a trainee practises for one line; never the
scenario just played ("try again" is beside it). None when everything is passed.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from ..scenario.model import Scenario

LEVELS = ("easy", "medium", "hard")


def suggest(played: Scenario, passed_now: bool, offered: Iterable[Scenario], *, passed: set[str], tried: set[str],
            assigned: Mapping[str, dt.date | None]) -> Scenario | None:
    """The scenario to offer next. ``passed``/``tried``: ids the trainee has passed / finished
    at least once; ``assigned``: ids of their assignments not done yet, with the due date."""
    order = ranked(played, passed_now, offered, passed=passed, tried=tried, assigned=assigned)
    return order[0] if order else None


def ranked(played: Scenario, passed_now: bool, offered: Iterable[Scenario], *, passed: set[str], tried: set[str],
           assigned: Mapping[str, dt.date | None]) -> list[Scenario]:
    """Every scenario worth offering after ``played``, best first (see :func:`suggest`): the
    assignments not done yet by due date, then the scenarios not passed yet by fit."""
    candidates = [s for s in offered if s.id != played.id and s.language == played.language]
    todo = sorted((s for s in candidates if s.id in assigned),
                  key=lambda s: (assigned[s.id] is None, assigned[s.id] or dt.date.max, s.title))
    level = LEVELS.index(played.difficulty)
    aim = min(level + 1, len(LEVELS) - 1) if passed_now else level

    def fit(scenario: Scenario) -> tuple:
        distance = LEVELS.index(scenario.difficulty) - aim
        return (scenario.category != played.category, abs(distance), distance > 0 and not passed_now,
                scenario.id in tried, scenario.title)

    return todo + sorted((s for s in candidates if s.id not in passed and s.id not in assigned), key=fit)
