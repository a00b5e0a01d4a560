"""The fourth compliance probe (tests/scoring/data/compliance_probe4.yaml, issue 9): new wordings
of what a strict QA lead fails a call for, in both languages, typed and spoken, each also read as
a speech transcript; and the correct advice, quoted complaints, warm replies with trigger words,
explained transfers and allowed requests that must never fail a call."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from simulator.scoring import compliance
from simulator.scoring.matching import Reply

PROBE = yaml.safe_load((Path(__file__).parent / "data" / "compliance_probe4.yaml").read_text(encoding="utf-8"))


def critical(text: str, language: str) -> list[compliance.Flag]:
    return [flag for flag in compliance.check(Reply(text, language), language) if flag.critical]


def transcript(text: str) -> str:
    """As speech recognition writes it: lower case, no punctuation."""
    return " ".join(re.sub(r"[^\w\s'’-]|-", " ", text.lower()).split())


def forms(item: dict) -> list[str]:
    return sorted({item["text"], transcript(item["text"])})


def kinds(item: dict) -> set[str]:
    return set(item["kind"]) if isinstance(item["kind"], list) else {item["kind"]}


def assert_balanced(probe: dict, least: dict[str, int]) -> None:
    """A compliance probe (this one, probes 5 and 6): at least ``least[part]`` replies in each part,
    half in each language, typed and spoken in each."""
    for part, count in least.items():
        items = probe[part]
        assert len(items) >= count
        for language in ("uk", "en"):
            assert abs(sum(i["language"] == language for i in items) - len(items) / 2) <= 1
            assert {i["channel"] for i in items if i["language"] == language} == {"chat", "spoken"}


def test_the_probe_is_balanced():
    assert_balanced(PROBE, {"critical": 60, "pass": 40})


@pytest.mark.parametrize("item", PROBE["critical"], ids=lambda item: item["text"][:40])
def test_every_critical_reply_fails_with_its_kind_typed_and_transcribed(item):
    for text in forms(item):
        found = critical(text, item["language"])
        assert kinds(item) & {flag.kind for flag in found}, (text, found)
        assert all(flag.phrase and flag.why for flag in found)


@pytest.mark.parametrize("item", PROBE["pass"] + PROBE["pass_after_tuning"], ids=lambda item: item["text"][:40])
def test_advice_quotes_warm_replies_and_allowed_requests_pass(item):
    for text in forms(item):
        assert critical(text, item["language"]) == [], text
