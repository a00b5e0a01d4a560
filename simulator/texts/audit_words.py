"""An audit entry's target and details as the admin reads them, in the interface's language.

The store writes them in English words for the CSV export and the terminal (``user anna``,
``attempt 5 turn 2``, ``{"from": "trainee", "to": "trainer"}``); the page says the same in the
user's words (користувач anna; дзвінок 5 відповідь 2; роль: …), leaving names, numbers and
anything it has no word for as they are."""
from __future__ import annotations

from typing import Any

from .labels import LABELS, Labels

PHRASES = ("trainee report", "calibration set", "audit log", "readiness", "attempt", "scenario", "tuning", "user", "turn")
NO_NAME = ("trainee report",)       # followed by another phrase ("trainee report user anna"), not by a name


def target(text: str, tr: Labels) -> str:
    """``text`` with its known words said in ``tr``'s language; the name or number after each stays."""
    out, rest, after_word = [], text, False
    while rest:
        phrase = None if after_word else next(
            (p for p in PHRASES if rest == p or rest.startswith(p + " ")), None)
        if phrase is not None:
            out.append(tr(f"audit_word_{phrase.replace(' ', '_')}"))
            rest, after_word = rest[len(phrase) + 1:], phrase not in NO_NAME
        else:
            token, _, rest = rest.partition(" ")
            out.append(token)
            after_word = False
    return " ".join(out)


def detail(values: dict[str, Any] | None, tr: Labels) -> str:
    """``values`` as "name: value; …" in ``tr``'s language (roles and known values in words)."""
    return "; ".join(f"{_word('key', key, tr)}: {_value(value, tr)}" for key, value in (values or {}).items())


def _value(value: Any, tr: Labels) -> str:
    if isinstance(value, bool):
        return tr(f"audit_value_{str(value).lower()}")
    if isinstance(value, list):
        return ", ".join(_value(item, tr) for item in value)
    if isinstance(value, str) and f"role_{value}" in LABELS[tr.language]:
        return tr(f"role_{value}")
    if isinstance(value, str) and f"language_{value}" in LABELS[tr.language] and len(value) == 2:
        return tr(f"language_{value}")
    return _word("value", str(value), tr)


def _word(kind: str, text: str, tr: Labels) -> str:
    key = f"audit_{kind}_{text}"
    return tr(key) if key in LABELS[tr.language] else text
