"""What HR's weak areas and readiness count (issue 12/11): an exam still in progress shows no
per-turn evidence until it ends, and the readiness window is 1 to 365 days, said clearly when
not; on SQLite and PostgreSQL."""
from __future__ import annotations

import datetime as dt

import pytest

from simulator.reports import source
from simulator.reports.readiness import MAX_WINDOW_DAYS, Rules
from simulator.texts.labels import Labels
from simulator.texts.refusals import message
from tests.conftest import MINI
from tests.store.store_db import make_user
from tests.store.test_store_repository import T0, played
from simulator.store.guard import SHELL

HURT = ["Така політика.", "Не знаю."]


def hurt_items(store, hr) -> set[str]:
    findings = source.load(store, hr, until=T0.date()).findings
    return set(findings[findings["kind"] == "hurt"]["item"])


def test_an_exam_in_progress_is_left_out_of_weak_areas_until_it_ends(store, mini):
    hr, anna, bohdan = make_user(store, "hr", role="hr"), make_user(store, "anna"), make_user(store, "bohdan")
    version = store.scenario_version(mini, MINI, by=SHELL)
    call = played(mini, HURT)
    exam = store.start_attempt(anna.id, version.id, "exam", call.seed, now=T0, by=SHELL)
    store.save_turn(exam.id, call.turns[0].to_dict(), now=T0, by=SHELL)       # one scored turn, the exam goes on
    assert hurt_items(store, hr) == set()
    practice = store.start_attempt(bohdan.id, version.id, "practice", call.seed, now=T0, by=SHELL)
    store.save_turn(practice.id, call.turns[0].to_dict(), now=T0, by=SHELL)   # a practice call's turn counts at once
    assert "така політика" in hurt_items(store, hr)
    for turn in call.turns[1:]:
        if turn.replied_at is not None:
            store.save_turn(exam.id, turn.to_dict(), now=T0, by=SHELL)
    store.finish_attempt(exam.id, call.outcome, call.scorecard().to_dict(), now=T0, by=SHELL)
    findings = source.load(store, hr, until=T0.date()).findings
    counts = dict(zip(findings["item"], findings["count"]))
    assert counts["така політика"] == 2                             # the ended exam's turn now counts too


@pytest.mark.parametrize("days", [0, MAX_WINDOW_DAYS + 1, 10**9])
def test_the_readiness_window_is_one_to_365_days_with_a_clear_message(days):
    with pytest.raises(ValueError) as refused:
        Rules(window_days=days)
    assert message(refused.value, Labels("uk"), markdown=False) == f"вікно має бути від 1 до 365 днів, а не {days}"
    assert message(refused.value, Labels("en"), markdown=False) == f"the window must be from 1 to 365 days, not {days}"
    assert Rules(window_days=MAX_WINDOW_DAYS).window_days == MAX_WINDOW_DAYS


def test_a_window_saved_before_the_bound_is_read_as_the_longest_allowed(store, mini):
    admin = make_user(store, "admin", role="admin")
    store.set_setting(admin, source.SETTING, {"rules": {"window_days": 100000}, "required": []})
    assert source.definition(store).rules.window_days == MAX_WINDOW_DAYS
    source.load(store, admin, until=dt.date(2026, 12, 6), rules=source.definition(store).rules)   # no overflow
