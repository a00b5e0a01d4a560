"""The weak-area findings of one scored turn: missed key facts, wrong facts said, phrases that hurt.

One place for reading them out of a turn's score (``TurnScore.to_dict()``): the store writes
them beside each turn (table ``turn_findings``) and the migration that added the table fills
it for turns saved before.
"""
from __future__ import annotations

from typing import Any

ITEM_LENGTH = 300


def turn_findings(score: dict[str, Any] | None) -> list[tuple[str, str, str]]:
    """``(kind, item, label)`` for each finding; kinds: missed_fact, wrong_fact, hurt."""
    if not score:
        return []
    accuracy = score.get("accuracy") or {}
    found = [("missed_fact", f["id"], f.get("fact", "")) for f in accuracy.get("facts", []) if not f.get("said")]
    found += [("wrong_fact", f["id"], f.get("fact", "")) for f in accuracy.get("wrong_facts", []) if f.get("said", True)]
    phrases = list((score.get("empathy") or {}).get("hurt", []))
    phrases += [flag["phrase"] for flag in (score.get("compliance") or {}).get("flags", [])]
    seen = set()
    for phrase in phrases:
        key = " ".join(str(phrase).lower().split())[:ITEM_LENGTH]
        if key and key not in seen:
            seen.add(key)
            found.append(("hurt", key, " ".join(str(phrase).split())))
    return found
