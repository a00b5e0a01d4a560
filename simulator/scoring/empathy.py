"""Empathy, 0-100, judged in context, with the sentence that showed (or lacked) each part.

The reply is judged as an answer to the customer's line, as the QA rubric does
(shared/judging-rubric.md): a specific acknowledgement of what happened to this customer,
ownership of a concrete next step, staying on topic, a respectful tone (empathy_parts.py).
A fitted combiner (empathy_context.py) weighs those parts, the sentence classifier's view of
the reply as a whole and of its coldest sentence (empathy_model.py) and how close the reply
is to the customer's line (sentence embeddings) into the expected rubric rating 0-2; the
score is that times 50, less 8 for each repeated apology. Closeness to the reference answers
only names the reply off topic (evidence), it does not move the score.

The rubric rates a blaming, deflecting, rude, condescending or threatening reply, or one that
discourages a complaint to the regulator or says a phrase the scenario forbids, 0 on empathy
however warm its other sentences are ("I get that you're scared. Honestly, a complaint to the
regulator won't get you anywhere"): such a reply's score is scaled into 0-25 (the dismissive
band), keeping the combiner's order inside it. On the benchmark's dev split 90 of the 95 replies
raising such a flag were rated 0 and the other 5 rated 1. So is an upsell that gives no key fact
(``ignored``): all 27 on the dev split were rated 0.

Scale: a dismissive, rude or off-topic reply lands near 0-25, a formulaic or generic one near
40-60, a specific acknowledgement with a concrete step 75-100.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from . import empathy_context, lexicon
from .compliance import Flag
from .empathy_model import EmpathyModel, default_model
from .empathy_parts import OWN_STEP, TONE_KINDS, Context, Parts, features, find, phrases_in
from .matching import Reply

POINTS_PER_RATING = 50
OFF_TOPIC_SIMILARITY = 0.85     # cosine below which a reply is named off topic; a weak signal (on the dev split off-topic upsells reached 0.91), so it only names the evidence: the combiner decides the score
REPEATED_APOLOGY = 8           # points for each apology after the first: a formula repeated reads as a cliché
MAX_REPEATED = 3
LABEL_EMPATHETIC = 67
LABEL_DISMISSIVE = 25
HURTFUL_SCALE = LABEL_DISMISSIVE / 100   # a hurtful reply's score, 0-100, scaled into 0-25


@dataclass
class EmpathyResult:
    score: float
    label: str
    probabilities: dict[str, float]
    helped: list[str] = field(default_factory=list)
    hurt: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)   # rule codes, worded by feedback.py
    parts: dict = field(default_factory=dict)        # acknowledgement, ownership, on_topic, tone: each with its sentence
    rating: float = 0.0                              # the expected rubric rating, 0-2

    def to_dict(self) -> dict:
        return {
            "score": round(self.score, 1),
            "label": self.label,
            "probabilities": {k: round(v, 3) for k, v in self.probabilities.items()},
            "helped": self.helped,
            "hurt": self.hurt,
            "notes": self.notes,
            "parts": self.parts,
            "rating": round(self.rating, 2),
        }


def score(
    reply: Reply,
    language: str,
    flags: list[Flag] = (),
    model: EmpathyModel | None = None,
    context: Context | None = None,
    ignored: bool = False,
) -> EmpathyResult:
    """``ignored``: the reply offers a service instead of answering (an upsell with no key
    fact): the rubric rates it 0, so its score is scaled into the dismissive band."""
    model = model or default_model()
    context = context or Context()
    parts = find(reply, language, context, list(flags), model)
    values = features(parts, reply, context)
    fits = empathy_context.stored()
    combiner = fits["no_embeddings" if "no_embeddings" in parts.notes else "full"]
    rating = combiner.expected(values)
    repeated = min(max(parts.apologies - 1, 0), MAX_REPEATED)
    _judge_topic(parts)
    mean = parts.probabilities.mean(axis=0)
    value = max(0.0, min(100.0, POINTS_PER_RATING * rating - REPEATED_APOLOGY * repeated))
    if hurtful(flags) or ignored:
        value *= HURTFUL_SCALE
        rating *= HURTFUL_SCALE
    result = EmpathyResult(
        score=value,
        label="",
        probabilities={"empathetic": float(mean[0]), "neutral": float(mean[1]), "dismissive": float(mean[2])},
        parts=parts.to_dict(),
        rating=rating,
    )
    result.label = _label(result.score, parts)
    result.notes = _notes(parts) + (["upsell_instead"] if ignored else [])
    _evidence(result, parts, reply, language, flags)
    return result


def hurtful(flags) -> list[Flag]:
    """The critical flags that make a reply dismissive in the rubric's sense: its tone
    (blame, deflection, rudeness, a threat, discouraging a complaint) or a forbidden phrase.
    Asking for card data is a compliance failure, not a matter of tone."""
    return [f for f in flags if f.critical and (f.kind in TONE_KINDS or f.kind == "forbidden")]


def _judge_topic(parts: Parts) -> None:
    known = [s for s in (parts.customer_similarity, parts.reference_similarity) if s is not None]
    if known:
        closest = max(known)
        parts.on_topic.present = closest >= OFF_TOPIC_SIMILARITY
        parts.on_topic.strength = closest
        parts.on_topic.detail = "on_topic" if parts.on_topic.present else "off_topic"


def _label(value: float, parts: Parts) -> str:
    """The reply's overall tone: the score decides, and a hurtful phrase is always dismissive."""
    if value <= LABEL_DISMISSIVE or parts.tone.detail in TONE_KINDS:
        return "dismissive"
    if value >= LABEL_EMPATHETIC:
        return "empathetic"
    return "neutral"


def _notes(parts: Parts) -> list[str]:
    ack, own = parts.acknowledgement, parts.ownership
    notes = []
    if not parts.on_topic.present:
        notes.append("off_topic")
    if ack.present and own.detail == "concrete":
        notes.append("acknowledge_then_act")
    elif ack.present and not own.present:
        notes.append("sympathy_without_action")
    if ack.detail == "formulaic" and parts.on_topic.present:
        notes.append("formulaic_acknowledgement")
    if own.detail == "vague":
        notes.append("vague_handoff")
    if parts.apologies > 1:
        notes.append("repeated_apologies")
    return notes + parts.notes


def _evidence(result: EmpathyResult, parts: Parts, reply: Reply, language: str, flags) -> None:
    """Phrases that helped and hurt; a phrase is never listed on both sides."""
    for flag in flags:
        if (flag.kind in TONE_KINDS or not flag.critical) and flag.phrase not in result.hurt:
            result.hurt.append(flag.phrase)
    if parts.tone.detail == "dismissive" and result.score < LABEL_EMPATHETIC:
        result.hurt.append(parts.tone.evidence)
    ack, own = parts.acknowledgement, parts.ownership
    if ack.present and ack.detail in ("specific", "warm"):
        result.helped += phrases_in(ack.evidence, lexicon.ACKNOWLEDGE[language], language) or [ack.evidence]
    if own.detail == "concrete":
        result.helped += phrases_in(own.evidence, OWN_STEP[language], language)
    shown = list(dict.fromkeys(result.helped))
    shown = [p for p in shown if not any(p != other and p in other for other in shown)]  # "перевірю" in "зараз перевірю"
    result.helped = [p for p in shown if not any(p in h or h in p for h in result.hurt)]
