"""Shared fixtures: the real scenario library and a small scenario written for the tests."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from simulator.scenario.loader import load_library, load_text  # noqa: E402

SCENARIOS = ROOT / "scenarios"

# A small branching scenario, kept here so engine tests do not depend on library wording.
MINI = """\
id: test-mini
title: Тестовий дзвінок
language: uk
channel: voice
category: estimated-bill
difficulty: easy
facts_as_of: 2026-02-10
persona:
  name: Тарас
  gender: male
  mood: irritated
target_seconds: 60
max_turns: 4
max_silences: 1
silence_prompt:
  - Алло? Ви мене чуєте?
  - Ви там?
nodes:
  opening:
    customer:
      - Чому в мене такий рахунок?
      - Звідки така сума в рахунку?
      - Що це за рахунок?
    empathy: high
    references:
      - Розумію, що сума неочікувана, це неприємно. Рахунок виставили за середнім споживанням, бо показники не надійшли. Я зараз перевірю нарахування.
    key_facts:
      - id: estimated
        fact: рахунок за середнім
        accept: [за середнім]
    wrong_facts:
      - id: old-price
        fact: ціна 2,64
        accept: ["2,64"]
    branches:
      - if: critical
        goto: complaint
      - if: empathy < 35
        goto: angry
      - if: missing estimated
        goto: again
      - goto: thanks
  again:
    customer: Ви не відповіли. Чому сума більша?
    references:
      - Перепрошую. Показники не надійшли, тому рахунок порахували за середнім споживанням.
    key_facts:
      - id: estimated
        fact: рахунок за середнім
        accept: [за середнім]
    branches:
      - if: said estimated
        goto: thanks
      - goto: again
  angry:
    customer: Та ви знущаєтеся! Я буду скаржитися!
    references:
      - Я вас чую, і ваше обурення зрозуміле. Рахунок виставили за середнім, і я зараз перевірю нарахування разом з вами.
    key_facts:
      - id: estimated
        fact: рахунок за середнім
        accept: [за середнім]
    branches:
      - if: empathy >= 50 and said estimated
        goto: thanks
      - goto: complaint
  thanks:
    end: resolved
    customer: Добре, дякую.
  complaint:
    end: escalated
    customer: Усе, пишу скаргу.
"""


@pytest.fixture(scope="session")
def library():
    return load_library(SCENARIOS)


@pytest.fixture(scope="session")
def mini():
    scenario, problems = load_text(MINI, "mini.yaml")
    assert problems == [], problems
    return scenario
