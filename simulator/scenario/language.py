"""Is a line of text in the scenario's language? A cheap check on letters and telltale words."""
from __future__ import annotations

import re

_RUSSIAN_LETTERS = set("ыэъё")
_RUSSIAN_WORDS = {"что", "как", "нет", "спасибо", "пожалуйста", "здравствуйте", "сейчас", "счет", "свет", "звонок", "хорошо"}
_WORD = re.compile(r"[^\W\d_]+")


def problem(text: str, language: str) -> str | None:
    """A message when ``text`` is not in ``language``; None when it looks right."""
    letters = [c for c in str(text) if c.isalpha()]
    if len(letters) < 3:
        return None
    cyrillic = sum(1 for c in letters if "\u0400" <= c <= "\u04ff")
    latin = sum(1 for c in letters if c.isascii())
    lower = str(text).lower()
    if language == "uk":
        if _RUSSIAN_LETTERS & set(lower) or _RUSSIAN_WORDS & set(_WORD.findall(lower)):
            return "this looks like Russian, not Ukrainian (Russian letters or words)"
        if latin > cyrillic:
            return "this looks like English (Latin letters) in a Ukrainian scenario"
    elif language == "en" and cyrillic > 0.25 * (cyrillic + latin):
        return "this looks like Ukrainian (Cyrillic letters) in an English scenario"
    return None
