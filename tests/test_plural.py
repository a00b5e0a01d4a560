"""Ukrainian plural forms in the interface: 1 бал, 2 бали, 5 балів, in one helper."""
from __future__ import annotations

import pathlib
import re

import pytest

from simulator import plural
from simulator.scoring.feedback import say
from simulator.texts.labels import LABELS, Labels

ROOT = pathlib.Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("n, text", [(0, "0 балів"), (1, "1 бал"), (2, "2 бали"), (4, "4 бали"), (5, "5 балів"),
                                     (11, "11 балів"), (14, "14 балів"), (21, "21 бал"), (22, "22 бали"),
                                     (91, "91 бал"), (111, "111 балів"), (1.5, "1,5 бала"), (70.0, "70 балів"), ("—", "—")])
def test_ukrainian_forms(n, text):
    assert plural.count(n, "points", "uk") == text


def test_english_forms():
    assert plural.count(1, "points", "en") == "1 point"
    assert plural.count(91, "points", "en") == "91 points"


def test_the_interface_says_91_bal_not_91_baliv():
    assert Labels("uk")("verdict_passed", score=91, mark=70) == "Зараховано: 91 бал при прохідному 70."
    assert Labels("uk")("verdict_failed", score=62, mark=70) == "Не зараховано: 62 бали при прохідному 70."
    assert Labels("en")("verdict_passed", score=91, mark=70) == "Passed: 91 points against a pass mark of 70."
    assert say("uk", "passed", score=91, mark=70) == "Дзвінок зараховано: 91 бал при прохідному 70."


def test_no_interface_string_writes_the_word_after_a_number_itself():
    texts = [text for table in LABELS.values() for text in table.values()]
    source = (ROOT / "simulator" / "texts" / "feedback.py").read_text(encoding="utf-8")
    for text in texts + [source]:
        assert not re.search(r"\}\s*(балів|бали|бал|points)\b", text), text
