"""Counted words in Ukrainian and English: 1 бал, 2 бали, 5 балів, 21 бал, 1,5 бала; 1 point, 2 points.

One place for the plural rule (CLDR's for Ukrainian: one / few / many, and a fraction takes
the genitive singular). Interface strings write ``{score:points}`` and get the number with
its word; ``format`` fills such a string.
"""
from __future__ import annotations

import re
import string

WORDS = {
    "points": {"uk": ("бал", "бали", "балів", "бала"), "en": ("point", "points")},
    "times": {"uk": ("раз", "рази", "разів", "раза"), "en": ("time", "times")},
    # after «не більше», «понад»: the genitive (не більше 1 секунди, 2 секунд, 120 секунд)
    "seconds_genitive": {"uk": ("секунди", "секунд", "секунд", "секунди"), "en": ("second", "seconds")},
}


def count(value, word: str = "points", language: str = "uk") -> str:
    """``value`` with the right form of ``word``: count(91) -> '91 бал'. In a text with several
    numbers the word agrees with the last ('71 → 80 балів'); a text with none (a dash for
    'none') is returned as it is."""
    try:
        number = float(str(value).replace(",", "."))
    except ValueError:
        numbers = re.findall(r"\d+(?:[.,]\d+)?", str(value))
        if not numbers:
            return str(value)
        return f"{value} {count(numbers[-1], word, language).split(' ', 1)[1]}"
    forms = WORDS[word]["uk" if language == "uk" else "en"]
    whole = number == int(number)
    shown = f"{int(number)}" if whole else f"{number:g}"
    if language != "uk":
        return f"{shown} {forms[0] if number == 1 else forms[1]}"
    shown = shown.replace(".", ",")
    if not whole:
        return f"{shown} {forms[3]}"
    n = abs(int(number))
    if n % 10 == 1 and n % 100 != 11:
        return f"{shown} {forms[0]}"
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return f"{shown} {forms[1]}"
    return f"{shown} {forms[2]}"


class _Formatter(string.Formatter):
    def __init__(self, language: str):
        self.language = language

    def format_field(self, value, format_spec):
        if format_spec in WORDS:
            return count(value, format_spec, self.language)
        return super().format_field(value, format_spec)


def format(text: str, language: str, /, **values) -> str:  # noqa: A001 - the module's verb
    """``text.format(**values)`` where ``{name:points}`` says the number with its word."""
    return _Formatter(language).format(text, **values)
