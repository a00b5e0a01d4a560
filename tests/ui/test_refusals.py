"""The store's refusals reach the admin and review pages in the user's language: each one the
store gives is made here for real, carries its code (simulator.refusal) and is said by that code
in both languages, never by its English (tests/texts/test_refusal_codes.py checks every code the
store can raise has its words)."""
from __future__ import annotations

import re

import pytest

from simulator.refusal import RefusedValue
from simulator.reports.readiness import Rules
from simulator.store import DEMO_PASSWORD, accounts
from simulator.texts import refusals
from simulator.texts.labels import Labels
from simulator.store.guard import SHELL

UK, EN = Labels("uk"), Labels("en")
LATIN_WORD = re.compile(r"\b[a-z]{3,}\b")


def refusal(action, kind: type[Exception] = ValueError) -> Exception:
    with pytest.raises(kind) as refused:
        action()
    return refused.value


@pytest.fixture
def refused(store, trainee, admin):
    """Every refusal the admin and review pages pass on, by the label that says it."""
    trainer = store.user_by_username("demo-trainer")
    imported = {r.error for r in store.import_trainees("ivan,Іван,g1\nivan,Іван,g1\nanna,Anna\nolga,Ольга,g1,de\n", by=SHELL) if not r.ok}
    return {
        "refused_username": refusal(lambda: store.create_user("Ivan Franko!", "trainee", DEMO_PASSWORD, by=SHELL)),
        "refused_username_taken": refusal(lambda: store.create_user("demo-trainee", "trainee", DEMO_PASSWORD, by=SHELL)),
        "refused_role": refusal(lambda: store.create_user("ivan2", "boss", DEMO_PASSWORD, by=SHELL)),
        "refused_password_short": refusal(lambda: store.set_password(trainee.id, "short", by=SHELL)),
        "refused_password_space": refusal(lambda: store.set_password(trainee.id, " a long password ", by=SHELL)),
        "refused_password_broken": refusal(lambda: store.set_password(trainee.id, "a long\x00password", by=SHELL)),
        "too_long": refusal(lambda: store.create_user("ivan3", "trainee", DEMO_PASSWORD, full_name="Я" * 1000, by=SHELL)),
        "refused_score": refusal(lambda: store.override_turn(trainer, 1, 0, overall=101, critical=False, comment="x")),
        "rd_settings_recent_below": refusal(lambda: Rules(min_attempts=3, recent=2)),
        "rd_settings_window_range": refusal(lambda: Rules(window_days=0)),
        "review_comment_required": refusal(lambda: store.override_turn(trainer, 1, 0, overall=50, critical=False, comment=" ")),
        "refused_attempt_missing": refusal(lambda: store.override_turn(trainer, 999, 0, overall=50, critical=False, comment="x"),
                                           LookupError),
        "refused_not_allowed": refusal(lambda: store.create_user("ivan4", "trainee", DEMO_PASSWORD, by=trainee), PermissionError),
        "pw_wrong_current": refusal(lambda: accounts.change_own_password(store, trainee, "not it", "a new password")),
        "refused_language": refusal(lambda: store.create_user("ivan5", "trainee", DEMO_PASSWORD, language="de", by=SHELL)),
        "imported": imported,
    }


def test_each_refusal_is_said_in_the_users_language(refused):
    imported = refused.pop("imported")
    assert {refusals.message(text, UK) for text in imported} == {
        "логін «ivan» уже є в рядку 1", "у рядку має бути 3 або 4 поля (логін, ПІБ, група, мова — необов'язково), а їх 2",
        "мова «de» невідома: uk (українська) або en (англійська)"}
    for key, error in refused.items():
        assert refusals.SAID[error.code] == key, (key, str(error))
        said = refusals.message(error, UK, markdown=False)
        assert said != UK("refused_other"), (key, str(error))
        assert not LATIN_WORD.search(re.sub(r"«[^»]*»", "", said)), said      # no English words but what the user typed
        assert refusals.message(error, EN) != EN("refused_other")
    assert refusals.message(refused["refused_username_taken"], UK, markdown=False) == "Ім'я користувача «demo-trainee» уже зайняте."
    assert refusals.message(refused["too_long"], UK) == "Поле «Повне ім'я» задовге (символів: 1\u00a0000, найбільше можна: 200). Скоротіть текст."
    assert refusals.message(refused["refused_score"], EN) == "a score is between 0 and 100, not 101"


def test_user_text_in_a_refusal_is_escaped_for_markdown_and_plain_for_tables():
    error = RefusedValue("the username '**x**' is already taken", code="username_taken", username="**x**")
    assert refusals.message(error, UK) == r"Ім'я користувача «\*\*x\*\*» уже зайняте."
    assert refusals.message(error, UK, markdown=False) == "Ім'я користувача «**x**» уже зайняте."


def test_an_unknown_refusal_is_a_general_message_not_english(caplog):
    assert refusals.message(ValueError("something new went wrong"), UK) == "дані не прийнято; подробиці — у журналі застосунку"
    assert "something new went wrong" in caplog.text
