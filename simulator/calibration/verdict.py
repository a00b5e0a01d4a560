"""The machine's verdict on the rubric's scales, read from a scored reply (``TurnScore.to_dict()``).

The scorer gives empathy and accuracy 0-100 and flags critical mistakes; the rubric rates
empathy and accuracy 0-2 and compliance 0/1. Untuned, a score is read on the rubric's scale
by halves: below 25 is 0, from 75 on is 2 (``score / 50`` rounded), and compliance is 0
exactly when a critical mistake was flagged. A site's tuning (simulator/calibration/tuning.py)
replaces, per criterion, the single score by a weighted sum of the scorer's signals below and
the two cut points by its own; compliance keeps the flag, and a reply that answers nothing
(the scorer's ``accuracy.instead``: a service offered or card data asked for instead) stays 0 on
accuracy, as the rubric rates it.

A tuning's reading is also given on the scorer's 0-100 scale (:func:`points`), so that what a
trainee sees follows the site's raters (simulator/calibration/shown.py): the first cut point
maps to 25 and the second to 75, linearly between them, and one step of the rubric is 50 points
beyond them. Untuned, that is the scorer's own score; read back by halves it gives the tuning's
rating. A scored reply that was shown tuned keeps its untuned scores under ``untuned``, and
the signals are read from those, so a tuning is always fitted and applied to the scorer's own.
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
    untuned = score.get("untuned") or {}       # a reply shown tuned: the scorer's own scores
    parts = empathy.get("parts") or {}
    probabilities = empathy.get("probabilities") or {}
    facts = accuracy.get("facts") or []
    credit = [float(f.get("credit", 1.0 if f.get("said") else 0.0)) for f in facts]
    wrong = len(accuracy.get("wrong_facts") or []) + sum(1 for f in facts if f.get("contradicted"))
    return {
        "empathy": {
            "score": float(untuned.get("empathy", empathy.get("score", 0.0))) / 50,
            "rating": float(empathy.get("rating", 0.0)),
            "empathetic": float(probabilities.get("empathetic", 0.0)),
            "dismissive": float(probabilities.get("dismissive", 0.0)),
            "acknowledgement": float(bool((parts.get("acknowledgement") or {}).get("present"))),
            "ownership": float(bool((parts.get("ownership") or {}).get("present"))),
        },
        "accuracy": {
            "score": float(untuned.get("accuracy", accuracy.get("score", 0.0))) / 50,
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


def points(score: dict[str, Any], params: dict[str, Any] | None = None) -> dict[str, float]:
    """Empathy and accuracy on the scorer's 0-100 scale, read by ``params`` (a tuning's; None:
    the scorer's own scores)."""
    params = params or DEFAULT
    found = signals(score)
    out = {c: _scale(value(found[c], params.get(c, DEFAULT[c])), params.get(c, DEFAULT[c])["cuts"]) for c in TUNABLE}
    if (score.get("accuracy") or {}).get("instead"):
        out["accuracy"] = 0.0
    return out


def rating(points: float) -> int:
    """A 0-100 score on the rubric's 0-2 scale, by halves: below 25 is 0, from 75 on is 2."""
    return cut(points / 50, DEFAULT["empathy"]["cuts"])


def verdict(score: dict[str, Any], params: dict[str, Any] | None = None) -> dict[str, int]:
    """The rubric's three ratings for one scored reply, by ``params`` (a tuning's; None: untuned)."""
    found = points(score, params)
    return {"empathy": rating(found["empathy"]), "accuracy": rating(found["accuracy"]),
            "compliance": 0 if critical(score) else 1}


def _scale(x: float, cuts: list[float]) -> float:
    """A combined signal on 0-100: the first cut point at 25, the second at 75, linear between
    them and 50 points a step beyond; a score stays on the side of 25 and 75 its rating is on,
    also when it is shown rounded to a tenth."""
    low, high = cuts
    if x < low:
        found = min(25 - 50 * (low - x), 24.9)
    elif x < high:
        found = min(25 + 50 * (x - low) / (high - low), 74.9)
    else:
        found = 75 + 50 * (x - high)
    return round(max(0.0, min(100.0, found)), 1)


def evidence(score: dict[str, Any]) -> str:
    """What the scorer found, in one line: the parts of empathy it saw, the key facts said (✓)
    or not (✗), wrong facts and critical mistakes, as a QA meeting reads it beside the comments.
    The scores are the scorer's own (a reply shown by a tuning keeps them under ``untuned``)."""
    empathy, accuracy = score.get("empathy") or {}, score.get("accuracy") or {}
    untuned = score.get("untuned") or {}
    parts = empathy.get("parts") or {}
    seen = [name for name in ("acknowledgement", "ownership") if (parts.get(name) or {}).get("present")]
    bits = [f"empathy {round(float(untuned.get('empathy', empathy.get('score', 0))))}" + (f" ({', '.join(seen)})" if seen else "")]
    facts = accuracy.get("facts") or []
    line = f"accuracy {round(float(untuned.get('accuracy', accuracy.get('score', 0))))}"
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
