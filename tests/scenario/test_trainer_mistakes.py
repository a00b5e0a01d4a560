"""The mistakes trainers make in a scenario file, each told in plain words on the right line."""
from __future__ import annotations

import pytest

from simulator.scenario import language
from simulator.library.loader import load_text
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


# Each YAML mistake in plain words, Ukrainian by default and English on request, on the line to
# change, with what to do; the reader's own words only as the technical detail at the end.
YAML_MISTAKES = {
    "colon": (MINI.replace("  opening:\n", "  opening:\n    hint: Підсумуйте: дата #1\n", 1), "Підсумуйте",
              "у тексті цього рядка є двокрапка з пробілом, і файл читає його як «назва: значення»: візьміть цей рядок "
              "у лапки, ось так:  hint: \"Підсумуйте: дата #1\"",
              "this line has a colon and a space inside the text, which the file reads as 'name: value': put the whole "
              "text in double quotes, for example  hint: \"Підсумуйте: дата #1\""),
    "tab": (MINI.replace("    empathy: high", "\tempathy: high", 1), "empathy: high",
            "відступ цього рядка зроблено табуляцією: робіть відступи лише пробілами",
            "this line is indented with a tab: indent with spaces only"),
    "indentation": (MINI.replace("    empathy: high", "     empathy: high", 1), "empathy: high",
                    "відступ цього рядка не такий, як у рядків, до яких він належить",
                    "this line is indented differently from the lines it belongs with"),
    "item indentation": (MINI.replace("      - Звідки", "     - Звідки", 1), "- Звідки",
                         "відступ цього рядка не такий, як у рядків, до яких він належить",
                         "this line is indented differently from the lines it belongs with"),
    "unclosed double quote": (MINI.replace("  opening:\n", '  opening:\n    hint: "Підсумуйте дату і суму\n', 1), "Підсумуйте",
                              "лапки \", якими починається цей текст, ніде не закрито: поставте закривні \" у кінці тексту",
                              "the quotation mark \" that opens this text is never closed: add the closing \" at the end"),
    "unclosed quote in a list": (MINI.replace("      - Що це за рахунок?", "      - 'Що це за рахунок?", 1), "- 'Що це",
                                 "лапки ', якими починається цей текст, ніде не закрито",
                                 "the quotation mark ' that opens this text is never closed"),
    "bracket": (MINI.replace("  opening:\n", "  opening:\n    hint: [увага] дата\n", 1), "[увага]",
                "цей текст починається з '[' або '{', а так у файлі починається список в один рядок: візьміть увесь текст у "
                "подвійні лапки, ось так:  hint: \"[увага] дата\"",
                "this text starts with '[' or '{', which opens a list written on one line: put the whole text in double quotes"),
    "special character": (MINI.replace("  opening:\n", "  opening:\n    hint: @дата\n", 1), "@дата",
                          "цей текст починається зі знака '@', який у файлі сценарію має особливе значення",
                          "this text starts with '@', which has a special meaning in a scenario file"),
    "merged item": (MINI.replace("      - Звідки", "        - Звідки", 1), "- Звідки",
                    "цей рядок '- ...' має більший відступ, ніж пункт над ним",
                    "this '- ...' line is indented deeper than the item above"),
}


@pytest.mark.parametrize("mistake", list(YAML_MISTAKES))
def test_each_yaml_mistake_is_told_in_ukrainian_by_default_and_in_english_on_request(mistake, tmp_path, capsys):
    from simulator.cli import main

    text, needle, uk, en = YAML_MISTAKES[mistake]
    path = tmp_path / "uk" / "s.yaml"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    where = f"{path}:{line_of(text, needle)}: "
    assert main(["scenarios", "validate", str(path)]) == 1
    said = capsys.readouterr().out.strip()
    assert said.startswith(where + uk), said
    assert main(["scenarios", "validate", "--labels", "en", str(path)]) == 1
    said_en = capsys.readouterr().out.strip()
    assert said_en.startswith(where + en), said_en
    for message in (said, said_en):        # the reader's words, if any, come last, as a detail
        main_part = message.split(" (технічна деталь:")[0].split(" (technical detail:")[0]
        assert not any(raw in main_part for raw in ("mapping values", "could not find", "while scanning", "expected <"))
