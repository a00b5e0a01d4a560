"""Ukrainian dictionary forms (lemmas), for telling word endings from other words.

«платежу» is a form of «платіж», «платіжку» is another word (a payment slip); a stem
rule cannot tell them apart, a dictionary can. pymorphy3 with its Ukrainian dictionary
(requirements.txt) does this offline; without it the matcher falls back on its spelling
rules (see matching.py), so nothing here is required for scoring to work.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

try:  # pragma: no cover - the import either works or it does not
    import pymorphy3
except ImportError:  # pragma: no cover
    pymorphy3 = None

_PARTS = {"PRTF": "ADJF", "ADJS": "ADJF", "PRTS": "ADJF", "INFN": "VERB", "GRND": "VERB"}


@dataclass(frozen=True)
class Analysis:
    known: bool                     # in the dictionary (a slip or a name is not)
    lemmas: frozenset[str]          # dictionary forms, reflexive verbs without «-ся»
    parts: frozenset[str]           # parts of speech (participles count as adjectives)
    past: bool                      # can be a verb in the past tense («зробили», «знайшлася»)


_UNKNOWN = Analysis(False, frozenset(), frozenset(), False)
_UKRAINIAN = re.compile(r"[а-щьюяєіїґ']+")


@lru_cache(maxsize=1)
def _analyzer():
    if pymorphy3 is None:
        return None
    try:
        return pymorphy3.MorphAnalyzer(lang="uk")
    except Exception:  # the dictionary package is missing or broken: spelling rules only
        return None


def available() -> bool:
    return _analyzer() is not None


@lru_cache(maxsize=65536)
def analyse(word: str) -> Analysis | None:
    """The word's analysis, or None when no dictionary is installed."""
    analyzer = _analyzer()
    if analyzer is None or not word:
        return None
    if not _UKRAINIAN.fullmatch(word):     # a name, a Latin slip, a symbol: not in the dictionary
        return _UNKNOWN
    try:
        parses = [p for p in analyzer.parse(word) if p.is_known]
    except Exception:  # pragma: no cover - the analyser's own failures are no reason to stop scoring
        return _UNKNOWN
    if not parses:
        return _UNKNOWN
    parts = {_PARTS.get(p.tag.POS, p.tag.POS) for p in parses if p.tag.POS}
    lemmas = {_bare(p.normal_form, p.tag.POS) for p in parses}
    past = any(p.tag.POS == "VERB" and "past" in p.tag for p in parses)
    return Analysis(True, frozenset(lemmas), frozenset(parts), past)


def _bare(lemma: str, part: str | None) -> str:
    """«прийматися» and «приймати» are one verb here: «приймаються» says «приймає»."""
    if part in ("VERB", "INFN") and lemma.endswith(("ся", "сь")) and len(lemma) > 4:
        return lemma[:-2]
    return lemma
