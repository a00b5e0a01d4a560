"""Dashboard figures: HR's readiness page over a synthetic history, on SQLite and PostgreSQL.
Printed, not asserted.

Target (issue: dashboard benchmark): with 100,000 calls and a million turns, the dashboard is
computed and rendered in under 2 s.

Each database is a throwaway one filled by :func:`bench.history.generate` (quick: 10,000 calls
and 100,000 turns; full: 100,000 and 1,000,000, over a year). Measured, each the median of 5
runs, for the page's default period (readiness_filters.DEFAULT_DAYS) and for the whole year:

- query: the store calls of :func:`simulator.reports.readiness_report.build`, the one entry the
  page uses (report_attempts, report_trainees, report_findings, and the definition's setting and
  catalogue), timed through a wrapper around the store;
- compute: the rest of ``build`` (DataFrames from the rows, readiness per category and per
  trainee), then what the page asks of the report: the summary, the cohort (groups by
  categories), weekly trends, ready trainees week by week, weak areas, and the CSV download.
  The Excel workbook is made only when its button is clicked: timed apart ("on click"), not
  part of the page;
- total: the page simulator/ui/pages/readiness.py run by streamlit.testing's AppTest for a
  logged-in HR user against that database (DATABASE_URL): a new session opening the page (its
  default period), then the rerun after choosing the whole year. The page queries and computes
  all of the above itself, so render = total - query - compute: Streamlit's share (widgets,
  tables, Altair charts). The process's first run, which opens the store, is printed apart.

A query slower than 1 s has its plan printed (EXPLAIN QUERY PLAN on SQLite, EXPLAIN ANALYZE on
PostgreSQL) and, as an experiment on the throwaway database only, is timed again with each
candidate index of EXPERIMENTS.

    .venv/bin/python -c "import bench.dashboard as b; b.run(quick=True)"
"""
from __future__ import annotations

import datetime as dt
import functools
import os
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from sqlalchemy import event

from bench.history import PASSWORD, generate
from simulator.reports import readiness_report
from simulator.store import SHELL, Store
from simulator.ui.components.readiness_filters import DEFAULT_DAYS

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "simulator" / "ui" / "pages" / "readiness.py"
RUNS = 5
TARGET_S = 2.0
SLOW_S = 1.0
PERIODS = {f"{DEFAULT_DAYS} days": DEFAULT_DAYS, "year": 365}
ON_CLICK = "xlsx on click"          # timed, but not part of the page's run     # the page's default period, the whole history
# Indexes that could speed up a slow report query (name, table, columns): created on the
# throwaway database only, to measure, then dropped. Not in the store's schema.
EXPERIMENTS = {
    "report_attempts": [("bench_attempts_covering", "attempts", ("status, finished_at, user_id, scenario_version_id, "
                         "mode, overall, reviewed_overall, critical, reviewed_critical, passed"))],
}


class TimedStore:
    """The store, with the seconds and the arguments of each method call made through it."""

    def __init__(self, store: Store):
        self.store = store
        self.seconds: dict[str, float] = defaultdict(float)
        self.calls: dict[str, tuple] = {}

    def __getattr__(self, name: str):
        method = getattr(self.store, name)

        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return method(*args, **kwargs)
            finally:
                self.seconds[name] += time.perf_counter() - started
                self.calls[name] = (args, kwargs)

        return timed


def dashboard(store: Store, hr, as_of: dt.date, since: dt.date) -> tuple[dict, dict, dict, object]:
    """Median seconds of the page's store calls (by method) and of each step of its computation,
    the last run's store calls (to replay a slow one), and the last report."""
    queries, steps = defaultdict(list), defaultdict(list)
    for _ in range(RUNS):
        timed = TimedStore(store)
        started = time.perf_counter()
        report = readiness_report.build(timed, hr, as_of=as_of, since=since, history_weeks=readiness_report.HISTORY_WEEKS)
        built = time.perf_counter() - started
        for name, seconds in timed.seconds.items():
            queries[name].append(seconds)
        steps["frames + readiness"].append(built - sum(timed.seconds.values()))
        for step, call in page_steps(report).items():
            steps[step].append(_seconds(call))
        steps[ON_CLICK].append(_seconds(lambda: report.xlsx("uk")))
    medians = [{name: statistics.median(seconds) for name, seconds in timings.items()} for timings in (queries, steps)]
    return medians[0], medians[1], timed.calls, report


def page_steps(report) -> dict:
    """What the page asks of a built report (simulator/ui/components/readiness_*.py)."""
    return {
        "summary": report.summary, "cohort": report.cohort, "weekly": report.weekly, "ready by week": report.ready_weeks,
        "weak areas": lambda: ([report.top_findings(kind) for kind in ("missed_fact", "hurt")], report.weakest_categories()),
        "csv": lambda: report.csv("uk"),
    }


def render(url: str, store: Store, hr, folder: Path, as_of: dt.date) -> dict:
    """Seconds the readiness page takes for a logged-in HR user, by period: opened in a new
    session (the default period), then rerun with the whole year chosen; medians of RUNS after
    a first round (in which the page's process opens the store)."""
    from streamlit import config, logger
    from streamlit.testing.v1 import AppTest

    from tests.ui.ui_helpers import log_in      # the tests' log-in: a real session token in session state

    config.set_option("logger.level", "error")     # quiet: setting session state before a run warns in bare mode
    logger.set_log_level("error")
    settings = {"DATABASE_URL": url, "SIMULATOR_DATA_DIR": str(folder / "data"), "SIMULATOR_DEMO": "0"}
    saved = {name: os.environ.get(name) for name in settings}
    os.environ.update(settings)
    seconds = defaultdict(list)
    try:
        for _ in range(1 + RUNS):
            at = AppTest.from_file(str(PAGE), default_timeout=600)
            log_in(at, store, hr)
            for period, days in PERIODS.items():
                if days != DEFAULT_DAYS:
                    at.date_input(key="readiness_filters.dates").set_value((as_of - dt.timedelta(days=days), as_of))
                started = time.perf_counter()
                at.run()
                seconds[period].append(time.perf_counter() - started)
                if at.exception:
                    print(f"  the page failed: {at.exception[0].value}")
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name)
            else:
                os.environ[name] = value
    return {"first_s": seconds[next(iter(PERIODS))][0], **{period: statistics.median(s[1:]) for period, s in seconds.items()},
            "shown": f"{len(at.metric)} figures, {len(at.dataframe)} tables, {len(at.get('vega_lite_chart'))} "
                     f"charts, {len(at.get('download_button'))} downloads"}


def explain(store: Store, call) -> list[str]:
    """The plan of the first report statement ``call`` runs (EXPLAIN QUERY PLAN on SQLite,
    EXPLAIN ANALYZE on PostgreSQL)."""
    statements = []

    def seen(connection, cursor, statement, parameters, context, executemany):
        if "ORDER BY" in statement:        # the report query, not the viewer's role check
            statements.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", seen)
    try:
        call()
    finally:
        event.remove(store.engine, "before_cursor_execute", seen)
    statement, parameters = statements[0]
    prefix = "EXPLAIN QUERY PLAN " if store.engine.dialect.name == "sqlite" else "EXPLAIN (ANALYZE, COSTS OFF) "
    with store.engine.connect() as connection:
        return [str(row[-1]) for row in connection.exec_driver_sql(prefix + statement, parameters)]


def slow(store: Store, name: str, period: str, call, seconds: float) -> None:
    """Print the plan of a slow query and, as an experiment, its time with each candidate index."""
    print(f"{store.engine.dialect.name}, {name}, {period} took {seconds:.2f} s (> {SLOW_S:.0f} s); its plan:")
    print("\n".join(f"    {line}" for line in explain(store, call)))
    for index, table, columns in EXPERIMENTS.get(name, []):
        started = time.perf_counter()
        with store.engine.begin() as connection:
            connection.exec_driver_sql(f"CREATE INDEX {index} ON {table} ({columns})")
        built = time.perf_counter() - started
        again = statistics.median(_seconds(call) for _ in range(RUNS))
        using = [line.strip() for line in explain(store, call) if index in line]
        print(f"  EXPERIMENT on the throwaway database, not in the store's schema: CREATE INDEX ON {table} ({columns}) "
              f"(built in {built:.1f} s): {name} {seconds:.2f} s -> {again:.2f} s; "
              + (f"the plan uses it: {'; '.join(using)}" if using else "the planner does not use it"))
        with store.engine.begin() as connection:
            connection.exec_driver_sql(f"DROP INDEX {index}")


def _seconds(call) -> float:
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


def measure(url: str, attempts: int, folder: Path, scenarios: Path) -> dict:
    """Fill a fresh database at ``url``, then time the dashboard's queries, computation and page."""
    store = Store.open(url)
    history = generate(store, attempts=attempts, scenarios=scenarios)
    database = store.engine.dialect.name
    if database == "postgresql":        # as autovacuum would after a bulk load: statistics, visibility map
        with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("VACUUM ANALYZE")
    hr = store.create_user("bench-hr", "hr", PASSWORD, by=SHELL)
    as_of = history.today.date()
    figures = {"database": database, "attempts": history.attempts, "turns": history.turns}
    slow_queries = []
    for period, days in PERIODS.items():
        queries, steps, calls, report = dashboard(store, hr, as_of, as_of - dt.timedelta(days=days))
        figures[period] = {"query_s": sum(queries.values()),
                           "compute_s": sum(s for step, s in steps.items() if step != ON_CLICK), "xlsx_s": steps[ON_CLICK]}
        weekly = report.weekly().query("metric == 'mean_overall'")["value"]
        print(f"{database}, {period}: {len(report.calls):,} calls in the period ({len(report.data.attempts):,} read); "
              f"ready today {report.summary()['ready']} of {report.summary()['total']}; weekly mean score "
              f"{weekly.iloc[0]:.1f} (first week) to {weekly.iloc[-1]:.1f} (last)")
        print("  query " + ", ".join(f"{name} {s:.3f} s" for name, s in queries.items()))
        print("  compute " + ", ".join(f"{step} {s:.3f} s" for step, s in steps.items()))
        slow_queries += [(name, period, calls[name], s) for name, s in queries.items() if s > SLOW_S]
    page = render(url, store, hr, folder, as_of)
    for period in PERIODS:
        figures[period].update(total_s=page[period])
    print(f"{database}, readiness page: " + ", ".join(f"{period} {page[period]:.2f} s" for period in PERIODS)
          + f" (medians; {page['shown']}); the process's first opening {page['first_s']:.2f} s")
    for name, period, (args, kwargs), seconds in slow_queries:
        slow(store, name, period, functools.partial(getattr(store, name), *args, **kwargs), seconds)
    store.close()
    return figures


def _postgres():
    """The store tests' PostgreSQL server (tests/store/store_db.py: dev tooling, imported rather
    than copied), started; None, saying why, when there is none."""
    try:
        import pytest

        from tests.store.store_db import PostgresServer
    except ImportError as exc:
        print(f"PostgreSQL skipped: {exc}")
        return None
    try:
        server = PostgresServer()
    except pytest.fail.Exception as exc:      # no server binaries
        print(f"PostgreSQL skipped: {exc}")
        return None
    try:
        server.start()
    except RuntimeError as exc:
        server.stop()
        print(f"PostgreSQL skipped: the server did not start: {exc}")
        return None
    return server


def _parts(figures: dict, period: str) -> dict[str, float]:
    f = figures[period]
    return {"query": f["query_s"], "compute": f["compute_s"], "render": f["total_s"] - f["query_s"] - f["compute_s"],
            "total": f["total_s"]}


def _table(figures: dict) -> None:
    print("total: the page's run, measured; render = total - query - compute, derived (noisy)")
    print(f"{'database':<11} {'period':<8} {'attempts':>9} {'turns':>10} {'query s':>8} {'compute s':>9} "
          f"{'render s':>8} {'total s':>8} {'target 2 s':>10}")
    for f in figures.values():
        for period in PERIODS:
            s = _parts(f, period)
            print(f"{f['database']:<11} {period:<8} {f['attempts']:>9,} {f['turns']:>10,} {s['query']:>8.3f} "
                  f"{s['compute']:>9.3f} {s['render']:>8.3f} {s['total']:>8.3f} "
                  f"{'met' if s['total'] < TARGET_S else 'MISSED':>10}")
    for f in figures.values():
        print(f"{f['database']}, the Excel workbook when its button is clicked: " + ", ".join(
            f"{period} {f[period]['xlsx_s']:.2f} s" for period in PERIODS))
    if "postgresql" in figures:
        for period in PERIODS:
            sqlite = _parts(figures["sqlite"], period)
            print(f"PostgreSQL/SQLite, {period}: " + ", ".join(
                f"{part} {seconds / sqlite[part]:.2f}x" for part, seconds in _parts(figures["postgresql"], period).items()
                if part != "render"))


def run(quick: bool = False, scenarios: Path = ROOT / "scenarios") -> dict:
    attempts = 10_000 if quick else 100_000
    print(f"== dashboard: {attempts:,} calls over a year ({'quick' if quick else 'full'}); "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores ==")
    figures = {}
    with tempfile.TemporaryDirectory(prefix="simulator-bench-dashboard-") as temporary:
        folder = Path(temporary)
        figures["sqlite"] = measure(f"sqlite:///{folder / 'history.db'}", attempts, folder, scenarios)
        server = _postgres()
        if server is not None:
            try:
                figures["postgresql"] = measure(server.url(server.create_database()), attempts, folder, scenarios)
            finally:
                server.stop()
    _table(figures)
    return figures


if __name__ == "__main__":
    run(quick="--quick" in sys.argv)
