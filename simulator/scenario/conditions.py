"""Branch conditions: the small language a trainer writes after ``if:``.

Examples::

    empathy < 40
    accuracy >= 70 and empathy >= 50
    missing price          # the key fact ``price`` was not said
    said price
    wrong old-price        # the wrong fact ``old-price`` was stated
    critical               # a critical compliance flag (card details, blaming, ...)

Parts are joined with ``and``. Kept deliberately small so that a non-programmer can
read every branch, and so that the validator can name exactly what is wrong.
"""
from __future__ import annotations

import operator
import re
from dataclasses import dataclass
from typing import Protocol

METRICS = ("accuracy", "empathy", "time", "overall")
FACT_TESTS = ("missing", "said", "wrong")
FLAGS = ("critical",)

_OPS = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge}
_COMPARE = re.compile(r"^([a-z_][\w-]*)\s*(<=|>=|<|>|=|==)\s*(-?\d+(?:\.\d+)?)$")
_FACT = re.compile(r"^(missing|said|wrong)\s+([\w-]+)$")


class ConditionError(ValueError):
    pass


class TurnFacts(Protocol):
    """What a condition reads from a scored reply."""

    def metric(self, name: str) -> float: ...
    def fact_said(self, fact_id: str) -> bool: ...
    def wrong_said(self, fact_id: str) -> bool: ...
    @property
    def critical(self) -> bool: ...


@dataclass(frozen=True)
class Compare:
    metric: str
    op: str
    value: float

    def holds(self, turn: TurnFacts) -> bool:
        return _OPS[self.op](turn.metric(self.metric), self.value)


@dataclass(frozen=True)
class FactTest:
    test: str
    fact_id: str

    def holds(self, turn: TurnFacts) -> bool:
        if self.test == "wrong":
            return turn.wrong_said(self.fact_id)
        said = turn.fact_said(self.fact_id)
        return said if self.test == "said" else not said


@dataclass(frozen=True)
class Flag:
    name: str

    def holds(self, turn: TurnFacts) -> bool:
        return turn.critical


@dataclass(frozen=True)
class Condition:
    source: str
    parts: tuple

    def holds(self, turn: TurnFacts) -> bool:
        return all(part.holds(turn) for part in self.parts)

    def fact_ids(self) -> list[tuple[str, str]]:
        return [(p.test, p.fact_id) for p in self.parts if isinstance(p, FactTest)]


def parse(source: str) -> Condition:
    """Parse a condition or raise ConditionError with a message a trainer can act on."""
    text = " ".join(str(source).split())
    if not text:
        raise ConditionError("the condition is empty")
    parts = []
    for raw in re.split(r"\s+and\s+", text):
        parts.append(_parse_part(raw.strip()))
    return Condition(text, tuple(parts))


def _parse_part(raw: str):
    if raw in FLAGS:
        return Flag(raw)
    match = _FACT.match(raw)
    if match:
        return FactTest(match.group(1), match.group(2))
    match = _COMPARE.match(raw)
    if match:
        metric, op, value = match.groups()
        if metric not in METRICS:
            raise ConditionError(f"unknown metric '{metric}' (use one of: {', '.join(METRICS)})")
        if op in ("=", "=="):
            raise ConditionError(f"use <, <=, > or >= in '{raw}' (scores are rarely exactly equal)")
        number = float(value)
        if not 0 <= number <= 100:
            raise ConditionError(f"'{raw}': scores go from 0 to 100")
        return Compare(metric, op, number)
    word = re.match(r"^([a-z_][\w-]*)\s*[<>=]", raw)
    if word:
        raise ConditionError(f"unknown metric '{word.group(1)}' (use one of: {', '.join(METRICS)})")
    raise ConditionError(
        f"cannot read condition '{raw}': write e.g. 'empathy < 40', 'missing price', 'said price', 'wrong old-price' or 'critical'"
    )
