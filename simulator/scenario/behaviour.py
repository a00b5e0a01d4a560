"""How the customer behaves on a hands-free voice call, as a scenario file may set it (the
optional ``behaviour:`` block; docs/authoring.md). Every field is optional: what is left out
follows the scenario's difficulty (simulator.call.customer_behaviour)."""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator


def _as_list(value):
    return [value] if isinstance(value, str) else value


class Behaviour(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True)

    patience: int | None = Field(None, ge=3, le=60)       # s of silence before the silence prompt
    max_reply: int | None = Field(None, ge=10, le=120)    # s of one reply before the customer cuts in
    barge_in: bool | None = None                          # the customer cuts in on a rude reply
    interrupt: list[str] = Field(default_factory=list)    # said when a reply runs too long
    cut_in: list[str] = Field(default_factory=list)       # said when cutting in on a rude reply

    _split = field_validator("interrupt", "cut_in", mode="before")(_as_list)
