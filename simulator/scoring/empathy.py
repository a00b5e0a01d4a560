"""Empathy, 0-100, with the phrases that helped and hurt.

The classifier reads each sentence; the best empathetic sentence lifts the score and
the most dismissive one pulls it down (one cold sentence spoils a warm reply). Then
the rules from the domain sheet: a specific acknowledgement followed by a concrete
action earns a bonus, sympathy with no action and repeated formulaic apologies do not,
and every phrase to avoid costs points.

Scale: a dismissive reply lands near 0-20, a polite factual one near 40-50, a warm
reply that acknowledges and acts 80-100.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from . import lexicon
from .compliance import Flag
from .empathy_model import EmpathyModel, default_model
from .matching import Reply, Wording
from .text import STOPWORDS

NEUTRAL_BASE = 40
ACT_BONUS = 10
NO_ACTION_PENALTY = 5
APOLOGY_PENALTY = 8
AVOID_PENALTY = 15
FULL_SENTENCE_WORDS = 4  # sentences shorter than this count proportionally less
EVIDENCE_WEIGHT = 0.25  # how strongly an n-gram must push the model to be shown as evidence

_SENTENCES = re.compile(r"(?<=[.!?…])\s+|\n+")


@dataclass
class EmpathyResult:
    score: float
    label: str
    probabilities: dict[str, float]
    helped: list[str] = field(default_factory=list)
    hurt: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)   # rule codes, worded by feedback.py

    def to_dict(self) -> dict:
        return {
            "score": round(self.score, 1),
            "label": self.label,
            "probabilities": {k: round(v, 3) for k, v in self.probabilities.items()},
            "helped": self.helped,
            "hurt": self.hurt,
            "notes": self.notes,
        }


def score(reply: Reply, language: str, flags: list[Flag] = (), model: EmpathyModel | None = None) -> EmpathyResult:
    model = model or default_model()
    sentences = [s for s in _SENTENCES.split(reply.text.strip()) if s.strip()] or [reply.text]
    probabilities = model.probabilities(sentences)
    # a three-word sentence says less about the reply than a full one
    weight = np.array([min(1.0, len(s.split()) / FULL_SENTENCE_WORDS) for s in sentences])
    best_empathetic = float((probabilities[:, 0] * weight).max())
    worst_dismissive = float((probabilities[:, 2] * weight).max())
    value = NEUTRAL_BASE + 60 * best_empathetic - 70 * worst_dismissive
    mean = probabilities.mean(axis=0)
    result = EmpathyResult(
        score=0.0,
        label=("empathetic", "neutral", "dismissive")[int(mean.argmax())],
        probabilities={"empathetic": float(mean[0]), "neutral": float(mean[1]), "dismissive": float(mean[2])},
    )

    acknowledged = _found(reply, lexicon.ACKNOWLEDGE[language], language)
    acted = _found(reply, lexicon.ACTION[language], language)
    result.helped += [phrase for phrase, _ in acknowledged + acted]
    if acknowledged and acted and min(p for _, p in acknowledged) <= max(p for _, p in acted):
        value += ACT_BONUS
        result.notes.append("acknowledge_then_act")
    elif acknowledged and not acted:
        value -= NO_ACTION_PENALTY
        result.notes.append("sympathy_without_action")

    apologies = _count(reply, lexicon.APOLOGY[language])
    if apologies > 1:
        value -= APOLOGY_PENALTY * (apologies - 1)
        result.notes.append("repeated_apologies")

    for flag in flags:
        if not flag.critical or flag.kind == "blame":
            value -= AVOID_PENALTY
            result.hurt.append(flag.phrase)

    weights = sorted(model.word_weights(reply.text), key=lambda item: item[1])
    result.hurt += [gram for gram, w in weights[:3] if w < -EVIDENCE_WEIGHT and _new(gram, result.hurt)]
    result.helped += [gram for gram, w in reversed(weights[-3:]) if w > EVIDENCE_WEIGHT and _new(gram, result.helped)]
    result.score = max(0.0, min(100.0, value))
    return result


def _found(reply: Reply, phrases: list[str], language: str) -> list[tuple[str, int]]:
    """Phrases said, with where they start; of overlapping phrases only the longest."""
    candidates = []
    for phrase in phrases:
        wording = Wording.of(phrase, language)
        start = reply.phrase_position(wording)
        if start is not None:
            candidates.append((len(wording.tokens), len(phrase), phrase, start, start + len(wording.tokens) - 1))
    chosen: list[tuple[str, int]] = []
    covered: set[int] = set()
    for *_, phrase, start, end in sorted(candidates, reverse=True):
        span = set(range(start, end + 1))
        if not span & covered:
            covered |= span
            chosen.append((phrase, start))
    return sorted(chosen, key=lambda item: item[1])


def _count(reply: Reply, words: list[str]) -> int:
    stems = tuple(w.split()[0][:6] for w in words)
    return sum(1 for word in reply.words if word.startswith(stems))


def _new(gram: str, shown: list[str]) -> bool:
    """Worth showing: has a real word, and is not part of a phrase already shown."""
    meaningful = any(len(word) >= 4 and word not in STOPWORDS for word in gram.split())
    return meaningful and not any(gram in phrase or phrase in gram for phrase in shown)
