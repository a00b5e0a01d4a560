"""The call engine: a pure state machine over one scenario.

It knows nothing of audio, screens or databases. Give it replies (text, and for voice
the measured speech timing), it scores each through the injected scorer, follows the
scenario's branches, and records every turn. Time comes from an injected clock, and
the customer's line variants from a seeded random generator, so a call is repeatable.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Callable, Protocol

from ..scenario import graph, memory
from ..scenario.model import Node, Scenario
from ..scoring.hearing import Hearing
from ..scoring.scorecard import CallScore, TurnScore, score_call, score_turn

Scorer = Callable[..., TurnScore]


class Clock(Protocol):
    def now(self) -> float: ...


class CallOver(RuntimeError):
    """A reply was given after the call had ended."""


@dataclass
class Turn:
    index: int
    node_id: str
    customer_line: str
    asked_at: float                 # when the customer finished speaking / the message arrived
    replied_at: float | None = None
    reply: str = ""
    silent: bool = False
    latency: float | None = None    # seconds before the first word, if measured (voice)
    score: TurnScore | None = None
    mood: str = "calm"              # the customer's mood as they said the line (the node's, else the persona's)

    @property
    def seconds(self) -> float | None:
        return None if self.replied_at is None else self.replied_at - self.asked_at

    def to_dict(self) -> dict:
        out = {
            "index": self.index,
            "node": self.node_id,
            "customer": self.customer_line,
            "reply": self.reply,
            "silent": self.silent,
            "asked_at": round(self.asked_at, 3),
            "replied_at": None if self.replied_at is None else round(self.replied_at, 3),
        }
        if self.score is not None:
            out["score"] = self.score.to_dict()
        return out


@dataclass
class Call:
    scenario: Scenario
    clock: Clock
    seed: int = 0
    scorer: Scorer = score_turn
    turns: list[Turn] = field(default_factory=list)
    node_id: str = ""
    outcome: str | None = None      # resolved | escalated | hung_up | unresolved | abandoned
    closing_line: str = ""          # what the customer says as the call ends
    started_at: float = 0.0
    ended_at: float | None = None
    silences_in_row: int = 0

    def __post_init__(self):
        self._random = random.Random(self.seed)
        self.started_at = self.clock.now()
        self.node_id = self.scenario.start_node
        self._ask(self._pick(self._lines(self.scenario.nodes[self.node_id])))

    # --- what the trainee sees ---------------------------------------------------
    @property
    def finished(self) -> bool:
        return self.outcome is not None

    @property
    def current(self) -> Turn:
        """The turn waiting for a reply (the last one, while the call is on)."""
        return self.turns[-1]

    @property
    def scored_turns(self) -> list[TurnScore]:
        return [t.score for t in self.turns if t.score is not None]

    def foreseen_line(self) -> tuple[str, str] | None:
        """(line, mood) the customer will say after the current reply, whatever it scores:
        the node goes on with ``next:`` to a node that does not end the call and has no
        memories, and turns remain. None when the reply's score decides (branches, memories,
        an end). A hands-free call plays it while the reply is still being heard."""
        if self.finished:
            return None
        node = self.scenario.nodes[self.node_id]
        target = self.scenario.nodes[node.next] if node.next is not None else None
        if target is None or target.is_end or target.memory or len(self.turns) >= self.scenario.max_turns:
            return None
        return self._peek(target, target.customer)

    def provisional(self, text: str, *, hearing: Hearing | None = None, at: float | None = None) -> TurnScore | None:
        """The current reply scored as it stands (``text``, e.g. the live transcript so far),
        nothing recorded: what a hands-free call guesses the branch from before the reply is
        heard in full. None for an empty text or an ended call."""
        if self.finished or not text or not text.strip():
            return None
        turn = self.current
        at = self.clock.now() if at is None else at
        return self.scorer(self.scenario, self.node_id, text.strip(), seconds=max(0.0, at - turn.asked_at),
                           latency=None, customer_line=turn.customer_line, hearing=hearing)

    def next_line(self, score: TurnScore | None) -> tuple[str, str] | None:
        """(line, mood) the customer would say after a reply scored ``score``: the branch it
        takes, the target's lines (or its memory's, with ``score`` counted), the engine's next
        pick, all peeked without moving the call. None when the call would end there (or run
        out of turns), or without a score."""
        if self.finished or score is None or len(self.turns) >= self.scenario.max_turns:
            return None
        target = self.scenario.nodes[graph.route_taken(self.scenario.nodes[self.node_id], score).goto]
        if target.is_end:
            return None
        return self._peek(target, self._lines(target, [*self.scored_turns, score]))

    # --- what the trainee does ---------------------------------------------------
    def reply(self, text: str, *, latency: float | None = None, at: float | None = None,
              hearing: Hearing | None = None) -> Turn:
        """Answer the current customer line. An empty reply counts as silence. ``hearing``:
        for a spoken reply, what its recording showed about the key facts."""
        if self.finished:
            raise CallOver(f"the call has ended ({self.outcome})")
        if not text or not text.strip():
            return self.silence(at=at)
        turn = self.current
        turn.replied_at = self.clock.now() if at is None else at
        turn.reply = text.strip()
        turn.latency = latency
        turn.score = self.scorer(self.scenario, self.node_id, turn.reply, seconds=turn.seconds, latency=latency,
                                 customer_line=turn.customer_line, hearing=hearing)
        self.silences_in_row = 0
        node = self.scenario.nodes[self.node_id]
        self._move(graph.route_taken(node, turn.score).goto)
        return turn

    def silence(self, at: float | None = None) -> Turn:
        """The trainee said nothing (an empty reply or the silence timeout)."""
        if self.finished:
            raise CallOver(f"the call has ended ({self.outcome})")
        turn = self.current
        turn.replied_at = self.clock.now() if at is None else at
        turn.silent = True
        self.silences_in_row += 1
        if self.silences_in_row > self.scenario.max_silences:
            self._end("hung_up", "")
        elif not self._out_of_turns():
            self._ask(self._pick(self.scenario.silence_prompt))
        return turn

    def abandon(self) -> None:
        """The trainee left the call (closed the tab, pressed stop)."""
        if not self.finished:
            self._end("abandoned", "")

    def scorecard(self) -> CallScore:
        end = self.ended_at if self.ended_at is not None else self.clock.now()
        silent = sum(1 for t in self.turns if t.silent)
        return score_call(self.scenario, self.scored_turns, self.outcome or "abandoned", end - self.started_at, silent)

    # --- inside ------------------------------------------------------------------
    def _move(self, target: str) -> None:
        self.node_id = target
        node = self.scenario.nodes[target]
        if node.is_end:
            self._end(node.end, self._pick(node.customer) if node.customer else "")
        elif not self._out_of_turns():
            self._ask(self._pick(self._lines(node)))

    def _lines(self, node: Node, scored: list[TurnScore] | None = None) -> list[str]:
        """The node's customer lines, or those of its first memory that holds for the replies
        so far (``scored``: those replies, when not the call's own)."""
        for recall in node.memory:
            if memory.holds(recall.condition, self.scored_turns if scored is None else scored):
                return recall.customer
        return node.customer

    def _peek(self, target: Node, lines: list[str]) -> tuple[str, str]:
        """(line, mood) the engine's next pick from ``lines`` at ``target``, without making it."""
        peek = random.Random()
        peek.setstate(self._random.getstate())
        return self._pick(lines, peek), target.mood or self.scenario.persona.mood

    def _out_of_turns(self) -> bool:
        if len(self.turns) >= self.scenario.max_turns:
            self._end("unresolved", "")
            return True
        return False

    def _ask(self, line: str) -> None:
        mood = self.scenario.nodes[self.node_id].mood or self.scenario.persona.mood
        self.turns.append(Turn(len(self.turns), self.node_id, line, self.clock.now(), mood=mood))

    def _end(self, outcome: str, line: str) -> None:
        self.outcome = outcome
        self.closing_line = line
        self.ended_at = self.clock.now()

    def _pick(self, options: list[str], chooser: random.Random | None = None) -> str:
        return options[(chooser or self._random).randrange(len(options))]
