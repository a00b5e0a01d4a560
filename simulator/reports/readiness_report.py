"""The readiness report HR sees on the dashboard, downloads, and exports from the command line:
one load from the store under the admin's definition, and every table computed from it.

The dashboard, ``python -m simulator readiness`` and the one-page trainee report all go
through :func:`build`, so they judge the same calls by the same definition. Times are UTC
days, as in :mod:`simulator.reports.readiness`.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from functools import cached_property

import pandas as pd

from simulator.texts import i18n

from ..store import Store, User
from .cohort import by_group
from .export import readiness_tables, to_csv, to_xlsx
from .frames import filter_attempts
from .readiness import by_category, by_trainee, summary
from .source import Data, Definition, definition, load
from .trainee_report import _result, render_html
from .trends import ready_over_time, weekly
from .weak_areas import top_findings, weakest_categories

HISTORY_WEEKS = 12          # how far back the dashboard shows ready trainees week by week

CALL_COLUMNS = ("user", "full_name", "group", "category", "scenario", "mode", "when", "score", "result")


class NothingRequired(ValueError):
    """No category to be ready in: none chosen by the admin and no scenario published."""

    def __init__(self):
        super().__init__("no required categories: no scenario is published and the readiness definition names none")


@dataclasses.dataclass(frozen=True)
class Report:
    """Readiness on ``as_of`` and what happened from ``since`` to ``as_of`` (UTC days, both included).

    ``data.attempts`` reaches back far enough for readiness on ``as_of`` and, with
    ``history_weeks``, at the end of each of that many weeks; ``data.findings`` cover the period only.
    """

    definition: Definition
    required: list[str]
    as_of: dt.date
    since: dt.date
    history_weeks: int
    data: Data
    categories: pd.DataFrame        # readiness.by_category on as_of
    trainees: pd.DataFrame          # readiness.by_trainee on as_of

    @cached_property
    def calls(self) -> pd.DataFrame:
        """The calls finished in the period."""
        return filter_attempts(self.data.attempts, since=self.since, until=self.as_of)

    def summary(self) -> dict:
        """{"ready", "total", "share"} of the trainees on ``as_of``."""
        return summary(self.trainees)

    def cohort(self) -> pd.DataFrame:
        """Per group and required category: trainees, ready, share, score (see :func:`~.cohort.by_group`)."""
        return by_group(self.categories)

    def weekly(self) -> pd.DataFrame:
        """The period's calls per ISO week: mean_overall, pass_rate, calls (see :func:`~.trends.weekly`)."""
        return weekly(self.calls)

    def ready_weeks(self) -> pd.DataFrame:
        """Ready trainees at the end of each of the last ``history_weeks`` weeks up to ``as_of``."""
        return ready_over_time(self.data.attempts, self.data.trainees, self.required, self.as_of,
                               weeks=self.history_weeks, rules=self.definition.rules)

    def top_findings(self, kind: str, n: int = 5) -> pd.DataFrame:
        """The period's most frequent findings of one kind, with their scenarios' titles. A label
        is always there to show: the store keeps a phrase that hurt as the item, with no label."""
        top = top_findings(self.data.findings, kind, n, titles=self.data.attempts)
        return top.assign(label=top["label"].where(top["label"].fillna("").astype(str).str.strip() != "", top["item"]))

    def weakest_categories(self, n: int = 5) -> pd.DataFrame:
        """The categories whose calls in the period scored lowest."""
        return weakest_categories(self.calls, n)

    def tables(self, language: str, category_names: Mapping[str, str] | None = None) -> dict[str, pd.DataFrame]:
        """The exported tables, headed in ``language``: trainees, categories, and the period's calls."""
        sheets = readiness_tables(self.categories, self.trainees, language, category_names)
        sheets[i18n.words(language)["sheet_calls"]] = calls_table(self.calls, language, category_names)
        return sheets

    def csv(self, language: str, category_names: Mapping[str, str] | None = None) -> bytes:
        """The trainees table as CSV, in the conventions of ``language`` (see :func:`csv_options`)."""
        trainees = readiness_tables(self.categories, self.trainees, language, category_names)
        return to_csv(next(iter(trainees.values())), **csv_options(language))

    def xlsx(self, language: str, category_names: Mapping[str, str] | None = None) -> bytes:
        """An Excel workbook of :meth:`tables`."""
        return to_xlsx(self.tables(language, category_names))


def build(store: Store, viewer: User, *, as_of: dt.date, since: dt.date | None = None, group: str | None = None,
          language: str | None = None, user_id: int | None = None, history_weeks: int = 0) -> Report:
    """The report for ``viewer`` (trainer, HR or admin: the store checks) on ``as_of``.

    ``since`` defaults to the start of the readiness window; ``group``, ``language`` (of the
    scenarios) and ``user_id`` (one trainee) narrow the trainees and the calls. With ``history_weeks``, the calls are read far
    enough back for :meth:`Report.ready_weeks`. NothingRequired when there is no category to be
    ready in; ValueError when ``since`` is after ``as_of``.
    """
    chosen = definition(store)
    required = chosen.categories(store)
    if not required:
        raise NothingRequired()
    rules = chosen.rules
    since = since or as_of - dt.timedelta(days=rules.window_days)
    if since > as_of:
        raise ValueError(f"the period starts ({since}) after it ends ({as_of})")
    # readiness at the end of each week looks one window back from that week's end
    reach = dataclasses.replace(rules, window_days=rules.window_days + 7 * history_weeks)
    data = load(store, viewer, until=as_of, since=since, group=group, language=language, user_id=user_id, rules=reach)
    categories = by_category(data.attempts, required, as_of, rules, data.trainees)
    return Report(chosen, required, as_of, since, history_weeks, data, categories, by_trainee(categories))


def csv_options(language: str) -> dict[str, str]:
    """``to_csv`` settings that Excel opens by double-click: in a Ukrainian locale it expects
    ";" between fields and a decimal comma; in English, "," and a decimal point."""
    return {"sep": ";", "decimal": ","} if language == "uk" else {"sep": ",", "decimal": "."}


def calls_table(calls: pd.DataFrame, language: str, category_names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """The calls as exported: who, category, scenario, mode, when (UTC), score and result, headed in ``language``."""
    words = i18n.words(language)
    names = category_names or {}
    table = pd.DataFrame({
        "user": calls["user"], "full_name": calls["full_name"], "group": calls["group"],
        "category": calls["category"].map(lambda code: names.get(code, code)), "scenario": calls["title"],
        "mode": calls["mode"].map(lambda mode: words[f"mode_{mode}"]), "when": calls["finished_at"],
        "score": calls["overall"], "result": [_result(call, words)[0] for call in calls.itertuples()],
    }, columns=list(CALL_COLUMNS))
    return table.rename(columns=words).reset_index(drop=True)


def trainee_html(store: Store, viewer: User, trainee: User, *, as_of: dt.date, language: str,
                 scenario_language: str | None = None, category_names: Mapping[str, str] | None = None,
                 generated_at: dt.datetime | None = None) -> str | None:
    """The one-page report on ``trainee`` as of ``as_of``, in ``language``; None when they are not
    an active trainee (the reports leave deactivated trainees out). NothingRequired as :func:`build`.

    The weak areas are the trainee's own findings (missed facts, wrong facts, phrases that
    hurt) in the readiness window.
    """
    if trainee.role != "trainee" or not trainee.active:
        return None
    report = build(store, viewer, as_of=as_of, user_id=trainee.id, language=scenario_language)
    person = report.trainees[report.trainees["user"] == trainee.username]
    if person.empty:
        return None
    findings = report.data.findings.assign(
        title=report.data.findings["scenario_id"].map(dict(zip(report.data.attempts["scenario_id"], report.data.attempts["title"]))))
    findings["title"] = findings["title"].fillna(findings["scenario_id"])
    return render_html(person.iloc[0], report.categories, report.data.attempts, findings, language, generated_at,
                       category_names)
