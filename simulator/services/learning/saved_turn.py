"""A saved turn's score (``TurnScore.to_dict()``) read back as a branch condition reads a live
one (simulator.scenario.conditions.TurnFacts), so a finished call's branches can be explained
from what the store kept."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class SavedTurn:
    score: dict[str, Any]

    def metric(self, name: str) -> float:
        value = self.score["overall"] if name == "overall" else (self.score.get(name) or {}).get("score", 0.0)
        return float(value)

    def fact_said(self, fact_id: str) -> bool:
        return any(f["id"] == fact_id and f.get("said") for f in self.facts)

    def wrong_said(self, fact_id: str) -> bool:
        return any(f["id"] == fact_id for f in (self.score.get("accuracy") or {}).get("wrong_facts", []))

    @property
    def critical(self) -> bool:
        return bool((self.score.get("compliance") or {}).get("critical"))

    @property
    def facts(self) -> list[dict[str, Any]]:
        return (self.score.get("accuracy") or {}).get("facts", [])

    def missed_facts(self) -> list[dict[str, Any]]:
        """Key facts not said (those heard unclearly are not counted as missed, as in scoring)."""
        return [f for f in self.facts if not f.get("said") and f.get("heard") != "unclear"]

    def missing_parts(self) -> list[str]:
        """The parts of an empathetic reply that were not there (acknowledgement, ownership, ...)."""
        parts = (self.score.get("empathy") or {}).get("parts") or {}
        return [name for name, part in parts.items() if not part.get("present")]
