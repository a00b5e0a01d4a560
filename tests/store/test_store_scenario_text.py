"""Scenario text from the studio is held to the limits the database keeps (a title in 300
characters) and cleaned like any text a user enters; on SQLite and PostgreSQL."""
from __future__ import annotations

import pytest

from simulator.library.loader import load_text
from simulator.store import NotPublishable
from simulator.user_text import LIMITS, TooLong
from tests.conftest import MINI
from tests.store.store_db import make_user

LONG_TITLE = MINI.replace("title: Тестовий дзвінок", "title: " + "Довга назва " * 30)     # 360 characters


def test_a_title_longer_than_the_database_keeps_is_a_problem_not_a_crash(store):
    trainer = make_user(store, "trainer", role="trainer")
    draft = store.save_draft(trainer, "test-mini", LONG_TITLE, new=True)     # PostgreSQL refused the 360 characters
    assert draft.status == "draft" and len(draft.title) == LIMITS["title"]
    with pytest.raises(NotPublishable) as refused:
        store.publish(trainer, "test-mini")
    assert [(p.line, p.message) for p in refused.value.problems] == [(2, "'title': String should have at most 300 characters")]


def test_a_draft_and_its_note_are_cleaned_and_capped(store):
    trainer = make_user(store, "trainer", role="trainer")
    draft = store.save_draft(trainer, "test-mini", MINI.replace("\n", "\r\n").replace("Тарас", "Тарас\x00"), new=True,
                             note="перша\x1b редакція")
    assert draft.yaml_text == MINI and draft.note == "перша редакція"
    with pytest.raises(TooLong, match="note is too long"):
        store.publish(trainer, "test-mini", note="н" * (LIMITS["note"] + 1))


def test_an_escape_in_quotes_cannot_put_a_nul_into_a_customer_line():
    scenario, problems = load_text(MINI.replace("- Чому в мене такий рахунок?", '- "Чому\\0 в мене\\x1b такий рахунок?"'))
    assert problems == [] and scenario.nodes["opening"].customer[0] == "Чому в мене такий рахунок?"
