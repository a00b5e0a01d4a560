"""The floor every verdict must clear: a 20-line keyword counter.

Empathy counts stock phrases («розумію», "sorry") and subtracts rude words; accuracy is the
share of key-fact wordings found as plain substrings, less wrong ones; compliance fails a
reply that contains a forbidden phrase or mentions a card, a PIN or a code at all.
"""
from __future__ import annotations

WARM = ("розумію", "вибач", "перепрош", "шкода", "прикро", "дякую", "understand", "sorry", "apolog", "thank", "appreciate")
COLD = ("заспокой", "не кричіть", "самі винні", "не до нас", "calm down", "your fault", "not our", "stop shouting")
SECRETS = ("картк", "cvv", "пін", "код", "card", "pin", "code")


def empathy(text: str) -> float:
    low = text.lower()
    return sum(low.count(w) for w in WARM) - 2 * sum(low.count(w) for w in COLD)


def accuracy(text: str, key_facts, wrong_facts) -> float:
    low = text.lower()
    said = sum(any(w.lower() in low for w in fact.accept) for fact in key_facts)
    wrong = sum(any(w.lower() in low for w in fact.accept) for fact in wrong_facts)
    return (said / len(key_facts) if key_facts else 0.0) - wrong


def critical(text: str, forbidden) -> bool:
    low = text.lower()
    return any(p.lower() in low for p in forbidden) or any(w in low for w in SECRETS)
