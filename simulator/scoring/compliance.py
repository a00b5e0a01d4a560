"""Compliance: critical mistakes (fail the call) and phrases to avoid (hurt, not critical)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import lexicon
from .matching import Reply, Wording

_PUNCTUATION = re.compile(r"[^\w\s']")


@dataclass(frozen=True)
class Flag:
    kind: str          # forbidden | blame | secret | avoid
    phrase: str        # the wording or the matched text
    critical: bool

    def to_dict(self) -> dict:
        return {"kind": self.kind, "phrase": self.phrase, "critical": self.critical}


def check(reply: Reply, language: str, forbidden: list[str] = ()) -> list[Flag]:
    """Every flag the reply raises; one phrase of a list per place in the reply."""
    flags: list[Flag] = []
    taken: set[int] = set()
    groups = [("forbidden", forbidden, True), ("blame", lexicon.BLAME[language], True)]
    for kind, phrases, critical in groups:
        flags += _phrases(reply, language, kind, phrases, critical, taken)
    plain = " ".join(_PUNCTUATION.sub(" ", reply.text.lower()).split())
    match = lexicon.SECRET_REQUEST[language].search(plain)
    if match:
        flags.append(Flag("secret", match.group(0), True))
    flags += _phrases(reply, language, "avoid", lexicon.AVOID[language], False, taken)
    return flags


def _phrases(reply: Reply, language: str, kind: str, phrases, critical: bool, taken: set[int]) -> list[Flag]:
    found = []
    for phrase in phrases:
        wording = Wording.of(phrase, language)
        where = reply.phrase_position(wording)
        if where is not None:
            if where not in taken:
                taken.add(where)
                found.append(Flag(kind, phrase, critical))
    return found
