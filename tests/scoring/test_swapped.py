"""A key fact that binds a zone to a name, a price or hours is not said when the reply swaps
them: «Т1 — нічна, а Т2 — денна» states T2 is the day zone (a wrong fact, the classic mix-up of
a two-zone meter), though every word of «Т2 — нічна» is in it. The facts are the library's."""
from __future__ import annotations

from pathlib import Path

import pytest

from simulator.library.loader import load_file
from simulator.scoring import accuracy
from simulator.scoring.accuracy import check_fact
from simulator.scoring.matching import Reply

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"


def _node(path: str, node: str):
    scenario, problems = load_file(SCENARIOS / path)
    assert scenario is not None, problems
    return scenario.nodes[node], scenario.language


def _check(path: str, node_id: str, fact_id: str, reply: str):
    node, language = _node(path, node_id)
    figures = [accuracy._figures(f, language) for f in node.key_facts]
    k = next(i for i, f in enumerate(node.key_facts) if f.id == fact_id)
    others = frozenset().union(*figures[:k], *figures[k + 1:])
    return check_fact(Reply(reply, language), node.key_facts[k], language, others=others)


UK_ZONES = ("uk/two-zone-readings.yaml", "opening")
UK_RUSSIAN_ZONES = ("uk/russian-speaking-caller.yaml", "readings")
UK_PRICES = ("uk/russian-speaking-caller.yaml", "opening")
UK_THREE_PRICES = ("uk/three-zone-tariff.yaml", "prices")
EN_PRICES = ("en/two-zone-price.yaml", None)
EN_THREE = ("en/three-zone-readings.yaml", None)


def _en_node(path: str, fact_id: str) -> str:
    """The node of an English scenario whose key facts include ``fact_id`` and figures."""
    scenario, _ = load_file(SCENARIOS / path)
    return next(name for name, node in scenario.nodes.items() if any(f.id == fact_id for f in node.key_facts))


SWAPPED = [
    # zone names swapped between the labels
    (*UK_ZONES, "t2-night", "Т1 — нічна, а Т2 — денна."),
    (*UK_ZONES, "t1-day", "Т1 — нічна, а Т2 — денна."),
    (*UK_ZONES, "t2-night", "т1 нічна т2 денна передайте обидва показники"),
    (*UK_RUSSIAN_ZONES, "t2-night", "Усе гаразд. T1 — нічна зона, T2 — денна."),
    # prices swapped between the zones
    (*UK_PRICES, "night", "Нічна зона з 23:00 до 07:00. Вдень 2,16, вночі 4,32."),
    (*UK_PRICES, "day", "Нічна зона з 23:00 до 07:00. Вдень 2,16, вночі 4,32."),
    (*UK_PRICES, "night", "вдень два шістнадцять вночі чотири тридцять дві"),
    (*UK_THREE_PRICES, "half-price", "Ніч 1,73 гривні, у пік 4,32, напівпік 6,48."),
    # hours swapped between the zones
    (*UK_PRICES, "hours", "Вдень з 23:00 до 07:00, а вночі з 07:00 до 23:00. Уночі 2,16, вдень 4,32."),
]
SWAPPED_EN = [
    ("en/two-zone-price.yaml", "night-price", "Day costs 2.16 and night costs 4.32, from 23:00 to 07:00."),
    ("en/two-zone-price.yaml", "day-price", "Day costs 2.16 and night costs 4.32, from 23:00 to 07:00."),
    ("en/two-zone-price.yaml", "night-price", "day two sixteen night four thirty two"),
    ("en/two-zone-price.yaml", "night-hours", "The day is from 23:00 to 07:00 and night from 07:00 to 23:00."),
    ("en/three-zone-readings.yaml", "peak", "Night is 1.73, half-peak 6.48 and peak 4.32."),
]


@pytest.mark.parametrize(("path", "node_id", "fact_id", "reply"), SWAPPED)
def test_a_swapped_mapping_is_a_wrong_fact_uk(path, node_id, fact_id, reply):
    check = _check(path, node_id, fact_id, reply)
    assert not check.said and check.contradicted and check.credit == 0


@pytest.mark.parametrize(("path", "fact_id", "reply"), SWAPPED_EN)
def test_a_swapped_mapping_is_a_wrong_fact_en(path, fact_id, reply):
    check = _check(path, _en_node(path, fact_id), fact_id, reply)
    assert not check.said and check.contradicted and check.credit == 0


CREDITED = [
    (*UK_ZONES, "t2-night", "Нічна зона — це Т2."),
    (*UK_ZONES, "t2-night", "Т2 — нічна, Т1 — денна."),
    (*UK_ZONES, "t1-day", "Т2 — нічна, Т1 — денна."),
    (*UK_ZONES, "t2-night", "т2 нічна т1 денна"),
    (*UK_ZONES, "t1-day", "т2 нічна т1 денна"),
    (*UK_ZONES, "t2-night", "нічна зона це т2 а денна це т1"),
    (*UK_ZONES, "t2-night", "Т2 — нічна, а не денна зона."),
    (*UK_ZONES, "t2-night", "Т1 — денна зона, з 7:00 до 23:00, а Т2 — нічна зона, з 23:00 до 7:00."),
    (*UK_RUSSIAN_ZONES, "t2-night", "T2 — нічна зона, T1 — денна."),
    (*UK_PRICES, "night", "Уночі 2,16, а вдень 4,32."),
    (*UK_PRICES, "night", "2,16 вночі 4,32 вдень"),
    (*UK_PRICES, "night", "вночі два шістнадцять вдень чотири тридцять дві"),
    (*UK_PRICES, "night", "Ціна 2,16 гривні за кіловат-годину, удвічі менше, ніж удень, коли 4,32."),
    (*UK_PRICES, "hours", "Вночі з 23:00 до 07:00 по 2,16, вдень 4,32."),
    (*UK_THREE_PRICES, "half-price", "Ніч 1,73 гривні, напівпік 4,32, пік 6,48."),
]
CREDITED_EN = [
    ("en/two-zone-price.yaml", "night-price", "Night, 23:00 to 07:00, costs 2.16; day costs 4.32."),
    ("en/two-zone-price.yaml", "night-price", "2.16 at night and 4.32 during the day."),
    ("en/two-zone-price.yaml", "night-price", "night two sixteen day four thirty two"),
    ("en/two-zone-price.yaml", "day-price", "The day from 07:00 to 23:00 at the full 4.32, night 2.16."),
    ("en/two-zone-price.yaml", "night-hours", "Night is from 23:00 to 07:00 and the day from 07:00 to 23:00."),
    ("en/three-zone-readings.yaml", "peak", "Night is 1.73, half-peak 4.32 and peak 6.48."),
]


@pytest.mark.parametrize(("path", "node_id", "fact_id", "reply"), CREDITED)
def test_the_right_binding_in_any_order_is_credited_uk(path, node_id, fact_id, reply):
    check = _check(path, node_id, fact_id, reply)
    assert check.said and not check.contradicted


@pytest.mark.parametrize(("path", "fact_id", "reply"), CREDITED_EN)
def test_the_right_binding_in_any_order_is_credited_en(path, fact_id, reply):
    check = _check(path, _en_node(path, fact_id), fact_id, reply)
    assert check.said and not check.contradicted


# English labels: no library fact words them, so a fact as a trainer would write it
def test_english_labels_swapped_and_in_order():
    from simulator.scenario.model import Fact
    fact = Fact(id="t2-night", fact="T2 is the night zone", accept=["T2 is night", "T2 night"])
    said = {text: check_fact(Reply(text, "en"), fact, "en") for text in [
        "T1 is night and T2 is day.", "T2, the night zone.", "The night zone is T2.", "t2 night t1 day",
        "T2 is night, T1 is day.", "t1 night t2 day"]}
    assert [c.said for c in said.values()] == [False, True, True, True, True, False]
    assert said["T1 is night and T2 is day."].contradicted and said["t1 night t2 day"].contradicted


def test_a_swap_costs_like_a_wrong_fact_in_the_score():
    node, language = _node(*UK_ZONES)
    right = accuracy.score(Reply("Т1 — денна, а Т2 — нічна. Передайте обидва показники.", language), node, language)
    swapped = accuracy.score(Reply("Т1 — нічна, а Т2 — денна. Передайте обидва показники.", language), node, language)
    assert [f.contradicted for f in swapped.facts[:2]] == [True, True]
    assert swapped.score < right.score - 50


def test_no_reference_answer_of_the_library_swaps_a_fact():
    for path in sorted(SCENARIOS.glob("*/*.yaml")):
        scenario, _ = load_file(path)
        if scenario is None:
            continue
        language = scenario.language
        for node in scenario.nodes.values():
            figures = [accuracy._figures(f, language) for f in node.key_facts]
            for reference in node.references:
                reply = Reply(reference, language)
                for k, fact in enumerate(node.key_facts):
                    others = frozenset().union(*figures[:k], *figures[k + 1:])
                    assert not check_fact(reply, fact, language, others=others).contradicted, (path.name, fact.id, reference)
