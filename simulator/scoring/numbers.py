"""Numbers said in words or written in digits, in Ukrainian and English.

"чотири гривні тридцять дві копійки", "4,32", "four thirty-two" and "4.32" must all
count as 4.32, and a transcript's "одинадцятої вечора" as 23. We do not try to decide
which reading a speaker meant: every plausible reading is kept as a candidate, and a
fact's number matches when it is among them. Candidates are rounded to cents, so
1,728 and 1,73 are the same price.
"""
from __future__ import annotations

import re

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
    try:
        values = _parse_digits(raw)
    except ValueError:  # "4.32,2.64": two numbers typed without a space
        values = {float(part) for part in re.findall(r"\d+(?:\.\d+)?", raw.replace(",", "."))}
    return {v for v in values if v < MAX_VALUE}


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

def read_words(tokens: list[str]) -> tuple[list[str], list[tuple[int, frozenset[float]]]]:
    """Split tokens into the words that are not numbers and the numbers said.

    Each number comes with its place (the index of the word it stands before) and all
    its readings, so that "з 22 до 7" can be told apart from a 22 and a 7 far apart.
    Tokens that are digits have been replaced by ``#`` + readings already (see text.py).
    """
    words: list[str] = []
    numbers: list[tuple[int, float, bool]] = []  # (token index, value, said in words)
    readings: list[set[float]] = []
    places: list[int] = []
    i = 0
    n = len(tokens)
    while i < n:
        token = tokens[i]
        if token.startswith("#"):
            values = [float(v) for v in token[1:].split("|")]
            numbers.append((i, values[0], False))
            readings.append(set(values))
            places.append(len(words))
            i += 1
            continue
        if token in WORDS:
            run_end = i
            while run_end < n and (tokens[run_end] in WORDS or _is_connector(tokens, run_end)):
                run_end += 1
            for offset, value in _parse_run(tokens[i:run_end]):
                numbers.append((i + offset, value, True))
                readings.append({value})
                places.append(len(words))
            i = run_end
            continue
        if token not in CURRENCY_MAJOR and token not in CURRENCY_MINOR and not _decimal_mark(tokens, i):
            words.append(token)
        i += 1
    merged: set[int] = set()
    for k, value, joined in _combinations(tokens, numbers):
        readings[k].add(value)
        for j in range(k + 1, min(k + 1 + joined, len(readings))):  # "4 гривні 32 копійки" is one amount
            readings[k] |= readings[j]
            merged.add(j)
    return words, [
        (place, frozenset(key(v) for v in values if v < MAX_VALUE))
        for k, (place, values) in enumerate(zip(places, readings))
        if k not in merged
    ]


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
    start = 0
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
        current += value
        smallest_place = place
        started = True
    if started:
        out.append((start, total + current))
    return out


def _combinations(tokens: list[str], numbers: list[tuple[int, float, bool]]) -> list[tuple[int, float, int]]:
    """Other readings of a number: with the next ones (hryvnias and kopecks, "four
    thirty-two", decimals) or with "pm". Each is (index of the number, value, how many
    of the following numbers it takes in)."""
    extra: list[tuple[int, float, int]] = []
    for k, (index, value, in_words) in enumerate(numbers):
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        if following in _EVENING and 1 <= value <= 12:
            extra.append((k, value + 12 if value < 12 else 0, 0))
        if k + 1 >= len(numbers):
            continue
        next_index, next_value, next_in_words = numbers[k + 1]
        between = [t for t in tokens[_end_of(tokens, index) + 1: next_index]]
        # 4 гривні 32 копійки / 4 hryvnias 32 kopecks
        if any(t in CURRENCY_MAJOR for t in between) and 0 <= next_value < 100 and next_value == int(next_value):
            extra.append((k, value + next_value / 100, 1))
        # "four thirty-two": two numbers said in words with nothing between them
        if in_words and next_in_words and not between and 10 <= next_value < 100 and value == int(value):
            extra.append((k, value + next_value / 100, 1))
        # "four point three two", "чотири кома тридцять дві", "чотири цілих тридцять дві сотих"
        if between and between[-1] in _DECIMAL_MARKS and value == int(value):
            fraction, digits = _fraction(tokens, numbers, k + 1)
            extra.append((k, value + fraction, digits))
    return extra


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
