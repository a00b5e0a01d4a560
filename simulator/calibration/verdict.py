"""The machine's verdict on the rubric's scales, read from a scored reply (``TurnScore.to_dict()``).

The scorer gives empathy and accuracy 0-100 and flags critical mistakes; the rubric rates
empathy and accuracy 0-2 and compliance 0/1. Untuned, a score is read on the rubric's scale
by halves: below 25 is 0, from 75 on is 2 (``score / 50`` rounded), and compliance is 0
exactly when a critical mistake was flagged. A site's tuning (simulator/calibration/tuning.py)
replaces, per criterion, the single score by a weighted sum of the scorer's signals below and
the two cut points by its own; compliance keeps the flag.
"""
from __future__ import annotations

from typing import Any

from .scales import TUNABLE

SIGNALS = {
    "empathy": ("score", "rating", "empathetic", "dismissive", "acknowledgement", "ownership"),
    "accuracy": ("score", "facts", "similarity", "wrong", "invented"),
}
DEFAULT = {criterion: {"weights": {"score": 1.0}, "intercept": 0.0, "cuts": [0.5, 1.5]} for criterion in TUNABLE}


def signals(score: dict[str, Any]) -> dict[str, dict[str, float]]:
    """The scorer's signals for each tunable criterion, on scales near 0-2 (scores / 50, shares 0-1)."""
    empathy, accuracy = score.get("empathy") or {}, score.get("accuracy") or {}
    parts = empathy.get("parts") or {}
    probabilities = empathy.get("probabilities") or {}
    facts = accuracy.get("facts") or []
    credit = [float(f.get("credit", 1.0 if f.get("said") else 0.0)) for f in facts]
    wrong = len(accuracy.get("wrong_facts") or []) + sum(1 for f in facts if f.get("contradicted"))
    return {
        "empathy": {
            "score": float(empathy.get("score", 0.0)) / 50,
            "rating": float(empathy.get("rating", 0.0)),
            "empathetic": float(probabilities.get("empathetic", 0.0)),
            "dismissive": float(probabilities.get("dismissive", 0.0)),
            "acknowledgement": float(bool((parts.get("acknowledgement") or {}).get("present"))),
            "ownership": float(bool((parts.get("ownership") or {}).get("present"))),
        },
        "accuracy": {
            "score": float(accuracy.get("score", 0.0)) / 50,
            "facts": sum(credit) / len(credit) if credit else 1.0,
            "similarity": float(accuracy.get("similarity", 0.0)) / 100,
            "wrong": float(wrong),
            "invented": float(bool(accuracy.get("invented"))),
        },
    }


def critical(score: dict[str, Any]) -> bool:
    return bool((score.get("compliance") or {}).get("critical"))


def value(signal: dict[str, float], fit: dict[str, Any]) -> float:
    """One criterion's combined signal: the intercept plus the weighted signals."""
    return float(fit.get("intercept", 0.0)) + sum(w * signal.get(name, 0.0) for name, w in fit["weights"].items())


def cut(x: float, cuts: list[float]) -> int:
    """0 below the first cut point, 2 from the second on, 1 between."""
    return sum(x >= c for c in cuts)


def verdict(score: dict[str, Any], params: dict[str, Any] | None = None) -> dict[str, int]:
    """The rubric's three ratings for one scored reply, by ``params`` (a tuning's; None: untuned)."""
    params = params or DEFAULT
    found = signals(score)
    ratings = {c: cut(value(found[c], params.get(c, DEFAULT[c])), params.get(c, DEFAULT[c])["cuts"]) for c in TUNABLE}
    ratings["compliance"] = 0 if critical(score) else 1
    return {"empathy": ratings["empathy"], "accuracy": ratings["accuracy"], "compliance": ratings["compliance"]}


def evidence(score: dict[str, Any]) -> str:
    """What the scorer found, in one line: the parts of empathy it saw, the key facts said (✓)
    or not (✗), wrong facts and critical mistakes, as a QA meeting reads it beside the comments."""
    empathy, accuracy = score.get("empathy") or {}, score.get("accuracy") or {}
    parts = empathy.get("parts") or {}
    seen = [name for name in ("acknowledgement", "ownership") if (parts.get(name) or {}).get("present")]
    bits = [f"empathy {round(float(empathy.get('score', 0)))}" + (f" ({', '.join(seen)})" if seen else "")]
    facts = accuracy.get("facts") or []
    line = f"accuracy {round(float(accuracy.get('score', 0)))}"
    if facts:
        line += ": " + ", ".join(f"{f['id']}{'✓' if f.get('said') else '½' if f.get('partial') else '✗'}" for f in facts)
    bits.append(line)
    wrong = [f["id"] for f in accuracy.get("wrong_facts") or []]
    if wrong:
        bits.append("wrong " + ", ".join(wrong))
    if accuracy.get("invented"):
        bits.append("invented " + ", ".join(accuracy["invented"]))
    hurt = empathy.get("hurt") or []
    if hurt:
        bits.append("hurt " + ", ".join(hurt))
    flags = [f"{f.get('kind')}: {f.get('phrase')}" for f in (score.get("compliance") or {}).get("flags", []) if f.get("critical")]
    if flags:
        bits.append("critical " + "; ".join(flags))
    return "; ".join(bits)
