"""A small branching scenario and saved scores built by hand, for the learning tests."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from simulator.library.loader import load_text

FORK = """\
id: test-fork
title: Розвилка
language: uk
channel: chat
category: payment-slip
difficulty: easy
facts_as_of: 2026-02-10
persona: {name: Олена, gender: female}
target_seconds: 60
max_turns: 5
silence_prompt: [Алло?]
nodes:
  opening:
    customer: [До якого числа платити?]
    references: [До 20 числа, і я перевірю ваш рахунок.]
    key_facts:
      - {id: by-20th, fact: не пізніше 20 числа, accept: [20 числа]}
    wrong_facts:
      - {id: month-end, fact: до кінця місяця, accept: [кінця місяця]}
    branches:
      - {if: critical, goto: complaint}
      - {if: empathy < 40, goto: angry}
      - {if: missing by-20th, goto: ask-date}
      - {goto: wrap}
  ask-date:
    customer: [То яке число останнє?]
    references: [Останній день — 20 число.]
    key_facts:
      - {id: by-20th, fact: не пізніше 20 числа, accept: [20 число]}
    next: wrap
  angry:
    customer: [Ви мене не чуєте!]
    references: [Перепрошую, чую вас. Строк — до 20 числа.]
    branches:
      - {if: empathy < 40, goto: complaint}
      - {goto: wrap}
  wrap:
    customer: [Дякую, а ще щось?]
    references: [Ні, це все. Гарного дня!]
    next: done
  done: {end: resolved, customer: [Дякую, до побачення.]}
  complaint: {end: escalated, customer: [Я буду скаржитися.]}
"""


def fork():
    scenario, problems = load_text(FORK, "fork")
    assert scenario is not None, problems
    return scenario


def score(overall: float = 80, empathy: float = 70, said: tuple[str, ...] = ("by-20th",), facts: tuple[str, ...] = ("by-20th",),
          wrong: tuple[str, ...] = (), critical: bool = False, missing_parts: tuple[str, ...] = ()) -> dict[str, Any]:
    """A saved turn score (TurnScore.to_dict()'s shape) with only what the learning code reads."""
    return {
        "overall": overall,
        "accuracy": {"score": 100.0 * len(set(said) & set(facts)) / max(1, len(facts)),
                     "facts": [{"id": f, "fact": FACT_TEXT.get(f, f), "said": f in said} for f in facts],
                     "wrong_facts": [{"id": w, "fact": w} for w in wrong]},
        "empathy": {"score": empathy, "parts": {p: {"present": p not in missing_parts}
                                                for p in ("acknowledgement", "ownership", "on_topic", "tone")}},
        "time": {"score": 100},
        "compliance": {"critical": critical, "flags": [{"kind": "secret", "critical": True}] if critical else []},
    }


FACT_TEXT = {"by-20th": "не пізніше 20 числа"}


@dataclass(frozen=True)
class Saved:
    """A saved turn as the store hands it out (the fields the learning code reads)."""

    index: int
    node_id: str
    reply: str = "відповідь"
    silent: bool = False
    score: dict[str, Any] | None = None


def call(*steps: tuple[str, dict | None]) -> list[Saved]:
    """Saved turns from (node, score) pairs; a None score is a silence."""
    return [Saved(k, node, "" if s is None else f"відповідь {k + 1}", s is None, s) for k, (node, s) in enumerate(steps)]
