"""Format features: inline alternatives, customer memory, mood per node, shared steps, warnings."""
from __future__ import annotations

from pathlib import Path

from simulator.call.clock import ManualClock
from simulator.call.engine import Call
from simulator.library import lint
from simulator.library.loader import load_library, load_text
from simulator.scenario import shared_steps
from simulator.scenario.lines import expand
from tests.conftest import MINI

POLITE_NO_FACT = "Добрий день. Дякую, що звернулися, зараз я перевірю ваш особовий рахунок."
GOOD = "Розумію, що сума неочікувана, це неприємно. Рахунок виставили за середнім споживанням, бо показники не надійшли. Я зараз перевірю нарахування."


def loaded(text: str):
    scenario, problems = load_text(text, "s.yaml")
    assert problems == [], [str(p) for p in problems]
    return scenario


def test_inline_alternatives_spell_out_every_variant():
    assert expand("(Добрий день|Доброго дня), мені (ну, |)прийшла платіжка.") == [
        "Добрий день, мені ну, прийшла платіжка.", "Добрий день, мені прийшла платіжка.",
        "Доброго дня, мені ну, прийшла платіжка.", "Доброго дня, мені прийшла платіжка."]
    assert expand("(Слухайте|), я вже платила.") == ["Слухайте, я вже платила.", "Я вже платила."]
    assert expand("Рахунок (за січень) прийшов.") == ["Рахунок (за січень) прийшов."]
    scenario = loaded(MINI.replace("      - Що це за рахунок?", "      - (Що це|Звідки цей) рахунок?", 1))
    assert scenario.nodes["opening"].customer[-2:] == ["Що це рахунок?", "Звідки цей рахунок?"]


MEMORY = MINI.replace("""  again:
    customer: Ви не відповіли. Чому сума більша?
""", """  again:
    customer: Ви не відповіли. Чому сума більша?
    mood: angry
    memory:
      - if: missing opening.estimated
        customer: Ви так і не сказали, чому сума більша.
""", 1)


def test_the_customer_remembers_a_fact_missed_earlier_and_the_node_sets_the_mood(mini):
    scenario = loaded(MEMORY)
    clock = ManualClock()
    call = Call(scenario, clock)
    assert call.current.mood == "irritated"  # the persona's
    clock.advance(5)
    call.reply(POLITE_NO_FACT)
    assert call.node_id == "again"
    assert call.current.customer_line == "Ви так і не сказали, чому сума більша."
    assert call.current.mood == "angry"


def test_a_memory_must_name_an_earlier_node_and_its_key_fact():
    for wrong, message in [("missing nowhere.estimated", "'nowhere' is not a node that takes a reply"),
                           ("missing opening.price", "'price' is not a key fact of the node 'opening'"),
                           ("forgot opening.estimated", "write 'said NODE.FACT' or 'missing NODE.FACT'")]:
        _, problems = load_text(MEMORY.replace("missing opening.estimated", wrong), "s.yaml")
        assert any(message in p.message for p in problems), problems


STEP = """\
step: identity-check-uk
language: uk
title: Перевірка особи
node:
  customer:
    - (Так|Добре), а що вам потрібно?
  references:
    - Назвіть, будь ласка, номер особового рахунку або адресу та прізвище власника рахунку.
  key_facts:
    - id: account
      fact: попросити особовий рахунок або адресу
      accept: [особового рахунку, адресу]
"""


def test_a_shared_step_is_included_by_name_and_scored(tmp_path: Path):
    (tmp_path / "shared").mkdir()
    (tmp_path / "uk").mkdir()
    (tmp_path / "shared" / "identity.yaml").write_text(STEP, encoding="utf-8")
    text = MINI.replace("      - goto: thanks\n  again:", "      - goto: identity\n  identity:\n    include: identity-check-uk\n"
                        "    branches:\n      - if: missing account\n        goto: again\n      - goto: thanks\n  again:", 1)
    (tmp_path / "uk" / "s.yaml").write_text(text, encoding="utf-8")
    library = load_library(tmp_path)
    assert library.problems == [] and library.files == 1
    scenario = library.scenarios["test-mini"]
    assert scenario.nodes["identity"].key_facts[0].id == "account"
    clock = ManualClock()
    call = Call(scenario, clock)
    clock.advance(5)
    call.reply(GOOD)
    assert call.node_id == "identity" and call.current.customer_line in ("Так, а що вам потрібно?", "Добре, а що вам потрібно?")
    clock.advance(5)
    call.reply("Назвіть, будь ласка, номер особового рахунку.")
    assert call.outcome == "resolved"
    assert call.scorecard().turns[-1].fact_said("account")
    (tmp_path / "uk" / "s.yaml").write_text(text.replace("include: identity-check-uk", "include: identity-uk"), encoding="utf-8")
    [problem] = load_library(tmp_path).problems
    assert "no shared step 'identity-uk' (steps in scenarios/shared: identity-check-uk)" in str(problem)


def test_a_broken_shared_step_is_reported_with_its_line(tmp_path: Path):
    (tmp_path / "shared").mkdir()
    broken = STEP.replace("accept: [особового рахунку, адресу]", "accept: [номер договору]")
    (tmp_path / "shared" / "identity.yaml").write_text(broken, encoding="utf-8")
    [problem] = load_library(tmp_path).problems
    assert problem.line == broken.splitlines().index("    - id: account") + 1
    assert "key fact 'account' is in none of the node's reference answers" in problem.message
    assert shared_steps.is_step_file(tmp_path / "shared" / "identity.yaml")


def test_warnings_for_a_call_that_always_resolves_and_a_wrong_fact_in_a_reference(mini):
    assert lint.warnings(mini) == []
    linear = loaded(MINI.replace("end: escalated", "end: resolved"))
    assert any("every path of this call ends 'resolved'" in m for _, m in lint.warnings(linear))
    loose = loaded(MINI.replace('accept: ["2,64"]', "accept: [неприємно середнім]"))
    assert [path for path, _ in lint.warnings(loose)] == [("nodes", "opening", "wrong_facts", 0)]


def test_a_reference_below_the_pass_mark_is_a_warning(mini):
    strict = loaded(MINI.replace("target_seconds: 60", "target_seconds: 60\npass_mark: 100", 1))
    found = lint.warnings(strict, references=True)
    assert any(path[:3] == ("nodes", "opening", "references") and "below the pass mark 100" in m for path, m in found)
