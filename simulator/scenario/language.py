"""Is a line of text in the scenario's language? A cheap check on letters and telltale words.

A customer may switch to Russian or speak surzhyk where the scenario marks it (a node's
``customer_language: ru`` or ``surzhyk``): those lines are checked for being Cyrillic only, and
the operator's references must still be Ukrainian.
"""
from __future__ import annotations

import re

from .messages import Message

_RUSSIAN_LETTERS = set("ыэъё")
# words that are Russian (or surzhyk), never Ukrainian: «Конечно, а шо» has no Russian letter
_RUSSIAN_WORDS = {
    "что", "шо", "чё", "как", "нет", "спасибо", "пожалуйста", "здравствуйте", "сейчас", "щас", "счет", "свет", "звонок",
    "хорошо", "конечно", "канешно", "канєшно", "только", "сколько", "почему", "тоже", "сегодня", "деньги", "опять",
    "вообще", "ничего", "чего", "зачем", "где", "когда", "кто", "мне", "меня", "тебя", "его", "это", "вот", "здесь",
    "очень", "можно", "нужно", "надо", "ладно", "девушка", "женщина", "делать",
}
_WORD = re.compile(r"[^\W\d_]+")

SWITCHES = ("ru", "surzhyk")  # what a customer may switch to where the scenario marks it


def russian_words(text: str) -> list[str]:
    """The Russian (or surzhyk) words and letters found in ``text``."""
    lower = str(text).lower()
    found = sorted(_RUSSIAN_WORDS & set(_WORD.findall(lower)))
    return found + sorted(_RUSSIAN_LETTERS & set(lower))


def problem(text: str, language: str, spoken: str | None = None) -> str | None:
    """A message when ``text`` is not in ``language``; None when it looks right. ``spoken``: a
    marked switch (``ru`` or ``surzhyk``) that allows Russian words in a customer's line."""
    letters = [c for c in str(text) if c.isalpha()]
    if len(letters) < 3:
        return None
    cyrillic = sum(1 for c in letters if "\u0400" <= c <= "\u04ff")
    latin = sum(1 for c in letters if c.isascii())
    if language == "uk":
        if latin > cyrillic:
            return Message("looks_english")
        if spoken in SWITCHES:
            return None
        found = russian_words(text)
        if found:
            return Message("looks_russian", words=", ".join(found))
    elif language == "en" and cyrillic > 0.25 * (cyrillic + latin):
        return Message("looks_ukrainian")
    return None
