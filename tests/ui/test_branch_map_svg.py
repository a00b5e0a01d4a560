"""The branch map's SVG: well-formed, the words in the reader's language, the scenario's own
words escaped, a cohort's shares on its branches (hand-built scenario, no app)."""
from __future__ import annotations

import xml.etree.ElementTree as ET

from simulator.services.learning.branch_map import for_call
from simulator.services.learning.cohort import cohort_map
from simulator.texts.labels import Labels
from simulator.ui.components.branch_map_svg import svg
from tests.services.learning.learning_helpers import Saved, call, fork, score

NS = "{http://www.w3.org/2000/svg}"


def texts(drawing: str) -> list[str]:
    return [t.text for t in ET.fromstring(drawing).iter(f"{NS}text")]


def test_a_calls_map_in_both_languages_with_the_reply_escaped():
    turns = [Saved(0, "opening", "<b>До 25-го</b> & все", False, score(overall=41, said=()))]
    result = for_call(fork(), turns, None, reference=["opening", "wrap", "done"])
    uk, en = svg(result, Labels("uk")), svg(result, Labels("en"))
    assert "Ви: <b>До 25-го</b> & все" in texts(uk) and "You: <b>До 25-го</b> & все" in texts(en)
    assert "Оператор-стажер: <b>До 25-го</b> &…" in texts(svg(result, Labels("uk"), "Оператор-стажер:"))     # as staff see it, cut to the box
    assert " ".join(texts(uk)).count("→ не назвали: не пізніше 20 числа") == 1      # wrapped over two lines
    assert "→ not said: не пізніше 20 числа" in " ".join(texts(en))
    assert "оцінка 41" in texts(uk) and "шлях цього дзвінка" in texts(uk) and "the reference answers' path" in texts(en)
    assert "питання вирішено" in texts(uk) and "the customer escalated" in texts(en)
    paths = ET.fromstring(en).findall(f"{NS}path")
    assert sum(p.get("stroke") == "#1f5fbf" for p in paths) == 1       # the trainee's one move, opening -> ask-date
    assert sum(p.get("stroke-dasharray") == "6 4" for p in paths) == 2  # the reference path's two moves


def test_a_cohorts_map_shows_shares_and_misses_and_no_trainee_path():
    calls = [call(("opening", score(said=())), ("ask-date", score())), call(("opening", score()), ("wrap", score(facts=())))]
    drawing = svg(cohort_map(fork(), calls), Labels("en"))
    shown = texts(drawing)
    assert shown.count("50 %") == 3 and "100 %" in shown and "reached: 2" in shown     # opening: 1 of 2 each way; wrap -> done 1 of 2 and "missed: не пізніше 20 числа (1)" in shown
    assert "this call's path" not in shown
