"""The test bench: samples scored by the real scorer, compared across runs, expectations checked."""
from __future__ import annotations

import json

import pytest

from simulator import cli
from simulator.library.loader import load_text
from simulator.scenario.model import Sample
from simulator.scoring.scorecard import score_turn
from simulator.services.studio import samples
from simulator.services.studio.template import new_scenario
from tests.conftest import SCENARIOS


def with_samples(library):
    return [s for s in library.scenarios.values() if s.samples]


def template_scenario(language="uk", **change):
    text = new_scenario("bench-test", "Тест" if language == "uk" else "Test", language, "voice", "meter-readings")
    for old, new in change.items():
        text = text.replace(old, new)
    scenario, problems = load_text(text)
    assert problems == [], problems
    return scenario


def test_the_library_keeps_samples_in_both_languages(library):
    scenarios = with_samples(library)
    assert sum(s.language == "uk" for s in scenarios) >= 2
    assert sum(s.language == "en" for s in scenarios) >= 1
    for scenario in scenarios:
        assert {s.label for s in scenario.samples if s.node == scenario.start_node} == {"great", "average", "poor"}, scenario.id


def test_library_samples_meet_their_expectations(library):
    for scenario in with_samples(library):
        results = samples.run(scenario)
        assert len(results) == len(scenario.samples)
        assert samples.warnings(results, "en") == [], scenario.id
        assert all(r.expected is not False for r in results)


def test_a_sample_is_scored_by_the_real_scorer_on_time(library):
    scenario = library.get("uk-estimated-bill")
    result = samples.run(scenario)[0]
    direct = score_turn(scenario, result.node, result.reply)
    assert result.overall == direct.overall
    assert result.time == 100 and result.score.time.band == "on_target"
    assert (result.accuracy, result.empathy) == (direct.accuracy.score, direct.empathy.score)


def test_the_score_matches_the_score_command(library, capsys):
    scenario = library.get("en-estimated-bill")
    sample = scenario.samples[1]
    code = cli.main(["score", "--scenario", scenario.id, "--node", sample.node, "--reply", sample.reply, "--json",
                     "--scenarios", str(SCENARIOS)])
    assert code == 0
    printed = json.loads(capsys.readouterr().out)
    result = samples.run(scenario, [sample])[0]
    assert printed["overall"] == result.to_dict()["overall"]
    assert printed["time"] == result.to_dict()["time"]


def test_the_evidence_is_there(library):
    uk = {r.label: r for r in samples.run(library.get("uk-estimated-bill")) if r.node == "opening"}
    assert [f.id for f in uk["average"].facts_missing] == ["recalculation"]
    assert {f.id for f in uk["average"].facts_said} == {"estimated", "submit-readings"}
    assert uk["great"].closest_reference in library.get("uk-estimated-bill").nodes["opening"].references
    assert uk["great"].helped and uk["great"].passes and uk["great"].expected is True
    assert uk["average"].expected is None
    en = {r.label: r for r in samples.run(library.get("en-estimated-bill"))}
    assert [f.id for f in en["poor"].wrong_facts] == ["price-rise"]
    assert en["poor"].expected is True and not en["poor"].passes
    data = en["poor"].to_dict()
    assert data["label"] == "poor" and data["passes"] is False and data["accuracy"]["wrong_facts"][0]["id"] == "price-rise"
    assert json.dumps(data, ensure_ascii=False)


def test_hurt_phrases_and_critical_flags():
    scenario = template_scenario("uk")
    poor = samples.run(scenario)[2]
    assert "я не знаю" in poor.hurt
    blaming = samples.score_reply(scenario, "opening", "Ви самі винні, треба було раніше дізнатися.")
    assert [f.kind for f in blaming.critical] == ["blame"]
    assert not blaming.passes
    en = samples.score_reply(template_scenario("en"), "opening", "Calm down. It's your own fault.")
    assert en.critical and "calm down" in en.hurt


def test_score_reply_refuses_what_cannot_be_scored(mini):
    with pytest.raises(ValueError, match="node 'nowhere' does not exist"):
        samples.score_reply(mini, "nowhere", "Текст")
    with pytest.raises(ValueError, match="is an end of the call"):
        samples.score_reply(mini, "thanks", "Текст")
    with pytest.raises(ValueError, match="empty"):
        samples.score_reply(mini, "opening", "   ")
    with pytest.raises(ValueError, match=r"sample 2 \(poor at 'thanks'\)"):
        samples.run(mini, [Sample(node="opening", label="great", reply="Добре"), Sample(node="thanks", label="poor", reply="Ні")])


def test_no_samples_no_results(mini):
    assert samples.run(mini) == []
    assert samples.compare([], []) == []
    assert samples.warnings([], "uk") == []


def test_compare_the_same_run_flags_nothing():
    results = samples.run(template_scenario())
    changes = samples.compare(results, samples.run(template_scenario()))
    assert [c.delta for c in changes] == [0, 0, 0]
    assert not any(c.flagged for c in changes)
    assert [c.label for c in changes] == ["great", "average", "poor"]


def test_compare_flags_a_big_change_and_a_flipped_expectation():
    before = samples.run(template_scenario())
    # the average sample says "до 3 числа" but not "наступного місяця": its key fact is no longer credited
    after_scenario = template_scenario(**{"          - до 3 числа\n          - до третього числа\n    wrong_facts":
                                          "          - наступного місяця\n    wrong_facts"})
    changes = {c.label: c for c in samples.compare(before, samples.run(after_scenario))}
    assert changes["average"].delta <= -5 and changes["average"].big and changes["average"].flagged
    assert not changes["poor"].flagged and not changes["great"].flagged
    stricter = samples.run(template_scenario(**{"target_seconds: 90": "target_seconds: 90\npass_mark: 95"}))
    flip = {c.label: c for c in samples.compare(before, stricter)}
    assert flip["great"].flipped and not flip["great"].big and flip["great"].delta == 0
    assert flip["great"].to_dict()["flagged"] is True


def test_compare_reports_added_and_removed_samples():
    scenario = template_scenario()
    before = samples.run(scenario, scenario.samples[:2])
    after = samples.run(scenario, scenario.samples[1:])
    changes = samples.compare(before, after)
    assert [(c.label, c.before is None, c.after is None) for c in changes] == [
        ("average", False, False), ("poor", True, False), ("great", False, True)]
    assert all(c.delta is None and not c.flagged for c in changes if c.label != "average")


def test_broken_expectations_in_both_languages():
    scenario = template_scenario()
    great_text = scenario.samples[0].reply
    poor_text = "Я не знаю, подивіться на сайті."
    wrong = [
        Sample(node="opening", label="great", reply=poor_text),
        Sample(node="opening", label="poor", reply=great_text),
        Sample(node="opening", label="great", reply="Ви самі винні. " + great_text),
    ]
    results = samples.run(scenario, wrong)
    codes = [(b.code, b.sample.label) for b in samples.broken_expectations(results)]
    assert ("great_below_mark", "great") in codes
    assert ("poor_passes", "poor") in codes
    assert ("great_critical", "great") in codes
    assert ("order", "great") in codes
    uk, en = samples.warnings(results, "uk"), samples.warnings(results, "en")
    assert len(uk) == len(en) == len(codes)
    assert any("відмінна відповідь" in w and "нижче прохідного балу 70" in w and "«opening»" in w for w in uk)
    assert any("слабка відповідь" in w and "пройшла б" in w for w in uk)
    assert any("критичну помилку" in w and "ви самі винні" in w for w in uk)
    assert any("should score higher than the poor one" in w for w in en)
    assert any("the great sample" in w and "below the pass mark 70" in w and "'opening'" in w for w in en)
    assert all("…" in w or len(w) < 400 for w in uk + en)


def test_order_is_checked_per_node_only():
    scenario = template_scenario()
    results = samples.run(scenario, [
        Sample(node="opening", label="average", reply="Показники передають до 3 числа."),
        Sample(node="asks-again", label="great", reply="До 3 числа."),
    ])
    assert [b.code for b in samples.broken_expectations(results) if b.code == "order"] == []


def test_label_names():
    assert samples.label_name("great", "uk") == "відмінна"
    assert samples.label_name("poor", "en") == "poor"
    assert set(samples.LABELS["uk"]) == set(samples.RANK)
