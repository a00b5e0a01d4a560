"""A practice plan for one trainee, from their recent calls: what they keep getting wrong (key
facts missed, critical compliance slips, parts of an empathetic reply missing) and the next
three things to practise, each with its reason («тричі поспіль не назвали вікно подачі
показників»): assignments due first; then, for a fact missed or a slip made in a practice call,
that very line to answer again (a rerun from that turn); for missing empathy, the scenario
that asks most for it; then the next scenarios in the order simulator.services.next_scenario gives.
Pure: the page passes the calls the store read (newest first, reruns left out)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..next_scenario import ranked
from ...scenario.model import Scenario
from .branch_map import SavedTurnLike
from .saved_turn import SavedTurn

STEPS = 3
EMPATHY_SHARE = 0.5         # a part missing from at least half the replies (and two of them) is a weakness


@dataclass(frozen=True)
class RecentCall:
    attempt_id: int
    scenario_id: str
    mode: str                       # practice | exam: only a practice call can be rewound to drill a line
    passed: bool
    turns: Sequence[SavedTurnLike]


@dataclass(frozen=True)
class Weakness:
    kind: str                       # fact | slip | empathy
    item: str                       # the fact's words | the flag's kind | the empathy part's name
    count: int                      # calls that missed it or made the slip; replies missing the part
    total: int                      # calls that asked for the fact; calls; replies
    streak: int = 0                 # the newest calls in a row that missed the fact
    attempt_id: int | None = None   # the newest call where it showed, and its turn
    turn: int | None = None
    scenario_id: str = ""
    practice: bool = False          # that call was practice (its line can be answered again)


@dataclass(frozen=True)
class Step:
    kind: str                       # assigned | drill | scenario | start (no call yet: where to begin)
    scenario: Scenario
    why: Weakness | None = None     # None: an assignment, or the next in line
    due: dt.date | None = None
    attempt_id: int | None = None   # drill: the call to rewind, and the turn
    turn: int | None = None


@dataclass(frozen=True)
class Plan:
    weaknesses: list[Weakness]
    steps: list[Step]


def weaknesses(calls: Sequence[RecentCall]) -> list[Weakness]:
    """Slips first, then the facts missed (longest run first, then most often), then empathy."""
    found = _slips(calls) + _facts(calls) + _empathy(calls)
    order = {"slip": 0, "fact": 1, "empathy": 2}
    return sorted(found, key=lambda w: (order[w.kind], -w.streak, -w.count / max(1, w.total), -w.count, w.item))


def plan(calls: Sequence[RecentCall], offered: Iterable[Scenario], *, passed: set[str], tried: set[str],
         assigned: Mapping[str, dt.date | None], language: str, steps: int = STEPS) -> Plan:
    """``calls``: the trainee's recent finished calls, newest first; ``assigned``: their
    assignments not done yet, with the due date; ``language``: the scenarios' language to plan
    in when there is no call yet (else the newest call's)."""
    offered = {s.id: s for s in offered}
    found = weaknesses(calls)
    latest = next((offered[c.scenario_id] for c in calls if c.scenario_id in offered), None)
    if latest is not None:
        language = latest.language
    pool = [s for s in offered.values() if s.language == language]
    played = latest or _nothing(pool, language)
    order = ranked(played, bool(calls and calls[0].passed), pool, passed=passed, tried=tried, assigned=assigned) \
        if played is not None else []
    chosen: list[Step] = []

    def add(step: Step) -> None:
        if len(chosen) < steps and all(c.scenario.id != step.scenario.id for c in chosen):
            chosen.append(step)

    for scenario in order:
        if scenario.id in assigned:
            add(Step("assigned", scenario, due=assigned[scenario.id]))
    for weakness in found:
        scenario = offered.get(weakness.scenario_id)
        if weakness.kind == "empathy":
            scenario = _most_empathy(order) or scenario
            if scenario is not None:
                add(Step("scenario", scenario, weakness))
        elif scenario is not None and weakness.practice:
            add(Step("drill", scenario, weakness, attempt_id=weakness.attempt_id, turn=weakness.turn))
        elif scenario is not None:
            add(Step("scenario", scenario, weakness))
    for scenario in order:
        add(Step("scenario" if calls else "start", scenario))
    return Plan(found, chosen)


def _facts(calls: Sequence[RecentCall]) -> list[Weakness]:
    asked: dict[str, list[tuple[RecentCall, int | None]]] = {}     # fact -> per call asking it: (call, turn missed or None)
    for call in calls:
        outcome: dict[str, int | None] = {}
        for turn in _scored(call):
            for fact in SavedTurn(turn.score).facts:
                if fact.get("heard") == "unclear":
                    continue
                text = fact["fact"]
                if fact.get("said"):
                    outcome[text] = None        # said in the call: not missed, whatever an earlier reply did
                else:
                    outcome.setdefault(text, turn.index)
        for text, missed_at in outcome.items():
            asked.setdefault(text, []).append((call, missed_at))
    found = []
    for text, record in asked.items():
        misses = [(call, turn) for call, turn in record if turn is not None]
        if not misses:
            continue
        streak = next((k for k, (_, turn) in enumerate(record) if turn is None), len(record))
        call, turn = misses[0]
        found.append(Weakness("fact", text, len(misses), len(record), streak, call.attempt_id, turn, call.scenario_id,
                              call.mode == "practice"))
    return found


def _slips(calls: Sequence[RecentCall]) -> list[Weakness]:
    seen: dict[str, list[tuple[RecentCall, int]]] = {}
    for call in calls:
        kinds: dict[str, int] = {}
        for turn in _scored(call):
            for flag in (turn.score.get("compliance") or {}).get("flags", []):
                if flag.get("critical"):
                    kinds.setdefault(flag["kind"], turn.index)
        for kind, index in kinds.items():
            seen.setdefault(kind, []).append((call, index))
    return [Weakness("slip", kind, len(made), len(calls), 0, made[0][0].attempt_id, made[0][1], made[0][0].scenario_id,
                     made[0][0].mode == "practice") for kind, made in seen.items()]


def _empathy(calls: Sequence[RecentCall]) -> list[Weakness]:
    replies = [turn for call in calls for turn in _scored(call)]
    missing: dict[str, int] = {}
    for turn in replies:
        for part in SavedTurn(turn.score).missing_parts():
            missing[part] = missing.get(part, 0) + 1
    return [Weakness("empathy", part, count, len(replies)) for part, count in missing.items()
            if count >= 2 and count >= EMPATHY_SHARE * len(replies)]


def _scored(call: RecentCall) -> list[SavedTurnLike]:
    return [t for t in call.turns if t.score is not None and not t.silent]


def _most_empathy(order: Sequence[Scenario]) -> Scenario | None:
    """The scenario, among those in line, with the most nodes where empathy counts high."""
    def high(scenario: Scenario) -> int:
        return sum(node.empathy == "high" for node in scenario.nodes.values())
    best = max(order, key=high, default=None)
    return best if best is not None and high(best) else None


def _nothing(pool: Sequence[Scenario], language: str) -> Scenario | None:
    """With no call yet, plan as if one had just failed the easiest scenario (its id blanked,
    so that it is offered too): the order starts there, with its topic."""
    easiest = sorted(pool, key=lambda s: (s.difficulty != "easy", s.title))
    return easiest[0].model_copy(update={"id": ""}) if easiest else None
