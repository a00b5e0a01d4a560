"""Customer memory: what was said (or missed) earlier in the call changes a later line.

A node may give lines for the customer to say instead of its ``customer`` lines when an
earlier reply said or missed a key fact::

    memory:
      - if: said opening.estimated          # NODE.FACT: the key fact of an earlier node
        customer: Ви вже казали, що рахунок за середнім. А коли буде перерахунок?
      - if: missing opening.when
        customer: Ви так і не сказали, коли.

``said NODE.FACT``: some reply at NODE said it. ``missing NODE.FACT``: NODE was answered and
no reply there said it. Parts join with ``and``; the first entry that holds is used.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Protocol

_PART = re.compile(r"^(said|missing)\s+([a-z0-9][a-z0-9-]*)\.([a-z0-9][a-z0-9-]*)$")


class Answered(Protocol):
    """An earlier reply: its node and whether it said a key fact."""

    node_id: str

    def fact_said(self, fact_id: str) -> bool: ...


@dataclass(frozen=True)
class Recalled:
    test: str
    node: str
    fact: str

    def holds(self, replies: list[Answered]) -> bool:
        there = [r for r in replies if r.node_id == self.node]
        said = any(r.fact_said(self.fact) for r in there)
        return said if self.test == "said" else bool(there) and not said


def parse(source: str) -> tuple[Recalled, ...]:
    """The parts of a memory condition, or ValueError with a message a trainer can act on."""
    parts = []
    for raw in re.split(r"\s+and\s+", " ".join(str(source).split())):
        match = _PART.match(raw)
        if not match:
            raise ValueError(f"cannot read '{raw}': write 'said NODE.FACT' or 'missing NODE.FACT', "
                             "e.g. 'said opening.estimated' (the key fact 'estimated' of the node 'opening')")
        parts.append(Recalled(*match.groups()))
    return tuple(parts)


def holds(source: str, replies: Iterable[Answered]) -> bool:
    replies = list(replies)
    return all(part.holds(replies) for part in parse(source))
