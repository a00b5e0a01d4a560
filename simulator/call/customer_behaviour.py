"""A customer who reacts like a person on a hands-free voice call: how long they wait in
silence, how long they listen, whether they cut in on a rude reply, and how their mood (and
so their voice's rate and pitch) moves. Pure: the scenario in, decisions out.

Difficulty changes the behaviour, not only the label; a scenario's ``behaviour:`` block
(simulator.scenario.behaviour) overrides any of it:

| difficulty | patience | listens to one reply | cuts in on rudeness | mood after a rude reply |
| --- | --- | --- | --- | --- |
| easy | 12 s | 60 s | no | unchanged |
| medium | 8 s | 45 s | yes | one step angrier |
| hard | 5 s | 30 s | yes | two steps angrier |
"""
from __future__ import annotations

from dataclasses import dataclass

from ..scenario.model import Scenario
from ..scoring import compliance
from ..scoring.matching import Reply

MOODS = ("calm", "worried", "irritated", "angry")       # from calm to angry
RUDE_KINDS = frozenset({"rude", "blame", "threat"})     # compliance flags a customer hears as rudeness
DIFFICULTY = {  # patience s, max reply s, barge-in, mood steps after a rude reply
    "easy": (12, 60, False, 0),
    "medium": (8, 45, True, 1),
    "hard": (5, 30, True, 2),
}
INTERRUPT = {
    "uk": ["Вибачте, а можна ближче до суті?", "Перепрошую, а коротше можна?"],
    "en": ["Sorry, can you get to the point?", "Sorry, could you keep it short?"],
}
CUT_IN = {
    "uk": ["Перепрошую?! Не треба так зі мною розмовляти!", "Що-що? Ви як зі мною говорите?"],
    "en": ["Excuse me?! Don't talk to me like that!", "Sorry, what? How dare you speak to me like that?"],
}


@dataclass(frozen=True)
class CustomerBehaviour:
    patience: float             # seconds of silence before the customer checks the line (the silence prompt)
    max_reply: float            # seconds of one reply before the customer cuts in
    barge_in: bool              # cut in on a rude reply
    upset_steps: int            # how much angrier a rude reply makes them
    interrupt: tuple[str, ...]  # what they say when a reply runs too long
    cut_in: tuple[str, ...]     # what they say when cutting in on rudeness


def of(scenario: Scenario) -> CustomerBehaviour:
    """The scenario's customer behaviour: its ``behaviour:`` block over its difficulty's."""
    patience, max_reply, barge_in, steps = DIFFICULTY[scenario.difficulty]
    given = getattr(scenario, "behaviour", None)
    if given is not None:
        patience = given.patience if given.patience is not None else patience
        max_reply = given.max_reply if given.max_reply is not None else max_reply
        barge_in = given.barge_in if given.barge_in is not None else barge_in
    return CustomerBehaviour(
        float(patience), float(max_reply), barge_in, steps,
        tuple(given.interrupt if given is not None and given.interrupt else INTERRUPT[scenario.language]),
        tuple(given.cut_in if given is not None and given.cut_in else CUT_IN[scenario.language]),
    )


def is_rude(scenario: Scenario, text: str) -> bool:
    """Whether the customer hears ``text`` (a phrase of the reply, as transcribed) as rude:
    the compliance check's rudeness, blame or threat, or a phrase the scenario forbids."""
    if not text.strip():
        return False
    flags = compliance.check(Reply(text, scenario.language), scenario.language, scenario.forbidden)
    return any(f.kind in RUDE_KINDS or f.kind == "forbidden" for f in flags)


def mood(scenario: Scenario, base: str | None, rude_replies: int) -> str:
    """The customer's mood: ``base`` (the node's or the persona's) made angrier by each rude
    reply so far, as the difficulty says."""
    start = MOODS.index(base) if base in MOODS else MOODS.index(scenario.persona.mood)
    return MOODS[min(len(MOODS) - 1, start + rude_replies * of(scenario).upset_steps)]


def pick(lines: tuple[str, ...], n: int) -> str:
    """The n-th time's line, taking turns."""
    return lines[n % len(lines)]


def has_answer(score) -> bool:
    """Whether a reply scored ``score`` (a TurnScore, or None) gives every key fact its step
    asks for: the customer has what they asked for (a step with no key facts never does)."""
    facts = score.accuracy.facts if score is not None else []
    return bool(facts) and all(f.said for f in facts)
