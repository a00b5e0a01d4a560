"""The judging benchmark's situations (``eval/judging/situations/*.yaml``), read and checked.

Each situation becomes a one-node scenario so that the product's own scorer judges its
replies exactly as it judges a reply in a call. The file format is in
``eval/judging/README.md``.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..scenario.model import Fact, Node, Persona, Scenario

BENCHMARK_DIR = Path(__file__).resolve().parents[2] / "eval" / "judging" / "situations"
SPLITS = ("dev", "held-out")
SCALES = {"empathy": (0, 1, 2), "accuracy": (0, 1, 2), "compliance": (0, 1)}


class BenchmarkError(ValueError):
    """A situation file that cannot be used; the message names the file."""


@dataclass(frozen=True)
class RatedReply:
    id: str
    text: str
    empathy: int
    accuracy: int
    compliance: int
    why: str


@dataclass(frozen=True)
class Situation:
    id: str
    language: str
    channel: str
    split: str
    scenario: Scenario
    replies: tuple[RatedReply, ...]

    NODE = "reply"

    @property
    def customer(self) -> str:
        return self.scenario.nodes[self.NODE].customer[0]


def load(folder: Path = BENCHMARK_DIR, split: str | None = None) -> list[Situation]:
    """Every situation in ``folder`` (of one split, if given), in file-name order."""
    paths = sorted(Path(folder).glob("*.yaml"))
    if not paths:
        raise BenchmarkError(f"no situations (*.yaml) in {folder}")
    situations = [_situation(path) for path in paths]
    ids = [r.id for s in situations for r in s.replies]
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if repeated:
        raise BenchmarkError(f"reply ids used twice: {', '.join(repeated)}")
    return [s for s in situations if split is None or s.split == split]


def _situation(path: Path) -> Situation:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data.get("split") not in SPLITS:
            raise BenchmarkError(f"split must be one of {SPLITS}")
        node = Node(
            customer=[data["customer"]],
            references=data["references"],
            key_facts=[Fact(**fact) for fact in data.get("key_facts") or []],
            wrong_facts=[Fact(**fact) for fact in data.get("wrong_facts") or []],
            forbidden=data.get("forbidden") or [],
            empathy="high" if data.get("mood", "calm") != "calm" else "normal",
            next="end",
        )
        scenario = Scenario(
            id=data["id"], title=data["id"], language=data["language"], channel=data["channel"],
            category="other", difficulty="medium", facts_as_of=dt.date(2026, 2, 1),
            situation=data.get("situation", ""),
            persona=Persona(name="customer", gender="female", mood=data.get("mood", "calm")),
            target_seconds=60, silence_prompt=["..."],
            nodes={Situation.NODE: node, "end": Node(end="resolved")},
        )
        replies = tuple(_reply(item) for item in data["replies"])
    except BenchmarkError as exc:
        raise BenchmarkError(f"{path}: {exc}") from None
    except (KeyError, TypeError, AttributeError, ValueError, yaml.YAMLError) as exc:
        raise BenchmarkError(f"{path}: {type(exc).__name__}: {exc}") from None
    return Situation(data["id"], data["language"], data["channel"], data["split"], scenario, replies)


def _reply(item: dict) -> RatedReply:
    for scale, values in SCALES.items():
        if item.get(scale) not in values:
            raise BenchmarkError(f"reply {item.get('id')}: {scale} must be one of {values}")
    return RatedReply(str(item["id"]), str(item["text"]), item["empathy"], item["accuracy"], item["compliance"], str(item.get("why", "")))
