"""The calibration report for a QA meeting: tables (CSV, Excel) and a printable page.

Three tables: the agreement per language and criterion (trainers with each other, the machine
with the trainers), every reply with each rating and comment and the machine's evidence, and
the disagreements. The page prints them as trainee_report.py prints its report (same CSS, every
value HTML-escaped). Built from simulator.calibration.report; the words, in both languages, are
in simulator/texts/calibration_words.py.
"""
from __future__ import annotations

import datetime as dt
import math
from html import escape

import pandas as pd

from simulator.calibration import report
from simulator.calibration.verdict import evidence, verdict
from simulator.reports.trainee_report import CSS, _table
from simulator.texts import i18n
from simulator.texts.calibration_words import WORDS

FIGURES = ("items", "kappa", "rho", "exact", "within_one")
SHORT = {"empathy": "E", "accuracy": "A", "compliance": "C"}


def agreement_frame(items: list, params: dict | None, language: str) -> pd.DataFrame:
    w = WORDS[language]
    rows = []
    for line in report.lines(items, params):
        row = {w["language"]: w["all"] if line.language == report.ALL else line.language, w["criterion"]: w[line.criterion]}
        for side, figures in (("hh", line.human_human), ("mh", line.machine_human)):
            for name, value in figures.to_dict().items():
                row[f"{w[side]}: {w[name]}"] = value
        rows.append(row)
    return pd.DataFrame(rows)


def items_frame(items: list, params: dict | None, language: str) -> pd.DataFrame:
    w = WORDS[language]
    raters = sorted({r.rater for i in items for r in i.ratings or []})
    rows = []
    for item in items:
        machine = verdict(item.machine, (params or {}).get(item.language))
        row = {w["position"]: item.position, w["language"]: item.language, w["scenario"]: item.scenario_id,
               w["node"]: item.node_id, w["customer"]: item.customer_line, w["reply"]: item.reply,
               w["trainee"]: item.trainee or "", w["expected"]: item.expected or ""}
        row.update({f"{w['machine']} {SHORT[c]}": machine[c] for c in SHORT})
        given = {r.rater: r for r in item.ratings or []}
        for rater in raters:
            r = given.get(rater)
            row.update({f"{rater} {SHORT[c]}": getattr(r, c) if r else None for c in SHORT})
            row[f"{rater}: {w['comment']}"] = r.comment if r else ""
        row[w["evidence"]] = evidence(item.machine)
        rows.append(row)
    return pd.DataFrame(rows)


def disagreements_frame(items: list, params: dict | None, language: str) -> pd.DataFrame:
    w = WORDS[language]
    return pd.DataFrame([{
        w["position"]: d.item.position, w["language"]: d.item.language, w["criterion"]: w[d.criterion],
        w["reply"]: d.item.reply, w["machine"]: d.machine,
        w["raters"]: ", ".join(f"{r} {v}" for r, v in d.humans.items()),
        w["comments"]: " | ".join(f"{r}: {c}" for r, c in d.comments.items()), w["evidence"]: d.evidence,
    } for d in report.disagreements(items, params)], columns=[w[k] for k in ("position", "language", "criterion", "reply",
                                                                                "machine", "raters", "comments", "evidence")])


def sheets(items: list, params: dict | None, language: str) -> dict[str, pd.DataFrame]:
    """The report's three tables, named for an Excel workbook (reports.export.to_xlsx)."""
    w = WORDS[language]
    return {w["sheet_agreement"]: agreement_frame(items, params, language),
            w["sheet_items"]: items_frame(items, params, language),
            w["sheet_disagreements"]: disagreements_frame(items, params, language)}


def render_html(name: str, items: list, params: dict | None, tunings: str, language: str = "uk",
                generated_at: dt.datetime | None = None) -> str:
    """The printable page. ``tunings``: which tuning rated the machine's side, already worded."""
    w = WORDS[language]
    words = i18n.words(language)
    generated_at = generated_at or dt.datetime.now(dt.timezone.utc)

    def figure(value) -> tuple[str, str]:
        return ("—" if value is None or (isinstance(value, float) and math.isnan(value)) else i18n.number(value, language, 2),
                "number")

    agreement_rows = []
    for line in report.lines(items, params):
        cells = [w["all"] if line.language == report.ALL else line.language, w[line.criterion]]
        for figures in (line.human_human, line.machine_human):
            d = figures.to_dict()
            cells += [(d["items"], "number"), figure(d["kappa"]), figure(d["rho"]), figure(d["exact"]), figure(d["within_one"])]
        agreement_rows.append(cells)
    header = [w["language"], w["criterion"]] + [(f"{w[side]}: {w[name]}" if name == "items" else w[name], "number")
                                                for side in ("hh", "mh") for name in FIGURES]
    disagreement_rows = [[(d.item.position, "number"), w[d.criterion], d.item.reply, (d.machine, "number"),
                          ", ".join(f"{r} {v}" for r, v in d.humans.items()),
                          " | ".join(f"{r}: {c}" for r, c in d.comments.items()), d.evidence]
                         for d in report.disagreements(items, params)]
    title = w["title"].format(name=name)
    body = [
        f"<h1>{escape(title)}</h1>",
        f"<p>{escape(w['generated'].format(when=i18n.when(generated_at, language)))} "
        f"{escape(w['tuning'].format(tunings=tunings))}</p>",
        f"<h2>{escape(w['section_agreement'])}</h2>",
        _table(header, agreement_rows, words),
        f"<h2>{escape(w['section_disagreements'])}</h2>",
        _table([(w["position"], "number"), w["criterion"], w["reply"], (w["machine"], "number"), w["raters"], w["comments"],
                w["evidence"]], disagreement_rows, words),
    ]
    return (f'<!DOCTYPE html>\n<html lang="{language}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n" + "\n".join(body) + "\n</body>\n</html>\n")


def trend_frame(rounds: list[tuple[str, list]], params: dict | None, language: str) -> pd.DataFrame:
    """κ per round (a set), language and criterion: the trainers' and the machine's."""
    w = WORDS[language]
    return pd.DataFrame([{
        w["round"]: label, w["language"]: w["all"] if line.language == report.ALL else line.language,
        w["criterion"]: w[line.criterion], f"{w['hh']}: {w['kappa']}": line.human_human.to_dict()["kappa"],
        f"{w['mh']}: {w['kappa']}": line.machine_human.to_dict()["kappa"],
    } for label, line in report.trend(rounds, params)])
