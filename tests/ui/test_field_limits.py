"""Every free-text field has a limit, and going over it gets a message that names the field and
its limit in the user's language, with what was typed kept; an upload is refused by its size
before it is read."""
from __future__ import annotations

import pytest
from test_review import form_of, open_form
from test_studio import NEW, click, created, form_widget, apply_form
from ui_helpers import app, open_page, play, texts

from simulator.services.studio.template import new_scenario
from simulator.texts import limits
from simulator.texts.labels import EN, UK, Labels
from simulator.ui.components import studio_import
from simulator.user_text import LIMITS, UPLOAD_BYTES


def test_every_field_has_a_name_in_both_languages():
    for field in (*LIMITS, *UPLOAD_BYTES):
        assert f"field_{field}" in UK and f"field_{field}" in EN, field


def test_the_message_names_the_field_and_its_limit():
    from simulator.user_text import TooLong

    refused = TooLong("comment", 2000, 2345)
    assert limits.message(refused, Labels("uk")) == \
        "Поле «Коментар» задовге (символів: 2\u00a0345, найбільше можна: 2\u00a0000). Скоротіть текст."
    assert limits.message(refused, Labels("en")) == "“Comment” is too long (2,345 characters, at most 2,000). Please shorten it."
    big = TooLong("scenario", UPLOAD_BYTES["scenario"], 59_600_000, "bytes")
    assert limits.message(big, Labels("uk"), file="big.yaml") == \
        "big.yaml: файл завеликий (59,6 МБ, найбільше можна: 1 МБ), його не прочитано."
    assert limits.message(big, Labels("en"), file="big.yaml") == "big.yaml: the file is too big (59.6 MB, at most 1 MB); it was not read."


def test_an_override_comment_over_its_limit_is_refused_and_kept(store, library, trainee):
    trainer = store.user_by_username("demo-trainer")
    finished = play(store, trainee, library, "en-payment-slip")
    at = open_page(app(store, trainer), "review", attempt=finished.attempt_id)
    _score, _critical, comment, save = open_form(at, finished.attempt_id, 0)
    long = "Занадто довго. " * 150       # 2,250 characters
    comment.input(long)
    save.click()
    at.run()
    assert texts(at.error) == ["Поле «Коментар» задовге (символів: 2\u00a0250, найбільше можна: 2\u00a0000). Скоротіть текст."]
    assert store.overrides(finished.attempt_id) == []
    assert form_of(at, finished.attempt_id, 0)[2].value == long


class HugeUpload:
    """An upload of 60 MB whose content must not be touched."""

    name, size = "huge.yaml", 60_000_000

    def getvalue(self):
        raise AssertionError("the content was read")

    read = getbuffer = getvalue


def test_a_60_mb_import_is_refused_before_its_content_is_read(store):
    trainer = store.user_by_username("demo-trainer")
    with pytest.raises(studio_import.Refused) as refused:
        studio_import.import_upload(store, trainer, HugeUpload(), {}, Labels("uk"))
    assert str(refused.value) == "huge.yaml: файл завеликий (60 МБ, найбільше можна: 1 МБ), його не прочитано."
    assert store.studio_scenarios(trainer) and all(s.scenario_id != "huge" for s in store.studio_scenarios(trainer))


def test_an_import_over_the_size_of_a_scenario_gets_a_message_in_the_studio(store):
    trainer = store.user_by_username("demo-trainer")
    at = open_page(app(store, trainer), "studio")
    text = new_scenario("uk-big", "Великий", "uk", "chat", "other") + "# " + "x" * UPLOAD_BYTES["scenario"] + "\n"
    at.file_uploader(key="studio.import.files.0").set_value([("big.yaml", text.encode(), "application/x-yaml")])
    at = click(at.run(), "studio.import.run")
    assert texts(at.error) == ["big.yaml: файл завеликий (1,1 МБ, найбільше можна: 1 МБ), його не прочитано."]
    assert store.draft("uk-big") is None


def test_the_studio_try_box_and_form_name_their_limits(store):
    trainer = store.user_by_username("demo-trainer")
    at = created(store, trainer)
    at.text_area(key=f"studio.bench.{NEW}.try.reply").set_value("Я перевірю. " * 300)
    at = click(at, f"studio.bench.{NEW}.try.run")
    assert "Поле «Відповідь» задовге (символів: 3\u00a0600, найбільше можна: 3\u00a0000). Скоротіть текст." in texts(at.error)
    form_widget(at, "text_input", "title").set_value("Назва " * 60)
    at = apply_form(at)
    assert "Поле «Назва» задовге (символів: 360, найбільше можна: 300). Скоротіть текст." in texts(at.error)
    assert "Назва Назва" not in store.draft(NEW).title


def test_the_admin_page_names_the_limits_of_a_name_and_of_a_csv_file(store, admin):
    at = app(store, admin).run()
    at.text_input(key="admin.create.username").set_value("maryna")
    at.text_input(key="admin.create.group").set_value("група-" * 20)
    at.button(key="admin.create.submit").click()
    at = at.run()
    assert texts(at.error) == ["Поле «Група» задовге (символів: 120, найбільше можна: 100). Скоротіть текст."]
    assert store.user_by_username("maryna") is None
    csv = "username,full_name,group\n" + "ivan,Іван,kyiv-1\n" * 70_000      # 1.47 MB
    at.file_uploader(key="admin.import.file").set_value(("trainees.csv", csv.encode(), "text/csv"))
    at.run()
    at.button(key="admin.import.run").click()
    at = at.run()
    assert texts(at.error) == ["trainees.csv: файл завеликий (1,5 МБ, найбільше можна: 1 МБ), його не прочитано."]
    assert store.user_by_username("ivan") is None
