"""Preview a scenario without a trainee: every customer line in the persona's voice, and a
walk through the branches that the trainer steers by hand.

Pure data: the UI synthesises a line with `voice.tts.synthesize(line.text, line.voice)`
(or `voice.speech.customer_audio`) when the trainer presses play.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ...scenario.model import Node, Scenario
from ...voice.speech import customer_voice
from ...voice.tts import VoiceSpec


@dataclass(frozen=True)
class CustomerLine:
    node: str | None     # None for a silence prompt, which the customer may say at any node
    variant: int         # which of the node's variants (0-based); one is picked per call
    text: str
    voice: VoiceSpec


def lines(scenario: Scenario) -> list[CustomerLine]:
    """Every line the customer can say: node by node in file order, then the silence prompts."""
    voice = customer_voice(scenario)
    out = [CustomerLine(name, k, text, voice) for name, node in scenario.nodes.items() for k, text in enumerate(node.customer)]
    out += [CustomerLine(None, k, text, voice) for k, text in enumerate(scenario.silence_prompt)]
    return out


@dataclass(frozen=True)
class Choice:
    """One way on from a node: a branch (with its condition, or 'otherwise') or `next`."""

    target: str
    kind: Literal["if", "otherwise", "next"]
    condition: str | None    # the branch's `if:` text, as written
    end: str | None          # the target's outcome when the target is an end node


@dataclass
class Walk:
    """Where the trainer is in the scenario and how they got there."""

    scenario: Scenario
    path: list[str] = field(default_factory=list)

    def __post_init__(self):
        if not self.path:
            self.path = [self.scenario.start_node]

    @property
    def start(self) -> str:
        return self.scenario.start_node

    @property
    def node_id(self) -> str:
        return self.path[-1]

    @property
    def node(self) -> Node:
        return self.scenario.nodes[self.node_id]

    @property
    def customer(self) -> list[str]:
        return list(self.node.customer)

    @property
    def outcome(self) -> str | None:
        """The end reached ('resolved', 'escalated', 'hung_up'), or None on the way."""
        return self.node.end

    @property
    def finished(self) -> bool:
        return self.node.is_end

    @property
    def can_go_back(self) -> bool:
        return len(self.path) > 1

    def choices(self) -> list[Choice]:
        node = self.node
        if node.next is not None:
            return [self._choice(node.next, "next", None)]
        return [self._choice(b.goto, "otherwise" if b.condition is None else "if", b.condition) for b in node.branches]

    def go(self, target: str) -> None:
        if target not in {c.target for c in self.choices()}:
            known = ", ".join(dict.fromkeys(c.target for c in self.choices())) or "none: this is an end"
            raise ValueError(f"the call cannot go from '{self.node_id}' to '{target}' (ways on: {known})")
        self.path.append(target)

    def back(self) -> None:
        if not self.can_go_back:
            raise ValueError("already at the start")
        self.path.pop()

    def _choice(self, target: str, kind, condition: str | None) -> Choice:
        node = self.scenario.nodes.get(target)
        return Choice(target, kind, condition, node.end if node is not None else None)
