"""Compliance: critical mistakes (fail the call) and phrases to avoid (hurt, not critical).

Critical, as the judging rubric has it: a phrase the scenario forbids, blaming the customer,
deflecting responsibility, rude or condescending address, a threat (to hang up),
discouraging a complaint to the regulator, and asking for card details, a PIN, a password
or a one-time code in any wording. The patterns are in lexicon.py, one list per kind and
language; here they are read against the reply's plain text, so that a typed reply and a
lower-case unpunctuated transcript are read alike. When no list catches anything critical, the
learned reader (compliance_model.py) reads each sentence for a critical kind in other wordings.
A sentence that quotes what someone else told the customer, to correct it («вам відповіли "така
політика"», "the last agent said it's your own fault"), is not said to the customer (REPORTED).

A negation a few words before a request, a blame or a threat makes it advice or reassurance
(«нікому не кажіть код з SMS», "it's not your fault", "I won't hang up"). The phrases to avoid
are matched as set phrases (matching.py); the scenario's forbidden phrases also in other forms:
inflected, a few words inserted, reordered in Ukrainian (``_forbidden``), unless negated or quoted;
in a brush-off family's other words (``_forbidden_in_family``); and, when nothing else critical is
found, in any other words, by meaning (sentence embeddings, ``_forbidden_by_meaning``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice, product

import numpy as np
from rapidfuzz import fuzz

from . import compliance_model, embeddings, lemmas, lexicon
from .courtesy import NO_CONTENT
from .matching import Reply, Wording

CRITICAL_KINDS = {
    "blame": lexicon.BLAME,
    "deflect": lexicon.DEFLECT,
    "rude": lexicon.RUDE,
    "threat": lexicon.THREAT,
    "regulator": lexicon.REGULATOR,
    "privacy": lexicon.PRIVACY,
    "promise": lexicon.COVERT_PROMISE,
}
NEGATABLE = {"blame", "threat", "secret", "privacy", "promise"}
LOOK_BACK = 5           # words before a match, in its clause, in which a negation turns it into advice
THIRD_PARTY_BACK = 8    # words before a request in which "someone", «шахраї» make it a warning
AFTER_OBJECT = 3        # words after what is asked for in which a negation takes the request back
ASK_AFTER_GAP = 3       # words between what is asked for and a request word after it («пароль від кабінету продиктуйте»)
REPORT_BACK = 10        # words before a match in which "the agent said", «вам відповіли» make it a quote
LOOSE_EXTRA = 3         # other words a forbidden phrase of three words or more may have inserted (one for two words)
NEGATION_REACH = 3      # a negation in a forbidden phrase and the word after it: at most this far apart in the reply
NEGATION_BEFORE = 3     # words before a forbidden phrase in which a negation, over words that carry it, negates it
SLIP = 88               # a word this close in spelling (rapidfuzz ratio) is a slip of it, as in matching.py
MEANING_MARGIN = 0.02    # how much closer in meaning to a forbidden phrase than to any courtesy sentence or reference answer a
#                          sentence or clause must come to say it (query embeddings; chosen on probe 7 and the dev split)
NEGATED_MEANING_MARGIN = 0.05   # the same for a phrase that holds a negation ("I don't get paid enough for this"), read
#                          against clauses that hold one too: the small model brings any two negated sentences
#                          together, so it needs a wider margin (chosen on probes 7-9 and the dev split: clauses said
#                          critically / near misses and dev replies rated compliant flagged, at 0.02: 1 / 3; at
#                          0.04: 1 / 1; at 0.05: 1 / 0)
MEANING_SHORTEST = 4     # words: a shorter clause («Це були не ми», "not ours") is close to too much to read by meaning

_APOSTROPHES = re.compile(r"[’ʼ`´‘]")
_QUOTE = re.compile(r"(?<![\w])'|'(?![\w])")
_SENTENCE_END = re.compile(r"[!?;…\n]|\.(?!\d)")
_PUNCTUATION = re.compile(r"[^\w\s'|🙄😒🤦🤷]|_")   # an eye-roll, a facepalm or a shrug is kept: it mocks (lexicon.RUDE)
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


def check(reply: Reply, language: str, forbidden: list[str] = (), learned: bool = True,
          references: list[str] = ()) -> list[Flag]:
    """Every flag the reply raises: each forbidden phrase said, the first mistake of each
    critical kind, and the phrases to avoid; the same words are flagged once. ``learned``:
    when the lists catch nothing critical, read the forbidden phrases by meaning against the
    step's reference answers (``references``, when given) and ask the learned reader too (both
    need the embedding engine)."""
    taken: set[int] = set()
    text = plain(reply.text, language)
    flags = _forbidden(text, language, forbidden)
    flags += _forbidden_in_family(text, language, [p for p in forbidden if not any(f.phrase == p for f in flags)])
    found = [_first(text, kind, rules[language], language) for kind, rules in CRITICAL_KINDS.items()]
    found.append(_secret(text, language))
    for flag in found:
        if flag and not _repeats(flag, flags):
            flags.append(flag)
    if learned and not any(flag.critical for flag in flags):
        flags += _forbidden_by_meaning(reply.text, language, forbidden, references)
    if (learned and not any(flag.critical for flag in flags)
            and (reading := compliance_model.read(_unquoted(reply.text, language, _quoting(language)), _words(lexicon.NEGATIONS)))
            and not _excused(reading, language)):
        flags.append(Flag(reading.kind, reading.words, True, f"{compliance_model.WHY[reading.kind]} "
                                                            f"(learned reader, {reading.probability:.0%} sure)"))
    avoid = _phrases(reply, language, "avoid", lexicon.AVOID[language], False, taken, "says a phrase to avoid")
    return flags + [flag for flag in avoid if not _repeats(flag, flags)]


# What the learned reader mistakes for a critical kind, by kind: a rude reading of a sentence that
# offers patience or to explain again ("I'll explain as many times as you need"), a deflecting one
# of a sentence that goes on, after a "but", to the operator's own next step ("We're the supplier,
# so we can't see the grid, but let's get this moving": routing, as the word lists read it with
# lexicon._NO_HELP_AFTER), or of a sentence that tells the customer something is not theirs ("the old
# owner's debt, not yours": lexicon.NOT_YOURS); a discouraging one of a sentence that says a complaint
# costs the customer nothing ("won't affect your supply": lexicon.COMPLAINT_COSTS_NOTHING), a blaming
# one of a sentence that says they are not to blame ("it's not your fault": lexicon.NOT_YOUR_FAULT).
_READER_EXCUSES = {"rude": (lexicon.PATIENCE,), "deflect": (lexicon.WAY_ON, lexicon.NOT_YOURS),
                   "regulator": (lexicon.COMPLAINT_COSTS_NOTHING,), "blame": (lexicon.NOT_YOUR_FAULT,)}


def _excused(reading: compliance_model.Reading, language: str) -> bool:
    said = plain(reading.words, language)
    return any(_rule(excuse[language]).search(said) is not None for excuse in _READER_EXCUSES.get(reading.kind, ()))


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
        text = _in_cyrillic(text)
    if shorthand := lexicon.SHORTHAND[language]:
        text = _shorthand(language).sub(lambda m: shorthand[m.group(0)], text)
    for pattern, replacement in lexicon.SPOKEN_FORMS[language]:
        text = re.sub(pattern, replacement, text)
    return text


_LATIN_WORD = re.compile(r"[a-z']+")
_LATIN_I = re.compile(r"(?<=[aeou])i(?=[b-df-hj-np-tv-xz]|\b)")   # «читайте» typed "chytaite"


def _in_cyrillic(text: str) -> str:
    """A Ukrainian reply typed in Latin letters («tse ne do nas»), read in Cyrillic; a reply with
    a Cyrillic letter, or with fewer Latin words than LATIN_UK_LEAST (a "DTEK", an "EIC"), as it is."""
    if re.search(r"[а-яіїєґ]", text) or len(_LATIN_WORD.findall(text)) < lexicon.LATIN_UK_LEAST:
        return text
    text = _LATIN_I.sub("j", text)
    for latin, cyrillic in lexicon.LATIN_UK:
        text = text.replace(latin, cyrillic)
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
            if _disowned(text, match.start(), language) or _reported(text, match.start(), language):
                continue
            best = (match.start(), Flag(kind, _phrase(match.group(0)), True, rule.why))
            break
    return best[1] if best else None


# --- asking for card details and codes ----------------------------------------------------

@lru_cache(maxsize=None)
def _requests(language: str) -> tuple[list[re.Pattern], re.Pattern, re.Pattern, list[str]]:
    """([a request word then what is asked for, what is asked for then a request word, what
    is asked for then "please" closing the sentence, what is asked for then a request word
    opening the next sentence], a request for "it", what is asked for alone, why per object);
    the last object is a bare "code"."""
    objects = [rule.pattern for rule in lexicon.SECRET_OBJECT[language]] + [lexicon.SECRET_CODE[language]]
    whys = [rule.why for rule in lexicon.SECRET_OBJECT[language]] + ["asks for a one-time code"]
    what = "|".join(f"(?P<o{k}>{pattern})" for k, pattern in enumerate(objects))
    tail, purpose = lexicon.SECRET_BARE_ASK_TAIL[language]
    asks = [compile_pattern(rf"(?P<ask>{lexicon.SECRET_ASK[language]}) ~7 (?:{what})"),
            compile_pattern(rf"(?:{what}) ~{ASK_AFTER_GAP} (?P<ask>{lexicon.SECRET_ASK_AFTER[language]})"),
            compile_pattern(rf"(?:{what}) ~6 (?P<ask>{lexicon.SECRET_ASK_LATE[language]})"),
            # named at the end of one sentence, asked for at the start of the next: «Пін картки знаєте? Напишіть.»
            compile_pattern(rf"(?:{what})(?: ~{ASK_AFTER_GAP} (?!(?:{lexicon.NEGATIONS})(?![\w']))[\w']+)?\| (?P<ask>{lexicon.SECRET_ASK_AFTER[language]})"
                            rf"(?=(?:\s+(?:{tail})(?![\w']))*\s*(?:\||$|\s+(?:{purpose})(?![\w'])))")]
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


# --- reported speech ----------------------------------------------------------------------

def _reported(text: str, start: int, language: str, frames: re.Pattern | None = None) -> bool:
    """Said as what someone else told the customer, a few words before ``start`` in its clause:
    «оператор сказав, що я сама винна», "you were told 'it's company policy'" (or after another
    of ``frames``)."""
    before = text[text.rfind("|", 0, start) + 1:start]
    words = _WORD.findall(before)[-REPORT_BACK:]
    if not words:
        return False
    window = " ".join(words)
    found = [m for m in (frames or _reporting(language)).finditer(window)]
    if not found:
        return False
    between = _WORD.findall(window[found[-1].end():])
    return not any(_words(lexicon.GAP_STOP).fullmatch(word) for word in between)


@lru_cache(maxsize=None)
def _reporting(language: str) -> re.Pattern:
    return compile_pattern(lexicon.REPORTED[language])


@lru_cache(maxsize=None)
def _quoting(language: str) -> re.Pattern:
    """REPORTED, and the customer or someone close to them quoted (lexicon.FORBIDDEN_QUOTED): where
    a forbidden phrase is repeated, not said."""
    return re.compile(f"{_reporting(language).pattern}|{compile_pattern(lexicon.FORBIDDEN_QUOTED[language]).pattern}")


_QUOTE_ENDS = re.compile(r"[.!?…\n]")


def _unquoted(text: str, language: str, frames: re.Pattern | None = None) -> str:
    """The reply without what it quotes someone else saying (from "the agent said", or another of
    ``frames``, to the end of its sentence or the next clause), for the readers that read
    sentences whole."""
    low = "".join(c.lower() if len(c.lower()) == 1 else c for c in _APOSTROPHES.sub("'", text))
    for frame in reversed(list((frames or _reporting(language)).finditer(low))):
        end = _QUOTE_ENDS.search(low, frame.end())
        stop = _rule(lexicon.GAP_STOP).search(low, frame.end(), end.start() if end else len(low))
        cut = stop.start() if stop else end.start() if end else len(text)
        text = text[:frame.start()] + text[cut:]
    return text


# --- forbidden phrases ----------------------------------------------------------------------

@dataclass(frozen=True)
class _Token:
    word: str
    start: int          # where it starts in the plain text
    sentence: int


_EN_CONTRACTED = re.compile(r"^(\w+?)(?:'(ve|ll|m|re|d|s)|n't)$")
_EN_BARE = {"ive": ("i", "have"), "im": ("i", "am"), "youve": ("you", "have"), "youre": ("you", "are"), "weve": ("we", "have"),
            "theyve": ("they", "have"), "shouldve": ("should", "have"), "couldve": ("could", "have"), "wouldve": ("would", "have"),
            "its": ("it", "is"), "thats": ("that", "is"), "theres": ("there", "is"), "whats": ("what", "is"),
            "dont": ("do", "not"), "doesnt": ("does", "not"), "didnt": ("did", "not"), "cant": ("can", "not"),
            "wont": ("will", "not"), "isnt": ("is", "not"), "arent": ("are", "not"), "shouldnt": ("should", "not")}
_EN_FULL = {"ve": "have", "ll": "will", "m": "am", "re": "are", "d": "would"}
_EN_IS = {"it", "that", "there", "what", "he", "she", "who", "here", "where"}
_EN_NOT = {"can": "can", "won": "will", "ain": "is", "don": "do", "doesn": "does", "didn": "did", "shan": "shall"}


def _tokens(text: str, language: str) -> list[_Token]:
    """The plain text's words, English contractions written out ("should've": "should have",
    "it's": "it is", "company's": "company", "don't": "do not")."""
    out: list[_Token] = []
    sentence = 0
    at = 0
    for match in _WORD.finditer(text):
        sentence += text.count("|", at, match.start())
        at = match.start()
        for word in _expand(match.group(0)) if language == "en" else (match.group(0),):
            out.append(_Token(lexicon.FORBIDDEN_SAME.get(word, word), match.start(), sentence))
    return out


def _expand(word: str) -> tuple[str, ...]:
    if word in _EN_BARE:
        return _EN_BARE[word]
    match = _EN_CONTRACTED.match(word)
    if not match:
        return (word,)
    base, ending = match.groups()
    if ending is None:                   # n't
        return (_EN_NOT.get(base, base), "not")
    if ending == "s":
        return (base, "is") if base in _EN_IS else (base,)
    return (base, _EN_FULL[ending])


@lru_cache(maxsize=65536)
def _same(wanted: str, word: str, language: str, loose: bool) -> bool:
    """Does ``word`` of the reply say ``wanted`` of a forbidden phrase? Itself or a slip; said in
    other words (``loose``), also another form of a Ukrainian word that is no verb («такою» for
    «така»: a verb's form says who does it, «передзвоню» is not «передзвоніть») or the verb with a
    prefix of the other aspect («продиктували» for «диктували»)."""
    if word == wanted:
        return True
    if len(wanted) >= 5 and fuzz.ratio(wanted, word) >= SLIP:
        return True
    if not loose or language != "uk":
        return False
    if len(wanted) >= 5 and word.endswith(wanted) and word[:-len(wanted)] in lexicon.FORBIDDEN_PREFIXES:
        return True
    mine, theirs = lemmas.analyse(wanted), lemmas.analyse(word)
    return bool(mine and theirs and mine.known and theirs.known and mine.lemmas & theirs.lemmas
                and "VERB" not in mine.parts | theirs.parts)


def _forbidden(text: str, language: str, phrases) -> list[Flag]:
    """Each of the scenario's forbidden phrases said in the reply (plain text), once per place."""
    tokens = _tokens(text, language)
    found, taken = [], set()
    for phrase in phrases:
        start = _forbidden_at(text, tokens, phrase, language)
        if start is not None and start not in taken:
            taken.add(start)
            found.append(Flag("forbidden", phrase, True, "says a phrase the scenario forbids"))
    return found


def _forbidden_at(text: str, tokens: list[_Token], phrase: str, language: str) -> int | None:
    """Where the reply says the phrase: all its words in one sentence. As a set phrase, in its
    order, a word between two at most. Said in other words (a phrase with two words or more that
    matter, one of them four letters long): any form of its nouns and adjectives; up to
    LOOSE_EXTRA other words inserted (one into a phrase of two such words; "the", «ж», «будь
    ласка» and the like not counted); in its order in English (but "already"), in Ukrainian also
    in another order with a word inserted at most («у нас політика така»); not across another
    clause unless the phrase has one; a negation of the phrase right before the word it negates.
    Not where the reply negates the phrase, quotes someone else saying it, or (an English phrase
    starting with a verb) promises it itself ("I'll call you back later")."""
    words = [token.word for token in _tokens(plain(phrase, language), language)]
    optional, negation = _words(lexicon.FORBIDDEN_OPTIONAL[language]), _words(lexicon.NEGATIONS)
    needed = [w for w in words if not optional.fullmatch(w)]
    loose = _carries_meaning(needed)
    if not loose:
        needed = words
    if not needed:
        return None
    places = [[k for k, token in enumerate(tokens) if _same(w, token.word, language, loose)] for w in needed]
    if not all(places):
        return None
    negative = any(negation.fullmatch(w) for w in words)
    crosses = bool(re.search(r"[,;:—–]", phrase))
    mobile = _words(lexicon.FORBIDDEN_MOBILE)
    for chosen in islice(product(*places), 20000):
        if len(set(chosen)) < len(chosen) or len({tokens[k].sentence for k in chosen}) > 1:
            continue
        if not loose:
            if any(not 0 < b - a <= 2 for a, b in zip(chosen, chosen[1:])):
                continue
        else:
            first, last = min(chosen), max(chosen)
            inserted = sum(1 for k in range(first, last + 1) if k not in chosen and not optional.fullmatch(tokens[k].word))
            if inserted > (LOOSE_EXTRA if len(needed) > 2 else 1):
                continue
            fixed = [k for w, k in zip(needed, chosen) if language == "uk" or not mobile.fullmatch(w)]
            if fixed != sorted(fixed) and (language == "en" or inserted > 1):
                continue        # English keeps its order; Ukrainian reorders, one word inserted at most
            if any(negation.fullmatch(w) and not 0 < chosen[i + 1] - chosen[i] <= NEGATION_REACH
                   for i, w in enumerate(needed[:-1])):
                continue
            if not crosses and any(_words(f"{lexicon.GAP_STOP}|{lexicon.FORBIDDEN_CLAUSE[language]}").fullmatch(tokens[k].word)
                                   for k in range(first + 1, last) if k not in chosen):
                continue
        start = tokens[min(chosen)].start
        if not negative and _negated_right_before(tokens, min(chosen), language):
            continue
        if _reported(text, start, language, _quoting(language)) or _disowned(text, start, language):
            continue
        if language == "en" and not optional.fullmatch(words[0]) and _own_promise(tokens, chosen[0]):
            continue
        return start
    return None


def _carries_meaning(needed: list[str]) -> bool:
    """A phrase that can be said in other words: two words that carry meaning, one of them four
    letters long. «Я ж вам уже пояснила» is not read as any «я … пояснила» («щоб я все пояснила
    вам?»): its point is in «ж … уже»."""
    return sum(len(w) >= 3 for w in needed) >= 2 and any(len(w) >= 4 for w in needed)


_CONDITION = re.compile(r"(?<![\w'])(?:якщо|якби|коли|як тільки|if|unless|in case|once|when)(?![\w'])")


def _forbidden_in_family(text: str, language: str, phrases) -> list[Flag]:
    """Each forbidden phrase of a known family (lexicon.FORBIDDEN_FAMILIES) said in the family's
    other words («Гадки не маю» where «Я не знаю» is forbidden, "Try calling again tomorrow"
    where "Call back later" is): not negated, quoted, or in a family of advice after an "if"."""
    found = []
    for phrase in phrases:
        own = plain(phrase, language)
        for family in lexicon.FORBIDDEN_FAMILIES[language]:
            if not re.search(family.member, own):
                continue
            if any(_family_says(text, rule, family, language) for rule in family.said):
                found.append(Flag("forbidden", phrase, True, f"says a phrase the scenario forbids in other words ({family.name})"))
                break
    return found


def _family_says(text: str, rule: lexicon.Rule, family: lexicon.Family, language: str) -> bool:
    for match in _matches(_rule(rule.pattern), text):
        if rule.unless_before and any(_words(rule.unless_before).fullmatch(w) for w in _before(text, match.start(), 3)):
            continue
        if _negated(text, match.start()) or _reported(text, match.start(), language, _quoting(language)):
            continue        # negated, or the customer or someone else quoted («ви сказали, що…», "your neighbour told you to…")
        if family.conditional and _CONDITION.search(text[text.rfind("|", 0, match.start()) + 1:match.start()]):
            continue
        return True
    return False


_CLAUSE_MARK = re.compile(r"\s*(?:[,;:—–(]|\s-\s)\s*")


def _forbidden_by_meaning(text: str, language: str, phrases, references=()) -> list[Flag]:
    """Each forbidden phrase a sentence or clause of the reply says in other words, read by its
    meaning: "anyone who heats with an electric heater is entitled to the discount" where
    "Everyone with a heater gets the discount" is forbidden, «Ви так з усіма розмовляєте?» where
    «Як ви розмовляєте» is. A trainer writes any phrase; the held-out situations forbid ones the
    word rules and the families (lexicon.FORBIDDEN_FAMILIES) were never written for.

    Counted where the clause comes closer to the phrase (multilingual-e5, both as queries, the
    mode E5 has for likeness) by MEANING_MARGIN than to any courtesy sentence (courtesy.NO_CONTENT)
    and than to any sentence or clause of the step's reference answers: the phrase said rather
    than the right thing on the same topic. The small model reads "there's a heating discount"
    (a library reference answer) as close to "Everyone with a heater gets the discount" as the
    probe's "anyone who heats with an electric heater is entitled to the discount"; only the
    right answer beside it tells them apart. So without reference answers (or without the
    embedding engine) nothing is read by meaning, and a reference answer is never flagged.
    Only for a phrase of three words or more, or two that carry meaning (``_carries_meaning``:
    not «Самі ви», "Shut up": too little to compare a clause with) and in no family (the family's
    wordings read it more surely). A clause says only a phrase of its own polarity: one that holds a
    negation does not say a phrase without one («Можете не видаляти допис», "Not everyone with a
    heater gets the discount", "I won't tell you to calm down"), and a phrase that holds one ("I
    don't get paid enough for this", three words besides the negation) is read only against
    clauses that hold one too, at the wider NEGATED_MEANING_MARGIN: the small model reads any
    negated sentence as close to any negated phrase (on the dev split "This isn't a scheduled
    outage" came as close to "That's not our problem" as the probe's paraphrases of it did). A
    suggestion opened by a negation ("why not pay again") is no negation. A sentence is also read
    on each side of a word that joins two statements («…, бо інакше ми нікуди не дійдемо», "… so
    yours will have to wait"), so a negation on one side does not hide the other, in a transcript
    too. Also not: a clause of fewer than MEANING_SHORTEST words,
    a quote (``_quoting``), a supposition or a condition before it in its sentence («якби…»,
    "if …"), the operator's own next step (lexicon.MEANING_OWN_STEP). Without the embedding
    engine: nothing.

    MEANING_MARGIN was chosen on probe 7 (tests/scoring/data/compliance_probe7.yaml, read against
    all its scenario's reference answers) and the benchmark's dev split (against the situation's).
    Probe forms said critically / near misses flagged / dev replies rated compliant flagged: at
    0.045, 3 / 0 / 0; at 0.035, 6 / 0 / 1 ("please send your reading." as "You should have sent
    the reading"); at 0.025, 14 / 0 / 1; at 0.02, 19 of 124 / 0 of 97 / 1 of 455; at 0.01,
    24 / 0 / 4; at 0, 30 / 4 / 10.
    Against courtesy sentences alone (no reference answers), a margin that kept the dev split
    clean (0.065) flagged six of the library's 640 reference answers."""
    wanted = [phrase for phrase in phrases if _read_by_meaning(phrase, language)]
    if not wanted or not references or not embeddings.available():
        return []
    # a clause word for word one of the reference answers' is the right thing itself (it could only
    # come closer to a phrase than to itself): not embedded, so checking a step's own answers is cheap
    right = {clause for reference in references for clause, _ in _clauses(reference)}
    clauses = {clause: _negated_clause(clause, language)
               for clause, sentence in _clauses(_unquoted(text, language, _quoting(language)), language)
               if len(clause.split()) >= MEANING_SHORTEST and clause not in right
               and _plain_statement(clause, sentence, language)}
    if not clauses:
        return []
    vectors = {clause: embeddings.query(clause) for clause in clauses}
    targets = {phrase: embeddings.query(phrase) for phrase in wanted}
    margin_of = {phrase: NEGATED_MEANING_MARGIN if _negated_clause(phrase, language) else MEANING_MARGIN for phrase in wanted}

    # a phrase is said by a clause of its own polarity: one that holds a negation («Можете не
    # видаляти допис») does not say a phrase without one, nor the other way round; and a reproach for
    # the past ("You should have sent the reading") is not said by a clause that asks for the thing
    # now ("please send your reading"): the small model reads them as one topic
    said_by = {phrase: [clause for clause, negated in clauses.items()
                        if negated == _negated_clause(phrase, language)
                        and not (_reproach(phrase, language) and _request_now(clause, language))]
               for phrase in wanted}
    targets = {phrase: target for phrase, target in targets.items() if said_by[phrase]}
    if not targets:
        return []

    def closest(right: list[str]) -> dict[str, tuple[float, str]]:
        """Per phrase: the best margin of a clause over the sentences ``right``, and that clause."""
        rows = np.stack([embeddings.query(sentence) for sentence in dict.fromkeys(right)])
        anything = {clause: float((rows @ vector).max()) for clause, vector in vectors.items()}
        return {phrase: max((float(vectors[clause] @ target) - anything[clause], clause) for clause in said_by[phrase])
                for phrase, target in targets.items()}

    # courtesy first: a clause that does not clear it cannot clear courtesy and the references
    # together, and the references' clauses (many, embedded once each) are read only when one does
    if all(margin < margin_of[phrase] for phrase, (margin, _) in closest(NO_CONTENT[language]).items()):
        return []
    best = closest(NO_CONTENT[language] + list(right))
    return [Flag("forbidden", phrase, True, f"says a phrase the scenario forbids in other words (meaning): «{clause}»")
            for phrase, (margin, clause) in best.items() if margin >= margin_of[phrase]]


def _read_by_meaning(phrase: str, language: str) -> bool:
    """A phrase of three words or more, or two that carry meaning, in no family that reads it by its
    own wordings; one that holds a negation ("I don't get paid enough for this") with three words
    besides it and in no family at all (a family's negated phrase, "That's not our problem", is
    left to its wordings, as before negated phrases were read)."""
    own = plain(phrase, language)
    words = [token.word for token in _tokens(own, language)]
    optional, negation = _words(lexicon.FORBIDDEN_OPTIONAL[language]), _words(lexicon.NEGATIONS)
    stated = [w for w in words if not negation.fullmatch(w)]
    families = [family for family in lexicon.FORBIDDEN_FAMILIES[language] if len(stated) < len(words) or not family.meaning]
    enough = (len(stated) >= 3 if len(stated) < len(words)
              else len(words) >= 3 or _carries_meaning([w for w in words if not optional.fullmatch(w)]))
    return enough and not any(re.search(family.member, own) for family in families)


def _reproach(phrase: str, language: str) -> bool:
    """A forbidden phrase that reproaches the customer for the past («Треба було вчасно передавати»,
    "You should have sent the reading")."""
    return _rule(lexicon.MEANING_REPROACH[language]).search(plain(phrase, language)) is not None


def _request_now(clause: str, language: str) -> bool:
    """A clause that asks for something now («передайте, будь ласка, показники», "please send your
    reading") and holds no reproach for the past itself."""
    said = plain(clause, language)
    return (_rule(lexicon.MEANING_REQUEST[language]).search(said) is not None
            and _rule(lexicon.MEANING_REPROACH[language]).search(said) is None)


def _clauses(text: str, language: str | None = None) -> list[tuple[str, str]]:
    """The reply's sentences (compliance_model.pieces: windows of a long transcript) and, where a
    sentence has more than one, its clauses between commas, colons and dashes; each with its
    sentence up to the clause's end. Given the ``language``, also each side of a word that joins
    two statements (lexicon.MEANING_JOINS: «але», «бо», "but", "so"), which a transcript, having no
    commas, could not be split at otherwise."""
    out = []
    joins = _joins(language) if language else None
    for sentence in compliance_model.pieces(text):
        out.append((sentence, sentence))
        parts = [part for part in _CLAUSE_MARK.split(sentence) if part.strip()]
        if joins:
            parts = [side for part in parts for side in joins.split(part) if side.strip()]
        if len(parts) > 1:
            out += [(part, " ".join(parts[:k + 1])) for k, part in enumerate(parts)]
    return list(dict.fromkeys(out))


@lru_cache(maxsize=None)
def _joins(language: str) -> re.Pattern:
    """Splits before a joining word, which stays with the statement it opens."""
    return re.compile(rf"\s+(?=(?:{lexicon.MEANING_JOINS[language]})\s)", re.IGNORECASE)


def _plain_statement(clause: str, sentence: str, language: str) -> bool:
    """A clause that can say a forbidden phrase: not the operator's own next step, and no
    supposition or condition in its sentence up to its end («якщо світла не буде, …», "if the power
    isn't back, …": advice for a case, as the families read it)."""
    said = plain(clause, language).strip(" |")
    if Reply(sentence, language).supposes() or _CONDITION.search(plain(sentence, language)):
        return False
    return _own_step(language).match(said) is None


def _negated_clause(clause: str, language: str) -> bool:
    """A clause or phrase that holds a negation; a suggestion opened by one ("why not pay again",
    «чому б не оплатити ще раз») proposes the thing and does not count."""
    proposed = _rule(lexicon.MEANING_SUGGESTION[language]).sub(" ", plain(clause, language))
    negation = _words(lexicon.NEGATIONS)
    return any(negation.fullmatch(token.word) for token in _tokens(proposed, language))


@lru_cache(maxsize=None)
def _own_step(language: str) -> re.Pattern:
    return compile_pattern(lexicon.MEANING_OWN_STEP[language])


def _negated_right_before(tokens: list[_Token], k: int, language: str) -> bool:
    """A negation right before the phrase, or a few words before it over words that carry it
    («нічого не треба було», "don't delete your comment", "you don't need to delete your
    comment"); not one that negates a word of its own («не знаю, передзвоніть пізніше»)."""
    negation = _words(lexicon.NEGATIONS)
    bridge = _words(f"{lexicon.FORBIDDEN_OPTIONAL[language]}|{lexicon.FORBIDDEN_NEGATION_BRIDGE}")
    for token in reversed(tokens[max(0, k - NEGATION_BEFORE):k]):
        if token.sentence != tokens[k].sentence:
            return False
        if negation.fullmatch(token.word):
            return True
        if not bridge.fullmatch(token.word):
            return False
    return False


def _own_promise(tokens: list[_Token], k: int) -> bool:
    """"I'll call you back later", "let me look it up": the operator's own next step, not the
    phrase told to the customer."""
    first = _words(lexicon.FIRST_PERSON)
    return any(first.fullmatch(t.word) for t in tokens[max(0, k - 2):k] if t.sentence == tokens[k].sentence)


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
