"""The judging benchmark: its shape (as the issue fixes it), its reader, and the eval command."""
from __future__ import annotations

import json
import re

import pytest

from simulator.evaluation import benchmark, judging, naive
from simulator.evaluation.agreement import Detection, rho
from simulator.evaluation.benchmark import BENCHMARK_DIR
from tests.cli.test_cli import run

SITUATIONS = benchmark.load()


def test_thirty_situations_half_in_each_language_both_channels():
    languages = [s.language for s in SITUATIONS]
    assert len(SITUATIONS) >= 30 and languages.count("uk") == languages.count("en")
    for language in ("uk", "en"):
        assert {s.channel for s in SITUATIONS if s.language == language} == {"voice", "chat"}


@pytest.mark.parametrize("situation", SITUATIONS, ids=lambda s: s.id)
def test_each_situation_is_written_as_a_trainer_would(situation):
    node = situation.scenario.nodes[benchmark.Situation.NODE]
    assert len(node.references) >= 2 and node.key_facts and node.wrong_facts
    assert all(len(fact.accept) == 2 for fact in node.key_facts), "key facts keep exactly two accepted wordings"
    assert all(len(fact.accept) == 1 for fact in node.wrong_facts), "wrong facts keep one wording"
    assert len(node.forbidden) == 3
    assert len(situation.replies) >= 12
    number = int(re.match(r"(?:uk|en)-(\d+)-", situation.id).group(1))
    assert situation.split == ("held-out" if number % 3 == 0 else "dev"), "every third situation is held out"


def test_each_rating_level_is_present_in_each_language():
    for language in ("uk", "en"):
        replies = [r for s in SITUATIONS if s.language == language for r in s.replies]
        assert {r.empathy for r in replies} == {0, 1, 2} and {r.accuracy for r in replies} == {0, 1, 2}
        assert {r.compliance for r in replies} == {0, 1}


def test_a_broken_situation_file_is_named(tmp_path):
    (tmp_path / "x.yaml").write_text("id: x\nlanguage: uk\nsplit: dev\nreplies: [{id: a, text: t, empathy: 5}]\n", encoding="utf-8")
    with pytest.raises(benchmark.BenchmarkError, match="x.yaml"):
        benchmark.load(tmp_path)


def test_agreement_figures_by_hand():
    assert rho([1, 2, 3, 4], [0, 0, 1, 2]) == pytest.approx(0.9487, abs=1e-3)
    assert rho([1, 1, 1], [0, 1, 2]) == 0.0
    found = Detection.of([True, True, False, False], [True, False, True, False])
    assert (found.recall, found.precision) == (0.5, 0.5)


def test_the_naive_floor_is_a_keyword_counter():
    assert naive.empathy("Розумію вас, вибачте") == 2 and naive.empathy("Заспокойтеся") < 0
    assert naive.critical("Не повідомляйте нікому номер картки", [])  # the floor cannot tell advice from a request


def test_the_product_clears_the_floor_on_the_dev_split():
    # every fourth dev situation (about 80 replies per language): the whole split took two minutes
    # of a suite that must stay under 20; `python -m simulator eval judging` scores it all
    dev = [s for s in SITUATIONS if s.split == "dev"][::4]
    assert {s.language for s in dev} == {"uk", "en"}
    rep = judging.report(judging.judge(dev), "dev")
    for language in ("uk", "en"):
        product, floor = rep.rows[language]["product"], rep.rows[language]["naive"]
        assert product.empathy_rho > floor.empathy_rho and product.accuracy_rho > floor.accuracy_rho
        assert product.compliance.precision > floor.compliance.precision


def test_eval_judging_prints_both_judges_per_language(tmp_path, capsys):
    # the command's contract on one situation of each language per split (the whole benchmark is
    # scored in-process above: scoring it again here would double the test's time); the JSON run
    # in this process (its models are loaded), the printed one as a site runs it
    from simulator.cli import main

    for split, number in (("held-out", "03"), ("dev", "01")):
        (tmp_path / split).mkdir()
        for language in ("uk", "en"):
            for path in BENCHMARK_DIR.glob(f"{language}-{number}-*.yaml"):
                (tmp_path / split / path.name).write_bytes(path.read_bytes())
    assert main(["eval", "judging", "--split", "held-out", "--json", "--benchmark", str(tmp_path / "held-out")]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["split"] == "held-out"
    for group in ("uk", "en", "all"):
        assert set(data["figures"][group]) == {"product", "naive"}
        assert set(data["figures"][group]["product"]) >= {"empathy_rho", "accuracy_rho", "compliance_recall", "compliance_precision"}
    text = run("eval", "judging", "--benchmark", str(tmp_path / "dev")).stdout
    assert "split: dev" in text and "naive" in text and "product" in text


def test_eval_judging_says_what_is_wrong_with_a_missing_folder(tmp_path):
    result = run("eval", "judging", "--benchmark", str(tmp_path / "none"))
    assert result.returncode == 2 and "no situations" in result.stderr and "Traceback" not in result.stderr
