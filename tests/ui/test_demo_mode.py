"""Demo mode in the app: refused demo log-ins and ended sessions once it is off, a setting that
means nothing stops the app, a network served in demo mode is said on every page, no demo
account on a fresh start that serves a network, and the admin's one action that removes them."""
from __future__ import annotations

import pytest
from test_login import fill_login
from ui_helpers import app, open_page, shown, texts

from simulator.store import DEMO_PASSWORD, auth
from simulator.ui import services, session
from simulator.store.guard import SHELL

INACTIVE = "Цей обліковий запис вимкнено. Зверніться до адміністратора."
EXPOSED = "Увімкнено демонстраційний режим, а тренажер доступний у мережі"


@pytest.fixture
def on_a_network(monkeypatch):
    """The app listening on every interface (server.address unset or 0.0.0.0)."""
    monkeypatch.setattr(services, "loopback_only", lambda: False)


@pytest.mark.parametrize("off", ["0", "false", "OFF", "No"])
def test_demo_accounts_cannot_log_in_once_demo_mode_is_off(store, monkeypatch, off):
    monkeypatch.setenv("SIMULATOR_DEMO", off)
    at = fill_login(app().run(), "demo-admin", DEMO_PASSWORD)
    assert not at.exception
    assert texts(at.error) == [INACTIVE] and session.TOKEN not in at.session_state
    assert "demo-trainee" not in shown(at)      # nor are they offered


def test_a_demo_session_opened_before_ends_when_demo_mode_is_off(store, trainee, monkeypatch):
    at = app(store, trainee)
    at.run()
    assert texts(at.title) == ["Сценарії для тренування"]
    monkeypatch.setenv("SIMULATOR_DEMO", "false")
    at.run()
    assert texts(at.info) == ["Сеанс завершився. Увійдіть знову."]
    assert texts(at.title) == ["Тренажер оператора контакт-центру"]


def test_a_setting_that_means_nothing_stops_the_app(app_env, monkeypatch):
    monkeypatch.setenv("SIMULATOR_DEMO", "maybe")
    at = app().run()
    assert not at.exception
    assert texts(at.error) == ["Тренажер не запущено: налаштування SIMULATOR_DEMO має значення «maybe», а має бути "
                               "одним із: 1, true, on, yes, 0, false, off, no (великі чи малі літери — байдуже). "
                               "Виправте його й перезапустіть застосунок."]
    assert not at.text_input and not at.title


def test_a_fresh_start_that_serves_a_network_creates_no_demo_account(app_env, on_a_network):
    at = app().run()
    assert not at.exception
    assert services.store().users(include_inactive=True) == []
    assert "demo-trainee" not in shown(at) and EXPOSED not in shown(at)


def test_demo_mode_asked_for_on_a_network_is_said_on_every_page(app_env, on_a_network, monkeypatch):
    monkeypatch.setenv("SIMULATOR_DEMO", "yes")
    at = app().run()
    assert texts(at.warning)[0].startswith(EXPOSED)
    store = services.store()
    for name, page in (("demo-trainee", "catalogue"), ("demo-hr", "readiness"), ("demo-admin", "admin")):
        at = open_page(app(store, store.user_by_username(name)), page)
        assert not at.exception
        assert texts(at.warning)[0].startswith(EXPOSED), page


def test_the_admin_sees_the_demo_accounts_marked_and_removes_them_at_once(store, admin):
    token = auth.open_session(store, store.user_by_username("demo-trainee"))
    at = open_page(app(store, admin), "admin")
    table = at.dataframe[0].value
    assert dict(zip(table["Ім'я користувача"], table["Демо"])) == {
        "demo-admin": "✓", "demo-hr": "✓", "demo-trainee": "✓", "demo-trainer": "✓"}
    assert "Активні демонстраційні облікові записи (demo-admin, demo-hr, demo-trainee, demo-trainer)" in texts(at.warning)[0]
    at.button(key="demo_accounts.remove").click().run()
    assert texts(at.error) == ["Спершу створіть власний обліковий запис адміністратора: інакше не залишиться жодного."]
    assert all(u.active for u in store.users(include_inactive=True))

    olena = store.create_user("olena", "admin", DEMO_PASSWORD, full_name="Олена", by=SHELL)
    at = open_page(app(store, olena), "admin")
    at.button(key="demo_accounts.remove").click().run()
    assert texts(at.success) == ["Демонстраційні облікові записи вимкнено: demo-admin, demo-hr, demo-trainee, demo-trainer."]
    assert "demo_accounts.remove" not in [button.key for button in at.button]
    table = at.dataframe[0].value
    assert dict(zip(table["Ім'я користувача"], table["Активний"]))["demo-trainee"] == "✗"
    assert auth.session_user(store, token) is None


def test_the_demo_admin_removing_the_demo_accounts_is_logged_out(store, admin):
    store.create_user("olena", "admin", DEMO_PASSWORD, by=SHELL)
    at = open_page(app(store, admin), "admin")
    at.button(key="demo_accounts.remove").click().run()
    assert texts(at.info) == ["Сеанс завершився. Увійдіть знову."]      # and no demo account offered
    assert store.user_by_username("olena").active and not store.user_by_username("demo-admin").active
