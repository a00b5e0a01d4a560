"""The mistakes trainers make in a scenario file, each told in plain words on the right line."""
from __future__ import annotations

import pytest

from simulator.scenario import language
from simulator.scenario.loader import load_text
from tests.conftest import MINI


def problems_of(text: str) -> list[str]:
    scenario, problems = load_text(text, "s.yaml")
    assert scenario is None and problems
    return [str(p) for p in problems]


def line_of(text: str, needle: str) -> int:
    return next(k for k, line in enumerate(text.splitlines(), start=1) if needle in line)


def test_a_colon_inside_a_line_of_text_never_breaks_the_file():
    text = MINI.replace("  opening:\n", "  opening:\n    hint: Підсумуйте: дата і сума: 640 гривень\n", 1)
    text = text.replace("      - Звідки така сума в рахунку?", "      - Підсумую: двадцять восьмого показники", 1)
    text = text.replace("      - Що це за рахунок?", "      - Слухайте: що це: за рахунок?", 1)
    scenario, problems = load_text(text, "s.yaml")
    assert problems == []
    assert scenario.nodes["opening"].hint == "Підсумуйте: дата і сума: 640 гривень"
    assert scenario.nodes["opening"].customer[1:] == ["Підсумую: двадцять восьмого показники", "Слухайте: що це: за рахунок?"]


def test_a_colon_that_cannot_be_read_says_put_the_line_in_quotes():
    text = MINI.replace("  opening:\n", "  opening:\n    hint: Підсумуйте: дата #1\n", 1)
    [found] = problems_of(text)
    assert found.startswith(f"s.yaml:{line_of(text, 'Підсумуйте')}: this line has a colon and a space inside the text")
    assert 'hint: "Підсумуйте: дата #1"' in found


@pytest.mark.parametrize("line", ["    hint: 'Пам'ятайте про дату'\n", "    hint: 'Пам'ятайте'\n"])
def test_an_apostrophe_in_quoted_text_is_explained(line):
    text = MINI.replace("  opening:\n", "  opening:\n" + line, 1)
    [found] = problems_of(text)
    assert found.startswith(f"s.yaml:{line_of(text, 'Пам')}: this text starts with an apostrophe")


def test_apostrophes_and_colons_that_are_quoted_or_inside_words_are_fine():
    text = MINI.replace("  opening:\n", "  opening:\n    hint: \"Пам'ятайте: дата\"\n", 1)
    text = text.replace("      - Що це за рахунок?", "      - Що це за рахунок? Пам'ятаю, торік було менше.", 1)
    assert load_text(text, "s.yaml")[1] == []


def test_a_list_item_indented_under_the_one_above_is_not_merged_silently():
    text = MINI.replace("      - Звідки", "        - Звідки", 1)
    [found] = problems_of(text)
    assert found.startswith(f"s.yaml:{line_of(text, '- Звідки')}: this '- ...' line is indented deeper than the item above")


def test_a_tab_is_named_on_its_line():
    text = MINI.replace("    empathy: high", "\tempathy: high", 1)
    [found] = problems_of(text)
    assert found.startswith(f"s.yaml:{line_of(text, 'empathy: high')}: this line is indented with a tab")


@pytest.mark.parametrize("old, new", [("    empathy: high", "     empathy: high"), ("      - Звідки", "     - Звідки")])
def test_misplaced_indentation_is_explained_on_its_line(old, new):
    text = MINI.replace(old, new, 1)
    [found] = problems_of(text)
    assert found.startswith(f"s.yaml:{line_of(text, new.strip())}: this line is indented differently")


def test_the_russian_check_catches_russian_words_without_russian_letters():
    assert "Russian" in language.problem("Конечно, а шо", "uk")
    assert language.problem("Звісно, а що?", "uk") is None
    assert language.problem("Ви мені сказали, що говорите з оператором.", "uk") is None


def test_a_marked_switch_to_surzhyk_is_allowed_only_for_the_customer():
    text = MINI.replace("      - Що це за рахунок?", "      - Конечно, а шо це за рахунок?", 1)
    assert any("looks like Russian" in p for p in problems_of(text))
    marked = text.replace("    empathy: high", "    empathy: high\n    customer_language: surzhyk", 1)
    assert load_text(marked, "s.yaml")[1] == []
    in_reference = marked.replace("      - Розумію, що сума", "      - Конечно, сума", 1)
    assert any("looks like Russian" in p for p in problems_of(in_reference))
