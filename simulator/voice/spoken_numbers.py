"""Figures as they are said aloud, for checking key facts against a recording.

A key fact's accepted wording holds figures in digits («з 23:00 до 7:00», "4.32"), but a
speaker says them in words («з двадцять три нуль нуль до сім нуль нуль», «з двадцять
третьої до сьомої», "four point three two"). The transcript's words are matched to digits
by the scorer (simulator.scoring.numbers reads «двадцять три нуль нуль» as 23:00); the
check against the recording (verify.py) scores a wording's *tokens* against the audio, and
the tokens of «23:00» are not what was said. So each wording and reference answer with
figures is also checked as it would be spoken: `spoken(text, language)` gives those readings.

Readings (the number words are the scorer's own tables):
- uk: whole numbers in words (2000 → «дві тисячі»); a time H:MM as «H нуль нуль» / «H MM»,
  and after «з», «до», «від», «після», «о», «об», «по» also as an hour («з двадцять третьої»,
  «о сьомій»); a decimal «4,32» as «чотири кома тридцять два»; «Т1» as «те один»;
- en: whole numbers in words ("two thousand"); H:MM as "H zero zero" / "H MM" and as
  "H a.m." / "H p.m." ("eleven p.m."); "4.32" as "four point three two"; "the 20th" stays.
"""
from __future__ import annotations

import re

from ..scoring import numbers as tables

_TIME = re.compile(r"(?<![\d:])(\d{1,2}):(\d{2})(?![\d:])")
_DECIMAL = {"uk": re.compile(r"(?<![\d,.])(\d+),(\d{1,3})(?![\d,])"), "en": re.compile(r"(?<![\d,.])(\d+)\.(\d{1,3})(?![\d.])")}
_GROUPED = {"uk": re.compile(r"(?<![\d,])(\d{1,3}) (\d{3})(?![\d,])"), "en": re.compile(r"(?<![\d.])(\d{1,3}),(\d{3})(?![\d,])")}
_WHOLE = re.compile(r"(?<![\w:,.])\d+(?![\w:]|[,.]\d)")      # not "20th", "T1" (en) or part of a figure
_LETTER_DIGIT = re.compile(r"(?<!\w)([ТT])(\d)(?!\w)")
_HOUR_BEFORE = {"з": "ої", "із": "ої", "зі": "ої", "до": "ої", "від": "ої", "після": "ої", "о": "ій", "об": "ій", "по": "ій"}


def spoken(text: str, language: str) -> list[str]:
    """``text`` with its figures in words, in each reading (none when it has no figures)."""
    if not re.search(r"\d", text):
        return []
    readings = [_say(text, language, hours=False)]
    if language == "uk" and _TIME.search(text):
        readings.append(_say(text, language, hours=True))
    if language == "en" and _TIME.search(text):
        readings.append(_say(text, language, hours=True))
    return list(dict.fromkeys(r for r in readings if r != text))


def _say(text: str, language: str, hours: bool) -> str:
    words = _uk if language == "uk" else _en
    if hours:
        text = _TIME.sub(lambda m: _hour(m, text, language), text)
    text = _TIME.sub(lambda m: f"{words(int(m[1]))} {_minutes(m[2], words, language)}", text)
    text = _GROUPED[language].sub(lambda m: m[1] + m[2], text)
    mark = "кома" if language == "uk" else "point"
    if language == "uk":
        text = _DECIMAL["uk"].sub(lambda m: f"{words(int(m[1]))} {mark} {words(int(m[2]))}", text)
        text = _LETTER_DIGIT.sub(lambda m: f"те {words(int(m[2]))}", text)
    else:
        text = _DECIMAL["en"].sub(lambda m: f"{words(int(m[1]))} {mark} " + " ".join(words(int(d)) for d in m[2]), text)
    text = _WHOLE.sub(lambda m: words(int(m[0])) if len(m[0]) <= 7 else m[0], text)
    return " ".join(text.split())


def _minutes(mm: str, words, language: str) -> str:
    if mm == "00":
        return f"{words(0)} {words(0)}"
    return f"{words(0)} {words(int(mm[1]))}" if mm[0] == "0" else words(int(mm))


def _hour(match: re.Match, text: str, language: str) -> str:
    """H:00 read as an hour: «з 23:00» → «з двадцять третьої», "23:00" → "eleven p.m."."""
    hour, minutes = int(match[1]), match[2]
    if minutes != "00" or hour > 24:
        return match[0]
    if language == "en":
        twelve = hour % 12 or 12
        return f"{_en(twelve)} {'p.m.' if 12 <= hour < 24 else 'a.m.'}"
    before = text[:match.start()].split()
    ending = _HOUR_BEFORE.get(before[-1].lower()) if before else None
    return _uk_hour(hour, ending) if ending else match[0]


def _uk_hour(hour: int, ending: str) -> str:
    """The hour as a feminine ordinal (година): 23, «ої» → «двадцять третьої»."""
    if hour == 0:
        hour = 24
    tens, unit = (hour // 10 * 10, hour % 10) if hour > 20 else (0, hour)
    stem = tables._UK_ORDINAL_STEMS.get(unit)
    third = {"ої": "третьої", "ій": "третій"}[ending]
    ordinal = third if unit == 3 else f"{stem}{ending}"
    return f"{_uk(tens)} {ordinal}" if tens else ordinal


def _uk(n: int) -> str:
    """``n`` (0 to 9 999 999) in Ukrainian words, as it is read out (nominative)."""
    if n == 0:
        return _first(tables._UK_UNITS[0])
    parts = []
    millions, n = divmod(n, 1_000_000)
    thousands, n = divmod(n, 1000)
    if millions:
        parts.append(_uk_below_thousand(millions, feminine=False) + " " + _plural(millions, "мільйон мільйони мільйонів"))
    if thousands:
        parts.append(_uk_below_thousand(thousands, feminine=True) + " " + _plural(thousands, "тисяча тисячі тисяч"))
    if n:
        parts.append(_uk_below_thousand(n, feminine=False))
    return " ".join(parts)


def _uk_below_thousand(n: int, feminine: bool) -> str:
    hundreds, rest = divmod(n, 100)
    out = [_first(tables._UK_HUNDREDS[hundreds * 100])] if hundreds else []
    if 10 <= rest < 20:
        out.append(tables._UK_TEENS_STEMS[rest] + "ь")
    else:
        tens, unit = divmod(rest, 10)
        if tens:
            out.append(_first(tables._UK_TENS[tens * 10]))
        if unit:
            out.append({1: "одна", 2: "дві"}[unit] if feminine and unit in (1, 2) else _first(tables._UK_UNITS[unit]))
    return " ".join(out)


def _plural(n: int, forms: str) -> str:
    one, few, many = forms.split()
    if n % 100 in range(11, 20):
        return many
    return one if n % 10 == 1 else few if n % 10 in (2, 3, 4) else many


def _en(n: int) -> str:
    """``n`` (0 to 9 999 999) in English words."""
    names = {v: k for k, v in {**tables._EN_UNITS, **tables._EN_TENS}.items()}
    if n < 20:
        return names[n]
    if n < 100:
        return names[n // 10 * 10] + (f" {names[n % 10]}" if n % 10 else "")
    for size, word in ((1_000_000, "million"), (1000, "thousand"), (100, "hundred")):
        if n >= size:
            head, rest = divmod(n, size)
            return f"{_en(head)} {word}" + (f" {_en(rest)}" if rest else "")
    return str(n)


def _first(forms: str) -> str:
    return forms.split()[0]
