"""Migration 0006: practice calls abandoned before any reply and saved with a 0-point scorecard (before
the abandoned-call change) stop counting; every other call keeps its score. Both databases."""
from __future__ import annotations

from sqlalchemy import text

from simulator.store.db import engine_from_env, migrate

CARD = '{"overall": 0, "accuracy": 0, "empathy": 0, "time": {"score": 0}, "passed": false, "reasons": []}'


def _attempt(connection, attempt_id: int, status: str, overall: float, mode: str = "practice") -> None:
    connection.execute(text(
        "INSERT INTO attempts (id, user_id, scenario_version_id, mode, seed, status, started_at, last_activity_at,"
        " finished_at, outcome, overall, accuracy, empathy, time_score, passed, critical, scorecard)"
        " VALUES (:id, 1, 1, :mode, 0, :status, '2026-03-01 10:00:00', '2026-03-01 10:05:00',"
        " '2026-03-01 10:05:00', :outcome, :overall, :overall, :overall, :overall, false, false, :card)"),
        {"id": attempt_id, "mode": mode, "status": status, "outcome": "abandoned" if status == "abandoned" else "resolved",
         "overall": overall, "card": CARD.replace('"overall": 0', f'"overall": {overall}')})


def test_0006_unscores_only_the_abandoned_calls_without_a_reply(database_url):
    engine = engine_from_env(database_url)
    try:
        migrate(engine, "0005")
        with engine.begin() as connection:
            connection.execute(text(
                "INSERT INTO users (id, username, full_name, role, password_hash, language, active, created_at,"
                " must_change_password) VALUES (1, 'anna', '', 'trainee', 'x', 'uk', true, '2026-03-01 10:00:00', false)"))
            connection.execute(text(
                "INSERT INTO scenario_versions (id, scenario_id, version, content_hash, yaml_text, title, language, channel,"
                " category, status, created_at) VALUES (1, 's', 1, 'h', 'id: s', 'S', 'uk', 'voice', 'debt', 'published',"
                " '2026-03-01 10:00:00')"))
            _attempt(connection, 1, "abandoned", 0)      # ended before any reply, saved with 0 points
            _attempt(connection, 2, "abandoned", 35)     # ended early after a reply: scored as it stood
            _attempt(connection, 3, "completed", 80)
            _attempt(connection, 4, "abandoned", 0, mode="exam")     # an exam left unfinished counts as not passed
            connection.execute(text(
                "INSERT INTO turns (attempt_id, turn_index, node_id, customer_line, reply, silent, asked_at, overall,"
                " critical, created_at) VALUES (2, 0, 'opening', 'Алло', 'Добрий день', false, 0, 35, false,"
                " '2026-03-01 10:01:00')"))
        migrate(engine, "0006")
        with engine.connect() as connection:
            rows = connection.execute(text(
                "SELECT id, status, overall, accuracy, passed, critical, scorecard IS NULL FROM attempts ORDER BY id")).all()
        assert rows == [(1, "abandoned", None, None, None, False, True),
                        (2, "abandoned", 35.0, 35.0, False, False, False),
                        (3, "completed", 80.0, 80.0, False, False, False),
                        (4, "abandoned", 0.0, 0.0, False, False, False)]
    finally:
        engine.dispose()
