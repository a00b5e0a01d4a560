"""Which meter zone a reply binds to which label, zone name or figure: a swapped mapping.

A key fact such as «Т2 — нічна» or «уночі 2,16» binds a subject to an attribute: a zone label
(T1, T2, T3) to a zone name (day, night, peak, half-peak), a zone name to a figure (its price or
its hours). The matcher finds a wording's words close together, so «Т1 — нічна, а Т2 — денна»
says «Т2 … нічна»; but it binds T2 to the day zone: the classic mix-up of a two-zone meter, a
wrong fact. ``swapped`` tells when the reply binds the fact's subject to another attribute of
the same kind (or the fact's attribute to another subject) and nowhere binds the two together.

A reply is read clause by clause: sentences split at «а», «але», "but", "while", «ніж», "than"
(not at commas or dashes: «Т2 — нічна», «а вночі, з 23:00 до 7:00, — 2,16» are one clause). In a clause the terms
of the two kinds pair up in the order the clause opens with: «т2 нічна т1 денна» pairs T2 with
night, «нічна зона — т2, денна — т1» night with T2, «2,16 вночі 4,32 вдень» 2.16 with night. A
term just after a negation («а не денна», "not the day zone") binds nothing; a subject with
two names («Т1 і Т2 — денна і нічна») is left alone. Figures count only against figures of the
same type (prices against prices, hours against hours) that the node's other key facts give.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..scenario.model import Fact
from . import lemmas, lexicon
from .matching import _CLAUSE_STARTERS, is_negation
from .text import normalise

# «добрий день», «двічі на день», "per day", "a working day": the day of the calendar, not the zone
_NOT_DAY_BEFORE = frozenset(
    "добрий доброго весь цілий кожен кожного один той наступний робочий банківський на за в у good per a each every same next"
    " working banking business one that this any".split()
)
_HALF = frozenset({"half", "напів"})     # "half-peak" is read as "half", "peak"
_LABEL = re.compile(r"^t([1-3])$")      # text.normalise writes Т1/T1 as "t1"
_SPLIT = re.compile(r"[!?;…]+|\.(?!\d)|\s(?:а|але|проте|однак|зате|ніж|but|while|whereas|however|than)\s", re.I)
_ARTICLES = frozenset({"the", "a", "an"})
_TIME_BEFORE = frozenset("з із зі від до о об після from at until till to after since by".split())  # «з 23:00», "from 23:00"


def swapped(reply_text: str, language: str, wording: str, fact: Fact, others: frozenset[float] = frozenset()) -> bool:
    """Does the reply bind the fact's subject to another attribute of the same kind (or its
    attribute to another subject), and never the two together? ``wording``: the accepted
    wording that was found; ``fact``: its description names the subject a wording of figures
    alone leaves out («2,16» of «уночі 2,16»), its wordings the figures that are its own; ``others``: the figures of the node's
    other key facts (another zone's price)."""
    own = _fact_terms(wording, fact.fact, language)
    if len(own) < 2:
        return False
    figures = frozenset().union(*(readings for text in [fact.fact, *fact.accept] for clause in _clauses(text, language, True)
                                  for kind, value in clause if kind == "figure" for readings in value))
    clauses = _clauses(reply_text, language)
    kinds = sorted(own)
    for i, first in enumerate(kinds):
        for second in kinds[i + 1:]:
            pairs = [pair for clause in clauses for pair in _pairs(clause, first, second)]
            if _conflict(pairs, (own[first], own[second]), (first, second), figures, others):
                return True
    return False


def _conflict(pairs, mine, kinds, figures, others) -> bool:
    """No pair binds the fact's two terms together, and one binds either to another."""
    partners = [[b for a, b in pairs if _same(a, mine[0], kinds[0])], [a for a, b in pairs if _same(b, mine[1], kinds[1])]]
    if any(_same(b, mine[1], kinds[1]) for b in partners[0]):
        return False
    return any(_other(b, kinds[1], figures, others) for b in partners[0]) \
        or any(_other(a, kinds[0], figures, others) for a in partners[1])


def _same(value, mine, kind: str) -> bool:
    """The fact's term: the same label or zone name; a run of figures with the fact's figures
    in its order ("з 23:00 до 07:00" is not "з 07:00 до 23:00")."""
    if kind != "figure":
        return value == mine
    k = 0
    for readings in value:
        if k < len(mine) and readings & mine[k]:
            k += 1
    return k == len(mine)


def _other(value, kind: str, figures: frozenset[float], others: frozenset[float]) -> bool:
    """Another attribute of the kind: another label or zone name; a run of figures none of
    which is the fact's, with one of the fact's type (price or hour) that another key fact of
    the node gives (another zone's price)."""
    if kind != "figure":
        return True
    if any(readings & figures for readings in value):
        return False
    types = {_type(v) for v in figures}
    return any(v in others and _type(v) in types for readings in value for v in readings)


def _kind(readings: frozenset[float]) -> str:
    """A price if any reading has kopecks ("two sixteen"), else an hour or a count."""
    return "price" if any(v != int(v) for v in readings) else _type(max(readings))


def _type(value: float) -> str:
    return "hour" if value == int(value) and value <= 24 else "price" if value != int(value) else "count"


@lru_cache(maxsize=2048)
def _fact_terms(wording: str, fact: str, language: str) -> dict:
    """The fact's subject and attribute: one value per kind, from the wording, completed from
    the description with a kind the wording lacks and the description names once."""
    terms = _values(wording, language)
    if len(terms) < 2:
        for kind, values in _values(fact, language).items():
            if kind not in terms and len(values) == 1:
                terms[kind] = values
    return {kind: next(iter(values)) for kind, values in terms.items() if len(values) == 1}


def _values(text: str, language: str) -> dict:
    found: dict = {}
    for clause in _clauses(text, language, True):
        for kind, value in clause:
            found.setdefault(kind, set()).add(value)
    return found


@lru_cache(maxsize=2048)
def _clauses(text: str, language: str, meant: bool = False) -> tuple:
    """The terms of each clause; ``meant``: numbers as a wording means them ("two sixteen" is 2.16)."""
    return tuple(_terms(piece, language, meant) for piece in _SPLIT.split(f" {text} ") if piece.strip())


def _terms(piece: str, language: str, meant: bool = False) -> tuple:
    """The labels, zone names and figures of a clause in order; a run of figures of one type
    with no other term between them is one ("з 23:00 до 07:00"; "по 2,16" after it is
    another). A term just after a negation drops, and so does a whole number that is no
    time («дві ціни», "a two-zone meter", "1,254 kWh"): one not in a run or after «з», "from"."""
    norm = normalise(piece, language)
    words = norm.words
    at: dict[int, list[frozenset[float]]] = {}
    for place, readings in norm.meant_numbers if meant else norm.said_numbers:
        at.setdefault(place, []).append(readings)
    terms: list = []        # [kind, value, kept, said as a time]
    for q in range(len(words) + 1):
        for readings in at.get(q, ()):
            last = terms[-1] if terms else None
            if last and last[0] == "figure" and _kind(last[1][-1]) == _kind(readings):
                last[1] += (readings,)
            else:
                terms.append(["figure", (readings,), not _negated(words, q), q > 0 and words[q - 1] in _TIME_BEFORE])
        if q == len(words):
            break
        term = _term(words, q, language)
        if term is not None:
            terms.append([*term, not _negated(words, q), False])
    return tuple((kind, value) for kind, value, kept, time in terms if kept and _figure(kind, value, time))


def _figure(kind: str, value: tuple, time: bool) -> bool:
    """Not a figure of a zone: a count, a lone whole number not said as a time."""
    if kind != "figure":
        return True
    what = _kind(value[0])
    return what == "price" or (what == "hour" and (time or len(value) > 1))


def _term(words, q: int, language: str):
    word = words[q]
    label = _LABEL.match(word)
    if label:
        return ("label", word)
    before = words[q - 1] if q else ""
    for name, pattern in lexicon.ZONES[language]:
        if pattern.match(word):
            if name == "day" and before in _NOT_DAY_BEFORE:
                return None
            return ("zone", "half-peak" if name == "peak" and before in _HALF else name)
    return None


def _negated(words, q: int) -> bool:
    """Just after a negation, or an article after one: «не денна», "not the day zone"."""
    return (q > 0 and is_negation(words[q - 1])) or (q > 1 and words[q - 1] in _ARTICLES and is_negation(words[q - 2]))


def _pairs(clause, first: str, second: str) -> list:
    """(first, second) pairs a clause binds: the kind it opens with takes the terms of the
    other kind that follow it, up to its next term; a head with two names is left alone."""
    terms = [(kind, value) for kind, value in clause if kind in (first, second)]
    if not terms:
        return []
    head = terms[0][0]
    groups: list = []
    for kind, value in terms:
        if kind == head:
            groups.append((value, []))
        elif groups:
            groups[-1][1].append(value)
    pairs = []
    for value, bound in groups:
        if "figure" not in (first, second) and len(set(bound)) > 1:
            continue            # «Т1 і Т2 — денна і нічна»: which is which is not said
        for other in bound:
            pairs.append((value, other) if head == first else (other, value))
    return pairs


# --- who does a party's job ------------------------------------------------------------------

_FIRST_PLURAL = re.compile(r"(?:[аеєиї]мо|[аеєиї]мося)$")    # «вимикаємо», «займаємося», «призначимо», «дамо»
_REACH = 3          # words either side of the supplier's name in which its action is read


def supplier_does(reply_text: str, language: str, names: frozenset[str]) -> bool:
    """Does a sentence naming a responsible party (``names``: keys of lexicon.PARTIES) make the
    supplier the one who does that party's job (lexicon.PARTY_ACTIONS), not negated? «Субсидію
    вам призначили ми, постачальник, а Пенсійний фонд її просто враховує», "We switch the power
    off following the schedule DTEK Kyiv Electric Networks sends us": the responsibility
    reversed without «лише», "only". Not where the supplier only passes it on, checks or
    explains (lexicon.SUPPLIER_HELPS), nor «не ми», "we don't", «вимикаємо не ми»."""
    actions = "|".join(lexicon.PARTY_ACTIONS[language][name] for name in names if name in lexicon.PARTY_ACTIONS[language])
    if not actions:
        return False
    party = "|".join(lexicon.PARTIES[language][name] for name in names)
    acting, helping = re.compile(rf"^(?:{actions})"), re.compile(rf"^(?:{lexicon.SUPPLIER_HELPS[language]})")
    for sentence in re.split(r"[.!?…]+", reply_text.lower()):     # a semicolon joins the two halves of one statement
        if not re.search(party, sentence):
            continue
        words = normalise(sentence, language).words
        clause = _clause_numbers(words)
        for q, word in enumerate(words):
            if not (word in lexicon.SUPPLIER[language] or (language == "uk" and _FIRST_PLURAL.search(word) and len(word) > 4)):
                continue
            near = [m for m in range(max(0, q - _REACH), min(len(words), q + _REACH + 1)) if clause[m] == clause[q]]
            if any(is_negation(other) for other, c in zip(words, clause) if c == clause[q]):
                continue        # "set by the Pension Fund, not by us as the supplier"
            if any(helping.match(words[m]) or words[m] in lexicon.RESTRICTIONS for m in near):
                continue        # «ми лише враховуємо її», "we only apply it on the bill": the lesser role
            if language == "en" and word != "ourselves":
                near = [m for m in near if m > q]      # an English subject comes before its verb
            doing = any(re.match(lexicon.DOING[language], words[m]) for m in near)
            if any(acting.match(words[m]) and (doing or _verb(words[m], language)) for m in near):
                return True
    return False


def _clause_numbers(words: tuple[str, ...]) -> list[int]:
    """Clause of each word of a sentence read without its commas: a new one at «а», «але», «бо»,
    "but", "because" and the like (matching's clause starters)."""
    numbers, current = [], 0
    for word in words:
        current += word in _CLAUSE_STARTERS
        numbers.append(current)
    return numbers


def _verb(word: str, language: str) -> bool:
    """Can the word be a verb? Ukrainian by the dictionary (any word without one); English words
    are taken as they come ("we switch", "we'll replace")."""
    if language != "uk":
        return True
    analysis = lemmas.analyse(word)
    return analysis is None or not analysis.known or "VERB" in analysis.parts
