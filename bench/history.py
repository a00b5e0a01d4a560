"""A synthetic training history for the benchmarks: trainees in groups, the real scenario
library, a period of completed calls with their turns and weak-area findings, written fast.

What the data looks like:

- ``trainees`` active trainees spread over ``groups`` groups; about 15% have English as their
  language and play the English scenarios, the others the Ukrainian ones;
- the scenario library (./scenarios) recorded as published versions, as the app does;
- each trainee joins during the first half of the period and improves with practice: a call's
  overall score is ``base + gain * (1 - exp(-days since joining / pace))``, plus the trainee's
  strength in the call's category, plus noise; so weekly trends rise and categories differ;
- every call is completed; about 3% have a critical mistake (on one turn, a blaming phrase),
  about 5% were reviewed by a trainer (``reviewed_overall`` set; no turn_overrides rows);
- ``turns_per_attempt`` turns per call over the scenario's reply nodes (cycling when it has
  fewer), each with the node's real customer line and one of its reference answers as the reply;
- a turn's ``score`` JSON is compact: TurnScore.to_dict()'s structure (overall; accuracy with
  the key facts checked and wrong facts said; empathy with the phrases that hurt; time;
  compliance flags) without its long texts (reply, feedback, closest reference,
  probabilities). The dashboard never reads it; the ``turn_findings`` rows are derived from it
  by the store's own :func:`simulator.store.findings.turn_findings`, so the two agree (about
  1.3 findings a turn: missed facts with the scenarios' real fact ids and labels, some
  phrases that hurt, a few wrong facts).

Rows go in a chunk of calls (with their turns and findings) per transaction, each value
converted by its SQLAlchemy column type as the store would write it, then by the driver's
executemany on SQLite, or COPY on PostgreSQL (psycopg's, through the SQLAlchemy connection). Primary keys are given explicitly, continuing from each table's largest id, so
turns and findings refer to their call without reading ids back; PostgreSQL's sequences are
moved past them at the end.
"""
from __future__ import annotations

import datetime as dt
import math
import random
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, func, select, text

from simulator.services.catalogue import playable, record_files
from simulator.scoring.lexicon import AVOID, BLAME
from simulator.store import Store, auth, migrate
from simulator.store.findings import turn_findings
from simulator.store.models import AttemptRow, TurnFindingRow, TurnRow, UserRow

ROOT = Path(__file__).resolve().parents[1]
CHUNK = 2_000           # calls per transaction, with their turns and findings
ENGLISH, CRITICAL, REVIEWED, EXAM = 0.15, 0.03, 0.05, 0.2
TURN_SECONDS = 30.0
PASSWORD = "bench-password"
FIRST_NAMES = ("Олена", "Тарас", "Ірина", "Богдан", "Марія", "Андрій", "Оксана", "Дмитро", "Наталія", "Юрій")
LAST_NAMES = ("Коваленко", "Шевчук", "Бондар", "Мельник", "Ткаченко", "Кравець", "Олійник", "Лисенко")

TABLES = (UserRow.__table__, AttemptRow.__table__, TurnRow.__table__, TurnFindingRow.__table__)


@dataclass(frozen=True)
class History:
    today: dt.datetime      # the end of the period: every call finished before it
    trainees: int
    attempts: int
    turns: int
    findings: int
    seconds: float


def generate(engine_or_store: Engine | Store, trainees: int = 500, groups: int = 10, attempts: int = 100_000,
             turns_per_attempt: int = 10, days: int = 365, seed: int = 0, today: dt.datetime | None = None,
             scenarios: Path = ROOT / "scenarios") -> History:
    """Write the history into the database (migrated first when given an engine); print rows/s."""
    store = engine_or_store if isinstance(engine_or_store, Store) else _migrated(engine_or_store)
    started = time.perf_counter()
    today = today or dt.datetime.now(dt.timezone.utc)
    begin = today - dt.timedelta(days=days)
    r = random.Random(seed)
    record_files(store, scenarios)
    library = {language: sorted((p for p in playable(store).values() if p.scenario.language == language),
                                key=lambda p: p.scenario.id) for language in ("uk", "en")}     # same seed, same calls
    categories = {p.scenario.category for offered in library.values() for p in offered}

    # who the trainees are, and how they learn (days count from the period's start)
    language = ["en" if r.random() < ENGLISH else "uk" for _ in range(trainees)]
    joined = [r.random() * days / 2 for _ in range(trainees)]
    base = [r.gauss(52, 8) for _ in range(trainees)]
    gain = [max(5.0, r.gauss(28, 8)) for _ in range(trainees)]
    pace = [r.uniform(20, 90) for _ in range(trainees)]            # days to learn ~63% of the gain
    strength = [{category: r.gauss(0, 5) for category in categories} for _ in range(trainees)]
    activity = [r.gammavariate(2.0, 1.0) for _ in range(trainees)]
    # the calls, oldest first: (day finished, trainee)
    calls = sorted((joined[i] + r.random() * (days - joined[i]), i)
                   for i in r.choices(range(trainees), weights=activity, k=attempts))

    counts = {"users": trainees, "attempts": attempts, "turns": 0, "turn_findings": 0}
    with store.engine.begin() as connection:
        ids = {table.name: connection.scalar(select(func.coalesce(func.max(table.c.id), 0))) + 1 for table in TABLES}
        password_hash = auth.hash_password(PASSWORD)
        _insert(connection, UserRow.__table__, [
            {"id": ids["users"] + i, "username": f"trainee-{ids['users'] + i:06d}",
             "full_name": f"{FIRST_NAMES[i % len(FIRST_NAMES)]} {LAST_NAMES[i // len(FIRST_NAMES) % len(LAST_NAMES)]}",
             "role": "trainee", "group_name": f"group-{i % groups + 1:02d}", "password_hash": password_hash,
             "language": language[i], "active": True,
             "created_at": begin + dt.timedelta(days=joined[i])}
            for i in range(trainees)])
    for first in range(0, attempts, CHUNK):
        rows: dict[str, list[dict]] = {table.name: [] for table in TABLES[1:]}
        for number, (day, i) in enumerate(calls[first:first + CHUNK], start=ids["attempts"] + first):
            chosen = r.choice(library[language[i]])
            learnt = 1 - math.exp(-(day - joined[i]) / pace[i])
            overall = _clip(base[i] + gain[i] * learnt + strength[i][chosen.scenario.category] + r.gauss(0, 7))
            attempt, turns, findings = _call(r, chosen, number, ids["users"] + i, begin + dt.timedelta(days=day),
                                             overall, turns_per_attempt)
            rows["attempts"].append(attempt)
            rows["turns"] += turns
            rows["turn_findings"] += findings
        for name in ("turns", "turn_findings"):
            for number, row in enumerate(rows[name], start=ids[name] + counts[name]):
                row["id"] = number
            counts[name] += len(rows[name])
        with store.engine.begin() as connection:
            for table in TABLES[1:]:
                _insert(connection, table, rows[table.name])
    if store.engine.dialect.name == "postgresql":
        with store.engine.begin() as connection:
            for table in TABLES:        # the explicit ids went past the sequences
                connection.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                                        f"(SELECT max(id) FROM {table.name}))"))
    seconds = time.perf_counter() - started
    total = sum(counts.values())
    print(f"history ({store.engine.dialect.name}): {trainees} trainees, {attempts:,} calls, {counts['turns']:,} turns, "
          f"{counts['turn_findings']:,} findings ({counts['turn_findings'] / max(counts['turns'], 1):.2f} a turn) over "
          f"{days} days, written in {seconds:.1f} s: {total / seconds:,.0f} rows/s")
    return History(today, trainees, attempts, counts["turns"], counts["turn_findings"], seconds)


def _call(r: random.Random, chosen, attempt_id: int, user_id: int, finished: dt.datetime, overall: float,
          turns_per_attempt: int) -> tuple[dict, list[dict], list[dict]]:
    """One completed call's attempt row, turn rows and finding rows (ids of turns and findings left to the caller)."""
    scenario, version_id = chosen.scenario, chosen.version.id
    critical = r.random() < CRITICAL
    critical_turn = r.randrange(turns_per_attempt) if critical else -1
    started = finished - dt.timedelta(seconds=TURN_SECONDS * turns_per_attempt)
    nodes = scenario.reply_nodes
    turns, findings = [], []
    for k in range(turns_per_attempt):
        name = nodes[k % len(nodes)]
        node = scenario.nodes[name]
        score = _turn_score(r, name, node, scenario.language, _clip(overall + r.gauss(0, 8)), k == critical_turn)
        asked = k * TURN_SECONDS
        created = started + dt.timedelta(seconds=asked + 20)
        turns.append({"attempt_id": attempt_id, "turn_index": k, "node_id": name,
                      "customer_line": r.choice(node.customer) if node.customer else "",
                      "reply": r.choice(node.references) if node.references else "", "silent": False,
                      "asked_at": asked, "replied_at": asked + 20, "latency": None, "overall": score["overall"],
                      "accuracy": score["accuracy"]["score"], "empathy": score["empathy"]["score"],
                      "time_score": score["time"]["score"], "critical": k == critical_turn, "score": score,
                      "audio_key": None, "created_at": created})
        findings += [{"attempt_id": attempt_id, "user_id": user_id, "scenario_version_id": version_id, "turn_index": k,
                      "kind": kind, "item": item, "label": label, "created_at": created}
                     for kind, item, label in turn_findings(score)]
    outcome = "resolved" if overall >= 55 or r.random() < 0.5 else r.choice(("escalated", "hung_up"))
    reasons = [reason for reason, applies in (("below_mark", overall < scenario.pass_mark), ("critical", critical),
                                              ("outcome", outcome != "resolved")) if applies]
    parts = {part: round(sum(t[part] for t in turns) / len(turns), 1) for part in ("accuracy", "empathy", "time_score")}
    reviewed = r.random() < REVIEWED
    attempt = {"id": attempt_id, "user_id": user_id, "scenario_version_id": version_id,
               "mode": "exam" if r.random() < EXAM else "practice", "seed": r.randrange(2**31), "status": "completed",
               "started_at": started, "last_activity_at": finished, "finished_at": finished, "outcome": outcome,
               "overall": round(overall, 1), **parts, "passed": not reasons, "critical": critical,
               "reviewed_overall": round(_clip(overall + r.gauss(3, 5)), 1) if reviewed else None,
               "reviewed_critical": critical if reviewed else None,
               # CallScore.to_dict() without its turns and verdict text: the dashboard never reads it
               "scorecard": {"scenario": scenario.id, "outcome": outcome, "passed": not reasons, "reasons": reasons,
                             "overall": round(overall, 1), "pass_mark": scenario.pass_mark, "accuracy": parts["accuracy"],
                             "empathy": parts["empathy"], "time": {"score": parts["time_score"]}, "silent_turns": 0}}
    return attempt, turns, findings


def _turn_score(r: random.Random, name: str, node, language: str, overall: float, critical: bool) -> dict:
    """TurnScore.to_dict()'s structure without its long texts: the weaker the turn, the more key
    facts missed and the likelier a phrase that hurts; a critical turn blames the customer."""
    accuracy, empathy = _clip(overall + r.gauss(0, 6)), _clip(overall + r.gauss(0, 6))
    miss = min(1.0, 1.6 * (1 - accuracy / 100))
    facts = [{"id": f.id, "fact": f.fact, "said": r.random() >= miss} for f in node.key_facts]
    wrong = [{"id": f.id, "fact": f.fact, "said": True} for f in node.wrong_facts if r.random() < 0.03]
    flags = [{"kind": "blame", "phrase": r.choice(BLAME[language]), "critical": True}] if critical else []
    hurt = [r.choice(AVOID[language])] if r.random() < (100 - empathy) / 100 else []
    roll = r.random()
    time_score, band = (100, "on_target") if roll < 0.6 else (80, "slightly_over") if roll < 0.9 else (60, "over")
    return {"node": name, "overall": round(overall, 1),
            "accuracy": {"score": round(accuracy, 1), "facts": facts, "wrong_facts": wrong},
            "empathy": {"score": round(empathy, 1), "hurt": hurt + [flag["phrase"] for flag in flags]},
            "time": {"score": time_score, "band": band},
            "compliance": {"critical": critical, "flags": flags}}


def _clip(score: float) -> float:
    return min(100.0, max(5.0, score))


def _migrated(engine: Engine) -> Store:
    migrate(engine)
    return Store(engine)


def _insert(connection, table, rows: list[dict]) -> None:
    """Each value through its column type's bind processor (what Core would do, without its
    per-row overhead), then one executemany by the driver on SQLite, or COPY on PostgreSQL."""
    if not rows:
        return
    dialect = connection.dialect
    columns = [column.name for column in table.c if column.name in rows[0]]    # the order the INSERT compiles to
    processors = [(name, table.c[name].type.dialect_impl(dialect).bind_processor(dialect)) for name in columns]
    values = [tuple(row[name] if process is None else process(row[name]) for name, process in processors) for row in rows]
    if dialect.name == "postgresql":
        cursor = connection.connection.driver_connection.cursor()
        with cursor.copy(f"COPY {table.name} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in values:
                copy.write_row(row)
    else:
        connection.exec_driver_sql(str(table.insert().compile(dialect=dialect, column_keys=columns)), values)
