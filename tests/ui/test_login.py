"""Logging in and out, throttling, session expiry, and the interface language."""
from __future__ import annotations

import time

from ui_helpers import app, log_in, shown, texts

from simulator.store import auth
from simulator.store import DEMO_PASSWORD
from simulator.ui import session
from simulator.store.guard import SHELL


def fill_login(at, username: str, password: str):
    at.text_input(key="login_form.username").set_value(username)
    at.text_input(key="login_form.password").set_value(password)
    at.button(key="login_form.submit").click()
    return at.run()


def test_the_login_page_lists_the_demo_accounts_in_demo_mode(store):
    at = app().run()
    assert texts(at.title) == ["Тренажер оператора контакт-центру"]
    demo = " ".join(texts(at.info))
    for name in ("demo-trainee", "demo-trainer", "demo-hr", "demo-admin", DEMO_PASSWORD):
        assert name in demo


def test_no_demo_accounts_are_listed_when_demo_mode_is_off(app_env, monkeypatch):
    monkeypatch.setenv("SIMULATOR_DEMO", "0")
    at = app().run()
    assert not at.exception
    assert "demo-trainee" not in shown(at)


def test_a_good_login_opens_the_trainees_catalogue(store):
    at = fill_login(app().run(), "demo-trainee", DEMO_PASSWORD)
    assert not at.exception
    assert texts(at.title) == ["Сценарії для тренування"]
    assert at.session_state[session.TOKEN]
    assert "Demo trainee" in " ".join(texts(at.sidebar.markdown))


def test_a_wrong_password_is_refused(store):
    at = fill_login(app().run(), "demo-trainee", "not-the-password")
    assert texts(at.error) == ["Неправильне ім'я користувача або пароль."]
    assert session.TOKEN not in at.session_state
    assert texts(at.title) == ["Тренажер оператора контакт-центру"]


def test_repeated_failures_are_throttled_and_the_wait_is_shown(store):
    at = app().run()
    for _ in range(8):      # 3 free failures, then locks of 1, 2, 4 s: one of these hits a lock
        fill_login(at, "demo-trainee", "wrong-password")
        if "Спробуйте ще раз через" in " ".join(texts(at.error)):
            break
    message = texts(at.error)[0]
    assert message.startswith("Забагато невдалих спроб входу. Спробуйте ще раз через ")
    assert int(message.split("через ")[1].split(" ")[0]) >= 1
    fill_login(at, "demo-trainee", DEMO_PASSWORD)   # even the right password waits for the lock
    assert "Спробуйте ще раз через" in texts(at.error)[0]


def test_an_expired_session_goes_back_to_the_login_page_with_a_message(store, trainee, monkeypatch):
    at = app(store, trainee).run()
    assert texts(at.title) == ["Сценарії для тренування"]
    monkeypatch.setenv("SIMULATOR_SESSION_IDLE_MINUTES", "0.001")    # 60 ms without use
    time.sleep(0.2)
    at.run()
    assert texts(at.title) == ["Тренажер оператора контакт-центру"]
    assert "Сеанс завершився. Увійдіть знову." in texts(at.info)
    assert session.TOKEN not in at.session_state


def test_a_session_ended_elsewhere_is_checked_on_the_next_rerun(store, trainee):
    at = app()
    token = log_in(at, store, trainee)
    at.run()
    auth.end_session(store, token)      # e.g. the password was reset by an admin
    at.run()
    assert texts(at.title) == ["Тренажер оператора контакт-центру"]


def test_logging_out(store, trainee):
    at = app(store, trainee).run()
    at.sidebar.button[0].click()
    at.run()
    assert texts(at.title) == ["Тренажер оператора контакт-центру"]
    assert "Ви вийшли з системи." in texts(at.info)


def test_the_language_chosen_before_login_is_kept_with_the_user(store):
    at = app().run()
    at.segmented_control(key="language_switch.choice").set_value("en")
    at.run()
    assert texts(at.title) == ["Contact-centre operator trainer"]
    assert at.button(key="login_form.submit").label == "Log in"
    fill_login(at, "demo-trainee", DEMO_PASSWORD)
    assert texts(at.title) == ["Scenarios to practise"]
    assert store.user_by_username("demo-trainee").language == "en"


def test_switching_the_language_on_a_page_stores_it_per_user(store, trainee):
    at = app(store, trainee).run()
    at.segmented_control(key="language_switch.choice").set_value("en")
    at.run()
    assert texts(at.title) == ["Scenarios to practise"]
    assert store.user(trainee.id).language == "en"
    again = app(store, store.user(trainee.id)).run()     # another browser, same user
    assert texts(again.title) == ["Scenarios to practise"]


def test_after_logging_out_the_next_user_gets_their_own_language(store, trainee):
    store.update_user(trainee.id, language="en", by=SHELL)
    at = fill_login(app().run(), "demo-trainee", DEMO_PASSWORD)
    assert texts(at.title) == ["Scenarios to practise"]
    at.sidebar.button[0].click()
    at.run()
    assert texts(at.title) == ["Contact-centre operator trainer"]   # the login page keeps English
    fill_login(at, "demo-trainer", DEMO_PASSWORD)
    assert texts(at.title) == ["Студія сценаріїв"]                  # the trainer's own Ukrainian
