"""The validator speaks the trainer's language: each message carries a code and its values, its
English text is what `scenarios validate` prints, and the studio says the same thing in
Ukrainian from the one table of texts (simulator/texts/scenario_messages.py)."""
from __future__ import annotations

import pickle
import string

from simulator.library.loader import load_text, warnings_in
from simulator.scenario.messages import in_language
from simulator.texts.scenario_messages import TEXTS
from tests.conftest import MINI


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_message_is_written_in_both_languages_with_the_same_values():
    assert TEXTS["uk"].keys() == TEXTS["en"].keys()
    for code, english in TEXTS["en"].items():
        assert _fields(TEXTS["uk"][code]) == _fields(english), code


def test_a_problem_is_english_on_the_command_line_and_ukrainian_in_the_studio():
    _, problems = load_text(MINI.replace("goto: thanks", "goto: nowhere", 1), "mini.yaml")
    (problem,) = [p for p in problems if "nowhere" in p.message]
    assert problem.message.startswith("node 'nowhere' does not exist (nodes here: opening, again")
    uk = in_language(problem.message, "uk")
    assert uk.startswith("вузла «nowhere» немає (вузли цього сценарію: opening, again")
    assert in_language(problem.message, "en") == problem.message
    kept = pickle.loads(pickle.dumps(problem))      # a cache may keep problems
    assert kept == problem and in_language(kept.message, "uk") == uk


def test_values_inside_a_message_follow_it_into_either_language():
    text = MINI.replace("Перепрошую. Показники не надійшли", "Конечно. Показники не надійшли", 1)
    _, problems = load_text(text, "mini.yaml")
    (russian,) = [p.message for p in problems if "Russian" in p.message]
    assert "(конечно)" in russian and "(конечно)" in in_language(russian, "uk")
    assert in_language(russian, "uk").startswith("схоже на російську, а не українську")
    _, problems = load_text(MINI.replace("  wrong_facts:", "  wrong_factz:", 1), "mini.yaml")
    assert [in_language(p.message, "uk") for p in problems] == ["невідомий ключ «wrong_factz» (можливо, «wrong_facts»?)"]


def test_a_warning_is_told_in_the_trainers_language_too():
    text = MINI.replace("end: escalated", "end: resolved")
    scenario, problems = load_text(text, "mini.yaml")
    assert problems == []
    (warning,) = warnings_in(text, scenario, "mini.yaml")
    assert warning.message.startswith("every path of this call ends 'resolved'")
    assert in_language(warning.message, "uk").startswith("усі шляхи цієї розмови закінчуються 'resolved'")


def test_a_message_from_elsewhere_stays_as_written():
    assert in_language("'persona.name': Field required", "uk") == "'persona.name': Field required"
