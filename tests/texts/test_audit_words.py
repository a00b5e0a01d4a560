"""The audit log in the admin's language (issue 11: the page showed the store's English words,
"user anna" and {"from": "trainee", ...}, in the Ukrainian interface); the demo banner names
the page and tab where the admin makes an account as they are called."""
from __future__ import annotations

from simulator.texts.audit_words import detail, target
from simulator.texts.labels import Labels

UK, EN = Labels("uk"), Labels("en")


def test_targets_say_their_words_in_the_language_and_keep_names_and_numbers():
    assert target("user e2e-olena", UK) == "користувач e2e-olena"
    assert target("user user", UK) == "користувач user"              # a name is never translated
    assert target("attempt 5 turn 2", UK) == "дзвінок 5 відповідь 2"
    assert target("trainee report user bob", UK) == "звіт стажера користувач bob"
    assert target("scenario uk-outage v3", EN) == "scenario uk-outage v3"
    assert target("something new 7", UK) == "something new 7"         # no word for it: as it is


def test_details_say_names_roles_and_known_values_in_the_language():
    assert detail({"from": "trainee", "to": "trainer"}, UK) == "було: стажер; стало: тренер"
    assert detail({"reason": "bad_credentials"}, EN) == "reason: wrong username or password"
    assert detail({"change": "published", "critical": True, "language": "en"}, UK) == \
        "зміна: опубліковано; критична помилка: так; мова: англійська"
    assert detail(None, UK) == ""


def test_the_demo_banner_names_the_page_and_tab_as_they_are_called():
    for tr in (UK, EN):
        banner = tr("safety_demo_banner", names="demo-admin")
        assert f"{tr('admin_title')} → {tr('admin_create')}" in banner and tr("admin_users") in banner
