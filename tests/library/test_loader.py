"""Loading and validation: every problem as file:line: message, broken files never stop others."""
from __future__ import annotations

import textwrap

import pytest

from simulator.library.loader import load_as, load_file, load_library, load_text
from tests.conftest import MINI


def problems_of(text: str) -> list[str]:
    scenario, problems = load_text(text, "s.yaml")
    assert (scenario is None) == bool(problems)
    return [str(p) for p in problems]


def line_of(text: str, needle: str) -> int:
    return next(k for k, line in enumerate(text.splitlines(), start=1) if needle in line)


def test_the_test_scenario_is_valid(mini):
    assert mini.id == "test-mini"
    assert mini.start_node == "opening"
    assert mini.nodes["opening"].customer[1].startswith("Звідки")


def test_every_library_scenario_validates(library):
    assert library.problems == []
    assert len(library.scenarios) == library.files


def test_library_meets_the_brief(library):
    scenarios = list(library.scenarios.values())
    assert len(scenarios) >= 16
    assert sum(s.language == "uk" for s in scenarios) >= 8
    assert sum(s.language == "en" for s in scenarios) >= 8
    assert sum(s.channel == "chat" for s in scenarios) >= 3
    categories = {s.category for s in scenarios}
    for needed in ("payment-slip", "estimated-bill", "meter-readings", "tariff-zones", "heating-discount",
                   "payment-debt", "outage", "abusive-caller", "repeat-complaint", "subsidies"):
        assert needed in categories, needed
    # real branching: the same call can end resolved or not depending on the replies
    branching = [s for s in scenarios if {n.end for n in s.nodes.values() if n.is_end} >= {"resolved"}
                 and len({n.end for n in s.nodes.values() if n.is_end}) > 1
                 and any(b.condition and "empathy" in b.condition for n in s.nodes.values() for b in n.branches)]
    assert len(branching) >= 5, [s.id for s in branching]


def test_bad_yaml_points_to_the_line():
    text = MINI.replace("  opening:\n", "  opening:\n    customer: [unclosed\n", 1)
    found = problems_of(text)
    assert len(found) == 1
    assert found[0].startswith(f"s.yaml:{line_of(text, '[unclosed')}: this text starts with '[' or '{{'")
    assert 'customer: "[unclosed"' in found[0]


def test_unknown_key_is_named_with_its_line_and_a_suggestion():
    text = MINI.replace("    references:\n      - Розумію", "    referneces:\n      - Розумію", 1)
    found = problems_of(text)
    assert f"s.yaml:{line_of(text, 'referneces')}: unknown key 'referneces' (did you mean 'references'?)" in found


def test_dangling_reference():
    text = MINI.replace("goto: thanks\n  again:", "goto: thank-you\n  again:", 1)
    found = problems_of(text)
    assert any(f"s.yaml:{line_of(text, 'goto: thank-you')}: node 'thank-you' does not exist" in p for p in found), found


def test_unreachable_node():
    text = MINI + "  orphan:\n    end: resolved\n"
    assert any(":" + str(line_of(text, "orphan:")) + ": node 'orphan' cannot be reached" in p for p in problems_of(text))


def test_path_that_never_ends():
    text = MINI.replace("      - if: said estimated\n        goto: thanks\n      - goto: again", "      - goto: again", 1)
    text = text.replace("      - if: missing estimated\n        goto: again\n      - goto: thanks", "      - goto: again", 1)
    assert any("from node 'again' the call can never end" in p for p in problems_of(text))


def test_key_fact_missing_from_every_reference():
    text = MINI.replace("accept: [за середнім]\n    wrong_facts", "accept: [за тарифом]\n    wrong_facts", 1)
    found = problems_of(text)
    assert any("key fact 'estimated' is in none of the node's reference answers" in p for p in found), found


def test_reference_must_not_state_a_wrong_fact_or_a_critical_phrase():
    text = MINI.replace("Я зараз перевірю нарахування.", "Ціна 2,64 грн. Ви самі винні.", 1)
    found = problems_of(text)
    assert any("states the wrong fact 'old-price'" in p for p in found)
    assert any("'ви самі винні' (blame)" in p for p in found)


def test_branch_on_unknown_metric_and_unknown_fact():
    text = MINI.replace("if: empathy < 35", "if: empaty < 35", 1)
    assert any("unknown metric 'empaty'" in p for p in problems_of(text))
    text = MINI.replace("if: missing estimated", "if: missing estimate", 1)
    assert any("'estimate' is not in this node's key_facts" in p for p in problems_of(text))


def test_branch_without_a_default():
    text = MINI.replace("      - if: said estimated\n        goto: thanks\n      - goto: again", "      - if: said estimated\n        goto: thanks", 1)
    assert any("add a last branch without 'if'" in p for p in problems_of(text))


def test_duplicate_keys_and_duplicate_fact_ids():
    text = MINI.replace("target_seconds: 60\n", "target_seconds: 60\ntarget_seconds: 90\n", 1)
    assert any("'target_seconds' is given twice" in p for p in problems_of(text))


def test_wrong_language_text():
    russian = MINI.replace("Чому в мене такий рахунок?", "Почему у меня такой счет?", 1)
    assert any("looks like Russian" in p for p in problems_of(russian))
    english = MINI.replace("Чому в мене такий рахунок?", "Why is my bill so high?", 1)
    assert any("looks like English" in p for p in problems_of(english))
    ukrainian_in_en = MINI.replace("language: uk", "language: en", 1)
    assert any("looks like Ukrainian" in p for p in problems_of(ukrainian_in_en))


def test_wrong_values_are_named():
    found = problems_of(MINI.replace("channel: voice", "channel: phone", 1))
    assert any("'channel': 'phone' is not allowed" in p for p in found)
    found = problems_of(MINI.replace("target_seconds: 60\n", "", 1))
    assert any("'target_seconds' is missing" in p for p in found)


@pytest.mark.parametrize("text, expected", [
    ("", "the file is empty"),
    ("- just\n- a list\n", "must be a set of 'key: value' lines"),
    ("id: [1, 2\n", "this text starts with '[' or '{'"),
    ("\t\tid: x", "this line is indented with a tab"),
])
def test_files_that_are_not_scenarios(text, expected):
    found = problems_of(text)
    assert found and expected in found[0] and found[0].startswith("s.yaml:")


def test_unreadable_files(tmp_path):
    binary = tmp_path / "binary.yaml"
    binary.write_bytes(b"\xff\xfe\x00id: x")
    huge = tmp_path / "huge.yaml"
    huge.write_text("a: " + "x" * 1_100_000)
    for path, expected in ((binary, "not UTF-8"), (huge, "larger than")):
        scenario, problems = load_file(path)
        assert scenario is None and expected in str(problems[0])


def test_one_broken_file_never_stops_the_others(tmp_path):
    (tmp_path / "good.yaml").write_text(MINI, encoding="utf-8")
    (tmp_path / "bad.yaml").write_text(MINI.replace("id: test-mini", "id: other\nnodez: 1"), encoding="utf-8")
    (tmp_path / "again.yaml").write_text(MINI, encoding="utf-8")  # same id as good.yaml
    library = load_library(tmp_path)
    assert list(library.scenarios) == ["test-mini"]
    messages = [str(p) for p in library.problems]
    assert any("bad.yaml" in m and "unknown key 'nodez'" in m for m in messages)
    assert any("scenario id 'test-mini' is already used" in m for m in messages)


def test_a_bare_number_in_a_text_list_is_read_as_text():
    text = MINI.replace('accept: ["2,64"]', "accept: [2.64]", 1)
    assert problems_of(text) == []


def test_unknown_scenario_suggests_close_ids(library):
    with pytest.raises(KeyError, match="did you mean uk-estimated-bill"):
        library.get("uk-estimated-bil")


def test_line_numbers_follow_the_file():
    text = textwrap.dedent(MINI)
    text = text.replace("  thanks:\n    end: resolved", "  thanks:\n    end: solved", 1)
    found = problems_of(text)
    assert any(p.startswith(f"s.yaml:{line_of(text, 'end: solved')}:") for p in found), found


SAMPLES = """\
samples:
  - node: opening
    label: great
    reply: Розумію, що сума неочікувана. Рахунок виставили за середнім споживанням, я зараз перевірю нарахування.
  - node: opening
    label: poor
    reply: Читайте платіжку.
    note: холодно і без факту
"""


def test_samples_are_optional_and_change_nothing_else(mini):
    assert mini.samples == []
    scenario, problems = load_text(MINI + SAMPLES, "s.yaml")
    assert problems == []
    assert [(s.node, s.label, s.note) for s in scenario.samples] == [("opening", "great", ""), ("opening", "poor", "холодно і без факту")]
    assert scenario.model_copy(update={"samples": []}) == mini


def test_samples_do_not_change_a_call(mini):
    from simulator.call.clock import ManualClock
    from simulator.call.engine import Call

    with_samples, _ = load_text(MINI + SAMPLES, "s.yaml")
    cards = []
    for scenario in (mini, with_samples):
        clock = ManualClock()
        call = Call(scenario, clock)
        for reply in ("Читайте платіжку.", "Я вас чую. Рахунок виставили за середнім, я перевірю нарахування."):
            clock.advance(8)
            call.reply(reply)
        cards.append(call.scorecard().to_dict())
    assert cards[0] == cards[1]


@pytest.mark.parametrize("old, new, expected", [
    ("  - node: opening\n    label: poor", "  - node: opener\n    label: poor",
     "node 'opener' does not exist (nodes that take a reply: opening, again, angry)"),
    ("  - node: opening\n    label: poor", "  - node: thanks\n    label: poor",
     "node 'thanks' is an end of the call ('end: resolved'): it takes no reply"),
    ("    reply: Читайте платіжку.", "    reply:", "the sample's reply is empty"),
    ("    reply: Читайте платіжку.", "    reply: '  '", "the sample's reply is empty"),
    ("    reply: Читайте платіжку.", "    reply: Read your bill.", "this looks like English (Latin letters) in a Ukrainian scenario"),
    ("    label: poor", "    label: good", "'samples.1.label': 'good' is not allowed"),
    ("    label: poor", "    lable: poor", "unknown key 'lable' (did you mean 'label'?)"),
    ("  - node: opening\n    label: poor\n    reply: Читайте платіжку.", "  - node: again\n    label: poor",
     "'samples.1.reply' is missing"),
])
def test_sample_problems_point_to_their_line(old, new, expected):
    text = MINI + SAMPLES.replace(old, new, 1)
    line = text.splitlines().index(new.split("\n")[0]) + 1
    found = problems_of(text)
    assert any(p.startswith(f"s.yaml:{line}: {expected}") for p in found), found


def test_a_new_version_must_keep_its_scenarios_id():
    scenario, problems = load_as(MINI, "test-mini")
    assert scenario is not None and problems == []
    renamed = MINI.replace("id: test-mini", "id: test-copy")
    scenario, problems = load_as(renamed, "test-mini", "test-mini.yaml")
    assert scenario is None and [(p.file, p.line) for p in problems] == [("test-mini.yaml", 1)]
    assert "must keep the id 'test-mini'" in problems[0].message


def test_an_alias_to_a_single_text_is_refused_too():
    text = MINI.replace("title: Тестовий дзвінок", "title: &name Тестовий дзвінок").replace(
        "  name: Тарас", "  name: *name")
    scenario, problems = load_text(text, "mini.yaml")
    assert scenario is None and [p.message for p in problems] == [
        "anchors and aliases (& and *) are not supported: write the text out"]


def test_a_scenario_checked_again_gets_the_same_problems_and_a_changed_one_its_own():
    """validate.semantic remembers problems per scenario content: the same text read again
    (a new database's catalogue, the studio) gets them without the scorer, a changed one anew."""
    text = MINI.replace("Я зараз перевірю нарахування.", "Ціна 2,64 грн. Ви самі винні.", 1)
    first, again = problems_of(text), problems_of(text)
    assert first == again and any("'ви самі винні' (blame)" in p for p in again)
    assert problems_of(MINI) == []
    assert problems_of(text) == first
