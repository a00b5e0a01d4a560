"""The form's fields, read from and written into the YAML text with nothing else changed."""
from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import difflib

import pytest
import yaml

from simulator.scenario import shared_steps
from simulator.library.loader import load_text, scenario_files
from simulator.scenario.model import CATEGORIES, Scenario
from simulator.services.studio.form import CHOICES, PATHS, Fields, read_fields, write_fields
from simulator.user_text import clean
from tests.conftest import MINI, SCENARIOS

FILES = scenario_files([SCENARIOS])  # not the shared steps, which are not scenarios
STEPS = shared_steps.load(SCENARIOS / "shared")


def model_of(data: dict) -> Scenario:
    """The scenario a file's data is, its shared steps included."""
    data = copy.deepcopy(data)
    language = data.pop("language")          # a changed language is the field under test, not the steps'
    assert shared_steps.expand(data, STEPS) == []
    return Scenario.model_validate({**data, "language": language})
OTHER = {
    "language": {"uk": "en", "en": "uk"}, "channel": {"voice": "chat", "chat": "voice"},
    "difficulty": {"easy": "medium", "medium": "hard", "hard": "easy"},
    "persona_gender": {"female": "male", "male": "female"},
    "persona_mood": {"calm": "worried", "worried": "irritated", "irritated": "angry", "angry": "calm"},
}
TRICKY_TEXT = [
    "a: b", '"quoted"', "it's", "#hash", "a #b", " leading", "trailing ", "yes", "null", "~", "123", "1.5",
    "2026-01-01", "- dash", "[x]", "{x}", "tab\there", "back\\slash", "line\u2028sep", "a\nb", "a\n", "a\n\n",
    "", "Пам'ятка: «ціна» 4,32 грн/кВт·год", "@at", "`tick", "%pct", "! bang", "& amp", "* star", "? q", "a: 'b' \"c\"",
    "слово " * 40 + "кінець", "word " * 40, "a  b " * 30, "\x01control", "перший рядок\n  з відступом\nтретій",
    " \nleading space line", "…ellipsis", "😀 emoji",
]


def new_value(name, value, language):
    if name in OTHER:
        return OTHER[name][value]
    if name == "id":
        return value + "-copy"
    if name == "title":
        return 'Нова назва: «перевірка» "лапки" #1' if language == "uk" else "New title: \"quoted\" it's #1"
    if name == "category":
        return next(c for c in CATEGORIES if c != value)
    if name == "facts_as_of":
        return value + dt.timedelta(days=1)
    if name == "situation":
        return "Клієнт телефонує вдруге: " + "довге пояснення ситуації, " * 8 + "кінець." if language == "uk" else "Short: one line."
    if name == "persona_name":
        return "О'Коннор: Мері" if language == "uk" else "Mary O'Connor: Jr"
    if name == "target_seconds":
        return value + 30
    if name == "pass_mark":
        return 85 if value != 85 else 80
    raise AssertionError(name)


def set_path(data, path, value):
    data = copy.deepcopy(data)
    target = data
    for key in path[:-1]:
        target = target.setdefault(key, {})
    target[path[-1]] = value
    return data


def changed_hunks(old: str, new: str) -> int:
    ops = difflib.SequenceMatcher(None, old.splitlines(), new.splitlines(), autojunk=False).get_opcodes()
    return sum(1 for op in ops if op[0] != "equal")


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_writing_the_same_fields_back_changes_nothing(path):
    text = path.read_text(encoding="utf-8")
    fields = read_fields(text)
    assert fields.id and fields.title and fields.persona_name and fields.target_seconds
    assert write_fields(text, fields) == text
    assert write_fields(text, Fields()) == text


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_changing_each_field_changes_only_that_field(path):
    text = path.read_text(encoding="utf-8")
    before = yaml.safe_load(text)
    model = model_of(before)
    fields = read_fields(text)
    comments = [line.strip() for line in text.splitlines() if line.strip().startswith("#")]
    nodes_on = text[text.index("\nnodes:"):]
    for name, yaml_path in PATHS.items():
        value = new_value(name, getattr(fields, name), model.language)
        out = write_fields(text, dataclasses.replace(fields, **{name: value}))
        after = yaml.safe_load(out)
        assert after == set_path(before, yaml_path, value), name
        changed = model_of(after)  # loads (the language check is the validator's, not the model's)
        assert getattr(read_fields(out), name) == value
        target = changed.persona if name.startswith("persona_") else changed
        assert getattr(target, yaml_path[-1]) == value
        assert changed.nodes == model.nodes and changed.samples == model.samples
        assert out.endswith(nodes_on), name
        assert changed_hunks(text, out) == 1, name
        kept = [line.strip() for line in out.splitlines() if line.strip().startswith("#")]
        assert kept == comments, name


def test_a_changed_field_still_validates(library):
    path = SCENARIOS / "uk" / "estimated-bill.yaml"
    text = path.read_text(encoding="utf-8")
    fields = dataclasses.replace(read_fields(text), title="Рахунок: «за середнім»", pass_mark=75, persona_mood="angry",
                                 situation="Клієнтка: «Чому так багато?»\nВона сердиться.")
    scenario, problems = load_text(write_fields(text, fields))
    assert problems == []
    assert (scenario.title, scenario.pass_mark, scenario.persona.mood) == ("Рахунок: «за середнім»", 75, "angry")
    assert scenario.situation == "Клієнтка: «Чому так багато?»\nВона сердиться."


@pytest.mark.parametrize("value", TRICKY_TEXT)
def test_any_text_is_written_so_that_it_reads_back_the_same(value):
    """... as cleaned at the edge: a control character is not kept (simulator.user_text)."""
    for name in ("title", "situation", "persona_name"):
        out = write_fields(MINI, Fields(**{name: value}))
        assert getattr(read_fields(out), name) == clean(value), (name, out[:400])
        data = yaml.safe_load(out)
        assert data["nodes"] == yaml.safe_load(MINI)["nodes"]


def test_plain_text_stays_plain_and_quotes_only_when_needed():
    def line(out, key):
        return next(l for l in out.splitlines() if l.lstrip().startswith(key + ":"))

    assert line(write_fields(MINI, Fields(title="Простий заголовок")), "title") == "title: Простий заголовок"
    assert line(write_fields(MINI, Fields(title="Рахунок: чому більше?")), "title") == "title: 'Рахунок: чому більше?'"
    assert line(write_fields(MINI, Fields(title="It's: here")), "title") == 'title: "It\'s: here"'
    assert line(write_fields(MINI, Fields(title="yes")), "title") == "title: 'yes'"
    out = write_fields(MINI, Fields(situation=("Довгий опис. " * 12).strip()))
    assert "situation: >-\n  Довгий опис." in out


def test_a_missing_field_is_inserted_where_the_model_lists_it():
    fields = read_fields(MINI)
    assert (fields.situation, fields.pass_mark) == ("", 70)   # absent: the model's defaults
    out = write_fields(MINI, Fields(situation="Клієнт сердиться.", pass_mark=80))
    assert "facts_as_of: 2026-02-10\nsituation: Клієнт сердиться.\npersona:\n" in out
    assert "target_seconds: 60\npass_mark: 80\nmax_turns: 4\n" in out
    assert write_fields(MINI, Fields(pass_mark=70)) == MINI   # the default needs no line


def test_persona_fields_are_inserted_into_persona_or_with_it():
    no_mood = MINI.replace("  mood: irritated\n", "")
    assert read_fields(no_mood).persona_mood == "calm"
    out = write_fields(no_mood, Fields(persona_mood="angry"))
    assert "  gender: male\n  mood: angry\ntarget_seconds" in out
    no_persona = MINI.replace("persona:\n  name: Тарас\n  gender: male\n  mood: irritated\n", "")
    assert read_fields(no_persona).persona_name is None
    out = write_fields(no_persona, Fields(persona_name="Тарас", persona_gender="male"))
    assert "facts_as_of: 2026-02-10\npersona:\n  name: Тарас\n  gender: male\ntarget_seconds" in out
    assert load_text(out)[1] == []
    empty = MINI.replace("persona:\n  name: Тарас\n  gender: male\n  mood: irritated\n", "persona:   # хто дзвонить\n")
    out = write_fields(empty, Fields(persona_name="Тарас", persona_gender="male"))
    assert "persona:   # хто дзвонить\n  name: Тарас\n  gender: male\ntarget_seconds" in out


def test_comments_stay_where_they_were():
    text = MINI.replace("title: Тестовий дзвінок\n", "title: Тестовий дзвінок      # назва в списку\n")
    text = text.replace("facts_as_of: 2026-02-10\n", "facts_as_of: 2026-02-10\nsituation: >   # що бачить стажер\n  Перший рядок\n  другий рядок.\n\n# окремий коментар\n")
    out = write_fields(text, Fields(title="Коротка", situation="Нова ситуація."))
    assert "title: Коротка               # назва в списку\n" in out   # the comment keeps its column
    assert "situation: Нова ситуація.   # що бачить стажер\n\n# окремий коментар\npersona:" in out
    out = write_fields(text, Fields(situation="Рядок один\nрядок два"))
    assert "situation: |-   # що бачить стажер\n  Рядок один\n  рядок два\n\n# окремий коментар\n" in out


def test_windows_line_ends_are_kept():
    text = MINI.replace("\n", "\r\n")
    out = write_fields(text, Fields(title="Нова: назва", situation="Рядок один\nрядок два", pass_mark=90, persona_mood="calm"))
    assert out.count("\n") == out.count("\r\n")
    fields = read_fields(out)
    assert (fields.title, fields.situation, fields.pass_mark, fields.persona_mood) == ("Нова: назва", "Рядок один\nрядок два", 90, "calm")


def test_a_file_without_a_last_line_break():
    out = write_fields("id: x\ntitle: y", Fields(language="en", id="z"))
    assert out == "id: z\ntitle: y\nlanguage: en\n"


@pytest.mark.parametrize("text, message", [
    ("id: [unclosed\n", r"line 1: this text starts with '\['"),
    ("", "the file is empty"),
    ("- a\n- b\n", "must be a set of 'key: value' lines"),
    ("id: x\ntitle: [a, b]\n", "line 2: 'title' must be a single value"),
    ("id: x\npersona: Тарас\n", "'persona' must be indented lines"),
    ("id: &a x\ntitle: *a\n", "anchors and aliases"),
    ("id: x\ntitle: &a y\nsituation: *a\n", "anchors and aliases"),
    ("id: x\n\ttitle: y\n", "line 2: this line is indented with a tab"),
])
def test_broken_text_is_a_clear_value_error(text, message):
    with pytest.raises(ValueError, match=message):
        read_fields(text)
    with pytest.raises(ValueError, match=message):
        write_fields(text, Fields(title="Нова"))


@pytest.mark.parametrize("fields, message", [
    (Fields(target_seconds="90"), "target_seconds must be a whole number"),
    (Fields(pass_mark=True), "pass_mark must be a whole number"),
    (Fields(facts_as_of="2026-01-01"), "facts_as_of must be a date"),
    (Fields(title=5), "title must be text"),
])
def test_values_of_the_wrong_type_are_refused(fields, message):
    with pytest.raises(ValueError, match=message):
        write_fields(MINI, fields)


def test_what_cannot_be_edited_in_place_is_refused():
    with pytest.raises(ValueError, match="given twice"):
        write_fields(MINI + "title: Ще одна\n", Fields(title="Нова"))
    flow = MINI.replace("persona:\n  name: Тарас\n  gender: male\n  mood: irritated\n", "persona: {name: Тарас, gender: male}\n")
    with pytest.raises(ValueError, match="written on one line"):
        write_fields(flow, Fields(persona_name="Петро"))
    for bad in (None, b"id: x"):
        with pytest.raises(ValueError, match="as text"):
            read_fields(bad)


def test_choices_come_from_the_model():
    assert CHOICES["language"] == ("uk", "en")
    assert CHOICES["category"] == CATEGORIES
    assert set(CHOICES["persona_mood"]) == {"calm", "worried", "irritated", "angry"}
    assert set(PATHS) == {f.name for f in dataclasses.fields(Fields)}


def test_a_byte_order_mark_does_not_shift_the_edit():
    text = "\ufeff" + MINI
    out = write_fields(text, Fields(title="Нова назва", pass_mark=75))
    assert out.startswith("\ufeffid: test-mini\ntitle: Нова назва\n")
    assert (read_fields(out).title, read_fields(out).pass_mark) == ("Нова назва", 75)


def test_a_key_without_a_value_gets_one():
    text = MINI.replace("facts_as_of: 2026-02-10\n", "facts_as_of: 2026-02-10\nsituation:\n")
    assert read_fields(text).situation == ""
    assert "\nsituation: Нова ситуація.\npersona:" in write_fields(text, Fields(situation="Нова ситуація."))
    text = MINI.replace("facts_as_of: 2026-02-10\n", "facts_as_of: 2026-02-10\nsituation: ~   # пізніше\n")
    assert "\nsituation: Нова # пізніше\npersona:" in write_fields(text, Fields(situation="Нова"))  # same column
    out = write_fields(text, Fields(situation="Два\nрядки"))
    assert "\nsituation: |-   # пізніше\n  Два\n  рядки\npersona:" in out
