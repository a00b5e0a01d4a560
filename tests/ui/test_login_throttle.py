"""Failed logins in the app are counted by the browser's address: a stranger's guesses keep
only the stranger waiting, and an admin can lift the waits."""
from __future__ import annotations

from test_login import fill_login
from ui_helpers import app, log_in, texts

from simulator.store import DEMO_PASSWORD
from simulator.ui import session

ATTACKER, TRAINEE = "203.0.113.9", "198.51.100.20"
WAIT = "Забагато невдалих спроб входу. Спробуйте ще раз через "


def test_a_stranger_elsewhere_cannot_keep_the_trainee_out_and_an_admin_unlocks(store, admin, monkeypatch):
    address = {"now": ATTACKER}
    monkeypatch.setattr(session, "client_address", lambda: address["now"])
    stranger = app().run()
    for _ in range(4):
        fill_login(stranger, "demo-trainee", "a guess")
    assert texts(stranger.error)[0].startswith(WAIT)
    assert texts(fill_login(stranger, "demo-trainee", DEMO_PASSWORD).error)[0].startswith(WAIT)

    address["now"] = TRAINEE
    trainee = fill_login(app().run(), "demo-trainee", DEMO_PASSWORD)
    assert texts(trainee.title) == ["Сценарії для тренування"]

    page = app()
    log_in(page, store, admin)
    page.run()
    page.selectbox(key="admin.unlock.username").set_value("demo-trainee")
    page.button(key="admin.unlock.submit").click()
    page.run()
    assert "Вхід для demo-trainee розблоковано (знято обмежень: 1)." in texts(page.success)
    address["now"] = ATTACKER
    assert texts(fill_login(app().run(), "demo-trainee", DEMO_PASSWORD).title) == ["Сценарії для тренування"]
