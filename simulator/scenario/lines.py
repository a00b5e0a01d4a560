"""Inline alternatives in a customer's line: ``(Добрий день|Доброго дня), мені прийшла платіжка``.

A group in round brackets with ``|`` inside is a choice: the line stands for every
combination of its choices, and a call picks one of them at random like any other variant.
An empty choice makes words optional: ``(ну, |)скажіть``. Brackets without ``|`` are plain text.
"""
from __future__ import annotations

import itertools
import re

GROUP = re.compile(r"\(([^()]*\|[^()]*)\)")
MAX_VARIANTS = 64  # per written line: more combinations than any call needs


def expand(text: str) -> list[str]:
    """Every line ``text`` stands for, in order (the text itself when it has no choice)."""
    parts = GROUP.split(str(text))
    if len(parts) == 1:
        return [str(text)]
    choices = [[part] if k % 2 == 0 else part.split("|") for k, part in enumerate(parts)]
    out = []
    for combo in itertools.islice(itertools.product(*choices), MAX_VARIANTS):
        line = re.sub(r"\s{2,}", " ", "".join(combo)).strip()
        line = re.sub(r"\s+([,.!?…])", r"\1", line)
        bare = line.lstrip(",;: ")  # an empty first choice leaves its comma behind
        if bare != line and bare:
            line = bare[0].upper() + bare[1:]
        if line and line not in out:
            out.append(line)
    return out


def expand_all(texts: list[str]) -> list[str]:
    out: list[str] = []
    for text in texts:
        out += [line for line in expand(text) if line not in out]
    return out
