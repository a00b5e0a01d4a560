"""Text as the scorers compare it: lower case, one kind of apostrophe, numbers as values.

Everything that compares a reply with a wording (key facts, wrong facts, forbidden
phrases, reference answers) goes through ``normalise`` so that they agree on what a
word and a number are.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import numbers

_APOSTROPHES = re.compile(r"[’ʼ`´‘]")
_KWH = re.compile(r"кіловат[- ]?годин\w*|квт[\s·.\-]*год(?:ин\w*)?|kilowatt[- ]?hours?|kwh|квт")
_AM_PM = re.compile(r"\b([ap])\.\s?m\.?")
_RESERVED = re.compile(r"[#|]")  # our own marks for numbers below
_ORDINAL_SUFFIX = re.compile(r"(\d)(?:(?:st|nd|rd|th)|-(?:го|ого|му|ому|ше|ге|тє|те|е|й|я|ї|ій))\b")  # 21st, 3-го
_PERCENT = re.compile(r"%|\bper\s?cent\b|\bвідсот\w*")
_TOKEN = re.compile(r"#[\d.|]+|[^\W\d_]+\d+\b|[^\W\d_]+(?:'[^\W\d_]+)*")  # numbers, names like T1 or Приват24, words
# punctuation that ends a sentence or a clause, and the tokens it becomes (see numbers.read_words)
_PUNCTUATION = re.compile(r"(?P<sentence>[.!?;…]+)|(?P<clause>[,:—–]|(?<=\s)-(?=\s))")  # quotes and brackets end nothing
_TOKEN_OR_MARK = re.compile(_TOKEN.pattern + "|" + _PUNCTUATION.pattern)
_CONTRACTION = re.compile(r"\b(\w+?)n't\b")  # isn't -> is not: "not transferred" is found in "isn't transferred"
_CONTRACTED = {"wo": "will", "ca": "can", "sha": "shall"}
# T1/Т1 (Latin or Cyrillic): a zone's name, not a number; also as a transcript writes it spoken, the
# letter and a number word («т один», «те два», "tee three", "t one"). Not «ті два» ("those two").
_METER_ZONE = re.compile(r"\b(?:[tт]|tee|те)[\s-]?([1-3]|один|одна|два|дві|три|one|two|three)\b")
_ZONE_NUMBER = {"один": "1", "одна": "1", "два": "2", "дві": "2", "три": "3", "one": "1", "two": "2", "three": "3"}

STOPWORDS = frozenset(
    "і й та а в у на з із зі до за по о об від при для що це як же б би чи the a an of to in on at for"
    " and or is are be by with it this that".split()
)


@dataclass(frozen=True)
class Normalised:
    words: tuple[str, ...]          # the words, numbers and currency names taken out
    said_numbers: tuple[tuple[int, frozenset[float]], ...]  # (place among the words, readings)
    meant: tuple[frozenset[float], ...] = ()    # for each number: the reading(s) its writer meant
    word_segments: tuple[tuple[int, int], ...] = ()      # (sentence, clause) of each word, by punctuation
    number_segments: tuple[tuple[int, int], ...] = ()    # (sentence, clause) of each number

    @property
    def meant_numbers(self) -> tuple[tuple[int, frozenset[float]], ...]:
        """The numbers as a wording means them: "two sixteen" is 2.16, not also 2 or 16;
        "2,000" in English is 2000. A reply is read with every reading (``said_numbers``)."""
        if len(self.meant) != len(self.said_numbers):
            return self.said_numbers
        return tuple((place, meant) for (place, _), meant in zip(self.said_numbers, self.meant))

    @property
    def numbers(self) -> frozenset[float]:
        """Every reading of every number, rounded to cents."""
        return frozenset().union(*(readings for _, readings in self.said_numbers))

    @property
    def content(self) -> tuple[str, ...]:
        return tuple(w for w in self.words if w not in STOPWORDS)


@lru_cache(maxsize=8192)
def normalise(text: str, language: str = "uk") -> Normalised:
    text = _RESERVED.sub(" ", _APOSTROPHES.sub("'", str(text).lower()))
    text = _ORDINAL_SUFFIX.sub(r"\1", text)
    text = _CONTRACTION.sub(lambda m: _CONTRACTED.get(m.group(1), m.group(1)) + " not", text)
    text = _PERCENT.sub(" percent ", text)
    text = _KWH.sub(" kwh ", text)
    text = _METER_ZONE.sub(lambda m: f" t{_ZONE_NUMBER.get(m.group(1), m.group(1))} ", text)
    text = _AM_PM.sub(lambda m: f" {m.group(1)}m ", text)
    text = numbers._DIGITS.sub(lambda m: " #" + "|".join(_fmt(v) for v in numbers.digit_readings(m.group(0), language)) + " ", text)
    tokens = [_mark(m) for m in _TOKEN_OR_MARK.finditer(text)]
    read = numbers.read_words(tokens)
    return Normalised(
        tuple(read.words), tuple(read.said), tuple(read.meant), tuple(read.word_segments), tuple(read.number_segments)
    )


def _mark(match: re.Match) -> str:
    if match.group("sentence"):
        return numbers.SENTENCE_MARK
    if match.group("clause"):
        return numbers.CLAUSE_MARK
    return match.group(0)


def _fmt(value: float) -> str:
    return f"{float(value):.6f}"  # never "1e+16": the token is read back by numbers.read_words
