"""Does a reply say a wording? Tolerant of word endings and transcription slips.

A wording ("за середнім споживанням", "4,32 грн") is said when its numbers are said in
its order, close together, and its words are found close to them in the reply. A word
is found when it is the same word, a form of it (the same Ukrainian dictionary form, or
the same stem: all but the last three letters, at least five), or, for words of five
letters or more, a near spelling (a transcription slip). Short Ukrainian words are not
taken by their stem alone: «платіжку» is not a form of «платіж».

A wording is not said where the reply negates it or only supposes it, in the same clause:
«перерахунку не буде», "there won't be a recalculation", «якби знайшлася помилка, ми б
зробили перерахунок», "if we found an error we would recalculate". A negation in another
clause does not count («Не хвилюйтеся, перерахунок буде»), and a wording that is itself
negative ("не приймаються", "no limit") is said by a negative statement.

A spoken reply is read as the speaker meant it (``corrected``): a false start they take back
(«з двадцять другої, ой ні, з двадцять третьої», "five, uh, no, ten") is left out. A negation
that contrasts ("not by us", «не до нас», «а не ми») denies only what it is about, and in a
reply without clause punctuation (a transcript) a negation stays in its own statement: another
subject or another verb starts the next one («ми не вимикаємо світло це робить ДТЕК»).

Wrong facts are matched as statements: every word, in the wording's order, close
together, with the prepositions that give a number its meaning («до 10 днів» is not
«за 10 робочих днів»). Set phrases (forbidden phrases, the empathy lexicon) are matched
strictly: every word, stopwords included, in its own form and order.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from . import lemmas, lexicon, numbers
from .text import STOPWORDS, Normalised, normalise

FACT_THRESHOLD = 0.8
PHRASE_THRESHOLD = 0.9
_SLIP_MIN_LENGTH = 5    # "fee" and "free" are different words, not a slip
_SLIP_CUTOFF = 80
_STRICT_CUTOFF = 88
_NUMBER_GAP = 3         # extra words allowed between two numbers of one wording
_SHORT_WORD = 6         # a five-letter stem leaves too little of a word this short to tell it is a form of it
_RESTRICT_REACH = 3     # words after a party's name in which «лише», "only" restrict what it does
_GIST_NEAR = 2          # a number this close to a wording's words is a figure said (rightly or wrongly)

# --- negation, supposition and clauses ----------------------------------------------------------

NEGATIONS = frozenset(
    "не ні ані ніколи немає нема not no never cannot neither nor none nobody nothing"
    " can't don't doesn't won't isn't aren't wasn't weren't haven't hasn't hadn't shouldn't couldn't"
    " wouldn't mustn't didn't".split()
)
# a negation word followed by these is no negation of a fact: «не хвилюйтеся», «не пізніше 20
# числа», «не лише», "don't worry", "no later than", "not only"
_NOT_NEGATING_NEXT = frozenset(
    "хвилюйтеся хвилюйтесь хвилюйся переживайте переживай турбуйтеся турбуйтесь турбуйся забудьте забувайте"
    " забудь соромтеся соромтесь зволікайте сумнівайтеся сумнівайтесь лише тільки пізніше раніше більше менше"
    " довше worry worries forget hesitate only just later earlier less fewer problem doubt".split()
)
_LIMITS = frozenset({"раніше", "пізніше", "later", "earlier", "sooner"})
_IF_UK = frozenset({"якби"})
_IF_WITH_PARTICLE = frozenset({"якщо", "коли"})        # «якщо б», «коли б»
_PARTICLES = frozenset({"б", "би"})                     # «ми б зробили»: with a past-tense verb
_POLITE = ("хоті", "радив", "радил", "порад", "реком", "порек", "проси", "попрос", "пропон", "запроп", "міг", "могл")  # «я б порадила», «я міг би»
_PAST = re.compile(r"(?:в|ла|ло|ли)(?:ся|сь)?$")         # without a dictionary
_IF_EN = frozenset({"if", "unless", "suppose", "supposing", "imagine"})
_WOULD = frozenset({"would", "wouldn't", "would've", "wouldn't've"})
_NOT_SUPPOSING_NEXT = frozenset({"like", "prefer", "love", "want"})  # "if you'd like"

# words that start a new clause inside a sentence (besides punctuation)
_CLAUSE_STARTERS = frozenset(
    "але проте однак зате а бо тому тож оскільки адже якщо хоча інакше коли поки щоб аби"
    " but however although though whereas because unless otherwise since so when while".split()
)
_AND = frozenset({"і", "й", "та", "and", "as"})   # a clause only before a subject: "and we…", "as you know"; not "show as an overpayment"
# verbs of saying: under a negation, what they introduce is not asserted («не можемо стверджувати,
# що це шахраї», «сказати, що борг не переходить, я не можу», "I can't say we never ask")
_REPORTING = ("стверд", "сказа", "каза", "скаж", "каж", "гарант", "підтверд", "обіця", "пообіця", "запевн",   # «я не кажу, що…»
              "say", "claim", "confirm",
              "guarantee", "promise", "tell", "sure",
              "означа", "значить", "mean")     # «це не означає, що оплати не було», "that doesn't mean you didn't pay"
_THAT = frozenset({"що", "that"})
_OBLIGATION = frozenset("треба потрібно необхідно слід мусите мусимо доведеться need needs must".split())
_ADVERBS = frozenset("завжди обов'язково зовсім конче always really necessarily even actually usually quite".split())  # "doesn't always need"
_REPORT_REACH = 6       # words from the verb of saying to the wording
_CONTRAST = frozenset("але проте однак зате but however".split())
_CONDITIONS = frozenset("якщо поки доки коли без if unless until without".split())  # a negation under these is a condition
_PUNCTUATION = re.compile(r"[.,;:!?…—–]")
_CLAUSE_PUNCTUATION = re.compile(r"[,;:—–]")
# A negation before one of these negates only it, not what comes after: "that's not us, DTEK
# replaces meters", «це не до нас, лічильники міняє ДТЕК», «а не ми» (a contrast, not a denial);
# and in English a "not" after a wording with no auxiliary before it contrasts what follows
# ("handled by DTEK not by us"), where "is not", "do not" would deny (issue 9, accuracy probe 6).
_CONTRASTED = frozenset("us we me them ми нас нами мене я вони них".split())
_CONTRAST_VIA = frozenset("by from to for до від у в через для".split())
_AUXILIARIES = frozenset("is are was were do does did will would can could should must have has had be been am shall may might".split())
# In a run-on reply (no clause punctuation: a transcript) a negation reaches no further than its
# own statement: another subject (these pronouns) or another verb starts the next one («ми не
# вимикаємо світло це робить ДТЕК», "we don't set subsidies they're set by the Pension Fund").
_NEW_SUBJECT = {
    "uk": frozenset("я ми вони він вона".split()),
    "en": frozenset("i we they he she i'm we're they're it's that's there's he's she's we'll they'll i'll you'll you're we've they've i've".split()),
}
_PREDICATIVES = frozenset("треба потрібно необхідно можна варто слід".split())   # «не потрібно»: the negation's own verb
_THINKING = ("дума", "вважа", "think", "believe", "guess", "expect")
_SHORT_CLAUSE = 12      # in a reply without punctuation (a transcript), a clause longer than this is cut down to a window:
_SCOPE_BEFORE = 4       # the words before a wording in which a negation or «б» can reach it
_SCOPE_AFTER = 5        # and after it («перерахунку, на жаль, не буде», "readings are not accepted")
_SUBJECTS = frozenset(
    "я ми ви він вона воно вони це вам нам вас тоді i we you they he she it there there's it's we'll"
    " you'll i'll that's this we've you've i've we're you're they're they'll".split()
)
# set off by commas, these do not end the clause: «Через Приват24, на жаль, більше не приймаються»
_PARENTHETICAL = frozenset(
    tuple(p.split())
    for p in [
        "на жаль", "нажаль", "на щастя", "звичайно", "будь ласка", "мабуть", "напевно", "справді", "власне",
        "зрозуміло", "безумовно", "наприклад", "unfortunately", "sadly", "fortunately", "of course", "please",
        "i'm afraid", "i am afraid", "actually", "certainly", "for example", "i think", "я думаю",
    ]
)

# prepositions that give a number its meaning: «до 10 днів» is not «за 10 днів»
_NUMBER_PREPOSITIONS = {
    "до": "до", "по": "до", "за": "за", "з": "з", "із": "з", "зі": "з", "від": "з", "після": "після", "by": "by",
    "before": "before", "after": "after", "within": "within", "until": "until", "till": "until", "from": "from",
}

# Ukrainian inflections, for telling a form of a short word without a dictionary
_ENDINGS = frozenset(
    "а я у ю і ї е є о и ь ою ею єю ам ям ах ях ами ями ів їв ей ом ем ого ому ий ій ім им их іх ої ої ти в ла ло ли".split()
)


_EN_IRREGULAR = {
    "paid": "pay", "sent": "send", "told": "tell", "said": "say", "gave": "give", "given": "give", "took": "take",
    "taken": "take", "made": "make", "went": "go", "gone": "go", "came": "come", "got": "get", "kept": "keep",
    "brought": "bring", "bought": "buy", "used": "use", "using": "use", "left": "leave", "spent": "spend",
}


@lru_cache(maxsize=16384)
def english_bases(word: str) -> frozenset[str]:
    """What an English word may be a form of: "asks" and "asked" of "ask", "bills" of "bill",
    "paying" and "paid" of "pay", "charged" of "charge". Words are short in English, so five
    letters of stem (the Ukrainian rule) leave "pay", "bill" and "ask" unmatched by their forms.
    A stem shorter than three letters is not taken ("thing" is no form of "the")."""
    bases = {word, _EN_IRREGULAR.get(word, word)}
    for _ in range(2):          # "readings" -> "reading" -> "read"
        bases |= {base for form in bases for base in _english_base(form)}
    return frozenset(bases)


def _english_base(word: str):
    for suffix, replacement in (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ing", ""),
                                ("ing", "e"), ("ed", "e")):
        stem = word[: len(word) - len(suffix)]
        if not word.endswith(suffix) or word.endswith("ss") or len(stem) < 3:
            continue
        base = stem + replacement
        if suffix == "ed" and base.endswith("ee"):
            continue            # "feed" is no form of "fee"
        yield base
        if len(base) > 3 and base[-1] == base[-2] and base[-1] not in "aeiouls":
            yield base[:-1]     # "stopped", "planning"


@lru_cache(maxsize=16384)
def synonyms_of(word: str, language: str) -> frozenset[str]:
    """The other words that say what ``word`` says in this domain (lexicon.SYNONYMS), as
    dictionary forms (Ukrainian) or base forms (English): "fix" for "corrected"."""
    if language == "uk":
        analysis = lemmas.analyse(word)
        forms = {word} | (set(analysis.lemmas) if analysis is not None and analysis.known else set())
    else:
        forms = set(english_bases(word))
    return frozenset(other for group in lexicon.SYNONYMS.get(language, ()) if forms & group for other in group) - forms


def is_negation(word: str) -> bool:
    """A negation word; "nothing" ("DTEK has nothing to do with outages") and «відсутній»
    ("there is none": «перерахунок у таких випадках відсутній») deny what they are said of."""
    return (word in NEGATIONS or word.startswith(("жодн", "відсутн")) or word.endswith("n't")
            or (word.endswith("'s") and word[:-2] in _NEGATING_PRONOUNS))   # "nothing's been cancelled"


_NEGATING_PRONOUNS = frozenset({"nothing", "nobody", "noone", "none"})


# --- spoken replies: a false start taken back (issue 9, accuracy probe 6) ------------------------

_REPAIR_REACH = 6       # words before a correction that it can take back, at most
_EDGE = re.compile(r"^[^\w']+|[^\w']+$")
_ENDS_SENTENCE = re.compile(r"[.!?…]$")
_ENDS_CLAUSE = re.compile(r"[,;:—–]$|^[—–-]$")


def corrected(text: str, language: str) -> str:
    """The reply as the speaker meant it: each false start they took back left out, with the
    words that took it back («з двадцять другої, ой ні, з двадцять третьої» is «з двадцять
    третьої», "it counts on the day the money arrives, sorry, I mean on the day you paid" is the
    second). The rubric rates what the operator finally says: a correction is what counts. What
    is taken back (the reparandum) is what the correction repeats: from the last place its first
    word (or, for a figure, its last figure) was said; otherwise the words before it in its
    clause, up to _REPAIR_REACH. Repairs are the word sequences of lexicon.REPAIRS, a «ні», "no"
    after a hesitation sound or between two figures, and "sorry" in the middle of a statement."""
    raw = text.split()
    keys = [_EDGE.sub("", _token_key(token)) for token in raw]
    for _ in range(8):      # a reply rarely corrects itself more often
        found = _repair(raw, keys, language)
        if found is None:
            break
        start, end = found
        raw, keys = raw[:start] + raw[end:], keys[:start] + keys[end:]
    return " ".join(raw) if len(raw) != len(text.split()) else text


def _token_key(token: str) -> str:
    return token.lower().replace("’", "'").replace("ʼ", "'")


def _repair(raw: list[str], keys: list[str], language: str) -> tuple[int, int] | None:
    """The first correction in the tokens: (start of what it takes back, end of the words that take it back)."""
    fillers, more = lexicon.FILLERS[language], lexicon.REPAIR_MORE[language]
    no = "ні" if language == "uk" else "no"
    for s in range(len(keys)):
        end = None
        for sequence in lexicon.REPAIRS[language]:
            if tuple(keys[s:s + len(sequence)]) == sequence:
                end = s + len(sequence)
                break
        if end is None and keys[s] == no and s > 0 and s + 1 < len(keys) and not _determiner(raw, s):
            if keys[s - 1] in fillers or (_figure(keys[s - 1]) and any(_figure(k) for k in keys[s + 1:s + 3])):
                end = s + 1
        if end is None and language == "en" and keys[s] == "sorry" and _mid_statement(raw, keys, s):
            end = s + 1
        if end is None:
            continue
        while s > 0 and keys[s - 1] in fillers:
            s -= 1
        while end < len(keys) and (keys[end] in more or keys[end] in fillers):
            end += 1
        if end >= len(keys):
            return None     # nothing said after it: no correction
        return _taken_back(raw, keys, s, end, fillers), end
    return None


def _determiner(raw: list[str], s: int) -> bool:
    """A «ні», "no" that starts what it denies ("there's, er, no payment plan", «е-е, ні копійки»),
    not a correction: in a punctuated reply a correcting "no" is set off («ой, ні, з двадцять
    третьої», "um, no, on the day"), so one run on into the next word is a determiner."""
    punctuated = any(_ENDS_CLAUSE.search(token) or _ENDS_SENTENCE.search(token) for token in raw)
    return punctuated and not re.search(r"[^\w']$", raw[s])


def _mid_statement(raw: list[str], keys: list[str], s: int) -> bool:
    """"sorry" between two parts of a statement, not an apology (lexicon.SORRY_APOLOGY_*)."""
    if s == 0 or s + 1 >= len(keys) or _ENDS_SENTENCE.search(raw[s - 1]):
        return False
    return keys[s - 1] not in lexicon.SORRY_APOLOGY_BEFORE and keys[s + 1] not in lexicon.SORRY_APOLOGY_AFTER


def _taken_back(raw: list[str], keys: list[str], s: int, end: int, fillers: frozenset[str]) -> int:
    """Where the words a correction at ``s``..``end`` takes back begin."""
    limit = max(0, s - _REPAIR_REACH)
    for j in range(s - 2, limit - 1, -1):       # not past the end of a sentence or clause, nor a clause word
        if _ENDS_SENTENCE.search(raw[j]) or _ENDS_CLAUSE.search(raw[j]) or keys[j + 1] in _CLAUSE_STARTERS:
            limit = max(limit, j + 1 + (keys[j + 1] in _CLAUSE_STARTERS))
            break
    first = next((k for k in keys[end:] if k not in fillers), "")
    if _figure(first):
        figures = [j for j in range(limit, s) if _figure(keys[j])]
        if figures:
            j = figures[-1]
            while j > limit and _figure(keys[j - 1]):
                j -= 1
            return j
    same = [j for j in range(limit, s - 1) if keys[j] == first]
    return same[-1] if same else limit


def _figure(key: str) -> bool:
    return bool(key) and (key[0].isdigit() or key in numbers.WORDS)


# --- spoken replies: where a run-on statement ends (issue 9, accuracy probe 6) --------------------

@lru_cache(maxsize=16384)
def _finite(word: str) -> bool:
    """Can the Ukrainian word be a verb in a person, the past or the imperative («робить»,
    «надійшли», «передайте»), not only an infinitive? Without a dictionary: no. (lemmas.Analysis
    counts an infinitive as a verb, so the dictionary's own tags are read here.)"""
    analyzer = lemmas._analyzer()
    if analyzer is None or not re.fullmatch(r"[а-щьюяєіїґ']+", word) or word.endswith(("ти", "тися", "тись")):
        return False
    return any(p.is_known and p.tag.POS == "VERB" and (p.tag.person or p.tag.tense == "past" or p.tag.mood == "impr")
               for p in analyzer.parse(word))


@dataclass(frozen=True)
class Wording:
    text: str
    norm: Normalised
    places: tuple[int, ...]     # which of norm.words to look for: not stopwords, unless that leaves none

    @property
    def tokens(self) -> tuple[str, ...]:
        return tuple(self.norm.words[i] for i in self.places)

    @classmethod
    def of(cls, text: str, language: str) -> "Wording":
        return _wording(text, language)

    @property
    def negative(self) -> bool:
        return any(is_negation(word) for word in self.norm.words)

    @property
    def statement_places(self) -> tuple[int, ...]:
        """``places`` and the prepositions just before a number ("до 10", "by the 10th")."""
        before = {place for place, _ in self.norm.said_numbers}
        extra = {
            i for i, word in enumerate(self.norm.words)
            if word in _NUMBER_PREPOSITIONS and (i + 1 in before or (i + 2 in before and self.norm.words[i + 1] == "the"))
        }
        return tuple(sorted(set(self.places) | extra))


# Words a wording of two other words or more may leave out of a reply, beside the stopwords:
# whose it is and what it is about are said in other ways ("log an application" for "register
# your request", «заяву на розстрочку» for «звернення про розстрочку»).
_OPTIONAL = frozenset(
    "ваш ваша ваше вашу ваші вашого вашої вашому вашій вашим ваших вашими наш наша наше нашу наші нашого нашої"
    " нашому нашій нашим наших про your our my his her their its".split()
)


@lru_cache(maxsize=8192)
def _wording(text: str, language: str) -> Wording:
    norm = normalise(text, language)
    places = tuple(i for i, word in enumerate(norm.words) if word not in STOPWORDS)
    kept = tuple(i for i in places if norm.words[i] not in _OPTIONAL)
    if len(kept) >= 2 and not any(is_negation(norm.words[i]) for i in kept):
        places = kept   # not "not your debt" (the owner is the point) nor «вашу групу» (one word would be left)
    return Wording(text, norm, places or tuple(range(len(norm.words))))


@dataclass(frozen=True)
class _Placement:
    """One way a wording is found in a reply."""
    score: float
    start: int | None
    words: frozenset[int]       # positions of the reply's words used
    numbers: frozenset[int]     # indices of the reply's numbers used
    complete: bool              # every word and number of the wording found


class Reply:
    """A reply prepared once for many wordings to be looked for in it."""

    def __init__(self, text: str, language: str):
        self.text = text
        self.language = language
        self.norm = normalise(text, language)
        self.words = self.norm.words
        self._unique = list(dict.fromkeys(self.words))
        self._positions: dict[str, list[int]] = {}
        for position, word in enumerate(self.words):
            self._positions.setdefault(word, []).append(position)
        self._cache: dict[tuple[str, bool], dict[int, float]] = {}
        self._lemma_index: dict[str, list[str]] | None = None
        self._punctuated = bool(_PUNCTUATION.search(text))
        self._run_on = not _CLAUSE_PUNCTUATION.search(text)
        self._scopes()

    # --- words ---------------------------------------------------------------------------

    def positions(self, word: str, strict: bool = False) -> dict[int, float]:
        """Where ``word`` (or a form of it) occurs in the reply, with how well it matches."""
        cached = self._cache.get((word, strict))
        if cached is not None:
            return cached
        found: dict[int, float] = {}
        for other, score in self._similar(word, strict):
            for position in self._positions[other]:
                found[position] = max(found.get(position, 0.0), score)
        self._cache[(word, strict)] = found
        return found

    def _similar(self, word: str, strict: bool, synonyms: bool = True):
        """Words of the reply that count as ``word``. Strict (for set phrases): the word
        itself or a near-identical slip; otherwise also its other forms, and the forms of
        its synonyms (lexicon.SYNONYMS: «усередненим» for «середнім», "fraudsters" for "scam")."""
        if word in self._positions:
            yield word, 1.0
        mine = None if strict else self._analysis(word)
        if mine is not None and mine.known and len(word) >= 3:
            for other in self._same_lemma(mine.lemmas):
                if other != word:
                    yield other, 1.0
        if not strict and self.language == "en":
            for other in self._unique:
                if other != word and english_bases(other) & english_bases(word):
                    yield other, 1.0
        if not strict and synonyms:
            for synonym in synonyms_of(word, self.language):
                yield from self._similar(synonym, strict, synonyms=False)
        if len(word) < _SLIP_MIN_LENGTH or not synonyms:
            return      # a synonym by its forms only: a slip of it ("while" for "whole") is too far from the fact's word
        if not strict:
            stem = max(5, len(word) - 3)
            for other in self._unique:
                if other != word and other[:stem] == word[:stem] and self._related(word, other, mine):
                    yield other, 1.0
        cutoff = _STRICT_CUTOFF if strict else _SLIP_CUTOFF
        for other, score, _ in process.extract(word, self._unique, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None):
            if other != word and (strict or self._related(word, other, mine)):
                yield other, score / 100

    def _analysis(self, word: str):
        return lemmas.analyse(word) if self.language == "uk" else None

    def _same_lemma(self, wanted: frozenset[str]) -> list[str]:
        if self._lemma_index is None:
            self._lemma_index = defaultdict(list)
            for other in self._unique:
                analysis = self._analysis(other)
                if analysis is not None and analysis.known and len(other) >= 3:
                    for lemma in analysis.lemmas:
                        self._lemma_index[lemma].append(other)
        return list(dict.fromkeys(other for lemma in wanted for other in self._lemma_index.get(lemma, ())))

    def _related(self, word: str, other: str, mine) -> bool:
        """Can ``other`` be a form or a slip of ``word``, judged by its stem or spelling?
        Long words, yes. A short Ukrainian word is another word when the dictionary knows
        both with no dictionary form in common, or (without a dictionary) when the longer
        one goes on past the shorter with something that is no ending: «платіж» is not
        «платіжку»."""
        if self.language != "uk" or min(len(word), len(other)) > _SHORT_WORD:
            return True
        theirs = self._analysis(other)
        if mine is not None and theirs is not None:
            return not (mine.known and theirs.known) or bool(mine.lemmas & theirs.lemmas)
        shorter, longer = sorted((word, other), key=len)
        if longer.startswith(shorter[:-1]):
            common = len(shorter) if longer.startswith(shorter) else len(shorter) - 1
            rests = (shorter[common:], longer[common:])
            return all(rest == "" or rest in _ENDINGS for rest in rests)
        return True

    # --- clauses ----------------------------------------------------------------------------

    def _scopes(self) -> None:
        """Which clause and sentence each word and number is in. Sentences end at . ! ? ;
        clauses also at commas, colons, dashes and at words like «але», «бо», "but",
        "because"; a comma-bound «на жаль» / "unfortunately" does not end one."""
        norm, words = self.norm, self.words
        word_seg = list(norm.word_segments) if len(norm.word_segments) == len(words) else [(0, 0)] * len(words)
        numbers = norm.said_numbers
        number_seg = list(norm.number_segments) if len(norm.number_segments) == len(numbers) else [(0, 0)] * len(numbers)
        at: dict[int, list[int]] = defaultdict(list)
        for k, (place, _) in enumerate(numbers):
            at[place].append(k)
        items: list[tuple[str, int]] = []
        for place in range(len(words) + 1):
            items += [("n", k) for k in at.get(place, ())]
            if place < len(words):
                items.append(("w", place))

        def segment(item):
            kind, index = item
            return word_seg[index] if kind == "w" else number_seg[index]

        content: dict[int, list[str]] = {}
        has_number: set[int] = set()
        order: list[tuple[int, int]] = []
        for item in items:
            sentence, clause = segment(item)
            if clause not in content:
                content[clause] = []
                order.append((sentence, clause))
            if item[0] == "w":
                content[clause].append(words[item[1]])
            else:
                has_number.add(clause)
        joined: dict[int, int] = {}
        previous, current, join_next = None, 0, False
        for sentence, clause in order:
            aside = clause not in has_number and tuple(content[clause]) in _PARENTHETICAL
            if sentence != previous:
                current, join_next = clause, aside
            elif aside:
                join_next = True
            elif join_next:
                join_next = False
            else:
                current = clause
            joined[clause] = current
            previous = sentence

        self._word_clause = [0] * len(words)
        self._word_sentence = [0] * len(words)
        self._number_clause = [0] * len(numbers)
        self._number_sentence = [0] * len(numbers)
        clause_id, last, words_in_clause = -1, None, 0
        for item in items:
            sentence, clause = segment(item)
            kind, index = item
            if joined[clause] != last:
                clause_id, last, words_in_clause = clause_id + 1, joined[clause], 0
            elif kind == "w" and words_in_clause and self._starts_clause(index):
                clause_id, words_in_clause = clause_id + 1, 0
            if kind == "w":
                self._word_clause[index], self._word_sentence[index] = clause_id, sentence
                words_in_clause += 1
            else:
                self._number_clause[index], self._number_sentence[index] = clause_id, sentence

    def _starts_clause(self, q: int) -> bool:
        word = self.words[q]
        if word in _CLAUSE_STARTERS:
            return True
        return word in _AND and q + 1 < len(self.words) and self.words[q + 1] in _SUBJECTS

    def _cancelled(self, placement: _Placement, wording: Wording, negated_ok: bool = False) -> bool:
        """Is the wording, found there, negated or only supposed in its clause? A negative
        wording ("no limit") is said by a negative statement, and so is any wording of a
        fact that is itself negative (``negated_ok``: «обігрівачі в розетку не підпадають»)."""
        clauses = {self._word_clause[q] for q in placement.words} | {self._number_clause[k] for k in placement.numbers}
        if not clauses:
            return False
        sentences = {self._word_sentence[q] for q in placement.words} | {self._number_sentence[k] for k in placement.numbers}
        scope = self._scope(placement)
        start = self._start(placement)
        if not (negated_ok or wording.negative) and any(self._negates(q, start) for q in scope):
            return True
        return self._supposed(scope, sentences, start) or self._unasserted(start)

    def _scope(self, placement: _Placement) -> list[int]:
        """The other words of the wording's clause that are close enough to negate it."""
        clauses = {self._word_clause[q] for q in placement.words} | {self._number_clause[k] for k in placement.numbers}
        near = self._near(placement)
        return [q for q, c in enumerate(self._word_clause) if c in clauses and q not in placement.words and q in near]

    def _start(self, placement: _Placement) -> int:
        return min(set(placement.words) | {self.norm.said_numbers[k][0] for k in placement.numbers}, default=0)

    def denies(self, wording: Wording) -> bool:
        """Is the wording said and negated as a plain statement («перерахунку не буде»,
        "there won't be a recalculation")? Not when only supposed, or said under a condition
        («якщо не передасте показники, перерахунку не буде» is true, not a denial)."""
        if wording.negative:
            return False
        for placement in self._placements(wording, strict=False, ordered=False):
            if placement.score < FACT_THRESHOLD or not placement.complete:
                continue
            scope = self._scope(placement)
            start = self._start(placement)
            if not any(self._negates(q, start) for q in scope):
                continue
            sentences = {self._word_sentence[q] for q in placement.words} | {self._number_sentence[k] for k in placement.numbers}
            before = [q for q, s in enumerate(self._word_sentence) if s in sentences and q < start]
            if any(self.words[q] in _CONDITIONS for q in before) or self._supposed(scope, sentences, start):
                continue
            return True
        return False

    def _near(self, placement: _Placement) -> range:
        """The words close enough to a wording to negate or suppose it. A transcript has no
        punctuation, so its whole reply can be one clause: «нікого не відключать сьогодні
        попередження надходить за десять робочих днів» must keep its second statement."""
        places = set(placement.words) | {self.norm.said_numbers[k][0] for k in placement.numbers}
        if not places:
            return range(0)
        clauses = {self._word_clause[q] for q in placement.words} | {self._number_clause[k] for k in placement.numbers}
        if self._punctuated or sum(1 for c in self._word_clause if c in clauses) <= _SHORT_CLAUSE:
            return range(len(self.words) + 1)     # a written clause, or one of ordinary length, is the scope
        return range(max(0, min(places) - _SCOPE_BEFORE), max(places) + _SCOPE_AFTER + 1)

    def _negates(self, q: int, start: int) -> bool:
        """Does the negation word at ``q``, if it is one, negate a wording starting at ``start``?
        Not when a word of obligation comes between them, after the word the negation takes:
        «частково не вийде, треба сплатити всю суму», "that won't work, you need to pay in full"
        (in English only after a subject: "it doesn't always need 10 days" is negated)."""
        words = self.words
        if not is_negation(words[q]):
            return False
        if any(words[m] in _OBLIGATION and words[m - 1] not in _ADVERBS and (self.language == "uk" or words[m - 1] in _SUBJECTS)
               for m in range(q + 2, start)):
            return False
        if self._contrasts_back(q) and q > start:
            return False        # "handled by DTEK not by us": the "not" is about what follows it
        contrasted = self._contrasted(q)
        if contrasted is not None:
            return q < start <= contrasted      # «не ми замінимо лічильник» denies «ми замінимо лічильник» only
        if self._run_on and q < start and self._next_statement(q, start):
            return False
        same = q + 1 < len(words) and self._word_clause[q + 1] == self._word_clause[q]
        following = words[q + 1] if same else ""
        if following in _NOT_NEGATING_NEXT:
            return False
        if following == "more" and q + 2 < len(words) and words[q + 2] == "than":   # "no more than 2,000"
            return False
        if q + 2 < len(words) and words[q + 2] in _LIMITS and self._word_clause[q + 2] == self._word_clause[q]:
            return False    # «не буде раніше ніж через 10 днів»: a limit, not a negation
        return True

    def _contrasted(self, q: int) -> int | None:
        """Where the one thing a contrasting negation at ``q`` negates is ("not by us", «не до нас»,
        «не ми»: a pronoun, maybe after a preposition), or None when it is no such contrast."""
        words = self.words
        nxt = q + 1
        if nxt < len(words) and words[nxt] in _CONTRAST_VIA:
            nxt += 1
        if nxt < len(words) and words[nxt] in _CONTRASTED and self._word_clause[nxt] == self._word_clause[q]:
            return nxt
        return None

    def _contrasts_back(self, q: int) -> bool:
        """An English "not" after a word of its clause that is no auxiliary nor subject ("DTEK
        not the supplier", "by DTEK not by us"): a contrast with what follows, which denies
        nothing said before it ("is not", "do not" would)."""
        words = self.words
        return (self.language == "en" and words[q] == "not" and q > 0 and words[q - 1] not in _AUXILIARIES
                and words[q - 1] not in _SUBJECTS and self._word_clause[q - 1] == self._word_clause[q])

    def _next_statement(self, q: int, start: int) -> bool:
        """Is there, between a negation at ``q`` and a wording at ``start``, the start of another
        statement: a second verb in Ukrainian (the first, or «не потрібно», is the negation's own;
        an infinitive belongs to it: «не потрібно подавати заявку»), or a new subject before the
        wording, not after «що», "that" or a verb of thinking («не думаю, що ми…»)?"""
        words = self.words
        verbs = 0
        for m in range(q + 1, min(start, len(words) - 1) + 1):     # a wording's figure may stand after the last word
            word = words[m]
            if m < start and m >= q + 2 and word in _NEW_SUBJECT[self.language] \
                    and words[m - 1] not in _THAT and not words[m - 1].startswith(_THINKING + _REPORTING):
                return True
            if self.language == "uk" and (word in _PREDICATIVES or _finite(word)):
                verbs += 1
                if verbs >= 2:
                    return True
        return False

    def supposes(self) -> bool:
        """Whether the text (one sentence) supposes rather than states: «якби…», «якщо б…»,
        «ми б зробили», "if … would" anywhere in it. The rubric: a hypothetical mention is not
        a statement. (A hedge is not counted: "it's probably a local fault" was rated as the
        gist said, on the benchmark's dev split.)"""
        words = self.words
        for q, word in enumerate(words):
            if word in _IF_UK:
                return True
            if word in _IF_WITH_PARTICLE and q + 1 < len(words) and words[q + 1] in _PARTICLES:
                return True
            if word in _PARTICLES and self._past_verb_near(q):
                return True
        return any(self._would(q) for q in range(len(words))) and any(word in _IF_EN for word in words)

    def _supposed(self, scope: list[int], sentences: set[int], start: int) -> bool:
        """A hypothetical: «якби ...», «ми б зробили», "if ... would"; «якби» or "if" before
        a wording reaches it only up to «але», "but" and the like."""
        words = self.words
        sentence = [q for q, s in enumerate(self._word_sentence) if s in sentences]
        contrast = max((q for q in sentence if q < start and words[q] in _CONTRAST), default=-1)
        sentence = [q for q in sentence if q > contrast]
        for q in sentence:
            if words[q] in _IF_UK or (words[q] in _IF_WITH_PARTICLE and q + 1 < len(words) and words[q + 1] in _PARTICLES):
                return True
        for q in scope:
            if words[q] in _PARTICLES and self._past_verb_near(q):
                return True
        would = [q for q in sentence if self._would(q)]
        if would and any(words[q] in _IF_EN for q in sentence):
            in_scope = set(scope)
            return any(q in in_scope for q in would) or any(words[q] in _IF_EN for q in scope)
        return False

    def _unasserted(self, start: int) -> bool:
        """Said under a negated verb of saying, the negation before the verb («не можу
        сказати, що…», "can't confirm that…") or in a short clause after what it introduces
        («сказати, що борг не переходить, я не можу»)."""
        words, sentence = self.words, self._word_sentence
        if start >= len(words):
            return False
        for v in range(max(0, start - _REPORT_REACH), start):
            if sentence[v] != sentence[start] or not words[v].startswith(_REPORTING):
                continue
            if not (v + 1 == start or words[v + 1] in _THAT or words[v + 1] in _SUBJECTS
                    or (v + 2 < start and words[v + 2] in _THAT)):    # a word between: «сказати напевно, що…»
                continue
            before = [q for q in range(max(0, v - 3), v) if sentence[q] == sentence[v]]
            if any(is_negation(words[q]) for q in before):
                return True
            after = [q for q in range(start, len(words)) if sentence[q] == sentence[start]]
            last_clause = [q for q in after if self._word_clause[q] == self._word_clause[after[-1]]] if after else []
            if last_clause and self._word_clause[last_clause[0]] != self._word_clause[start] and len(last_clause) <= 4:
                return any(is_negation(words[q]) for q in last_clause)
        return False

    def _would(self, q: int) -> bool:
        word = self.words[q]
        if not (word in _WOULD or word.endswith("'d")):
            return False
        return not (q + 1 < len(self.words) and self.words[q + 1] in _NOT_SUPPOSING_NEXT)

    def _past_verb_near(self, q: int) -> bool:
        for other in (q - 1, q + 1, q - 2, q + 2, q + 3):     # «він би й не переходив»
            if 0 <= other < len(self.words) and self._word_clause[other] == self._word_clause[q]:
                word = self.words[other]
                if word.startswith(_POLITE):
                    return False
                analysis = lemmas.analyse(word)
                if (analysis.past if analysis is not None and analysis.known else bool(_PAST.search(word)) and len(word) > 3):
                    return True
        return False

    # --- matching ---------------------------------------------------------------------------

    def match(self, wording: Wording, strict: bool = False, ordered: bool = False) -> tuple[float, int | None]:
        """(0..1: how fully the wording is said, where it starts in the reply).

        ``ordered``: the words must come in the wording's order, a word apart at most;
        for statements that reverse their meaning when reordered ("постачальник
        призначає" vs "призначає Пенсійний фонд, а не постачальник").
        Negation is not looked at here (see ``says`` and ``states``).
        """
        best = self._best(self._placements(wording, strict, ordered))
        return (best.score, best.start) if best and best.score > 0 else (0.0, None)

    def _placements(self, wording: Wording, strict: bool, ordered: bool, statement: bool = False) -> list[_Placement]:
        if ordered:
            places = wording.statement_places if statement else (range(len(wording.norm.words)) if strict else wording.places)
            return _in_order(self._sequence(wording, places, strict, statement), search=not strict)
        places = range(len(wording.norm.words)) if strict else wording.places
        words = wording.norm.words
        found = [self.positions(words[i], strict) for i in places]
        kinds = ["w"] * len(found)
        chains: dict[int, tuple[int, ...]] = {}
        if wording.norm.said_numbers:
            chains = self._number_chains(wording.norm.meant_numbers)
            if not chains:
                return []
            found.append({place: 1.0 for place in chains})
            kinds.append("n")
        if not found:
            return []
        return _together(found, kinds, chains, window=len(found) + 2)

    @staticmethod
    def _best(placements: list[_Placement]) -> _Placement | None:
        best = None
        for placement in placements:
            if best is None or placement.score > best.score:
                best = placement
        return best

    def _sequence(self, wording: Wording, places, strict: bool, statement: bool = False):
        """The wording's words and numbers in its order, each with where it is found in the
        reply. A number sits half a place before the word it precedes, on both sides.
        In a statement, a preposition is found only as itself («до» is not «за»)."""
        sequence = []
        for i in places:
            word = wording.norm.words[i]
            found = self._preposition(word) if statement and word in _NUMBER_PREPOSITIONS else self.positions(word, strict)
            sequence.append((float(i), {float(p): s for p, s in found.items()}, "w"))
        seen: dict[int, int] = defaultdict(int)
        slots = []
        for at, _ in self.norm.said_numbers:
            slots.append(at - 0.5 + 1e-6 * seen[at])   # two numbers in a row keep a place each
            seen[at] += 1
        for place, meant in wording.norm.meant_numbers:
            found = {slots[k]: 1.0 for k, (_, mine) in enumerate(self.norm.said_numbers) if mine & meant}
            sequence.append((place - 0.5, found, "n"))
        return sorted(sequence, key=lambda item: item[0]), {slot: k for k, slot in enumerate(slots)}

    def _preposition(self, word: str) -> dict[int, float]:
        meaning = _NUMBER_PREPOSITIONS[word]
        return {q: 1.0 for q, other in enumerate(self.words) if _NUMBER_PREPOSITIONS.get(other) == meaning}

    def score(self, wording: Wording, strict: bool = False, ordered: bool = False) -> float:
        return self.match(wording, strict, ordered)[0]

    def says(
        self, wording: Wording, threshold: float = FACT_THRESHOLD, strict: bool = False, ordered: bool = False,
        negated_ok: bool = False,
    ) -> bool:
        """Is the wording said? Not where it is negated or supposed («перерахунку не буде»,
        «якби ..., ми б зробили перерахунок»); set phrases (strict) are taken as they are.
        ``negated_ok``: the fact itself is negative, so a negation does not take it back."""
        placements = self._placements(wording, strict, ordered)
        if strict:
            return any(p.score >= threshold for p in placements)
        return any(p.score >= threshold and not self._cancelled(p, wording, negated_ok) for p in placements)

    def withheld(self, wording: Wording, negated_ok: bool = False) -> bool:
        """Is the wording found in full only where it is negated, supposed or not asserted
        («ніхто не може сказати, що це були шахраї»)? Then the reply takes the fact back:
        no sentence of it is the fact's gist said vaguely."""
        placements = [p for p in self._placements(wording, False, False) if p.score >= FACT_THRESHOLD and p.complete]
        return bool(placements) and all(self._cancelled(p, wording, negated_ok) for p in placements)

    def states(self, wording: Wording) -> bool:
        """For statements (wrong facts): every word and number said, in order, close
        together, with the prepositions before its numbers, and not negated or supposed
        ("you can no longer submit through Privat24" does not state "through Privat24")."""
        for placement in self._placements(wording, strict=False, ordered=True, statement=True):
            if (
                placement.complete and placement.score >= FACT_THRESHOLD and self._one_sentence(placement)
                and self._prepositions_bound(placement, wording) and not self._cancelled(placement, wording)
            ):
                return True
        return False

    def _prepositions_bound(self, placement: _Placement, wording: Wording) -> bool:
        """A statement's preposition of a number found just before one of its numbers («з 22:00»
        is not the «з» of «з 20 до 22»; "from 22:00" not the "from" of "from 20 to 22")."""
        words = wording.norm.words
        numbers = {place for place, _ in wording.norm.said_numbers}
        meanings = {_NUMBER_PREPOSITIONS[words[i]] for i in wording.statement_places if words[i] in _NUMBER_PREPOSITIONS
                    and (i + 1 in numbers or (i + 2 in numbers and words[i + 1] == "the"))}
        if not meanings:
            return True     # «після сплати боргу»: no preposition of a number
        starts = {self.norm.said_numbers[k][0] for k in placement.numbers}
        return all(q + 1 in starts or (q + 2 in starts and self.words[q + 1] == "the")
                   for q in placement.words if _NUMBER_PREPOSITIONS.get(self.words[q]) in meanings)

    def restricted(self, wording: Wording, restrictions: frozenset[str], reach: int = _RESTRICT_REACH) -> bool:
        """Is the wording said with a restriction just after it in its clause, and a word after
        that ("DTEK Kyiv Electric Networks only sends us the schedule", «Пенсійний фонд лише
        передає нам дані»)? Said of the party a fact names, it gives that party a lesser role
        than the fact does: the responsibility is reversed, not stated."""
        for placement in self._placements(wording, strict=False, ordered=False):
            if placement.score < FACT_THRESHOLD or not placement.words or self._cancelled(placement, wording):
                continue
            end = max(placement.words)
            clause = self._word_clause[end]
            for q in range(end + 1, min(end + 1 + reach, len(self.words) - 1)):
                if self._word_clause[q] != clause:
                    break
                if self.words[q] in restrictions and self._word_clause[q + 1] == clause:
                    return True
        return False

    def figures_with(self, wording: Wording, words: Iterable[str]) -> bool:
        """The wording's figures said, in its order and close together, not negated or supposed,
        in a sentence with one of ``words`` in any form: a fact's figures said in other words
        ("вам рахують звичайні чотири гривні тридцять дві копійки" for «ціна 4,32»)."""
        if not wording.norm.said_numbers:
            return False
        words = [word for word in words if word not in _GENERIC and len(word) >= 4]
        for chain in self._number_chains(wording.norm.meant_numbers).values():
            placement = _Placement(1.0, None, frozenset(), frozenset(chain), True)
            if self._cancelled(placement, wording):
                continue
            sentence = self._number_sentence[chain[0]]
            if any(self._word_sentence[q] == sentence for word in words for q in self.positions(word)):
                return True
        return False

    def _one_sentence(self, placement: _Placement) -> bool:
        sentences = {self._word_sentence[q] for q in placement.words} | {self._number_sentence[k] for k in placement.numbers}
        return len(sentences) <= 1

    def gist(self, wording: Wording, negated_ok: bool = False) -> bool:
        """The wording's gist said without its figures: its words are said, not negated,
        and no number is said where its numbers would be ("протягом кількох робочих днів"
        for "10 робочих днів"). Only for wordings with numbers and with words that carry
        meaning of their own ("робочих днів", "жовтня", "tomorrow"; not "числа", "ціна")."""
        norm = wording.norm
        if not norm.said_numbers:
            return False
        content = [norm.words[i] for i in wording.places if norm.words[i] not in STOPWORDS]
        if not _worth_a_gist(content):
            return False
        found = [self.positions(word) for word in content]
        if not all(found):
            return False
        numbers = [place for place, _ in self.norm.said_numbers]
        for placement in _together(found, ["w"] * len(found), {}, window=len(found) + 2):
            if placement.score < FACT_THRESHOLD or not placement.complete:
                continue
            low, high = min(placement.words), max(placement.words)
            if any(low - _GIST_NEAR <= place <= high + 1 + _GIST_NEAR for place in numbers):
                continue
            if not self._cancelled(placement, wording, negated_ok):
                return True
        return False

    def says_phrase(self, wording: Wording) -> bool:
        """For set phrases (forbidden, lexicon): every word, in its own form and order."""
        return self.says(wording, PHRASE_THRESHOLD, strict=True, ordered=True)

    def phrase_position(self, wording: Wording) -> int | None:
        """Where a set phrase starts in the reply, if it is said."""
        score, start = self.match(wording, strict=True, ordered=True)
        return start if score >= PHRASE_THRESHOLD else None

    def _number_chains(self, wanted: tuple[tuple[int, frozenset[float]], ...]) -> dict[int, tuple[int, ...]]:
        """Places where the wording's numbers are said in its order, each within a few
        words of the one before ("з 22 до 7" is not a 22 here and a 7 elsewhere), with
        the reply's numbers that say them."""
        said = self.norm.said_numbers
        chains: dict[int, tuple[int, ...]] = {}
        for k, (place, readings) in enumerate(said):
            if not readings & wanted[0][1] or place in chains:
                continue
            chain, last_k, last_place, ok = [k], k, place, True
            for (before, _), (own_place, needed) in zip(wanted, wanted[1:]):
                reach = last_place + (own_place - before) + _NUMBER_GAP
                nxt = next((j for j in range(last_k + 1, len(said)) if said[j][1] & needed and said[j][0] <= reach), None)
                if nxt is None:
                    ok = False
                    break
                chain.append(nxt)
                last_k, last_place = nxt, said[nxt][0]
            if ok:
                chains[place] = tuple(chain)
        return chains


_GENERIC = frozenset(
    "числа число числі числом місяць місяця місяці місяців month months day days дні днів день year years рік року"
    " hours годин години година ціна ціною ціну ціни price prices разом total плюс plus більше менше more less"
    " виходить kwh per percent as all показники показник показників readings reading платять платите платити"
    " pay pays paid коштує cost costs".split()
)


def _worth_a_gist(content: list[str]) -> bool:
    """Words that say something without the figure: "робочих днів", «жовтня»,
    "tomorrow"; not "числа", "ціна", "per kWh" alone."""
    meaningful = [w for w in content if w not in _GENERIC and len(w) >= 5]
    return bool(meaningful) and (len(content) >= 2 or len(meaningful[0]) >= 6)


def _together(found: list[dict[int, float]], kinds: list[str], chains: dict[int, tuple[int, ...]], window: int) -> list[_Placement]:
    """Placements around each occurrence of the rarest element: each element taken at its
    best within ``window`` words of it. One element: each of its occurrences."""
    anywhere = sum(max(f.values(), default=0.0) for f in found) / len(found)
    if len(found) == 1 or anywhere < FACT_THRESHOLD:
        if len(found) == 1:
            return [_placement(score, [(0, position, score)], kinds, chains, 1) for position, score in found[0].items()]
        chosen = [(i, min(f, key=lambda p: (-f[p], p)), max(f.values())) for i, f in enumerate(found) if f]
        start = min(found[0], default=None)
        return [_Placement(anywhere, start, *_used(chosen, kinds, chains), complete=all(found))]
    anchors = min((f for f in found if f), key=len, default={})
    out = []
    for anchor in anchors:
        chosen = []
        for i, f in enumerate(found):
            options = [(s, -abs(p - anchor), p) for p, s in f.items() if abs(p - anchor) <= window]
            if options:
                s, _, p = max(options)
                chosen.append((i, p, s))
        total = sum(s for _, _, s in chosen)
        out.append(_placement(total / len(found), chosen, kinds, chains, len(found), anchor))
    return out


def _placement(score: float, chosen, kinds, chains, size: int, start=None) -> _Placement:
    if start is None:
        start = chosen[0][1] if chosen else None
    return _Placement(score, start, *_used(chosen, kinds, chains), complete=len(chosen) == size)


def _used(chosen, kinds, chains) -> tuple[frozenset[int], frozenset[int]]:
    words = frozenset(p for i, p, _ in chosen if kinds[i] == "w")
    numbers = frozenset(k for i, p, _ in chosen if kinds[i] == "n" for k in chains.get(p, ()))
    return words, numbers


def _in_order(prepared, max_gap: int = 1, search: bool = False) -> list[_Placement]:
    """Placements where each element follows the previous one in the reply as it does in
    the wording, with at most ``max_gap`` extra words between; scored by the mean. From
    each place of the first element the rest are taken greedily (set phrases), or, with
    ``search``, in the way that finds the most of them ("by the 10th. The ..." is "by",
    "the", 10, not "by" and the next sentence's "the")."""
    sequence, slots = prepared
    if not sequence:
        return []
    out = []
    memo: dict = {}
    for start, first in sequence[0][1].items():
        if search:
            total, chosen = _best_path(sequence, 1, start, memo, max_gap)
            total += first
            chosen = [(sequence[0][2], start)] + chosen
        else:
            chosen = [(sequence[0][2], start)]
            total, last, last_wording = first, start, sequence[0][0]
            for wording_place, positions, kind in sequence[1:]:
                reach = last + (wording_place - last_wording) + max_gap
                options = [(s, p) for p, s in positions.items() if last < p <= reach]
                if options:
                    score, last = max(options)
                    total += score
                    chosen.append((kind, last))
                last_wording = wording_place
        words = frozenset(int(p) for kind, p in chosen if kind == "w")
        numbers = frozenset(slots[p] for kind, p in chosen if kind == "n" and p in slots)
        out.append(_Placement(total / len(sequence), int(start + 0.5), words, numbers, len(chosen) == len(sequence)))
    return out


def _best_path(sequence, i: int, last: float, memo: dict, max_gap: int) -> tuple[float, list]:
    """The best way to place elements ``i``.. after the previous one at ``last``: the
    highest total score, then the most elements found."""
    if i == len(sequence):
        return 0.0, []
    key = (i, last)
    if key in memo:
        return memo[key]
    place, positions, kind = sequence[i]
    reach = last + (place - sequence[i - 1][0]) + max_gap
    best = _best_path(sequence, i + 1, last, memo, max_gap)
    for p, s in sorted(positions.items()):
        if last < p <= reach:
            total, chosen = _best_path(sequence, i + 1, p, memo, max_gap)
            if (s + total, len(chosen) + 1) > (best[0], len(best[1])):
                best = (s + total, [(kind, p)] + chosen)
    memo[key] = best
    return best
