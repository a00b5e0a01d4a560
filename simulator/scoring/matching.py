"""Does a reply say a wording? Tolerant of word endings and transcription slips.

A wording ("за середнім споживанням", "4,32 грн") is said when every number in it is
among the reply's numbers and its words are found, close together, in the reply. A
word is found when it is the same word, shares its stem (all but the last three
letters, at least five), or is at least 75% similar (a transcription slip).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from .text import Normalised, normalise

FACT_THRESHOLD = 0.8
PHRASE_THRESHOLD = 0.9
_SLIP_CUTOFF = 75
_STRICT_CUTOFF = 88
_NUMBER_GAP = 3   # words allowed between two numbers of one wording


@dataclass(frozen=True)
class Wording:
    text: str
    norm: Normalised
    tokens: tuple[str, ...]     # the words to look for: without stopwords, unless that leaves none

    @classmethod
    def of(cls, text: str, language: str) -> "Wording":
        return _wording(text, language)


@lru_cache(maxsize=8192)
def _wording(text: str, language: str) -> Wording:
    norm = normalise(text, language)
    return Wording(text, norm, norm.content or norm.words)


class Reply:
    """A reply prepared once for many wordings to be looked for in it."""

    def __init__(self, text: str, language: str):
        self.text = text
        self.norm = normalise(text, language)
        self.words = self.norm.words
        self._unique = list(dict.fromkeys(self.words))
        self._positions: dict[str, list[int]] = {}
        for position, word in enumerate(self.words):
            self._positions.setdefault(word, []).append(position)
        self._cache: dict[str, dict[int, float]] = {}

    def positions(self, word: str, strict: bool = False) -> dict[int, float]:
        """Where ``word`` (or a form of it) occurs in the reply, with how well it matches."""
        cached = self._cache.get((word, strict))
        if cached is not None:
            return cached
        found: dict[int, float] = {}
        for other, score in self._similar(word, strict):
            for position in self._positions[other]:
                found[position] = max(found.get(position, 0.0), score)
        self._cache[(word, strict)] = found
        return found

    def _similar(self, word: str, strict: bool):
        """Words of the reply that count as ``word``. Strict (for set phrases): the word
        itself or a near-identical slip; otherwise also other endings of the same stem."""
        if word in self._positions:
            yield word, 1.0
        if strict:
            if len(word) >= 6:
                for other, score, _ in process.extract(word, self._unique, scorer=fuzz.ratio, score_cutoff=_STRICT_CUTOFF, limit=None):
                    if other != word:
                        yield other, score / 100
            return
        stem = max(5, len(word) - 3)
        if len(word) >= 5:
            for other in self._unique:
                if other != word and other[:stem] == word[:stem]:
                    yield other, 1.0
        if len(word) >= 4:
            for other, score, _ in process.extract(word, self._unique, scorer=fuzz.ratio, score_cutoff=_SLIP_CUTOFF, limit=None):
                if other != word:
                    yield other, score / 100

    def score(self, wording: Wording, strict: bool = False, ordered: bool = False) -> float:
        """0..1: how fully the wording is said (1.0 = every word and number found together).

        ``ordered``: the words must come in the wording's order, a word or two apart at
        most; for statements that reverse their meaning when reordered ("постачальник
        призначає" vs "призначає Пенсійний фонд, а не постачальник").
        """
        tokens = wording.tokens
        found = [self.positions(token, strict) for token in tokens]
        if ordered and len(found) > 1:
            if wording.norm.said_numbers and not self._number_chain(wording.norm.said_numbers):
                return 0.0
            return _in_order(found)
        if wording.norm.said_numbers:
            starts = self._number_chain(wording.norm.said_numbers)
            if not starts:
                return 0.0
            found.append({place: 1.0 for place in starts})
        if not found:
            return 0.0
        anywhere = sum(max(f.values(), default=0.0) for f in found) / len(found)
        if len(found) == 1 or anywhere < FACT_THRESHOLD:
            return anywhere
        return _closest_together(found, window=len(found) + 2)

    def _number_chain(self, wanted: tuple[tuple[int, frozenset[float]], ...]) -> list[int]:
        """Places where the wording's numbers are said in its order, each within a few
        words of the one before ("з 22 до 7" is not a 22 here and a 7 elsewhere)."""
        said = self.norm.said_numbers
        starts = []
        for k, (place, readings) in enumerate(said):
            if not readings & wanted[0][1]:
                continue
            last_k, last_place, ok = k, place, True
            for _, needed in wanted[1:]:
                nxt = next((j for j in range(last_k + 1, len(said)) if said[j][1] & needed and said[j][0] - last_place <= _NUMBER_GAP), None)
                if nxt is None:
                    ok = False
                    break
                last_k, last_place = nxt, said[nxt][0]
            if ok:
                starts.append(place)
        return starts

    def says(self, wording: Wording, threshold: float = FACT_THRESHOLD, strict: bool = False, ordered: bool = False) -> bool:
        return self.score(wording, strict, ordered) >= threshold

    def says_phrase(self, wording: Wording) -> bool:
        """For set phrases (forbidden, lexicon): every word, in its own form and order."""
        return self.says(wording, PHRASE_THRESHOLD, strict=True, ordered=True)

    def phrase_position(self, wording: Wording) -> int | None:
        """Where a set phrase starts in the reply, if it is said."""
        if not self.says_phrase(wording):
            return None
        starts = [min(found) for found in (self.positions(t, True) for t in wording.tokens) if found]
        return min(starts) if starts else 0


def _closest_together(found: list[dict[int, float]], window: int) -> float:
    anchors = min((f for f in found if f), key=len, default={})
    best = 0.0
    for anchor in anchors:
        total = sum(max((s for p, s in f.items() if abs(p - anchor) <= window), default=0.0) for f in found)
        best = max(best, total / len(found))
    return best


def _in_order(found: list[dict[int, float]], max_gap: int = 1) -> float:
    """Best mean score over placements where each word follows the previous one closely."""
    best = 0.0
    for start, first in found[0].items():
        total, last = first, start
        for positions in found[1:]:
            options = [(s, p) for p, s in positions.items() if last < p <= last + 1 + max_gap]
            if options:
                score, last = max(options)
                total += score
        best = max(best, total / len(found))
    return best
