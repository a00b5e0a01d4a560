"""A hardened first start in the app: the demo accounts' banner on every page an admin opens,
the first password an admin gave replaced before anything else, the audit log (filters and
CSV), role changes, and a trainee's personal data exported and deleted on request."""
from __future__ import annotations

from ui_helpers import app, open_page, play, shown, texts

from simulator.store import AudioFiles, accounts, audit, auth, demo
from simulator.store.guard import SHELL

BANNER = ("Активні демонстраційні облікові записи (demo-admin, demo-hr, demo-trainee, demo-trainer) з опублікованим "
          "паролем «demo-password»")


def test_every_page_an_admin_opens_says_while_demo_accounts_are_active(store, admin, trainee):
    at = app(store, admin).run()
    assert shown(at).count(BANNER) == 1 and "Вимкнути демонстраційні облікові записи" in shown(at)
    assert BANNER in shown(open_page(at, "assignments"))
    assert BANNER not in shown(app(store, trainee).run())      # for admins: they can act on it

    own = store.create_user("olena", "admin", "olenas-password-1", by=SHELL)
    demo.deactivate_all(store, own)
    at = app(store, own).run()
    assert not at.exception and "демонстраційні облікові записи" not in shown(at)


def test_an_account_made_by_an_admin_sets_its_own_password_first(store, admin):
    at = app(store, admin).run()
    at.text_input(key="admin.create.username").set_value("ivan")
    at.text_input(key="admin.create.password").set_value("handed-over-1")
    at.button(key="admin.create.submit").click()
    at.run()
    ivan = store.user_by_username("ivan")
    assert ivan.must_change_password

    at = app(store, ivan).run()
    assert texts(at.title) == ["Установіть власний пароль"] and len(at.text_input) == 3     # no page until it is done

    def submit(current, new, again):
        at.text_input(key="password_change.current").set_value(current)
        at.text_input(key="password_change.new").set_value(new)
        at.text_input(key="password_change.again").set_value(again)
        at.button(key="password_change.submit").click()
        return at.run()

    assert texts(submit("handed-over-1", "my-own-secret-1", "my-own-secret-2").error) == [
        "Нові паролі не збігаються: введіть той самий двічі."]
    assert texts(submit("wrong-password", "my-own-secret-1", "my-own-secret-1").error) == ["Поточний пароль неправильний."]
    assert texts(submit("handed-over-1", "short", "short").error) == ["Пароль не підходить: Пароль закороткий: щонайменше 8 знаків."]
    at = submit("handed-over-1", "my-own-secret-1", "my-own-secret-1")
    assert not at.exception
    assert texts(at.success) == ["Пароль змінено. Ви увійшли з новим паролем."]
    assert texts(at.title) == ["Сценарії для тренування"]
    assert not store.user_by_username("ivan").must_change_password
    with_pw = auth.authenticate(store, "ivan", "my-own-secret-1")
    assert with_pw.id == ivan.id


def test_roles_are_changed_and_the_audit_log_is_read_on_the_admin_page(store, admin, trainee):
    own = store.create_user("olena", "admin", "olenas-password-1", by=SHELL)
    accounts.create(store, own, "ivan", "trainee", "handed-over-1")
    auth.authenticate(store, "ivan", "handed-over-1", source="10.1.2.3")
    try:
        auth.authenticate(store, "ivan", "not-the-password")
    except auth.AuthError:
        pass
    at = app(store, own).run()
    at.selectbox(key="role_change.username").set_value("demo-trainee")
    at.selectbox(key="role_change.role").set_value("trainer")
    at.button(key="role_change.submit").click()
    at.run()
    assert texts(at.success) == ["Роль demo-trainee тепер: тренер."] and store.user(trainee.id).role == "trainer"

    table = at.dataframe[-1].value
    assert list(table["Дія"]) == ["змінено роль", "невдалий вхід", "вхід", "створено обліковий запис"]
    assert list(table["Звідки"]) == ["", "", "10.1.2.3", ""]
    assert table["Подробиці"][0] == "було: стажер; стало: тренер"          # in the admin's words, not the store's JSON
    at.multiselect(key="audit_log.actions").select("login")
    at.run()
    assert list(at.dataframe[-1].value["Кого стосується"]) == ["користувач ivan"]
    at.text_input(key="audit_log.actor").set_value("nobody")
    at.run()
    assert "Немає записів за цими умовами." in texts(at.info)
    at.text_input(key="audit_log.actor").set_value("")
    at.run()
    assert "Завантажити CSV" in [b.label for b in at.get("download_button")]

    store.set_active(admin.id, False, by=SHELL)       # olena is the last active admin
    at.selectbox(key="role_change.username").set_value("olena")
    at.selectbox(key="role_change.role").set_value("hr")
    at.button(key="role_change.submit").click()
    at.run()
    assert "Не можна: не залишиться жодного іншого активного адміністратора." in texts(at.error)
    assert store.user(own.id).role == "admin"


def test_a_trainees_data_is_exported_and_deleted_after_typing_the_username(store, admin, trainee, library, app_env):
    played = play(store, trainee, library, "uk-estimated-bill", replies=1, recording=b"RIFF-recording",
                  audio=AudioFiles.from_env())
    at = app(store, admin).run()
    assert "Зберігається: дзвінків 1, реплік 1, перевірок голосу 0, записів 1." in shown(at)
    at.button(key="personal_data.prepare").click()
    at.run()
    assert [b.label for b in at.get("download_button") if "архів" in b.label]
    assert audit.entries(store, admin, actions=["export"])[0].target == "user demo-trainee"

    at.text_input(key="personal_data.confirm").set_value("demo-trainer")
    at.button(key="personal_data.delete").click()
    at.run()
    assert texts(at.error) == ["Логін не збігається: нічого не видалено."]
    assert store.attempts(admin, trainee.id)
    at.text_input(key="personal_data.confirm").set_value("demo-trainee")
    at.button(key="personal_data.delete").click()
    at.run()
    assert not at.exception
    assert "Дані demo-trainee видалено: дзвінків 1, записів 1." in texts(at.success)
    assert store.attempts(admin, trainee.id) == [] and played.attempt_id
    assert audit.entries(store, admin, actions=["deletion"])[0].detail["attempts"] == 1


def test_a_download_of_peoples_data_is_audited_when_made_not_when_the_page_is_drawn(app_env):
    from simulator.store import Store
    from simulator.ui import exports

    store = Store.open()
    admin = store.create_user("olena", "admin", "olenas-password-1", by=SHELL)
    made = exports.audited(store, admin, "readiness readiness-2026-12-05.csv", lambda: b"name;score")
    assert audit.entries(store, admin, actions=["export"]) == []
    assert made() == b"name;score"
    entry = audit.entries(store, admin, actions=["export"])[0]
    assert (entry.actor, entry.target) == ("olena", "readiness readiness-2026-12-05.csv")
    store.close()
