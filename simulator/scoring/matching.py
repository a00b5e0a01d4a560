"""Does a reply say a wording? Tolerant of word endings and transcription slips.

A wording ("за середнім споживанням", "4,32 грн") is said when its numbers are said in
its order, close together, and its words are found close to them in the reply. A word
is found when it is the same word, shares its stem (all but the last three letters, at
least five), or, for words of five letters or more, is a near spelling (a transcription
slip). Set phrases (forbidden phrases, the empathy lexicon) are matched strictly: every
word, stopwords included, in its own form and order.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from .text import STOPWORDS, Normalised, normalise

FACT_THRESHOLD = 0.8
PHRASE_THRESHOLD = 0.9
_SLIP_MIN_LENGTH = 5    # "fee" and "free" are different words, not a slip
_SLIP_CUTOFF = 80
_STRICT_CUTOFF = 88
_NUMBER_GAP = 3         # extra words allowed between two numbers of one wording
_NEGATION_WINDOW = 2    # words before a statement that can negate it
NEGATIONS = frozenset("не ні ніколи жодних жоден немає нема not no never cannot can't don't doesn't won't isn't aren't longer".split())


@dataclass(frozen=True)
class Wording:
    text: str
    norm: Normalised
    places: tuple[int, ...]     # which of norm.words to look for: not stopwords, unless that leaves none

    @property
    def tokens(self) -> tuple[str, ...]:
        return tuple(self.norm.words[i] for i in self.places)

    @classmethod
    def of(cls, text: str, language: str) -> "Wording":
        return _wording(text, language)

    @property
    def negative(self) -> bool:
        return any(word in NEGATIONS for word in self.norm.words)


@lru_cache(maxsize=8192)
def _wording(text: str, language: str) -> Wording:
    norm = normalise(text, language)
    places = tuple(i for i, word in enumerate(norm.words) if word not in STOPWORDS)
    return Wording(text, norm, places or tuple(range(len(norm.words))))


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
        self._cache: dict[tuple[str, bool], dict[int, float]] = {}

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
        if len(word) < _SLIP_MIN_LENGTH:
            return
        if not strict:
            stem = max(5, len(word) - 3)
            for other in self._unique:
                if other != word and other[:stem] == word[:stem]:
                    yield other, 1.0
        cutoff = _STRICT_CUTOFF if strict else _SLIP_CUTOFF
        for other, score, _ in process.extract(word, self._unique, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None):
            if other != word:
                yield other, score / 100

    def match(self, wording: Wording, strict: bool = False, ordered: bool = False) -> tuple[float, int | None]:
        """(0..1: how fully the wording is said, where it starts in the reply).

        ``ordered``: the words must come in the wording's order, a word apart at most;
        for statements that reverse their meaning when reordered ("постачальник
        призначає" vs "призначає Пенсійний фонд, а не постачальник").
        """
        places = range(len(wording.norm.words)) if strict else wording.places
        words = wording.norm.words
        if ordered:
            return _in_order(self._sequence(wording, places, strict))
        found = [self.positions(words[i], strict) for i in places]
        if wording.norm.said_numbers:
            starts = self._number_chain(wording.norm.said_numbers)
            if not starts:
                return 0.0, None
            found.append({place: 1.0 for place in starts})
        if not found:
            return 0.0, None
        anywhere = sum(max(f.values(), default=0.0) for f in found) / len(found)
        if len(found) == 1 or anywhere < FACT_THRESHOLD:
            return anywhere, min(found[0], default=None)
        return _closest_together(found, window=len(found) + 2)

    def _sequence(self, wording: Wording, places, strict: bool) -> list[tuple[float, dict[float, float]]]:
        """The wording's words and numbers in its order, each with where it is found in the
        reply. A number sits half a place before the word it precedes, on both sides."""
        sequence = [(float(i), self.positions(wording.norm.words[i], strict)) for i in places]
        for place, readings in wording.norm.said_numbers:
            found = {at - 0.5: 1.0 for at, mine in self.norm.said_numbers if mine & readings}
            sequence.append((place - 0.5, found))
        return sorted(sequence, key=lambda item: item[0])

    def score(self, wording: Wording, strict: bool = False, ordered: bool = False) -> float:
        return self.match(wording, strict, ordered)[0]

    def says(self, wording: Wording, threshold: float = FACT_THRESHOLD, strict: bool = False, ordered: bool = False) -> bool:
        return self.score(wording, strict, ordered) >= threshold

    def states(self, wording: Wording) -> bool:
        """For statements (wrong facts): said in order and not negated just before
        ("you can no longer submit through Privat24" does not state "through Privat24")."""
        score, start = self.match(wording, ordered=True)
        if score < FACT_THRESHOLD:
            return False
        if wording.negative or start is None:
            return True
        before = self.words[max(0, start - _NEGATION_WINDOW):start]
        return not any(word in NEGATIONS for word in before)

    def says_phrase(self, wording: Wording) -> bool:
        """For set phrases (forbidden, lexicon): every word, in its own form and order."""
        return self.says(wording, PHRASE_THRESHOLD, strict=True, ordered=True)

    def phrase_position(self, wording: Wording) -> int | None:
        """Where a set phrase starts in the reply, if it is said."""
        score, start = self.match(wording, strict=True, ordered=True)
        return start if score >= PHRASE_THRESHOLD else None

    def _number_chain(self, wanted: tuple[tuple[int, frozenset[float]], ...]) -> list[int]:
        """Places where the wording's numbers are said in its order, each within a few
        words of the one before ("з 22 до 7" is not a 22 here and a 7 elsewhere)."""
        said = self.norm.said_numbers
        starts = []
        for k, (place, readings) in enumerate(said):
            if not readings & wanted[0][1]:
                continue
            last_k, last_place, ok = k, place, True
            for (before, _), (own_place, needed) in zip(wanted, wanted[1:]):
                reach = last_place + (own_place - before) + _NUMBER_GAP
                nxt = next((j for j in range(last_k + 1, len(said)) if said[j][1] & needed and said[j][0] <= reach), None)
                if nxt is None:
                    ok = False
                    break
                last_k, last_place = nxt, said[nxt][0]
            if ok:
                starts.append(place)
        return starts


def _closest_together(found: list[dict[int, float]], window: int) -> tuple[float, int | None]:
    anchors = min((f for f in found if f), key=len, default={})
    best, where = 0.0, None
    for anchor in anchors:
        total = sum(max((s for p, s in f.items() if abs(p - anchor) <= window), default=0.0) for f in found)
        if total / len(found) > best:
            best, where = total / len(found), anchor
    return best, where


def _in_order(sequence: list[tuple[float, dict[float, float]]], max_gap: int = 1) -> tuple[float, int | None]:
    """Best mean score over placements where each element follows the previous one in
    the reply as it does in the wording, with at most ``max_gap`` extra words between."""
    if not sequence:
        return 0.0, None
    best, where = 0.0, None
    for start, first in sequence[0][1].items():
        total, last, last_wording = first, start, sequence[0][0]
        for wording_place, positions in sequence[1:]:
            reach = last + (wording_place - last_wording) + max_gap
            options = [(s, p) for p, s in positions.items() if last < p <= reach]
            if options:
                score, last = max(options)
                total += score
            last_wording = wording_place
        if total / len(sequence) > best:
            best, where = total / len(sequence), int(start + 0.5)
    return best, where
