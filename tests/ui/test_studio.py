"""The trainer studio: a scenario written from the template, edited through the form and the
YAML box, checked line by line, tested on its samples, published to trainees; import and
export of files; the preview; versions, retiring and restoring; who may open it."""
from __future__ import annotations

import numpy as np
import pytest
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from ui_helpers import VOICE_TIMEOUT, app, log_in, open_page, page_only, seen, shown, texts

from simulator.library.loader import load_text
from simulator.services.studio import preview
from simulator.services.studio.template import new_scenario
from simulator.ui.components import studio_yaml
from simulator.voice import tts
from simulator.voice.audio import wav_bytes
from simulator.store.guard import SHELL

NEW = "uk-late-readings"
BOX = f"studio.yaml.{NEW}"
DENIED = "У вас немає доступу до цієї сторінки або цих даних."


@pytest.fixture
def trainer(store):
    return store.user_by_username("demo-trainer")


@pytest.fixture
def downloads(monkeypatch):
    """What each download button offers, by file name (the last offer of a name wins)."""
    offered = {}
    keep = MemoryMediaFileStorage.load_and_get_id

    def spy(self, data, mimetype, kind, filename=None):
        offered[filename] = data
        return keep(self, data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", spy)
    return offered


def studio(store, user, **query):
    return open_page(app(store, user), "studio", **query)


def created(store, trainer, scenario_id=NEW, language="uk"):
    """A scenario made from the template and saved as a draft, open in the studio."""
    title = "Пізні показники" if language == "uk" else "Late readings"
    store.save_draft(trainer, scenario_id, new_scenario(scenario_id, title, language, "voice", "meter-readings"), new=True)
    return studio(store, trainer, scenario=scenario_id)


def form_widget(at, kind: str, name: str):
    return next(w for w in getattr(at, kind) if w.key and w.key.startswith(f"studio.form.{NEW}.") and w.key.endswith(f".{name}"))


def apply_form(at):
    at.button(key=form_widget(at, "button", "apply").key).click()
    return at.run()


def edit_yaml(at, text: str):
    at.text_area(key=BOX).set_value(text)
    return at.run()


def click(at, key: str):
    at.button(key=key).click()
    return at.run()


def cards(at) -> list[str]:
    return [b.key.split(".")[1] for b in at.button if b.key and b.key.endswith(".practice")]


def version_picker(at):
    """The versions tab's picker (its key changes with the versions' states)."""
    return next(box for box in at.selectbox if box.key and box.key.startswith(f"studio.versions.{NEW}.view"))


def bench_table(at):
    """The test bench's table of samples (the first table with a 'Приклад' column)."""
    return next(frame.value for frame in at.dataframe if "Приклад" in frame.value.columns and "Було" not in frame.value.columns)


def test_a_trainer_writes_tests_and_publishes_a_new_scenario(store, trainer, trainee):
    at = studio(store, trainer)
    assert texts(at.title) == ["Студія сценаріїв"]
    at.text_input(key="studio.new.id").set_value(NEW)
    at.text_input(key="studio.new.title").set_value("Пізні показники")
    at.selectbox(key="studio.new.category").set_value("meter-readings")
    at = click(at, "studio.new.submit")
    assert not at.exception
    assert at.query_params["scenario"] == NEW
    assert texts(at.title) == ["Пізні показники"]
    assert store.draft(NEW).category == "meter-readings"

    # the form writes the title into the text
    form_widget(at, "text_input", "title").set_value("Показники після 3 числа")
    at = apply_form(at)
    assert texts(at.title) == ["Показники після 3 числа"]
    assert "title: Показники після 3 числа" in at.text_area(key=BOX).value
    assert "незбережені зміни" in shown(at)

    # an error in the YAML is shown with its line, quoted; fixing it clears the list
    good = at.text_area(key=BOX).value
    lines = good.splitlines()
    row = next(k for k, line in enumerate(lines) if line.startswith("  mood: calm"))
    lines[row] = "  mood: cheerful"
    at = edit_yaml(at, "\n".join(lines) + "\n")
    assert "Проблем у тексті: 1" in texts(at.error)
    assert f"**рядок {row + 1}:**" in shown(at)
    assert any(f"→ {row + 1} |   mood: cheerful" in code.value for code in at.code)
    at = edit_yaml(at, good)
    assert "Проблем немає: сценарій можна публікувати." in texts(at.success)

    at = click(at, f"studio.save.{NEW}")
    assert "Чернетку збережено." in texts(at.success)
    assert store.draft(NEW).yaml_text == good and store.draft(NEW).title == "Показники після 3 числа"
    assert "незбережені зміни" not in shown(at)

    # the test bench scores the template's samples, and they meet their expectations
    table = bench_table(at)
    assert list(table["Приклад"]) == ["відмінна", "середня", "слабка"]
    assert list(table["Пройде?"]) == ["✓", "✓", "✗"] and list(table["Як очікувалося?"]) == ["✓", "—", "✓"]
    assert table["Загалом"].iloc[0] > table["Загалом"].iloc[1] > table["Загалом"].iloc[2]
    assert "Усі приклади (3) оцінено так, як ви очікуєте." in texts(at.success)
    assert not at.warning

    # a sample added through the form goes into the text's samples and is scored
    at.selectbox(key=f"studio.bench.{NEW}.label").set_value("poor")
    at.text_area(key=f"studio.bench.{NEW}.reply").set_value("Заспокойтеся, дивіться на сайті.")
    at = click(at, f"studio.bench.{NEW}.add")
    assert "Приклад додано в текст (samples). Збережіть чернетку, щоб не втратити його." in texts(at.success)
    scenario, _ = load_text(at.text_area(key=BOX).value)
    assert scenario.samples[-1].reply == "Заспокойтеся, дивіться на сайті." and scenario.samples[-1].label == "poor"
    assert len(bench_table(at)) == 4
    assert at.text_area(key=f"studio.bench.{NEW}.reply").value == ""

    # publishing saves the working text and makes it the version trainees play
    picker = version_picker(at)
    assert picker.options == ["v1 · чернетка"]
    at.text_input(key=f"studio.note.{NEW}").set_value("перша версія")
    at = click(at, f"studio.publish.{NEW}")
    assert "Опубліковано як версію 1: стажери вже можуть її грати." in texts(at.success)
    # the browser shows the text of the option it had chosen until the picker is made anew:
    # it still said «v1 · чернетка» after publishing
    assert version_picker(at).options == ["v1 · опубліковано"] and version_picker(at).proto.id != picker.proto.id
    published = {v.scenario_id: v for v in store.catalogue()}[NEW]
    assert (published.version, published.note, published.title) == (1, "перша версія", "Показники після 3 числа")
    assert len(load_text(published.yaml_text)[0].samples) == 4
    assert store.draft(NEW) is None
    trainee_view = app(store, trainee).run()
    assert NEW in cards(trainee_view)


@pytest.mark.parametrize(("given", "message"), [
    ("Uk Bad Id", "«Uk Bad Id» не годиться як id"),
    ("uk-estimated-bill", "Сценарій з id «uk-estimated-bill» уже є"),
])
def test_a_new_scenario_needs_a_free_valid_id(store, trainer, given, message):
    at = studio(store, trainer)
    at.text_input(key="studio.new.id").set_value(given)
    at.text_input(key="studio.new.title").set_value("Щось")
    at = click(at, "studio.new.submit")
    assert texts(at.error)[0].startswith(message)
    assert "scenario" not in at.query_params


def test_a_draft_with_errors_is_saved_but_not_published(store, trainer):
    at = created(store, trainer)
    broken = at.text_area(key=BOX).value.replace("next: resolved", "next: nowhere")
    at = edit_yaml(at, broken)
    at = click(at, f"studio.publish.{NEW}")
    assert texts(at.error)[0] == "Не опубліковано: у тексті є проблеми (1). Чернетку збережено."
    row = next(k for k, line in enumerate(broken.splitlines(), start=1) if line.startswith("    next: nowhere"))
    assert any(message.startswith(f"**рядок {row}:**") and "nowhere" in message for message in texts(at.error))
    assert store.draft(NEW).yaml_text == broken          # nothing typed is lost
    assert NEW not in {v.scenario_id for v in store.catalogue()}


def test_the_working_text_survives_the_list_and_can_be_discarded(store, trainer):
    at = studio(store, trainer, scenario="uk-estimated-bill")
    original = at.text_area(key="studio.yaml.uk-estimated-bill").value
    at.text_area(key="studio.yaml.uk-estimated-bill").set_value(original + "# a note to self\n")
    at.run()
    at = click(at, "studio.back")
    assert "scenario" not in at.query_params
    assert texts(at.title) == ["Студія сценаріїв"] and "незбережені зміни" in shown(at)
    at = click(at, "studio.list.uk-estimated-bill.open")
    assert at.text_area(key="studio.yaml.uk-estimated-bill").value != original
    at = click(at, "studio.discard.uk-estimated-bill")
    assert at.text_area(key="studio.yaml.uk-estimated-bill").value == original
    assert "незбережені зміни" not in shown(at)


def test_the_bench_flags_samples_that_moved_since_the_published_version(store, trainer, library):
    at = studio(store, trainer, scenario="uk-estimated-bill")
    scenario = library.get("uk-estimated-bill")
    assert scenario.samples
    assert "Жоден приклад не змінився на 5 балів і більше" in shown(at)
    text = at.text_area(key="studio.yaml.uk-estimated-bill").value
    at = edit_yaml_of(at, "uk-estimated-bill", text.replace("target_seconds:", "pass_mark: 95\ntarget_seconds:", 1))
    assert any(message.startswith("Прикладів, що змінилися на 5 балів і більше або перестали (почали) відповідати очікуванню:")
               for message in texts(at.warning))
    flags = next(frame.value for frame in at.dataframe if "Було" in frame.value.columns)["Увага"]
    assert "очікування змінилося" in set(flags)


def edit_yaml_of(at, scenario_id, text):
    at.text_area(key=f"studio.yaml.{scenario_id}").set_value(text)
    return at.run()


def test_try_a_reply_scores_it_without_saving(store, trainer):
    at = created(store, trainer)
    at.text_area(key=f"studio.bench.{NEW}.try.reply").set_value("Я не знаю.")
    at = click(at, f"studio.bench.{NEW}.try.run")
    assert "Не пройде: " in shown(at)
    assert "я не знаю" in shown(at).casefold()
    assert at.text_area(key=BOX).value == store.draft(NEW).yaml_text


def walk_buttons(at) -> list[str]:
    """The branch buttons of the studio's walk, in order."""
    return [seen(b.label) for b in at.button if b.key and b.key.startswith(f"studio.walk.{NEW}.go.")]


def test_the_preview_plays_every_line_and_walks_the_branches(store, trainer):
    at = created(store, trainer)
    scenario, _ = load_text(store.draft(NEW).yaml_text)
    walk_lines = len(scenario.nodes["opening"].customer)
    assert len(at.get("audio")) == len(preview.lines(scenario)) + walk_lines
    assert "Шлях: opening" in texts(at.caption)
    labels = walk_buttons(at)
    assert "якщо missing window → asks-again" in labels and labels[-1] == "інакше → resolved (питання вирішено)"
    at = click(at, f"studio.walk.{NEW}.go.{labels.index('якщо missing window → asks-again')}")
    assert "Шлях: opening → asks-again" in texts(at.caption)
    resolved = next(k for k, label in enumerate(walk_buttons(at)) if label.endswith("resolved (питання вирішено)"))
    at = click(at, f"studio.walk.{NEW}.go.{resolved}")
    assert "Кінець дзвінка: питання вирішено." in texts(at.success)
    at = click(at, f"studio.walk.{NEW}.back")
    assert "Шлях: opening → asks-again" in texts(at.caption)
    at = click(at, f"studio.walk.{NEW}.restart")
    assert "Шлях: opening" in texts(at.caption)


def test_a_draft_keeps_its_id_and_the_validator_speaks_the_trainers_language(store, trainer):
    at = created(store, trainer)
    template = at.text_area(key=BOX).value
    assert not any(w.startswith("Попереджень") for w in texts(at.warning))     # the template gives none
    at = edit_yaml(at, template.replace(f"id: {NEW}", "id: uk-another-id", 1))
    assert "Проблем у тексті: 1" in texts(at.error)
    assert "**рядок 4:** у тексті 'id: uk-another-id', а id має лишитися «uk-late-readings»" in shown(at)

    # a warning (every path ends 'resolved') is shown too, on its line
    text = template.replace("end: hung_up", "end: resolved")
    at = edit_yaml(at, text)
    assert "Проблем немає: сценарій можна публікувати." in texts(at.success)
    assert "Попереджень: 1. Сценарій працює, але, схоже, тут помилка:" in texts(at.warning)
    row = next(k for k, line in enumerate(text.splitlines(), start=1) if line.startswith("nodes:"))
    assert f"**рядок {row}:** усі шляхи цієї розмови закінчуються 'resolved'" in shown(at)


def test_versions_retire_and_restore(store, trainer, trainee):
    at = studio(store, trainer, scenario="uk-subsidies")
    history = next(frame.value for frame in at.dataframe if "Версія" in frame.value.columns)
    assert list(history["Версія"]) == [1] and list(history["Стан"]) == ["опубліковано"]
    at = click(at, "studio.versions.uk-subsidies.retire")
    assert "Сценарій «uk-subsidies» знято з каталогу (версій: 1)." in texts(at.success)
    assert "uk-subsidies" not in cards(app(store, trainee).run())
    at = click(at, "studio.versions.uk-subsidies.restore")
    assert "Сценарій «uk-subsidies» знову в каталозі (версія 1)." in texts(at.success)
    assert "uk-subsidies" in cards(app(store, trainee).run())


def test_import_makes_drafts_and_says_why_a_file_is_refused(store, trainer):
    at = studio(store, trainer)
    estimated = store.draft("uk-estimated-bill") or {v.scenario_id: v for v in store.catalogue()}["uk-estimated-bill"]
    changed = estimated.yaml_text + "# changed\n"
    files = [
        ("new.yaml", new_scenario("uk-imported", "Імпортований", "uk", "chat", "other").encode("utf-8"), "application/x-yaml"),
        ("changed.yml", changed.encode("utf-8"), "application/x-yaml"),
        ("cp1251.yaml", "id: uk-x\ntitle: Рахунок\n".encode("cp1251"), "application/x-yaml"),
        ("broken.yaml", b"id: uk-y\ntitle: [unclosed\n", "application/x-yaml"),
        ("noid.yaml", b"title: no id here\n", "application/x-yaml"),
    ]
    at.file_uploader(key="studio.import.files.0").set_value(files)
    at.run()
    at = click(at, "studio.import.run")
    assert texts(at.success) == ["new.yaml: новий сценарій «uk-imported» збережено як чернетку.",
                                 "changed.yml: збережено як чернетку сценарію «uk-estimated-bill»."]
    errors = texts(at.error)
    assert errors[0] == "cp1251.yaml: файл не в кодуванні UTF-8. Збережіть його як UTF-8 і імпортуйте знову."
    assert errors[1].startswith("broken.yaml: це не YAML (рядок ")
    assert errors[2] == "noid.yaml: у файлі немає рядка «id: ...», тож невідомо, якого сценарію він стосується."
    assert len(errors) == 3
    assert store.draft("uk-imported").channel == "chat"
    assert store.draft("uk-estimated-bill").yaml_text == changed
    assert "uk-estimated-bill" in {v.scenario_id for v in store.catalogue()}    # the published version still plays

    # another file for the same scenario would replace its draft: refused, the draft stays
    at.file_uploader(key="studio.import.files.1").set_value([("other.yaml", (changed + "# again\n").encode(), "application/x-yaml")])
    at.run()
    at = click(at, "studio.import.run")
    refused = "other.yaml: сценарій «uk-estimated-bill» уже має чернетку. Опублікуйте або видаліть її, а тоді імпортуйте знову."
    assert texts(at.error) == [refused]
    assert store.draft("uk-estimated-bill").yaml_text == changed


def test_export_offers_the_draft_or_the_published_text(store, trainer, downloads):
    store.save_draft(trainer, NEW, new_scenario(NEW, "Пізні показники", "uk", "voice", "other"), new=True)
    studio(store, trainer)
    assert downloads[f"{NEW}.yaml"].decode("utf-8") == store.draft(NEW).yaml_text
    published = {v.scenario_id: v for v in store.catalogue()}["en-outage"]
    assert downloads["en-outage.yaml"].decode("utf-8") == published.yaml_text


@pytest.mark.parametrize("username", ["demo-hr", "demo-trainee"])
def test_hr_and_trainees_are_refused(store, username):
    at = page_only("studio")
    log_in(at, store, store.user_by_username(username))
    at.run()
    assert texts(at.error) == [DENIED]
    assert not at.text_area and not at.button


def test_an_english_interface_trainer_sees_english(store, trainer):
    english = store.update_user(trainer.id, language="en", by=SHELL)
    at = studio(store, english)
    assert texts(at.title) == ["Scenario studio"]
    assert [t.label for t in at.tabs] == ["Scenarios", "New scenario", "Import files"]
    at = created(store, english)
    assert [t.label for t in at.tabs] == ["Form", "YAML", "Preview", "Test bench", "Versions"]
    assert "No problems: the scenario can be published." in texts(at.success)
    assert "All samples (3) score the way you expect." in texts(at.success)
    assert at.button(key=f"studio.save.{NEW}").label == "Save draft"


def test_the_editor_opens_from_the_address(store, trainer, library):
    at = studio(store, trainer, scenario="en-outage")
    assert texts(at.title) == [library.get("en-outage").title]
    assert at.text_area(key="studio.yaml.en-outage").value == (library.paths["en-outage"]).read_text(encoding="utf-8")
    at = studio(store, trainer, scenario="no-such-thing")
    assert "Сценарію «no-such-thing» немає." in texts(at.warning)


def test_a_recorded_sample_is_transcribed_in_the_scenarios_language(store, trainer):
    at = created(store, trainer, scenario_id="en-late-readings", language="en")
    key = "studio.bench.en-late-readings"
    spoken = tts.synthesize("We accept readings until the third of the next month.", tts.VoiceSpec("en", gender="female"))
    at.audio_input(key=f"{key}.recording.0").set_value(("reply.wav", spoken, "audio/wav"))
    at.run()
    at.button(key=f"{key}.transcribe").click()
    at.run(timeout=VOICE_TIMEOUT)
    heard = at.text_area(key=f"{key}.reply").value.lower()
    assert "third" in heard and "month" in heard


def test_a_silent_recording_gets_a_message(store, trainer):
    at = created(store, trainer)
    key = f"studio.bench.{NEW}"
    at.audio_input(key=f"{key}.recording.0").set_value(("reply.wav", wav_bytes(np.zeros(32000, np.float32), 16000), "audio/wav"))
    at.run()
    at = click(at, f"{key}.transcribe")
    assert texts(at.error) and at.text_area(key=f"{key}.reply").value == ""


def test_a_problem_is_quoted_with_a_line_of_context():
    text = "a: 1\nb: 2\nc: 3\n"
    assert studio_yaml.quote(text, 2) == "  1 | a: 1\n→ 2 | b: 2\n  3 | c: 3"
    assert studio_yaml.quote(text, 1) == "→ 1 | a: 1\n  2 | b: 2"
    assert studio_yaml.quote(text, 99) == "  2 | b: 2\n→ 3 | c: 3"

