"""Accuracy, 0-100: key facts said, wrong facts stated, closeness to the best reference.

A key fact counts in full when one of its wordings is said and not negated or supposed
(matching.py), and half when only its gist is said: the words of a wording with figures,
without the figures ("протягом кількох робочих днів" for "10 робочих днів"), and up to a
third when neither is said but a sentence of the reply is close to the fact in meaning
(``by_meaning``: the right gist stated vaguely, in other words); and up to in full when a clause
says it in other words, closer to it than to anything else of the node (``by_contrast``: every
key fact said in any words is all right, as the rubric rates it). A wrong
fact counts when one of its wordings is stated: every word, in order, not negated; and, less
surely, when a clause says it in other words (``wrong_by_meaning``: closer in meaning to the wrong
fact than to anything right on the same topic), which caps the score at INVENTED_CAP and costs
WRONG_MEANING_PENALTY.
The rest of the score is closeness to the nearest reference answer: the cosine of their
sentence embeddings (embeddings.py), which credits the right gist said in other words ("at
night you pay half the normal price"); where the embedding engine cannot load, the overlap of
their word stems. On the judging benchmark's dev split the embedding raised ρ accuracy by
0.005-0.015 in each language and batch (SIMILAR_FROM, SIMILAR_TO and FACTS_SHARE chosen there).

A reply that gives no key fact and offers a service or asks for card data instead is off
topic: 0 (``off_topic``).

A promise no rule backs (a guarantee, compensation, a credit or bonus, a percentage discount, a
debt written off, a restoration time, payment without commission; and, said in other words in a
call, a time for a visit or a replacement, a fee waived, a disconnection on a given day) caps the score at
INVENTED_CAP: the rubric rates all facts plus an invented specific as partly right.

A spoken reply may come with a `Hearing` (hearing.py): a key fact the recording confirmed
counts as said; one the recogniser could not hear clearly is left out of the score rather
than counted as missed (when every fact is unclear, the facts' share counts as half).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

import numpy as np

from ..scenario.model import Fact, Node
from . import bindings, compliance, embeddings, lexicon
from .compliance_model import pieces
from .courtesy import NO_CONTENT
from .hearing import Hearing
from .matching import Reply, Wording, corrected, is_negation
from .text import normalise

FACTS_SHARE = 0.65          # the rest is similarity to the closest reference answer
SIMILAR_FROM = 0.80         # embedding cosine read as 0 similarity (an unrelated reply of the same domain) ...
SIMILAR_TO = 0.95           # ... and as 100 (the same content in other words)
WRONG_FACT_PENALTY = 30
# A key fact with figures (a price, a date, a count of days) not said in full and none of its figures said: the gist at
# most, and the rubric rates the gist "without the figures, dates or responsible party" partly right, so the reply is
# too. Dev split, ρ accuracy uk / en: none .9154 / .9290; cap 74 .9157 / .9291; 70 .9159 / .9294 (replies on the
# wrong rubric level 42 / 31 -> 41 / 28); probes 5-11 393 -> 397 of 514 on the rubric's level, none lost.
FIGURES_CAP = 70
INVENTED_CAP = 60           # a reply with an invented promise is partly right at best (the rubric's 1)
GIST_CREDIT = 0.5           # a key fact's gist without its figures, dates or amounts
MEANING_CREDIT = 0.35       # a key fact neither worded nor its gist, but a sentence close to it in meaning ...
PLAIN_MEANING_CREDIT = 0.5  # ... a sentence that states it plainly: no negation (the fact itself not negative)
MEANING_MARGIN = 0.02       # how much closer to the fact than courtesy (NO_CONTENT) a sentence must come to count ...
MEANING_FULL = 0.06         # ... and to count in full (dev split: margins 0.01-0.03, widths 0.03-0.06 all helped)
# A key fact in other words read contrastively (``fact_margins``): a clause closer to the fact than to courtesy, the
# node's other key facts and its wrong facts by FACT_MARGIN counts, in full from FACT_FULL; a clause with a negation
# counts NEGATED_SHARE as much (it may be the denial), one without a fact's figures GIST_CREDIT at most. When every key
# fact not worded is earned by at least EARNED this way, each counts in full (the rubric: all right "in any words").
# Probes 5-8 (62 of 316 replies on the wrong rubric level before): margins .01-.04, full at .06-.12, negated share
# 0-1 and EARNED 0-.5 all left 58-61, so the middle values; the dev split decided the rest (see score()).
FACT_MARGIN = 0.02
FACT_FULL = 0.08
NEGATED_SHARE = 0.5
EARNED = 0.8
# A wrong fact in other words (``wrong_by_meaning``), chosen on probe 7 and the benchmark's dev split (ρ accuracy
# uk / en; probe 7 replies rated right, of 39 uk / 41 en): none .9115 / .9247, 28 / 24; margin .01: .9104 / .9207,
# 30 / 28; .02: .9119 / .9248, 29 / 27; .03: .9119 / .9249, 29 / 27; .04: .9119 / .9247, 28 / 26. The penalty (10,
# 20 or 30) moved ρ by .0005 at most. Against the wrong fact's wordings too, or without the key facts among the right
# things: no better.
WRONG_MEANING_MARGIN = 0.03     # how much closer to a wrong fact than to courtesy, the key facts and the references a clause must come
WRONG_MEANING_PENALTY = 20      # less certain than a worded wrong fact (WRONG_FACT_PENALTY), and the score capped at INVENTED_CAP
WRONG_MEANING_SHORTEST = 4      # words: a shorter clause is close to too much to read by meaning (as compliance.MEANING_SHORTEST)


@dataclass(frozen=True)
class FactCheck:
    id: str
    fact: str
    said: bool                      # said in full (what branch conditions read)
    wording: str | None = None      # the accepted wording that was found
    correction: str = ""
    partial: bool = False           # not said in full, but its gist was (without the figures)
    contradicted: bool = False      # a key fact's wording said and negated («перерахунку не буде»): the opposite stated
    gist: str | None = None         # the accepted wording whose gist was said
    heard: str = ""                 # spoken replies: "verified" (the recording confirmed it) or "unclear"
    meaning: float = 0.0            # 0-1: how close a sentence of the reply comes to the fact in meaning (not said, no gist)
    sentence: str = ""              # ... and that sentence
    plain: bool = False             # the sentence close in meaning has no negation (a paraphrase, not a denial)
    reversed: bool = False          # a responsibility said with the party's role reversed ("DTEK only sends us the schedule")
    by_meaning: bool = False        # a wrong fact stated in other words (``wrong_by_meaning``; ``sentence``: the clause)
    contrast: float = 0.0           # 0-1: a clause that says this key fact rather than anything else of the node (``fact_margins``)

    @property
    def credit(self) -> float:
        """How much of the fact the reply gives: 1 said, 0.5 its gist, up to 0.35 a sentence
        close to it in meaning and up to 0.5 if that sentence has no negation (a paraphrase
        stated plainly; a negated one may be the denial), up to 1 a clause that says it rather
        than anything else of the node (``contrast``); the most of these, 0 nothing."""
        if self.said:
            return 1.0
        return max(GIST_CREDIT if self.partial else 0.0, (PLAIN_MEANING_CREDIT if self.plain else MEANING_CREDIT) * self.meaning,
                   self.contrast)

    def to_dict(self) -> dict:
        out = {"id": self.id, "fact": self.fact, "said": self.said, "wording": self.wording}
        if self.correction:
            out["correction"] = self.correction
        out["partial"] = self.partial
        out["credit"] = self.credit
        if self.contradicted:
            out["contradicted"] = True
        if self.reversed:
            out["reversed"] = True
        if self.partial:
            out["gist"] = self.gist
        if self.heard:
            out["heard"] = self.heard
        if self.meaning:
            out["meaning"] = round(self.meaning, 2)
            out["sentence"] = self.sentence
        if self.contrast:
            out["contrast"] = round(self.contrast, 2)
            out["sentence"] = self.sentence
        if self.by_meaning:
            out["by_meaning"] = True
            out["sentence"] = self.sentence
        return out

    @property
    def unclear(self) -> bool:
        return self.heard == "unclear"


@dataclass
class AccuracyResult:
    score: float
    facts: list[FactCheck] = field(default_factory=list)
    wrong: list[FactCheck] = field(default_factory=list)    # only the wrong facts that were stated
    similarity: float = 0.0
    closest_reference: str = ""
    invented: list[str] = field(default_factory=list)   # promises no rule backs ("guaranteed", «компенсація»)
    instead: str = ""       # "upsell" or "secret": no key fact, a service offered or card data asked for instead
    meant: list[FactCheck] = field(default_factory=list)   # wrong facts stated in other words (``wrong_by_meaning``): less
    #                         certain than ``wrong``, so they cost less and no branch condition reads them (scorecard.wrong_said)

    def to_dict(self) -> dict:
        return {
            "score": round(self.score, 1),
            "facts": [f.to_dict() for f in self.facts],
            "wrong_facts": [f.to_dict() for f in self.wrong],
            "similarity": round(self.similarity, 1),
            "closest_reference": self.closest_reference,
            "invented": self.invented,
            **({"instead": self.instead} if self.instead else {}),
            **({"wrong_by_meaning": [f.to_dict() for f in self.meant]} if self.meant else {}),
        }


def check_fact(reply: Reply, fact: Fact, language: str, statement: bool = False,
               others: frozenset[float] = frozenset()) -> FactCheck:
    """Is the fact said? Key facts: a wording said, not negated or supposed, unless the
    fact is itself negative («обігрівачі в розетку не дають права на знижку» says the
    fact "в розетку"); or else its gist. Any wording said with its zone swapped («Т1 — нічна,
    а Т2 — денна» for «Т2 — нічна», «вдень 2,16, вночі 4,32» for «уночі 2,16»: bindings.py;
    ``others``: the figures of the node's other key facts) states the fact wrong: contradicted,
    which costs like a wrong fact (the rubric: a wrong fact). Wrong facts are checked as
    statements (every word, in order, not negated or supposed)."""
    negative = not statement and negative_fact(fact, language)
    party = not statement and bool(parties(fact.fact, language))
    gist = said = None
    for text in fact.accept:
        wording = Wording.of(text, language)
        if party and reply.restricted(wording, lexicon.RESTRICTIONS):
            return FactCheck(fact.id, fact.fact, False, text, fact.correction, contradicted=True, reversed=True)
        if reply.states(wording) if statement else reply.says(wording, negated_ok=negative):
            if statement:
                return FactCheck(fact.id, fact.fact, True, text, fact.correction)
            if bindings.swapped(reply.text, language, text, fact, others):
                return FactCheck(fact.id, fact.fact, False, text, fact.correction, contradicted=True)
            said = said or text
        if not statement and said is None and gist is None and reply.gist(wording, negated_ok=negative):
            gist = text
    if not statement and party and said is not None and bindings.supplier_does(reply.text, language, parties(fact.fact, language)):
        return FactCheck(fact.id, fact.fact, False, said, fact.correction, contradicted=True, reversed=True)
    if said is not None:
        return FactCheck(fact.id, fact.fact, True, said, fact.correction)
    if gist is not None:
        return FactCheck(fact.id, fact.fact, False, None, fact.correction, partial=True, gist=gist)
    if not statement and not negative:
        denied = next((text for text in fact.accept if reply.denies(Wording.of(text, language))), None)
        if denied is not None:
            return FactCheck(fact.id, fact.fact, False, denied, fact.correction, contradicted=True)
    return FactCheck(fact.id, fact.fact, False, None, fact.correction)


def by_figures(reply: Reply, check: FactCheck, fact: Fact, language: str, taken: frozenset[float]) -> FactCheck:
    """A key fact with figures that the reply says in other words: all the figures of one of
    its wordings (in digits or in words), not negated or supposed, in a sentence with another
    word of the fact («вам рахують звичайні чотири гривні тридцять дві копійки» for «ціна
    4,32»). The rubric counts the key fact stated correctly, whatever the wording. Not where
    a figure is also another key fact's or a wrong fact's (``taken``): then the figure alone
    does not tell which fact is said; nor for small whole numbers alone (``_count``: "the three
    numbers on the back of the card" are not "up to 3 banking days")."""
    if check.said or check.contradicted or check.unclear:
        return check
    words = {word for text in [fact.fact, *fact.accept] for word in normalise(text, language).content}
    for text in fact.accept:
        wording = Wording.of(text, language)
        figures = [meant for _, meant in wording.norm.meant_numbers]
        if figures and not any(meant & taken for meant in figures) and not all(map(_count, figures)) \
                and reply.figures_with(wording, words):
            return FactCheck(fact.id, fact.fact, True, text, fact.correction, heard=check.heard)
    return check


def _says_figure(reply: Reply, figures: frozenset[float]) -> bool:
    """Whether the reply says one of the figures, in any of its readings (digits or words)."""
    return any(said & figures for _, said in reply.norm.said_numbers)


def _count(readings: frozenset[float]) -> bool:
    """A small whole number, which counts things ("three digits", «обидва») as often as it is a figure."""
    return all(value == int(value) and value < 10 for value in readings)


def heard(check: FactCheck, fact: Fact, hearing: Hearing | None) -> FactCheck:
    """A transcript's fact check with what the recording showed: a verified fact is said;
    an unclear one that the transcript does not show in full is marked unclear. Whatever
    the transcript itself states (a contradiction too) stands."""
    if hearing is None or check.said or check.contradicted:
        return check
    if fact.id in hearing.verified:
        return FactCheck(fact.id, fact.fact, True, None, fact.correction, heard="verified")
    if fact.id in hearing.unclear:
        return replace(check, heard="unclear")
    return check


def by_meaning(reply: Reply, check: FactCheck, fact: Fact, others: frozenset[float] = frozenset()) -> FactCheck:
    """A key fact the reply neither words nor gives the gist of, with how close its closest
    sentence comes to the fact's description in meaning (sentence embeddings): "the money goes
    towards what you owe later on" for "the overpayment counts towards the next bill", «знижка
    тільки в опалювальний сезон» for «знижка діє з 1 жовтня по 30 квітня». The rubric rates the
    right gist stated vaguely as partly right. Not for a reply that states a wrong fact (its
    sentences are close to the facts it gets wrong), nor for a fact contradicted or unclear,
    nor from a sentence that supposes («якби…», "if it were… would": Reply.supposes) or that
    gives figures of its own where the fact has figures (_other_figures: «уночі 1,44» is not the
    gist of «уночі 2,16»). The sentence must come closer to the fact than sentences with no
    content do (NO_CONTENT); ``others``: the other key facts' figures. On the benchmark's dev split, ρ accuracy
    0.890 -> 0.899 (uk) and 0.919 -> 0.921 (en); without the supposing sentences 0.901 and
    0.922; without the other figures too 0.903 and 0.922."""
    if check.credit or check.contradicted or check.unclear or not (reply.norm.content or reply.norm.numbers):
        return check
    negative = negative_fact(fact, reply.language)
    if any(reply.withheld(Wording.of(text, reply.language), negated_ok=negative) for text in fact.accept):
        return check    # worded and taken back («ніхто не може сказати, що це шахраї»): no gist
    own = parties(" ".join([fact.fact, *fact.accept]), reply.language)
    sentences = [sentence for sentence in pieces(reply.text)
                 if not Reply(sentence, reply.language).supposes()
                 and not _other_figures(sentence, fact, others, reply.language)
                 and not (own and parties(sentence, reply.language) - own)]
    if not sentences:
        return check
    target = embeddings.passage(fact.fact)
    cosine, closest = max((float(embeddings.passage(sentence) @ target), sentence) for sentence in sentences)
    closeness = (cosine - _courtesy(fact.fact, reply.language) - MEANING_MARGIN) / (MEANING_FULL - MEANING_MARGIN)
    closeness = max(0.0, min(1.0, closeness))
    plain = negative_fact(fact, reply.language) or not any(is_negation(word) for word in normalise(closest, reply.language).words)
    return replace(check, meaning=closeness, sentence=closest, plain=plain) if closeness else check


def by_contrast(reply: Reply, check: FactCheck, fact: Fact, found: tuple[float, str, bool] | None) -> FactCheck:
    """A key fact not said in full whose closest clause says it rather than anything else of the
    node (``fact_margins``: ``found``): credit graded by that margin, from FACT_MARGIN to in full at
    FACT_FULL, so a reply that gives every key fact in other words ("the system worked out the bill
    from your usual daily use" for "estimated from average daily consumption") can be all right,
    as the rubric rates it. A clause with a negation counts NEGATED_SHARE as much: it may be the
    denial (the small model puts any negated clause close to any negated description, as
    ``wrong_margins`` found). A fact with figures said without them
    earns GIST_CREDIT at most, as its gist does. Not for a fact contradicted, unclear, or worded
    and taken back."""
    if found is None or check.said or check.contradicted or check.unclear:
        return check
    margin, clause, negated = found
    share = min(1.0, (margin - FACT_MARGIN) / (FACT_FULL - FACT_MARGIN))
    if share <= 0:
        return check
    negative = negative_fact(fact, reply.language)
    if any(reply.withheld(Wording.of(text, reply.language), negated_ok=negative) for text in fact.accept):
        return check
    contrast = share * (NEGATED_SHARE if negated else 1.0)
    figures = _figures(fact, reply.language)
    if figures and not frozenset().union(*(meant for _, meant in normalise(clause, reply.language).meant_numbers)) & figures:
        contrast = min(contrast, GIST_CREDIT)   # without its figures a fact with figures is its gist at most (the rubric's 1)
    return replace(check, contrast=contrast, sentence=clause) if contrast > check.credit else check


def _meaning_clauses(reply: Reply, language: str, conditions: bool = False) -> dict[str, str]:
    """The reply's clauses that the readers by meaning weigh (``wrong_margins``, ``fact_margins``),
    each with its sentence: quotes of the customer left out, WRONG_MEANING_SHORTEST words or more,
    not supposed, and (unless ``conditions``: key facts) not set as a condition."""
    text = compliance._unquoted(reply.text, language, compliance._quoting(language))
    return {clause: sentence for clause, sentence in compliance._clauses(text)
            if len(clause.split()) >= WRONG_MEANING_SHORTEST
            and not (Reply(_leading(text, clause), language).supposes() if conditions else _supposed(_leading(text, clause), language))}


def wrong_margins(reply: Reply, node: Node, language: str, needed: float | None = None) -> list[tuple[float, Fact, str]]:
    """Per wrong fact of the node: how much closer the reply's closest clause comes to it than to
    the right things on the same topic, and that clause. Read as compliance reads a forbidden
    phrase by meaning (compliance._forbidden_by_meaning: multilingual-e5 query embeddings, clauses
    of four words or more, quotes of the customer left out): the small model puts a correct reply
    about the wrong fact's topic ("it isn't switched back on automatically") as close to the wrong
    fact as a reply that states it, so a clause is measured against its best match among courtesy
    (NO_CONTENT), every key fact of the node and every clause of its reference answers. Not read:
    a clause that supposes or sets a condition («якщо…», "if …"), and a clause with a negation,
    even for a wrong fact described with one: the small model reads any negated clause as close
    to any negated description (probe 5's «Гроші просто могли ще не дійти до нас» came .048 closer
    to «гроші мали вже прийти, отже оплати не було» than to anything right), as compliance found
    for forbidden phrases; a negated clause is mostly a correction. Empty without reference
    answers or the embedding engine. ``needed``: a margin below which the reference answers need
    not be read, when courtesy and the key facts alone leave less (a node's cold cost is embedding
    its reference answers' clauses)."""
    if not node.wrong_facts or not node.references or not embeddings.available():
        return []
    clauses = [clause for clause in _meaning_clauses(reply, language) if not _negated(clause, language)]
    if not clauses:
        return []
    vectors = {clause: embeddings.query(clause) for clause in clauses}
    targets = [(fact, embeddings.query(fact.fact)) for fact in node.wrong_facts]

    def margins(right: list[str]) -> list[tuple[float, str, Fact]]:
        rows = np.stack([embeddings.query(sentence) for sentence in dict.fromkeys(right)])
        anything = {clause: float((rows @ vector).max()) for clause, vector in vectors.items()}   # its closest right thing
        return [(*max((float(vector @ target) - anything[clause], clause) for clause, vector in vectors.items()), fact)
                for fact, target in targets]

    first = NO_CONTENT[language] + [fact.fact for fact in node.key_facts]
    found = margins(first)
    if needed is None or any(margin >= needed for margin, _, _ in found):
        found = margins(first + [clause for reference in node.references for clause, _ in compliance._clauses(reference)])
    return [(margin, fact, clause) for margin, clause, fact in found]


def fact_margins(reply: Reply, node: Node, language: str) -> dict[str, tuple[float, str, bool]]:
    """Per key fact of the node: how much closer the reply's closest clause comes to it than to
    anything else the node holds, that clause, and whether the clause has a negation. Read as
    ``wrong_margins`` reads a wrong fact (multilingual-e5 query embeddings, clauses of four words
    or more, not supposed, quotes of the customer left out): a clause is measured
    against the fact (its description and the reference answers' clauses that word it:
    ``fact_targets``) and against its best match among courtesy (NO_CONTENT), the node's other
    key facts and its wrong facts (their descriptions and wordings). Contrast is what lets a paraphrase count: the small model puts
    any sentence about the bill close to every fact about the bill, but a clause that says this
    fact comes closer to it than to the others. Not read: a clause whose sentence names a party the
    fact does not, or that gives figures of its own where the fact has figures (as ``by_meaning``);
    nor a fact no reference answer words (as ``wrong_margins`` reads nothing without them).
    A real condition is read («якщо передасте показники, ми перерахуємо», "if you read me the meter
    now, …"): it offers the step it names, where a supposition («якби…», "if … would") promises
    nothing; a wrong fact is not read there ("if the money doesn't arrive…" is no statement).
    Dev split: the same ρ to four places; probes 5-11: 389 -> 392 of 514 on the rubric's level, none lost."""
    if not node.key_facts or not embeddings.available():
        return {}
    clauses = _meaning_clauses(reply, language, conditions=True)
    if not clauses:
        return {}
    targets = fact_targets(node, language)
    figures = [_figures(fact, language) for fact in node.key_facts]
    wrong = [embeddings.query(text) for fact in node.wrong_facts for text in [fact.fact, *fact.accept]]
    courtesy = [embeddings.query(sentence) for sentence in NO_CONTENT[language]]
    found = {}
    for k, fact in enumerate(node.key_facts):
        own = targets[k]
        if len(own) < 2:
            continue    # no reference answer words it: its description alone is too short a target to tell apart
        others = frozenset().union(*figures[:k], *figures[k + 1:])
        named = parties(" ".join([fact.fact, *fact.accept]), language)
        readable = [clause for clause, sentence in clauses.items()
                    if not _other_figures(clause, fact, others, language)
                    and not (named and parties(sentence, language) - named)]
        if not readable:
            continue
        mine = np.stack([embeddings.query(target) for target in own])
        rest = np.stack(courtesy + wrong + [embeddings.query(target) for j, theirs in enumerate(targets) if j != k
                                            for target in theirs if target not in own])
        vectors = {clause: embeddings.query(clause) for clause in readable}     # only clauses some fact reads
        best = max((float((mine @ vector).max() - (rest @ vector).max()), clause) for clause, vector in vectors.items())
        found[fact.id] = (best[0], best[1], _negated(best[1], language) and not _double_negation(best[1], language))
    return found


def fact_targets(node: Node, language: str) -> list[list[str]]:
    """Per key fact: its description and, from each reference answer, the shortest clause that
    says one of its wordings (what a trainer wrote for it in a whole sentence)."""
    return _targets_of(tuple((fact.fact, tuple(fact.accept)) for fact in node.key_facts), tuple(node.references), language)


@lru_cache(maxsize=512)
def _targets_of(facts: tuple[tuple[str, tuple[str, ...]], ...], references: tuple[str, ...], language: str) -> list[list[str]]:
    out = []
    for description, accept in facts:
        wordings = [Wording.of(text, language) for text in accept]
        own = [description]
        for reference in references:
            stating = [clause for clause, _ in compliance._clauses(reference)
                       if any(Reply(clause, language).says(wording) for wording in wordings)]
            if stating:
                own.append(min(stating, key=len))
        out.append(list(dict.fromkeys(own)))
    return out


def wrong_by_meaning(reply: Reply, node: Node, language: str) -> list[FactCheck]:
    """The node's wrong facts the reply states in other words than their wordings: a clause
    closer to the wrong fact by WRONG_MEANING_MARGIN than to anything right (``wrong_margins``).
    The held-out situations have wrong facts of their own with one wording each, so a reply that
    says one in other words would otherwise cost nothing (probe 7: 24 such replies)."""
    return [FactCheck(fact.id, fact.fact, True, None, fact.correction, sentence=clause, by_meaning=True)
            for margin, fact, clause in wrong_margins(reply, node, language, WRONG_MEANING_MARGIN)
            if margin >= WRONG_MEANING_MARGIN]


_SENTENCE_END = re.compile(r"[!?…;\n]|\.(?!\d)")


def _leading(text: str, clause: str) -> str:
    """The clause's sentence in the reply, up to the clause's end: a long transcript's windows
    (compliance_model.pieces) can start after the «якщо»/"if" that governs the clause."""
    at = text.find(clause)
    if at < 0:
        return clause
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, at)]
    return text[ends[-1] if ends else 0:at + len(clause)]


def _supposed(sentence: str, language: str) -> bool:
    """A sentence that supposes or sets a condition up to the clause («якщо світла не буде, …»)."""
    return Reply(sentence, language).supposes() or compliance._CONDITION.search(compliance.plain(sentence, language)) is not None


# verbs of stopping or holding back: negated, they state the opposite («не припиняйте платити», "don't stop paying")
_CEASING = ("stop", "quit", "hold", "withhold", "skip", "припин", "зупин", "перестав", "перестан", "відклада", "кида")


def _double_negation(clause: str, language: str) -> bool:
    """A clause whose negation is taken back by a second one or by a verb of stopping: "don't
    stop paying", "please don't hold back payment", «не раджу не сплачувати», «не припиняйте
    оплату» state the step they negate the stopping of, as a plain clause does."""
    words = normalise(clause, language).words
    negations = [q for q, word in enumerate(words) if is_negation(word)]
    if len(negations) == 2:
        return True
    return len(negations) == 1 and any(word.startswith(_CEASING) for word in words[negations[0] + 1:negations[0] + 4])


def _negated(clause: str, language: str) -> bool:
    return any(is_negation(word) for word in normalise(clause, language).words)


def parties(text: str, language: str) -> frozenset[str]:
    """The responsible parties (lexicon.PARTIES) a text names."""
    lower = text.lower()
    return frozenset(name for name, pattern in lexicon.PARTIES[language].items() if re.search(pattern, lower))


def _figures(fact: Fact, language: str) -> frozenset[float]:
    """The numbers of the fact's accepted wordings as they are meant ("two sixteen" is 2.16):
    its figures."""
    return frozenset().union(*(meant for text in fact.accept for _, meant in normalise(text, language).meant_numbers))


def _other_figures(sentence: str, fact: Fact, others: frozenset[float], language: str) -> bool:
    """A sentence that gives figures where the fact has its own, none of them the fact's:
    not the gist said vaguely but other figures («уночі 1,44» for «уночі 2,16»). Numbers of
    another key fact (``others``) and of the fact's description that are not its figures
    ("two" of "a two-zone meter") are not counted."""
    figures = _figures(fact, language)
    context = normalise(fact.fact, language).numbers - figures
    said = normalise(sentence, language).numbers - others - context
    return bool(figures and said and not said & figures)


@lru_cache(maxsize=1024)
def _courtesy(description: str, language: str) -> float:
    """How close sentences with no content come to a fact's description."""
    target = embeddings.passage(description)
    return max(float(embeddings.passage(sentence) @ target) for sentence in NO_CONTENT[language])


def negative_fact(fact: Fact, language: str) -> bool:
    """A fact described with a negation ("plug-in heaters do not qualify")."""
    return any(is_negation(word) for word in normalise(fact.fact, language).words)


def similarity(reply: Reply, reference: str, language: str) -> float:
    """0-100: how close the reply is to a reference answer in meaning (embedding cosine),
    or, without the embedding engine, in words."""
    if not reply.norm.content and not reply.norm.numbers:
        return 0.0      # "…": nothing said (two marks of punctuation embed close together)
    if embeddings.available():
        cosine = float(embeddings.passage(reply.text) @ embeddings.passage(reference))
        return max(0.0, min(100.0, 100 * (cosine - SIMILAR_FROM) / (SIMILAR_TO - SIMILAR_FROM)))
    return word_overlap(reply, reference, language)


def word_overlap(reply: Reply, reference: str, language: str) -> float:
    """0-100: overlap of word stems and numbers (F1), blind to word order and endings."""
    mine = _stems(reply.norm)
    theirs = _stems(normalise(reference, language))
    if not mine or not theirs:
        return 0.0
    common = len(mine & theirs)
    if not common:
        return 0.0
    precision, recall = common / len(mine), common / len(theirs)
    return 100 * 2 * precision * recall / (precision + recall)


def _stems(norm) -> set:
    return {w[:5] for w in norm.content if len(w) > 2} | {("#", n) for n in norm.numbers}


def score(reply: Reply, node: Node, language: str, hearing: Hearing | None = None) -> AccuracyResult:
    spoken = corrected(reply.text, language)     # a false start taken back is not said (the correction counts)
    if spoken != reply.text:
        reply = Reply(spoken, language)
    figures = [_figures(fact, language) for fact in node.key_facts]
    others = [frozenset().union(*figures[:k], *figures[k + 1:]) for k in range(len(figures))]   # the other key facts' figures
    facts = [heard(check_fact(reply, fact, language, others=theirs), fact, hearing) for fact, theirs in zip(node.key_facts, others)]
    wrong = [c for c in (check_fact(reply, fact, language, statement=True) for fact in node.wrong_facts) if c.said]
    meant = [] if wrong else wrong_by_meaning(reply, node, language)
    if not wrong:
        wrong_figures = frozenset().union(*(_figures(fact, language) for fact in node.wrong_facts))
        facts = [by_figures(reply, check, fact, language, wrong_figures | theirs)
                 for check, fact, theirs in zip(facts, node.key_facts, others)]
    if not wrong and not any(f.reversed for f in facts) and embeddings.available():
        facts = [by_meaning(reply, check, fact, theirs) for check, fact, theirs in zip(facts, node.key_facts, others)]
        if not all(f.said for f in facts):
            margins = fact_margins(reply, node, language)
            facts = [by_contrast(reply, check, fact, margins.get(fact.id)) for check, fact in zip(facts, node.key_facts)]
    # a reply that only supposes («якби…, ми б…», "if … would") states nothing, however close its words
    supposing = all(Reply(sentence, language).supposes() for sentence in pieces(reply.text) or [reply.text])
    similarities = [(0.0 if supposing else similarity(reply, ref, language), ref) for ref in node.references]
    best, closest = max(similarities, key=lambda item: item[0]) if similarities else (0.0, "")
    clear = [f for f in facts if not f.unclear]
    if clear and all(f.said or f.contrast >= EARNED for f in clear) and not all(f.said for f in clear):
        # every key fact earned, in its words or clearly in other words: the rubric's "all key facts, in any words"
        facts = [replace(f, contrast=1.0) if f.contrast and not f.said else f for f in facts]
        clear = [f for f in facts if not f.unclear]
    if facts:
        covered = 100 * sum(f.credit for f in clear) / len(clear) if clear else 100 * GIST_CREDIT
        value = FACTS_SHARE * covered + (1 - FACTS_SHARE) * best
        if any(figures[k] and f.credit < 1 and not f.unclear and not _says_figure(reply, figures[k])
               for k, f in enumerate(facts)):
            value = min(value, FIGURES_CAP)     # a fact with figures given without any of them: its gist at most
    else:
        value = best
    value -= WRONG_FACT_PENALTY * (len(wrong) + sum(f.contradicted for f in facts))  # saying the opposite of a key fact is a wrong fact
    if meant:   # a wrong fact in other words: partly right at best (the rubric's cap), and less certain than a worded one
        value = min(value - WRONG_MEANING_PENALTY * len(meant), INVENTED_CAP)
    made_up = invented(reply.text, language, backing(node))
    if made_up:
        value = min(value, INVENTED_CAP)
    return AccuracyResult(max(0.0, min(100.0, value)), facts, wrong, best, closest, made_up, meant=meant)


def off_topic(result: AccuracyResult, instead: str) -> AccuracyResult:
    """A reply that gives no key fact and offers a service or asks for card data instead
    (``instead``: "upsell" or "secret") answers nothing: 0, however close its words are to the
    reference answers (the rubric's "off topic"). On the benchmark's dev split all 27 such
    upsells and all 32 such requests for card data were rated 0; they scored 10-30 on closeness."""
    if not instead or not result.facts or any(f.said or f.partial or f.unclear for f in result.facts):
        return result
    return replace(result, score=0.0, instead=instead)


def backing(node: Node) -> str:
    """What the situation itself says (references, key facts): a promise made there is no invention."""
    return " ".join([*node.references, *(f.fact for f in node.key_facts), *(a for f in node.key_facts for a in f.accept)]).lower()


# a word that starts another clause: a negation before it does not take back a promise after it
_CLAUSE_BREAK = re.compile(r"(?<![\w'])(?:а|але|проте|бо|тому|тож|то|but|so|then|because)(?![\w'])")


def invented(text: str, language: str, backed: str = "") -> list[str]:
    """Promises no rule backs, said and not negated close before or after («жодної
    компенсації», «компенсації, на жаль, не буде», "there is no compensation"), unless every
    word of it is in ``backed`` (a situation whose references promise a credit)."""
    found = []
    lower = text.lower()
    for match in re.finditer(f"{lexicon.INVENTED[language]}|{lexicon.INVENTED_SPOKEN[language]}", lower):
        before, after = lower[:match.start()], lower[match.end():]
        before = _CLAUSE_BREAK.split(before)[-1]    # «якщо гроші не надійдуть, то світло вимкнуть завтра»: the «не» is the condition's
        if re.search(lexicon.INVENTED_NEGATION["before"], before) or re.match(lexicon.INVENTED_NEGATION["after"], after):
            continue
        stems = [word[:5] for word in re.findall(r"[^\W\d_]{4,}", match.group(0))]
        if stems and all(stem in backed for stem in stems):
            continue
        found.append(match.group(0))
    return found
