"""The one-page trainee report: content in both languages, escaping, limits, print CSS."""
from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser

import pandas as pd
import pytest

from simulator.reports.readiness import readiness_at
from simulator.reports.trainee_report import render_html

UTC = dt.timezone.utc
GENERATED = dt.datetime(2026, 3, 31, 17, 5, tzinfo=dt.timezone(dt.timedelta(hours=3)))     # 14:05 UTC
NAME = 'Іван <script>alert("x")</script> & Co'


def attempt(category, day, overall, critical=False, mode="practice", title="Відключення світла"):
    return {"user": "ivan", "full_name": NAME, "group": "A & B", "category": category, "title": title, "mode": mode,
            "finished_at": dt.datetime(2026, 3, day, 12, tzinfo=UTC), "overall": overall, "critical": critical,
            "passed": overall >= 70 and not critical}


# outage: 71 then 69 (newest first) -> (71 + 0.8*69) / 1.8 = 70.1, ready; tariffs: one call, 90, critical
CALLS = pd.DataFrame([
    attempt("outage", 29, 71, mode="exam"), attempt("outage", 28, 69),
    attempt("tariff-zones", 27, 90, critical=True, title="Тарифи <нічні> & денні"),
])
TRAINEE = {"user": "ivan", "full_name": NAME, "group": "A & B"}
FINDINGS = pd.DataFrame([
    ("missed_fact", "outage-uk", "restore", "час відновлення <до 18:00>", 3),
    ("hurt", "outage-uk", "заспокойтеся", "заспокойтеся & чекайте", 2),
], columns=["kind", "scenario_id", "item", "label", "count"])


class Tables(HTMLParser):
    """The text of every table cell, table by table, row by row (entities decoded)."""

    def __init__(self, html):
        super().__init__()
        self.tables, self.cell = [], None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self.cell = ""

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self.tables[-1][-1].append(self.cell)
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data


def report(language="uk", calls=CALLS, findings=FINDINGS, **names):
    categories = readiness_at(calls, None, ["outage", "tariff-zones"], dt.date(2026, 3, 31)).categories
    return render_html(TRAINEE, categories, calls, findings, language, GENERATED, **names)


def test_report_in_ukrainian():
    html = report(category_names={"outage": "відключення"})
    assert html.startswith("<!DOCTYPE html>") and '<html lang="uk">' in html
    assert "Звіт про готовність стажера" in html and "Сформовано 31.03.2026 14:05 (UTC)" in html
    assert "Ще не готовий до реальних дзвінків — готових тем: 1 з 2" in html
    categories, calls, weak = Tables(html).tables
    assert categories == [
        ["Тема", "Дзвінків", "Оцінка", "Готовий", "Чого бракує"],
        ["відключення", "2", "70,1", "так", ""],
        ["tariff-zones", "1", "90", "ні", "1 з 2 дзвінків, нещодавня критична помилка"],
    ]
    assert calls == [
        ["Коли (UTC)", "Сценарій", "Тема", "Режим", "Оцінка", "Результат"],
        ["29.03.2026 12:00", "Відключення світла", "відключення", "іспит", "71", "зараховано"],
        ["28.03.2026 12:00", "Відключення світла", "відключення", "тренування", "69", "не зараховано"],
        ["27.03.2026 12:00", "Тарифи <нічні> & денні", "tariff-zones", "тренування", "90", "критична помилка"],
    ]
    assert weak == [
        ["Що", "Текст", "Сценарій", "Разів"],
        ["пропущений факт", "час відновлення <до 18:00>", "outage-uk", "3"],
        ["шкідлива фраза", "заспокойтеся & чекайте", "outage-uk", "2"],
    ]


def test_report_in_english():
    html = report("en")
    assert '<html lang="en">' in html and "Trainee readiness report" in html and "Generated 2026-03-31 14:05 (UTC)" in html
    assert "Not yet ready for live calls — categories ready: 1 of 2" in html
    categories, calls, weak = Tables(html).tables
    assert categories[2] == ["tariff-zones", "1", "90", "no", "1 of 2 calls, a recent critical mistake"]
    assert [row[5] for row in calls[1:]] == ["passed", "not passed", "critical mistake"]
    assert calls[1] == ["2026-03-29 12:00", "Відключення світла", "outage", "exam", "71", "passed"]
    assert weak[1][0] == "missed fact" and weak[2][0] == "phrase that hurt"


def test_everything_from_the_data_is_escaped():
    html = report()
    assert "<script>" not in html and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co" in html
    assert "Тарифи &lt;нічні&gt; &amp; денні" in html and "час відновлення &lt;до 18:00&gt;" in html
    assert "Група: A &amp; B" in html
    assert "<title>Звіт про готовність стажера: Іван &lt;script&gt;" in html


def test_a_ready_trainee():
    calls = CALLS[CALLS.category == "outage"]
    categories = readiness_at(calls, None, ["outage"], dt.date(2026, 3, 31)).categories
    html = render_html(TRAINEE, categories, calls, FINDINGS.iloc[:0], "en", GENERATED)
    assert "Ready for live calls — categories ready: 1 of 1" in html
    assert "Nothing yet." in html and len(Tables(html).tables) == 2      # no weak areas table


def test_a_trainee_with_no_calls():
    trainees = pd.DataFrame({"user": ["nadia"], "full_name": ["Надія Бойко"], "group": [None]})
    categories = readiness_at(CALLS.iloc[:0], trainees, ["outage", "tariff-zones"], dt.date(2026, 3, 31)).categories
    html = render_html(trainees.iloc[0], categories, CALLS.iloc[:0], FINDINGS.iloc[:0], "uk", GENERATED)
    assert "Надія Бойко</b> (nadia) · Група: —" in html
    nameless = render_html({"user": "nadia", "full_name": float("nan"), "group": "A"}, categories, CALLS.iloc[:0],
                           FINDINGS.iloc[:0], "en", GENERATED)
    assert "<b>nadia</b> (nadia) · Group: A" in nameless
    assert "готових тем: 0 з 2" in html and html.count("Поки нічого.") == 2
    (categories_table,) = Tables(html).tables
    assert categories_table[1:] == [["outage", "0", "—", "ні", "немає дзвінків"], ["tariff-zones", "0", "—", "ні", "немає дзвінків"]]


def test_only_the_newest_ten_calls_and_three_findings_per_kind():
    calls = pd.DataFrame([attempt("outage", day, 60 + day) for day in range(1, 16)])        # 15 calls, 1..15 March
    findings = pd.DataFrame([("hurt", "s", f"p{k}", f"фраза {k}", k) for k in range(1, 9)],
                            columns=["kind", "scenario_id", "item", "label", "count"])
    html = report(calls=calls, findings=findings)
    _, shown, weak = Tables(html).tables
    assert len(shown) == 11 and shown[1][0] == "15.03.2026 12:00" and shown[-1][0] == "06.03.2026 12:00"
    assert [row[3] for row in weak[1:]] == ["8", "7", "6"]


def test_print_css_for_one_a4_page():
    html = report()
    assert "@page { size: A4;" in html
    assert "break-inside: avoid" in html and "page-break-inside: avoid" in html
    assert "background" not in html and "<script" not in html.replace("&lt;script", "")


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="unknown language 'de'"):
        report("de")
