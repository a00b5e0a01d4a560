"""The scenario model: what a scenario file may say, checked field by field.

Field names are the ones trainers write in YAML (see docs/authoring.md). Unknown keys
are refused so that a typo ("referneces") is reported instead of silently ignored.
"""
from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..user_text import LIMITS
from . import conditions, lines, memory, yaml_advice
from .behaviour import Behaviour

Language = Literal["uk", "en"]
Channel = Literal["voice", "chat"]
Difficulty = Literal["easy", "medium", "hard"]
Mood = Literal["calm", "worried", "irritated", "angry"]
Outcome = Literal["resolved", "escalated", "hung_up"]
EmpathyWeight = Literal["low", "normal", "high"]
SampleLabel = Literal["great", "average", "poor"]
Switch = Literal["ru", "surzhyk"]  # a customer who moves to Russian or surzhyk here, on purpose

CATEGORIES = (
    "payment-slip",
    "estimated-bill",
    "meter-readings",
    "tariff-zones",
    "heating-discount",
    "payment-debt",
    "outage",
    "abusive-caller",
    "repeat-complaint",
    "subsidies",
    "other",
)
Category = Literal[CATEGORIES]  # type: ignore[valid-type]

Id = str


class _Strict(BaseModel):
    # numbers written bare in YAML (`- 4.32`) are read as text where text is expected
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, coerce_numbers_to_str=True)


def _as_list(value):
    """Let a trainer write one string where a list is expected; an item with a colon inside
    its text, which YAML reads as 'name: value', is the text it was."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [yaml_advice.rejoin(item) for item in value]
    return value


class VoiceSettings(_Strict):
    variant: str | None = Field(None, pattern=r"^[a-z0-9]{1,8}$")
    rate: int = Field(165, ge=80, le=320)
    pitch: int = Field(50, ge=0, le=99)
    volume: float = Field(0.9, ge=0.1, le=1.0)


class Persona(_Strict):
    name: str = Field(min_length=1, max_length=LIMITS["persona_name"])
    gender: Literal["female", "male"]
    mood: Mood = "calm"
    about: str = ""
    voice: VoiceSettings = VoiceSettings()


class Fact(_Strict):
    """A fact the reply should (key fact) or must not (wrong fact) contain."""

    id: Id = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    fact: str = Field(min_length=1)
    accept: list[str] = Field(min_length=1)
    correction: str = ""

    _split = field_validator("accept", mode="before")(_as_list)


class Branch(_Strict):
    condition: str | None = Field(None, alias="if")
    goto: Id

    @field_validator("condition")
    @classmethod
    def _readable(cls, value):
        if value is not None:
            try:
                conditions.parse(value)
            except conditions.ConditionError as exc:
                raise ValueError(str(exc)) from None
        return value

    @property
    def parsed(self) -> conditions.Condition | None:
        return conditions.parse(self.condition) if self.condition is not None else None


def _lines(value):
    """One string or a list, with inline alternatives ``(a|b)`` spelled out as variants."""
    value = _as_list(value)
    return lines.expand_all(value) if isinstance(value, list) and all(isinstance(v, str) for v in value) else value


class Recall(_Strict):
    """Lines the customer says instead of the node's own when an earlier reply said or missed a fact."""

    condition: str = Field(alias="if")
    customer: list[str] = Field(min_length=1)

    _split = field_validator("customer", mode="before")(_lines)

    @field_validator("condition")
    @classmethod
    def _readable(cls, value):
        memory.parse(value)
        return value


class Node(_Strict):
    customer: list[str] = Field(default_factory=list)
    mood: Mood | None = None               # the customer's mood from this node on; default the persona's
    customer_language: Switch | None = None  # the customer speaks Russian or surzhyk here (marked, allowed)
    memory: list[Recall] = Field(default_factory=list)
    end: Outcome | None = None
    hint: str = ""
    empathy: EmpathyWeight = "normal"
    references: list[str] = Field(default_factory=list)
    key_facts: list[Fact] = Field(default_factory=list)
    wrong_facts: list[Fact] = Field(default_factory=list)
    forbidden: list[str] = Field(default_factory=list)
    branches: list[Branch] = Field(default_factory=list)
    next: Id | None = None

    _split = field_validator("references", "forbidden", mode="before")(_as_list)
    _variants = field_validator("customer", mode="before")(_lines)

    @model_validator(mode="after")
    def _shape(self):
        if self.end is None:
            if not self.customer:
                raise ValueError("a node needs 'customer' (what the customer says)")
            if not self.references:
                raise ValueError("a node the trainee answers needs at least one reference answer in 'references'")
            if not self.branches and self.next is None:
                raise ValueError("say where the call goes after the reply: 'next: NODE' or 'branches'")
            if self.branches and self.next is not None:
                raise ValueError("use either 'next' or 'branches', not both")
        else:
            extra = [k for k in ("references", "key_facts", "wrong_facts", "branches", "memory") if getattr(self, k)]
            if extra or self.next:
                raise ValueError(f"an end node ('end: {self.end}') has no reply to score: remove {', '.join(extra) or 'next'}")
        ids = [f.id for f in self.key_facts + self.wrong_facts]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"fact id given twice in this node: {', '.join(duplicates)}")
        return self

    @property
    def is_end(self) -> bool:
        return self.end is not None

    def routes(self) -> list[Branch]:
        """The branches in order, with ``next`` as a single unconditional branch."""
        if self.next is not None:
            return [Branch(goto=self.next)]
        return list(self.branches)


class Sample(_Strict):
    """A reply a trainer wrote to test the scenario's scoring: what a great, an average or a
    poor answer at one node sounds like. Samples are never played and never scored in a call;
    the studio's test bench scores them to show whether the references and facts still rank
    them the way the trainer expects."""

    node: Id
    label: SampleLabel
    reply: str = Field(max_length=LIMITS["reply"])
    note: str = Field("", max_length=LIMITS["note"])

    @field_validator("reply", "note", mode="before")
    @classmethod
    def _blank(cls, value):
        # `reply:` with nothing after it is an empty reply (reported by validate), not a type error
        return "" if value is None else value


class Weights(_Strict):
    accuracy: float = Field(0.45, ge=0)
    empathy: float = Field(0.35, ge=0)
    time: float = Field(0.20, ge=0)

    @model_validator(mode="after")
    def _some(self):
        if self.accuracy + self.empathy + self.time <= 0:
            raise ValueError("at least one weight must be above 0")
        return self

    def normalised(self, empathy_factor: float = 1.0) -> tuple[float, float, float]:
        a, e, t = self.accuracy, self.empathy * empathy_factor, self.time
        total = a + e + t
        return a / total, e / total, t / total


class FactNote(_Strict):
    """A fact the scenario relies on that the domain sheet does not hold, with its date and source."""

    note: str = Field(min_length=1)
    as_of: dt.date
    source: str = Field(min_length=1)


class Scenario(_Strict):
    id: Id = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=LIMITS["scenario_id"])
    title: str = Field(min_length=1, max_length=LIMITS["title"])
    language: Language
    channel: Channel
    category: Category  # type: ignore[valid-type]
    difficulty: Difficulty
    facts_as_of: dt.date
    facts: list[FactNote] = Field(default_factory=list)  # the scenario's own facts beyond the domain sheet
    situation: str = Field("", max_length=LIMITS["situation"])
    persona: Persona
    target_seconds: int = Field(gt=0, le=3600)
    pass_mark: int = Field(70, ge=0, le=100)
    weights: Weights = Weights()
    max_turns: int = Field(12, ge=1, le=50)
    max_silences: int = Field(2, ge=0, le=10)
    silence_prompt: list[str] = Field(min_length=1)
    forbidden: list[str] = Field(default_factory=list)
    start: Id | None = None
    nodes: dict[Id, Node] = Field(min_length=1)
    samples: list[Sample] = Field(default_factory=list)
    behaviour: Behaviour = Behaviour()    # the customer on a hands-free voice call (call.customer_behaviour)

    _split = field_validator("forbidden", mode="before")(_as_list)
    _variants = field_validator("silence_prompt", mode="before")(_lines)

    @property
    def start_node(self) -> Id:
        return self.start or next(iter(self.nodes))

    @property
    def reply_nodes(self) -> list[Id]:
        return [name for name, node in self.nodes.items() if not node.is_end]
