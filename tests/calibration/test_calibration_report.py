"""The calibration report: agreement lines per language, disagreements beside the evidence, the
exported tables and the printable page."""
from __future__ import annotations

import io
from types import SimpleNamespace

import pandas as pd
import pytest

from simulator.calibration import report
from simulator.reports import calibration as exports
from simulator.reports.export import to_csv, to_xlsx


def scored(empathy: float, accuracy: float, critical: bool = False) -> dict:
    return {"empathy": {"score": empathy, "parts": {}}, "accuracy": {"score": accuracy, "facts": [{"id": "due", "said": accuracy > 50}]},
            "compliance": {"critical": critical, "flags": [{"kind": "blame", "phrase": "ви самі винні", "critical": True}] if critical else []}}


def rating(rater, e, a, c, comment=""):
    return SimpleNamespace(rater=rater, empathy=e, accuracy=a, compliance=c, comment=comment)


def item(k, language, machine, ann, bob):
    return SimpleNamespace(id=k, position=k, language=language, scenario_id="s", node_id="opening", customer_line="Чому?",
                           reply=f"<b>reply {k}</b>", trainee=None, expected=None, machine=machine,
                           ratings=[rating("ann", *ann), rating("bob", *bob)])


# empathy: ann 0 1 2 2 1 0, bob 0 2 2 1 1 0 -> κ 3/4 (tests/calibration/test_calibration_agreement.py)
# the machine reads 10 -> 0, 60 -> 1, 90 -> 2 (score / 50, rounded)
ITEMS = [
    item(1, "uk", scored(10, 10), (0, 0, 1), (0, 0, 1)),
    item(2, "uk", scored(90, 90), (1, 2, 1), (2, 2, 1)),
    item(3, "uk", scored(90, 90), (2, 2, 1), (2, 2, 1)),
    item(4, "uk", scored(60, 60), (2, 1, 1), (1, 1, 1, "формально")),
    item(5, "uk", scored(60, 60), (1, 1, 1), (1, 1, 1)),
    item(6, "uk", scored(10, 90, critical=True), (0, 2, 0, "звинувачує клієнта"), (0, 0, 0)),
    item(7, "en", scored(90, 10), (0, 0, 1, "cold"), (0, 0, 1)),
]


def test_lines_per_language_and_both_together():
    lines = {(l.language, l.criterion): l for l in report.lines(ITEMS)}
    assert set(lines) == {(lang, c) for lang in ("uk", "en", "all") for c in ("empathy", "accuracy", "compliance")}
    uk = lines[("uk", "empathy")]
    assert uk.human_human.items == 6 and uk.human_human.kappa == pytest.approx(0.75)
    # machine ratings 0 2 2 1 1 0: the same as bob's, so κ 1 with bob; with ann 3/4 (the fixture again)
    assert uk.machine_human.kappa == pytest.approx((1.0 + 0.75) / 2)
    assert lines[("en", "empathy")].human_human.items == 1
    assert lines[("all", "empathy")].human_human.items == 7


def test_disagreements_put_the_machine_evidence_beside_the_comments():
    found = {(d.item.id, d.criterion): d for d in report.disagreements(ITEMS)}
    assert (7, "empathy") in found and found[(7, "empathy")].machine == 2
    assert found[(7, "empathy")].comments == {"ann": "cold"}
    assert (6, "accuracy") in found          # ann 2, bob 0: two steps apart among themselves
    assert "critical blame: ви самі винні" in found[(6, "accuracy")].evidence
    assert (3, "empathy") not in found and (1, "empathy") not in found


def test_exports_carry_the_figures_in_the_readers_language():
    sheets = exports.sheets(ITEMS, None, "en")
    assert list(sheets) == ["Agreement", "Replies", "Disagreements"]
    agreement = sheets["Agreement"]
    row = agreement[(agreement["Language"] == "uk") & (agreement["Criterion"] == "Empathy")].iloc[0]
    assert row["Trainers with each other: κ"] == 0.75
    workbook = pd.read_excel(io.BytesIO(to_xlsx(sheets)), sheet_name=None)
    assert set(workbook) == {"Agreement", "Replies", "Disagreements"}
    assert "ann: Comment" in workbook["Replies"].columns
    text = to_csv(exports.agreement_frame(ITEMS, None, "uk")).decode("utf-8-sig")
    assert "Тренери між собою: κ" in text and "обидві" in text


def test_the_printable_page_escapes_what_people_typed():
    page = exports.render_html("<Березень>", ITEMS, None, "без налаштування", "uk")
    assert "&lt;Березень&gt;" in page and "<Березень>" not in page
    assert "&lt;b&gt;reply 7&lt;/b&gt;" in page
    assert "0,75" in page
