"""Compliance: critical mistakes (fail the call) and phrases to avoid (hurt, not critical).

Critical, as the judging rubric has it: a phrase the scenario forbids, blaming the customer,
deflecting responsibility, rude or condescending address, a threat (to hang up),
discouraging a complaint to the regulator, and asking for card details, a PIN, a password
or a one-time code in any wording. The patterns are in lexicon.py, one list per kind and
language; here they are read against the reply's plain text, so that a typed reply and a
lower-case unpunctuated transcript are read alike. When no list catches anything critical, the
learned reader (compliance_model.py) reads each sentence for a critical kind in other wordings.

A negation a few words before a request, a blame or a threat makes it advice or reassurance
(«нікому не кажіть код з SMS», "it's not your fault", "I won't hang up"). The scenario's
forbidden phrases and the phrases to avoid are matched as set phrases (matching.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import compliance_model, lexicon
from .matching import Reply, Wording

CRITICAL_KINDS = {
    "blame": lexicon.BLAME,
    "deflect": lexicon.DEFLECT,
    "rude": lexicon.RUDE,
    "threat": lexicon.THREAT,
    "regulator": lexicon.REGULATOR,
}
NEGATABLE = {"blame", "threat", "secret"}
LOOK_BACK = 5           # words before a match, in its clause, in which a negation turns it into advice
THIRD_PARTY_BACK = 8    # words before a request in which "someone", «шахраї» make it a warning
AFTER_OBJECT = 3        # words after what is asked for in which a negation takes the request back

_APOSTROPHES = re.compile(r"[’ʼ`´‘]")
_QUOTE = re.compile(r"(?<![\w])'|'(?![\w])")
_SENTENCE_END = re.compile(r"[!?;…\n]|\.(?!\d)")
_PUNCTUATION = re.compile(r"[^\w\s'|🙄😒🤦]|_")   # an eye-roll or a facepalm is kept: it mocks (lexicon.RUDE)
_CYRILLIC_WORD = re.compile(r"[\w']*[а-яіїєґ][\w']*")
_LOOKALIKES = str.maketrans("aceiopxyk", "асеіорхук")  # Latin letters a transcript slips into Ukrainian
_WORD = re.compile(r"[\w']+")


@dataclass(frozen=True)
class Flag:
    kind: str          # forbidden | blame | deflect | rude | threat | regulator | secret | avoid
    phrase: str        # the wording or the matched text
    critical: bool
    why: str = ""      # a short reason in English ("asks for a one-time code"); wording for users is elsewhere

    def to_dict(self) -> dict:
        return {"kind": self.kind, "phrase": self.phrase, "critical": self.critical, "why": self.why}


def check(reply: Reply, language: str, forbidden: list[str] = (), learned: bool = True) -> list[Flag]:
    """Every flag the reply raises: each forbidden phrase said, the first mistake of each
    critical kind, and the phrases to avoid; the same words are flagged once. ``learned``:
    when the lists catch nothing critical, ask the learned reader too."""
    taken: set[int] = set()
    flags = _phrases(reply, language, "forbidden", forbidden, True, taken, "says a phrase the scenario forbids")
    text = plain(reply.text, language)
    found = [_first(text, kind, rules[language], language) for kind, rules in CRITICAL_KINDS.items()]
    found.append(_secret(text, language))
    for flag in found:
        if flag and not _repeats(flag, flags):
            flags.append(flag)
    if learned and not any(flag.critical for flag in flags) and (reading := compliance_model.read(reply.text, _words(lexicon.NEGATIONS))):
        flags.append(Flag(reading.kind, reading.words, True, f"{compliance_model.WHY[reading.kind]} "
                                                            f"(learned reader, {reading.probability:.0%} sure)"))
    avoid = _phrases(reply, language, "avoid", lexicon.AVOID[language], False, taken, "says a phrase to avoid")
    return flags + [flag for flag in avoid if not _repeats(flag, flags)]


def upsell(reply: Reply, language: str) -> str | None:
    """The words that offer a service («до речі, у застосунку…», "did you know you can…"), if any:
    an upsell instead of an answer when the reply gives no key fact (scorecard.py)."""
    match = _rule(lexicon.UPSELL[language]).search(plain(reply.text, language))
    return match.group(0) if match else None


def plain(text: str, language: str) -> str:
    """The reply as the patterns read it: lower case, one kind of apostrophe, "|" where a
    sentence ends, a space for any other punctuation, chat shorthand written out ("u": "you")."""
    text = "".join(c.lower() if len(c.lower()) == 1 else c for c in text.replace("|", " "))
    text = _QUOTE.sub(" ", _APOSTROPHES.sub("'", text))
    text = _PUNCTUATION.sub(" ", _SENTENCE_END.sub("|", text))
    if language == "uk":
        text = _CYRILLIC_WORD.sub(lambda m: m.group(0).translate(_LOOKALIKES), text)
    if shorthand := lexicon.SHORTHAND[language]:
        text = _shorthand(language).sub(lambda m: shorthand[m.group(0)], text)
    return text


@lru_cache(maxsize=None)
def _shorthand(language: str) -> re.Pattern:
    return re.compile(rf"(?<![\w'])(?:{'|'.join(map(re.escape, lexicon.SHORTHAND[language]))})(?![\w'])")


# --- patterns -----------------------------------------------------------------------------

def compile_pattern(pattern: str) -> re.Pattern:
    """A lexicon pattern as a regular expression over ``plain`` text: a space is any run of
    spaces, "~N " up to N words (as few as will do) that are neither a negation nor the start
    of another clause; an apostrophe may be missing ("im", "shouldve", «зєднання»)."""
    pattern = re.sub(r"'(?![?\]])", "'?", pattern)
    stop = rf"(?:{lexicon.NEGATIONS}|{lexicon.GAP_STOP})(?![\w'])"
    gaps: list[str] = []

    def gap(match: re.Match) -> str:
        gaps.append(rf"(?:(?!{stop})[\w']+\s+){{0,{match.group(1)}}}?")
        return f"\0{len(gaps) - 1}\0"

    text = re.sub(r"~(\d) ", gap, pattern).replace(" ", r"\s+")
    text = re.sub(r"\0(\d+)\0", lambda m: gaps[int(m.group(1))], text)
    return re.compile(rf"(?<![\w'])(?:{text})(?![\w'])")


@lru_cache(maxsize=None)
def _rule(pattern: str) -> re.Pattern:
    return compile_pattern(pattern)


@lru_cache(maxsize=None)
def _words(pattern: str) -> re.Pattern:
    return re.compile(rf"(?:{pattern})")


def _matches(rx: re.Pattern, text: str):
    """Every match, overlapping ones too: a negated request must not hide a later one."""
    at = 0
    while (match := rx.search(text, at)) is not None:
        yield match
        at = match.start() + 1


def _before(text: str, start: int, count: int) -> list[str]:
    """The last ``count`` words before ``start`` in its sentence."""
    return _WORD.findall(text[text.rfind("|", 0, start) + 1:start])[-count:]


def _sentence(text: str, start: int, end: int) -> str:
    stop = text.find("|", end)
    return text[text.rfind("|", 0, start) + 1:len(text) if stop < 0 else stop]


def _negated(text: str, start: int) -> bool:
    """A negation among the few words before ``start`` in the same clause («нікому не кажіть»,
    "we will never ask for"), unless it is an idiom that negates something else («не
    хвилюйтеся»). "You didn't send your readings, so that's on you" is still blame: the
    negation belongs to the clause before "so". A negation carries over "or" to the next
    thing negated: "we never ask you to pay through a link or to give card details". A match
    that opens a clause («якби ви…», "if you'd…") is not negated by the clause before it."""
    clause = _WORD.findall(text[text.rfind("|", 0, start) + 1:start])
    following = _WORD.findall(text[start:start + 40])[:1]
    opener, coordinator = _words(lexicon.GAP_STOP), _words(lexicon.NEGATION_CARRIES)
    if following and opener.fullmatch(following[0]):
        return False    # the match opens its own clause: «нічого б не сталося, якби ви платили вчасно»
    words = clause[-LOOK_BACK:]
    cut = max((k + 1 for k, word in enumerate(words) if opener.fullmatch(word)), default=0)
    if _negates(words[cut:] + following):
        return True
    if cut and coordinator.fullmatch(words[cut - 1]):
        before = clause[:len(clause) - len(words) + cut - 1]
        first = max((k + 1 for k, word in enumerate(before) if opener.fullmatch(word)), default=0)
        return _negates(before[first:][-2 * LOOK_BACK:] + ["x"])
    return False


def _negates(words: list[str]) -> bool:
    negation, idiom = _words(lexicon.NEGATIONS), _words(lexicon.NOT_NEGATING)
    return any(negation.fullmatch(word) and not idiom.fullmatch(nxt) for word, nxt in zip(words, words[1:]))


def _disowned(text: str, start: int, language: str) -> bool:
    """Said as what the operator will not tell the customer to do: "I'm not going to tell you
    to calm down", «не казатиму вам заспокоїтися»."""
    clause = text[text.rfind("|", 0, start) + 1:start]
    return _disowning(language).search(clause) is not None


@lru_cache(maxsize=None)
def _disowning(language: str) -> re.Pattern:
    return re.compile(r"(?<![\w'])" + lexicon.DISOWNED[language].replace(" ", r"\s+"))


def _first(text: str, kind: str, rules: list[lexicon.Rule], language: str) -> Flag | None:
    """The earliest place in the reply where one of the kind's rules applies."""
    best: tuple[int, Flag] | None = None
    for rule in rules:
        for match in _matches(_rule(rule.pattern), text):
            if best and match.start() >= best[0]:
                break
            if rule.unless_before and any(_words(rule.unless_before).fullmatch(w) for w in _before(text, match.start(), 3)):
                continue
            if rule.needs and not _rule(rule.needs).search(_sentence(text, match.start(), match.end())):
                continue
            if kind in NEGATABLE and _negated(text, match.start()):
                continue
            if _disowned(text, match.start(), language):
                continue
            best = (match.start(), Flag(kind, _phrase(match.group(0)), True, rule.why))
            break
    return best[1] if best else None


# --- asking for card details and codes ----------------------------------------------------

@lru_cache(maxsize=None)
def _requests(language: str) -> tuple[list[re.Pattern], re.Pattern, re.Pattern, list[str]]:
    """([a request word then what is asked for, what is asked for then a request word, what
    is asked for then "please" closing the sentence], a request for "it", what is asked for
    alone, why per object); the last object is a bare "code"."""
    objects = [rule.pattern for rule in lexicon.SECRET_OBJECT[language]] + [lexicon.SECRET_CODE[language]]
    whys = [rule.why for rule in lexicon.SECRET_OBJECT[language]] + ["asks for a one-time code"]
    what = "|".join(f"(?P<o{k}>{pattern})" for k, pattern in enumerate(objects))
    asks = [compile_pattern(rf"(?P<ask>{lexicon.SECRET_ASK[language]}) ~7 (?:{what})"),
            compile_pattern(rf"(?:{what}) ~2 (?P<ask>{lexicon.SECRET_ASK_AFTER[language]})"),
            compile_pattern(rf"(?:{what}) ~6 (?P<ask>{lexicon.SECRET_ASK_LATE[language]})")]
    ask_it = compile_pattern(rf"(?P<ask>{lexicon.SECRET_ASK[language]}) ~1 (?:{lexicon.SECRET_PRONOUN[language]})"
                             rf"(?! (?:{lexicon.SECRET_PRONOUN_NOT_BEFORE[language]})(?![\w']))"
                             rf"|(?P<about>{lexicon.SECRET_ABOUT_IT[language]})")
    return asks, ask_it, compile_pattern(what), whys


def _secret(text: str, language: str) -> Flag | None:
    """The first request for card details, a PIN, a password or a one-time code, named in the
    request or, as "it", in the sentence before it."""
    asks, ask_it, objects, whys = _requests(language)
    found: list[tuple[int, Flag]] = []
    for rx in asks:
        for match in _matches(rx, text):
            if not _asked(text, match, language):
                continue
            k, start, end = _object(match)
            if not _secret_object(text, k, start, end, len(whys), language) or _received(language).match(text, match.end()):
                continue
            found.append((match.start(), Flag("secret", _phrase(match.group(0)), True, whys[k])))
            break
    for match in _matches(ask_it, text):
        if not _asked(text, match, language) or _declined(text, match.end(), language):
            continue
        before = text.rfind("|", 0, text.rfind("|", 0, match.start()))
        named = [m for m in _matches(objects, text[:match.start()]) if m.start() > before
                 and not _negated(text, m.start()) and _secret_object(text, *_object(m), len(whys), language)]
        if named:
            found.append((match.start(), Flag("secret", _phrase(f"{named[-1].group(0)} … {match.group(0)}"), True, whys[_object(named[-1])[0]])))
            break
    return min(found, key=lambda item: item[0])[1] if found else None


def _object(match: re.Match) -> tuple[int, int, int]:
    """Which object a request names (its index among the patterns) and where."""
    k = next(int(name[1:]) for name, value in match.groupdict().items() if name[:1] == "o" and value)
    return (k, *match.span(f"o{k}"))


def _asked(text: str, match: re.Match, language: str) -> bool:
    """A request, not advice («нікому не кажіть») nor a warning about someone else asking."""
    third_party = _words(lexicon.SECRET_THIRD_PARTY[language])
    return not _negated(text, match.start()) and not any(
        third_party.fullmatch(word) for word in _before(text, match.start(), THIRD_PARTY_BACK))


def _declined(text: str, end: int, language: str) -> bool:
    """Taken back, sent elsewhere or only asked whether it came, right after: «номер картки не
    потрібен», "type the code into the app", «код, скажіть, ви його отримали?»."""
    after = _WORD.findall(text[end:].split("|", 1)[0])[:AFTER_OBJECT]
    return (any(_words(lexicon.NEGATIONS).fullmatch(word) for word in after)
            or bool(_self_service(language).match(text, end)) or bool(_received(language).match(text, end)))


def _secret_object(text: str, k: int, start: int, end: int, count: int, language: str) -> bool:
    """What is asked for is a secret: not a code a word before names as printed on the bill ("the
    QR code"), and not declined right after it."""
    if k == count - 1 and any(_words(lexicon.SECRET_CODE_NAMED[language]).fullmatch(word) for word in _before(text, start, 1)):
        return False
    return not _declined(text, end, language)


@lru_cache(maxsize=None)
def _received(language: str) -> re.Pattern:
    return re.compile(rf"\s+(?:[\w']+\s+){{0,1}}?{compile_pattern(lexicon.SECRET_RECEIVED[language]).pattern}")


@lru_cache(maxsize=None)
def _self_service(language: str) -> re.Pattern:
    return re.compile(rf"\s+(?:[\w']+\s+){{0,2}}{compile_pattern(lexicon.SECRET_SELF_SERVICE[language]).pattern}")


# --- set phrases --------------------------------------------------------------------------

def _phrases(reply: Reply, language: str, kind: str, phrases, critical: bool, taken: set[int], why: str) -> list[Flag]:
    found = []
    for phrase in phrases:
        wording = Wording.of(phrase, language)
        where = reply.phrase_position(wording)
        if where is not None:
            if where not in taken:
                taken.add(where)
                found.append(Flag(kind, phrase, critical, why))
    return found


def _phrase(matched: str) -> str:
    return " ".join(matched.replace("|", " ").split())


def _repeats(flag: Flag, flags: list[Flag]) -> bool:
    """The same words as a flag already raised (a forbidden «Заспокойтеся» is not also rude)."""
    words = set(_WORD.findall(plain(flag.phrase, "en")))
    for other in flags:
        said = set(_WORD.findall(plain(other.phrase, "en")))
        if words and said and (words <= said or said <= words):
            return True
    return False
