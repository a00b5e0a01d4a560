"""The admin page: create a user, import trainees from CSV, reset a password."""
from __future__ import annotations

import pytest
from ui_helpers import app, texts

from simulator.store import auth


def admin_page(store, admin):
    return app(store, admin).run()


def test_create_a_user_with_a_generated_password(store, admin):
    at = admin_page(store, admin)
    at.text_input(key="admin.create.username").set_value("Maryna.K")
    at.text_input(key="admin.create.full_name").set_value("Марина Коваль")
    at.selectbox(key="admin.create.role").set_value("trainer")
    at.selectbox(key="admin.create.language").set_value("en")
    at.button(key="admin.create.submit").click()
    at.run()
    assert texts(at.success) == ["Користувача maryna.k створено. Пароль:"]
    password = at.code[0].value
    user = auth.authenticate(store, "maryna.k", password)
    assert (user.role, user.language, user.full_name) == ("trainer", "en", "Марина Коваль")


def test_a_refused_user_says_why(store, admin):
    at = admin_page(store, admin)
    at.text_input(key="admin.create.username").set_value("demo-trainee")
    at.button(key="admin.create.submit").click()
    at.run()
    assert texts(at.error) == ["Не вдалося створити користувача: Ім'я користувача «demo-trainee» уже зайняте."]


def test_import_trainees_from_csv(store, admin):
    at = admin_page(store, admin)
    csv = "username,full_name,group,language\nivan,Іван Франко,kyiv-1,uk\nivan,Двічі,kyiv-1\nanna,Anna,kyiv-2,en\n"
    at.file_uploader(key="admin.import.file").set_value(("trainees.csv", csv.encode(), "text/csv"))
    at.run()
    at.button(key="admin.import.run").click()
    at.run()
    assert texts(at.success) == ["Створено: 2, з помилками: 1."]
    table = at.dataframe[0].value
    assert list(table["Ім'я користувача"]) == ["ivan", "ivan", "anna"]
    passwords = dict(zip(table["Ім'я користувача"][::2], table["Перший пароль"][::2]))
    assert auth.authenticate(store, "anna", passwords["anna"]).language == "en"
    assert store.user_by_username("ivan").group_name == "kyiv-1"
    assert table["Результат"][1] == "логін «ivan» уже є в рядку 2"         # in the admin's language


@pytest.mark.parametrize(("password", "works"), [("a-new-long-password", True), ("short", False)])
def test_reset_a_password(store, admin, password, works):
    at = admin_page(store, admin)
    at.selectbox(key="admin.reset.username").set_value("demo-trainee")
    at.text_input(key="admin.reset.password").set_value(password)
    at.button(key="admin.reset.submit").click()
    at.run()
    if works:
        assert texts(at.success)[0].startswith("Пароль для demo-trainee змінено")
        assert auth.authenticate(store, "demo-trainee", password).username == "demo-trainee"
    else:
        assert texts(at.error) == ["Не вдалося скинути пароль: Пароль закороткий: щонайменше 8 знаків."]
