"""Numbers said in words or written in digits, in Ukrainian and English.

"чотири гривні тридцять дві копійки", "4,32", "four thirty-two" and "4.32" must all
count as 4.32, and a transcript's "одинадцятої вечора" as 23. We do not try to decide
which reading a speaker meant: every plausible reading is kept as a candidate, and a
fact's number matches when it is among them. Candidates are rounded to cents, so
1,728 and 1,73 are the same price.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

# --- word tables -------------------------------------------------------------------

_UK_UNITS = {
    0: "нуль нуля нулю",
    1: "один одна одне одного одній одним одному одну одної однієї",
    2: "два дві двох двом двома",
    3: "три трьох трьом трьома",
    4: "чотири чотирьох чотирьом чотирма",
    5: "п'ять п'яти п'ятьох п'ятьом п'ятьма",
    6: "шість шести шістьох шістьом шістьма",
    7: "сім семи сімох сімом сімома",
    8: "вісім восьми вісьмох вісьмом вісьмома",
    9: "дев'ять дев'яти дев'ятьох дев'ятьом дев'ятьма",
}
_UK_TEENS_STEMS = {
    10: "десят", 11: "одинадцят", 12: "дванадцят", 13: "тринадцят", 14: "чотирнадцят",
    15: "п'ятнадцят", 16: "шістнадцят", 17: "сімнадцят", 18: "вісімнадцят", 19: "дев'ятнадцят",
}
_UK_TENS = {
    20: "двадцять двадцяти двадцятьох двадцятьма",
    30: "тридцять тридцяти тридцятьох тридцятьма",
    40: "сорок сорока",
    50: "п'ятдесят п'ятдесяти п'ятдесятьох",
    60: "шістдесят шістдесяти шістдесятьох",
    70: "сімдесят сімдесяти сімдесятьох",
    80: "вісімдесят вісімдесяти вісімдесятьох",
    90: "дев'яносто дев'яноста",
}
_UK_HUNDREDS = {
    100: "сто ста", 200: "двісті двохсот двомстам", 300: "триста трьохсот", 400: "чотириста чотирьохсот",
    500: "п'ятсот п'ятисот", 600: "шістсот шестисот", 700: "сімсот семисот",
    800: "вісімсот восьмисот", 900: "дев'ятсот дев'ятисот",
}
_UK_SCALES = {
    1000: "тисяча тисячі тисяч тисячу тисячею тисячам тисячами",
    1_000_000: "мільйон мільйона мільйони мільйонів мільйоном",
}
_UK_ORDINAL_STEMS = {
    1: "перш", 2: "друг", 4: "четверт", 5: "п'ят", 6: "шост", 7: "сьом", 8: "восьм", 9: "дев'ят",
    10: "десят", 11: "одинадцят", 12: "дванадцят", 13: "тринадцят", 14: "чотирнадцят",
    15: "п'ятнадцят", 16: "шістнадцят", 17: "сімнадцят", 18: "вісімнадцят", 19: "дев'ятнадцят",
    20: "двадцят", 30: "тридцят",
}
_UK_HARD_ENDINGS = ("ий", "а", "е", "ого", "ої", "ому", "ій", "им", "ою", "у", "і", "их")
_UK_SOFT_THIRD = ("третій", "третя", "третє", "третього", "третьої", "третьому", "третім", "третю", "треті", "третіх")

_EN_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_EN_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30,
}

CURRENCY_MAJOR = frozenset(
    "грн гривня гривні гривень гривню гривнею гривнях uah hryvnia hryvnias hryvnas hryvnia's hryvnya hryvnyas".split()
)
CURRENCY_MINOR = frozenset("коп копійка копійки копійок копійку kopecks kopeck kopeks kopek kopiykas kopiyka kopiyok kopiyky".split())
_DECIMAL_MARKS = frozenset({"point", "кома", "цілих", "ціла", "цілі"})
_FRACTION_WORDS = {"десятих": 10, "десята": 10, "сотих": 100, "сота": 100, "тисячних": 1000}
_EVENING = frozenset("вечора ночі pm p.m. p.m".split())


def _build() -> dict[str, tuple[str, int]]:
    """word -> (kind, value); kind is unit (0-9), teen (10-19), ten, hundred, scale, ordinal."""
    table: dict[str, tuple[str, int]] = {}
    for value, forms in _UK_UNITS.items():
        for form in forms.split():
            table[form] = ("unit", value)
    for value, stem in _UK_TEENS_STEMS.items():
        for ending in ("ь", "и", "ьох", "ьом", "ьма"):
            table[stem + ending] = ("teen", value)
    for value, forms in _UK_TENS.items():
        for form in forms.split():
            table[form] = ("ten", value)
    for value, forms in _UK_HUNDREDS.items():
        for form in forms.split():
            table[form] = ("hundred", value)
    for value, forms in _UK_SCALES.items():
        for form in forms.split():
            table[form] = ("scale", value)
    for value, stem in _UK_ORDINAL_STEMS.items():
        for ending in _UK_HARD_ENDINGS:
            table.setdefault(stem + ending, ("ordinal", value))
    for form in _UK_SOFT_THIRD:
        table[form] = ("ordinal", 3)
    for form in ("півтора", "півтори", "півтору"):
        table[form] = ("unit", 1.5)
    for word, value in _EN_UNITS.items():
        table[word] = ("unit" if value < 10 else "teen", value)
    for word, value in _EN_TENS.items():
        table[word] = ("ten", value)
    for word, value in _EN_ORDINALS.items():
        table[word] = ("ordinal", value)
    table["hundred"] = ("hundred", 100)
    table["hundreds"] = ("hundred", 100)
    table["thousand"] = ("scale", 1000)
    table["thousands"] = ("scale", 1000)
    table["million"] = ("scale", 1_000_000)
    return table


WORDS = _build()
_PLACE = {"unit": 0, "teen": 0, "ordinal": 0, "ten": 1, "hundred": 2}


MAX_VALUE = 1e12  # nothing in a call is larger; bigger "numbers" are noise


def key(value: float) -> float:
    """The form numbers are compared in: rounded to cents."""
    return round(float(value) + 0.0, 2)


# --- digits ------------------------------------------------------------------------

_DIGITS = re.compile(r"(?<![^\W_])(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?|\d+(?::\d{2})|\d+(?:[.,]\d+)*)")


def parse_digits(raw: str, language: str) -> set[float]:
    """All plausible values of a number written in digits ("1 296,00", "1,296.00", "23:00")."""
    return set(digit_readings(raw, language))


def digit_readings(raw: str, language: str) -> list[float]:
    """The plausible values of a number in digits, the one its writer most likely meant
    first: "2,000" is two thousand in English, "1,728" a price in Ukrainian; "23:00" is 23."""
    try:
        values = _parse_digits(raw)
        first = _meant(raw, language)
    except ValueError:  # "4.32,2.64": two numbers typed without a space
        values = {float(part) for part in re.findall(r"\d+(?:\.\d+)?", raw.replace(",", "."))}
        first = None
    ordered = ([first] if first in values else []) + sorted(values - {first})
    return [v for v in ordered if v < MAX_VALUE]


def _meant(raw: str, language: str) -> float:
    raw = raw.replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    if ":" in raw:
        return float(raw.split(":")[0])
    if "," in raw and "." in raw:
        decimal = "," if raw.rfind(",") > raw.rfind(".") else "."
        return float(raw.replace("." if decimal == "," else ",", "").replace(decimal, "."))
    if raw.count(",") + raw.count(".") > 1:
        return float(raw.replace(",", "").replace(".", ""))
    if "," in raw or "." in raw:
        whole, frac = re.split(r"[.,]", raw)
        if len(frac) == 3 and language == "en" and "," in raw:
            return float(whole + frac)
        return float(f"{whole}.{frac}")
    return float(raw)


def _parse_digits(raw: str) -> set[float]:
    raw = raw.replace("\u00a0", " ").replace("\u202f", " ")
    if ":" in raw:
        hours, minutes = raw.split(":")
        values = {float(hours)}
        if minutes != "00":
            values.add(float(minutes))
        return values
    values: set[float] = set()
    if " " in raw:
        parts = raw.split(" ")
        if not any(part.startswith("0") for part in parts[1:]):  # "60 120" may be two numbers; "2 000" is not
            values.update(float(part.replace(",", ".")) for part in parts if _is_plain(part))
        raw = raw.replace(" ", "")
    if "," in raw and "." in raw:
        decimal = "," if raw.rfind(",") > raw.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        values.add(float(raw.replace(thousands, "").replace(decimal, ".")))
    elif raw.count(",") + raw.count(".") > 1:
        values.add(float(raw.replace(",", "").replace(".", "")))
    elif "," in raw or "." in raw:
        whole, frac = re.split(r"[.,]", raw)
        values.add(float(f"{whole}.{frac}"))
        if len(frac) == 3:  # "2,000" is two thousand in English, "1,728" is a price in Ukrainian
            values.add(float(whole + frac))
    else:
        values.add(float(raw))
    return values


def _is_plain(part: str) -> bool:
    return bool(re.fullmatch(r"\d+(?:[.,]\d+)?", part))


# --- words -------------------------------------------------------------------------

SENTENCE_MARK = "."    # tokens text.py puts where a sentence ends (. ! ? ;)
CLAUSE_MARK = ","       # ... and where a clause may end (, : — brackets, quotes)
MARKS = frozenset({SENTENCE_MARK, CLAUSE_MARK})


class Read(NamedTuple):
    words: list[str]
    said: list[tuple[int, frozenset[float]]]     # (place among the words, every reading)
    meant: list[frozenset[float]]                # for each number said: what a wording means by it
    word_segments: list[tuple[int, int]]         # (sentence, clause) of each word
    number_segments: list[tuple[int, int]]       # (sentence, clause) of each number said


def read_words(tokens: list[str]) -> Read:
    """Split tokens into the words that are not numbers and the numbers said.

    Each number comes with its place (the index of the word it stands before) and all
    its readings, so that "з 22 до 7" can be told apart from a 22 and a 7 far apart.
    Tokens that are digits have been replaced by ``#`` + readings already (see text.py),
    the reading the writer meant first. Punctuation comes as ``.`` and ``,`` tokens: it
    is no word, but tells which sentence and clause each word and number is in, and
    numbers are not read across it ("2,64 грн. 1 жовтня" is not 2,65).

    A reply is read generously (every reading of "two sixteen": 2, 16 and 2.16), an
    accepted wording by what it means (``meant``: 2.16 only), so that a reply's "two-zone"
    does not say a wording's "two sixteen".
    """
    marks: dict[int, str] = {}          # index among the other tokens -> the mark just before it
    clean: list[str] = []
    for token in tokens:
        if token in MARKS:
            if marks.get(len(clean)) != SENTENCE_MARK:
                marks[len(clean)] = token
        else:
            clean.append(token)
    tokens = clean
    words: list[str] = []
    numbers: list[tuple[int, float, bool]] = []  # (token index, value, said in words)
    readings: list[set[float]] = []
    places: list[int] = []
    word_segments: list[tuple[int, int]] = []
    number_segments: list[tuple[int, int]] = []
    sentence = clause = 0
    pending = sorted(marks.items())
    m = 0
    i = 0
    n = len(tokens)
    while i < n:
        while m < len(pending) and pending[m][0] <= i:
            if pending[m][0] > 0:
                clause += 1
                sentence += pending[m][1] == SENTENCE_MARK
            m += 1
        token = tokens[i]
        if token.startswith("#"):
            values = [float(v) for v in token[1:].split("|")]
            numbers.append((i, values[0], False))
            readings.append(set(values))
            places.append(len(words))
            number_segments.append((sentence, clause))
            i += 1
            continue
        if token in WORDS:
            run_end = i
            while run_end < n and (tokens[run_end] in WORDS or _is_connector(tokens, run_end)):
                if run_end > i and run_end in marks:   # «восьмисот — тисяча чотириста» is 800 and 1400, not 800400
                    break
                run_end += 1
            for offset, value in _parse_run(tokens[i:run_end]):
                numbers.append((i + offset, value, True))
                readings.append({value})
                places.append(len(words))
                number_segments.append((sentence, clause))
            i = run_end
            continue
        if token not in CURRENCY_MAJOR and token not in CURRENCY_MINOR and not _decimal_mark(tokens, i):
            words.append(token)
            word_segments.append((sentence, clause))
        i += 1
    meant: list[set[float]] = [{number[1]} for number in numbers]
    merged: set[int] = set()
    for k, value, joined in _combinations(tokens, numbers, marks):
        readings[k].add(value)
        if joined or value != numbers[k][1]:
            meant[k] = {value}
        for j in range(k + 1, min(k + 1 + joined, len(readings))):  # "4 гривні 32 копійки" is one amount
            readings[k] |= readings[j]
            merged.add(j)
    kept = [k for k in range(len(numbers)) if k not in merged]
    said = [(places[k], frozenset(key(v) for v in readings[k] if v < MAX_VALUE)) for k in kept]
    means = []
    for k, (_, every) in zip(kept, said):
        wanted = frozenset(key(v) for v in meant[k] if v < MAX_VALUE) & every
        means.append(wanted or every)
    return Read(words, said, means, word_segments, [number_segments[k] for k in kept])


def _is_number(token: str) -> bool:
    return token.startswith("#") or token in WORDS


def _decimal_mark(tokens: list[str], i: int) -> bool:
    """"point" in "four point three two" is part of the number, not a word of the text."""
    return tokens[i] in _DECIMAL_MARKS and 0 < i < len(tokens) - 1 and _is_number(tokens[i - 1]) and _is_number(tokens[i + 1])


def _is_connector(tokens: list[str], i: int) -> bool:
    return (
        tokens[i] == "and"
        and 0 < i < len(tokens) - 1
        and WORDS.get(tokens[i - 1], ("", 0))[0] in ("hundred", "scale")
        and tokens[i + 1] in WORDS
    )


def _parse_run(run: list[str]) -> list[tuple[int, float]]:
    """Parse consecutive number words into numbers: "four thirty two" -> [4, 32]."""
    out: list[tuple[int, float]] = []
    total = 0
    current = 0
    smallest_place = 9  # the smallest place (0 units, 1 tens, 2 hundreds) filled so far
    last_scale = 10**12
    start = tail = 0
    started = False
    for offset, word in enumerate(run):
        if word == "and":
            continue
        kind, value = WORDS[word]
        if kind == "scale":
            if value >= last_scale and started:
                out.append((start, total + current))
                total, current, started, last_scale = 0, 0, False, 10**12
                start = offset
            total += max(current, 1) * value
            current = 0
            last_scale = value
            smallest_place = 3
            started = True
            continue
        if word in ("hundred", "hundreds"):
            if current >= 100 and current % 100:    # "four hundred two hundred": 400 and 200, not 40,200
                out.append((start, total + current - current % 100))
                total, current, last_scale, start = 0, current % 100, 10**12, tail
            current = max(current, 1) * 100
            smallest_place = 2
            started = True
            continue
        place = _PLACE[kind]
        tens_taken = current % 100 >= 10
        if started and (place >= smallest_place or (kind == "teen" and tens_taken)):
            out.append((start, total + current))
            total, current, last_scale = 0, 0, 10**12
            started = False
        if not started:
            start = offset
        if smallest_place >= 2:
            tail = offset       # where the part below a hundred begins
        current += value
        smallest_place = place
        started = True
    if started:
        out.append((start, total + current))
    return out


_KOPECK_NEIGHBOURS = frozenset("за на в у і й та а але per a an the for and but kwh".split())


def _evening(tokens: list[str], index: int) -> bool:
    """An hour said with the evening after it: «одинадцятої вечора», "11 pm", "eleven at night",
    "eleven o'clock in the evening"."""
    after = tokens[index + 1: index + 5]
    if after[:1] in (["o'clock"], ["oclock"]):
        after = after[1:]
    return bool(after) and (after[0] in _EVENING or after[:2] == ["at", "night"] or after[:3] == ["in", "the", "evening"])


_NO_MARKS: Mapping[int, str] = MappingProxyType({})   # the default of _combinations: no punctuation, only read


def _combinations(tokens: list[str], numbers: list[tuple[int, float, bool]], marks: Mapping[int, str] = _NO_MARKS) -> list[tuple[int, float, int]]:
    """Other readings of a number: with the next ones (hryvnias and kopecks, "four
    thirty-two", decimals) or with "pm". Each is (index of the number, value, how many
    of the following numbers it takes in). Nothing is joined across punctuation."""
    extra: list[tuple[int, float, int]] = []
    for k, (index, value, in_words) in enumerate(numbers):
        evening = _evening(tokens, index) and 1 <= value <= 12
        if k + 1 >= len(numbers):
            if evening:
                extra.append((k, value + 12 if value < 12 else 0, 0))
            continue
        next_index, next_value, next_in_words = numbers[k + 1]
        end = _end_of(tokens, index)
        between = [t for t in tokens[end + 1: next_index]]
        whole = value == int(value)
        # "from eleven to seven", «з одинадцятої до сьомої»: a span over midnight starts in the evening
        overnight = whole and 6 <= value <= 12 and between in (["to"], ["till"], ["until"], ["до"]) and next_value < value
        if evening or overnight:
            extra.append((k, value + 12 if value < 12 else 0, 0))
        if any(end < at <= next_index for at in marks):
            continue
        # "twenty twenty four": a year said as two pairs of digits (2024), as a recogniser writes it;
        # before the price reading below, so that a wording's "twenty twenty-four" still means 20.24
        if in_words and next_in_words and not between and value in (19, 20) and 0 <= next_value < 100 \
                and next_value == int(next_value):
            extra.append((k, value * 100 + next_value, 1))
        # 4 гривні 32 копійки / 4 hryvnias and 32 kopecks / 4 гривні 32: the kopecks come
        # right after the hryvnias, and "2,64 грн з 1 жовтня" is a price and a date
        if whole and _kopecks(tokens, between, next_index, next_value, marks):
            extra.append((k, value + next_value / 100, 1))
        # "four thirty-two": two numbers said in words with nothing between them
        if in_words and next_in_words and not between and 10 <= next_value < 100 and whole:
            extra.append((k, value + next_value / 100, 1))
        # "4 32", "2 16": a recogniser writes "four thirty-two" as two numbers in digits, the
        # second of two digits right after the first (issue 9, accuracy probe 6)
        if not in_words and not next_in_words and next_index == index + 1 and whole and value < 100 \
                and 10 <= next_value < 100 and next_value == int(next_value):
            extra.append((k, value + next_value / 100, 1))
        # "four point three two", "чотири кома тридцять дві", "чотири цілих тридцять дві сотих"
        if between and between[-1] in _DECIMAL_MARKS and whole:
            fraction, digits = _fraction(tokens, numbers, k + 1)
            extra.append((k, value + fraction, digits))
    return extra


def _kopecks(tokens: list[str], between: list[str], next_index: int, next_value: float, marks: dict[int, str]) -> bool:
    core = [t for t in between if t not in ("and", "і", "й", "та")]
    if len(core) != 1 or core[0] not in CURRENCY_MAJOR or not (0 <= next_value < 100 and next_value == int(next_value)):
        return False
    after = _end_of(tokens, next_index) + 1
    if after >= len(tokens) or after in marks:
        return True
    return tokens[after] in CURRENCY_MINOR or tokens[after] in _KOPECK_NEIGHBOURS


def _end_of(tokens: list[str], index: int) -> int:
    """The last token of the number starting at ``index`` (a run of number words)."""
    end = index
    while end + 1 < len(tokens) and tokens[end + 1] in WORDS:
        end += 1
    return end


def _fraction(tokens: list[str], numbers: list[tuple[int, float, bool]], k: int) -> tuple[float, int]:
    """The part after a decimal mark, and how many numbers it was said as."""
    index, value, _ = numbers[k]
    end = _end_of(tokens, index)
    after = tokens[end + 1] if end + 1 < len(tokens) else ""
    if after in _FRACTION_WORDS:
        return value / _FRACTION_WORDS[after], 1
    # digit by digit: "point three two"
    digits = [WORDS[t][1] for t in tokens[index:end + 1] if t in WORDS and WORDS[t][1] < 10]
    if len(digits) == end + 1 - index and len(digits) > 1 and all(d == int(d) for d in digits):
        return float("0." + "".join(str(int(d)) for d in digits)), len(digits)
    whole = str(int(value))
    return int(whole) / (10 ** len(whole)), 1
