"""A one-page printable report on one trainee: readiness per category, recent calls, weak areas.

A standalone HTML document (inline CSS; no scripts, images or fonts to fetch) that a browser
prints on one A4 page for a typical trainee (10 categories, 10 recent calls, a few weak areas):
black on white, table rows never split across pages. Every value from the data is HTML-escaped,
since names and phrases are typed by people.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from html import escape

import pandas as pd

from simulator.reports.frames import NO_GROUP, require
from simulator.reports.readiness import describe
from simulator.reports.weak_areas import KINDS
from simulator.texts import i18n

MAX_CALLS = 10              # newest calls shown
MAX_FINDINGS = 3            # weak areas shown per kind, the most frequent

CSS = """
@page { size: A4; margin: 12mm; }
body { font: 9pt/1.3 "DejaVu Sans", Arial, sans-serif; color: #000; margin: 0; }
h1 { font-size: 14pt; margin: 0 0 1mm; }
h2 { font-size: 10.5pt; margin: 3.5mm 0 1mm; break-after: avoid; page-break-after: avoid; }
p { margin: 0 0 1mm; }
.who { font-size: 10.5pt; }
.status { font-weight: bold; border: 1.2pt solid #000; padding: 1mm 2.5mm; margin: 2mm 0 0; display: inline-block; }
table { width: 100%; border-collapse: collapse; font-size: 8pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { text-align: left; vertical-align: top; padding: 0.5mm 1.2mm; border-bottom: 0.4pt solid #888; }
th { border-bottom: 1pt solid #000; }
.number, .when, .no { white-space: nowrap; }
.number { text-align: right; }
.no { font-weight: bold; }
"""


def render_html(trainee: Mapping, categories: pd.DataFrame, attempts: pd.DataFrame, findings: pd.DataFrame,
                language: str = "uk", generated_at: dt.datetime | None = None,
                category_names: Mapping[str, str] | None = None) -> str:
    """The report as one HTML document.

    ``trainee``: user, full_name, group (a row of ``by_trainee`` or of TRAINEES will do).
    ``categories``: this trainee's rows of ``by_category`` (category, attempts, score, ready, reasons).
    ``attempts``: this trainee's calls (finished_at, title, category, mode, overall, passed, critical);
    the newest ten are shown. ``findings``: this trainee's weak areas (kind, label, count; title
    or scenario_id when present); the three most frequent of each kind are shown.
    ``generated_at`` defaults to now; times are shown in UTC.
    """
    require(categories, ("category", "attempts", "score", "ready", "reasons"), "categories")
    require(attempts, ("finished_at", "title", "category", "mode", "overall", "passed", "critical"), "attempts")
    require(findings, ("kind", "label", "count"), "findings")
    words = i18n.words(language)
    names = category_names or {}
    generated_at = generated_at or dt.datetime.now(dt.timezone.utc)
    full_name = trainee.get("full_name")
    name = trainee["user"] if pd.isna(full_name) or not full_name else full_name
    group = trainee.get("group")
    ready = len(categories) > 0 and bool(categories["ready"].all())

    def category(code) -> str:
        return names.get(code, code)

    def yes_no(value) -> str:
        return i18n.yes_no(bool(value), language)

    def score(value) -> str:
        return "—" if pd.isna(value) else i18n.number(value, language)

    category_rows = [[category(row.category), (row.attempts, "number"), (score(row.score), "number"),
                      (yes_no(row.ready), "" if row.ready else "no"), describe(row.reasons, language)]
                     for row in categories.itertuples()]
    calls = attempts.sort_values("finished_at", ascending=False).head(MAX_CALLS)
    call_rows = [[(i18n.when(row.finished_at, language), "when"), row.title, category(row.category),
                  words[f"mode_{row.mode}"], (score(row.overall), "number"), _result(row, words)]
                 for row in calls.itertuples()]
    place = "title" if "title" in findings.columns else "scenario_id"
    weak = pd.concat([findings[findings["kind"] == kind].nlargest(MAX_FINDINGS, "count") for kind in KINDS])
    weak_rows = [[words[f"kind_{row.kind}"], row.label, getattr(row, place), (row.count, "number")]
                 for row in weak.itertuples()]

    body = [
        f"<h1>{escape(words['report_title'])}</h1>",
        f'<p class="who"><b>{escape(str(name))}</b> ({escape(str(trainee["user"]))}) · '
        f"{escape(words['group'])}: {escape(NO_GROUP if pd.isna(group) else str(group))}</p>",
        f"<p>{escape(words['generated_at'].format(when=i18n.when(generated_at, language)))}</p>",
        f'<p class="status">{escape(words["status_ready" if ready else "status_not_ready"])} — '
        f"{escape(words['categories_ready'].format(ready=int(categories['ready'].sum()), required=len(categories)))}</p>",
        f"<h2>{escape(words['section_categories'])}</h2>",
        _table([words["category"], (words["attempts"], "number"), (words["score"], "number"), words["ready"],
                words["missing"]], category_rows, words),
        f"<h2>{escape(words['section_calls'])}</h2>",
        _table([words["when"], words["scenario"], words["category"], words["mode"], (words["score"], "number"),
                words["result"]], call_rows, words),
        f"<h2>{escape(words['section_weak'])}</h2>",
        _table([words["kind"], words["text"], words["scenario"], (words["count"], "number")], weak_rows, words),
    ]
    return (f'<!DOCTYPE html>\n<html lang="{language}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{escape(words['report_title'])}: {escape(str(name))}</title>\n<style>{CSS}</style>\n</head>\n"
            "<body>\n" + "\n".join(body) + "\n</body>\n</html>\n")


def _result(call, words: Mapping[str, str]) -> tuple[str, str]:
    """One word for the call's outcome, marked when it counts against the trainee."""
    if call.critical:
        return words["result_critical"], "no"
    if getattr(call, "abandoned", False):      # not finished: an exam left behind counts so
        return words["result_abandoned"], "no"
    return (words["result_passed"], "") if call.passed else (words["result_failed"], "no")


def _table(header: list, rows: list[list], words: Mapping[str, str]) -> str:
    """A table; a cell is a value, or (value, CSS class). No rows: a short "nothing yet"."""
    if not rows:
        return f"<p>{escape(words['none_yet'])}</p>"
    return (f"<table>\n<thead><tr>{_cells('th', header)}</tr></thead>\n<tbody>\n"
            + "\n".join(f"<tr>{_cells('td', row)}</tr>" for row in rows) + "\n</tbody>\n</table>")


def _cells(tag: str, cells: Iterable) -> str:
    html = []
    for cell in cells:
        value, css = cell if isinstance(cell, tuple) else (cell, "")
        attribute = f' class="{css}"' if css else ""
        html.append(f"<{tag}{attribute}>{escape(str(value))}</{tag}>")
    return "".join(html)
