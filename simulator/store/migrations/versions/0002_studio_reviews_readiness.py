"""Trainer studio, reviews and readiness: who wrote a scenario version and when it changed,
trainers' score overrides, per-turn findings for weak areas, settings, and the attempt's
critical flag as a column (it was only inside the scorecard JSON).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

Time = sa.DateTime(timezone=True)
Json = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    # Plain ADD COLUMN (no batch copy of the tables: on SQLite that would drop tables other
    # tables' foreign keys point at, which fails with foreign keys on).
    # without a foreign key: SQLite cannot add one to an existing table in place
    op.add_column("scenario_versions", sa.Column("author_id", sa.Integer(), nullable=True))
    op.add_column("scenario_versions", sa.Column("changed_at", Time, nullable=True))
    op.add_column("scenario_versions", sa.Column("note", sa.Text(), nullable=False, server_default=""))
    op.add_column("attempts", sa.Column("critical", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.add_column("attempts", sa.Column("reviewed_overall", sa.Float(), nullable=True))
    op.add_column("attempts", sa.Column("reviewed_critical", sa.Boolean(), nullable=True))
    op.create_index(op.f("ix_attempts_status_finished_at"), "attempts", ["status", "finished_at"])
    op.execute(
        "UPDATE attempts SET critical = EXISTS (SELECT 1 FROM turns WHERE turns.attempt_id = attempts.id AND turns.critical)"
    )

    op.create_table(
        "turn_overrides",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("attempt_id", sa.Integer(), nullable=False),
        sa.Column("turn_index", sa.Integer(), nullable=False),
        sa.Column("original_overall", sa.Float(), nullable=False),
        sa.Column("original_critical", sa.Boolean(), nullable=False),
        sa.Column("overall", sa.Float(), nullable=False),
        sa.Column("critical", sa.Boolean(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("reviewer_id", sa.Integer(), nullable=True),
        sa.Column("created_at", Time, nullable=False),
        sa.ForeignKeyConstraint(["attempt_id"], ["attempts.id"], name=op.f("fk_turn_overrides_attempt_id_attempts"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["reviewer_id"], ["users.id"], name=op.f("fk_turn_overrides_reviewer_id_users"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_turn_overrides")),
    )
    op.create_index(op.f("ix_turn_overrides_attempt_id"), "turn_overrides", ["attempt_id"])

    op.create_table(
        "turn_findings",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("attempt_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("scenario_version_id", sa.Integer(), nullable=False),
        sa.Column("turn_index", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("item", sa.String(300), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("created_at", Time, nullable=False),
        sa.CheckConstraint("kind IN ('missed_fact', 'wrong_fact', 'hurt')", name=op.f("ck_turn_findings_kind")),
        sa.ForeignKeyConstraint(["attempt_id"], ["attempts.id"], name=op.f("fk_turn_findings_attempt_id_attempts"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_turn_findings_user_id_users"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["scenario_version_id"], ["scenario_versions.id"], name=op.f("fk_turn_findings_scenario_version_id_scenario_versions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_turn_findings")),
    )
    op.create_index(op.f("ix_turn_findings_attempt_id"), "turn_findings", ["attempt_id"])
    op.create_index("ix_turn_findings_weak_areas", "turn_findings", ["kind", "scenario_version_id", "item", "created_at", "user_id"])
    _fill_findings()

    op.create_table(
        "settings",
        sa.Column("key", sa.String(100), nullable=False),
        sa.Column("value", Json, nullable=False),
        sa.Column("updated_by", sa.Integer(), nullable=True),
        sa.Column("updated_at", Time, nullable=False),
        sa.ForeignKeyConstraint(["updated_by"], ["users.id"], name=op.f("fk_settings_updated_by_users"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )


def _fill_findings() -> None:
    """Findings for the turns saved before this table existed (the same reading as new turns get)."""
    from simulator.store.findings import turn_findings

    connection = op.get_bind()
    turns = sa.table("turns", sa.column("attempt_id"), sa.column("turn_index"), sa.column("score", sa.JSON()),
                     sa.column("created_at", Time))
    attempts = sa.table("attempts", sa.column("id"), sa.column("user_id"), sa.column("scenario_version_id"))
    findings = sa.table("turn_findings", *(sa.column(name) for name in (
        "attempt_id", "user_id", "scenario_version_id", "turn_index", "kind", "item", "label", "created_at")))
    query = sa.select(turns.c.attempt_id, turns.c.turn_index, turns.c.score, turns.c.created_at, attempts.c.user_id,
                      attempts.c.scenario_version_id).join(attempts, attempts.c.id == turns.c.attempt_id)
    rows = [
        {"attempt_id": t.attempt_id, "user_id": t.user_id, "scenario_version_id": t.scenario_version_id,
         "turn_index": t.turn_index, "kind": kind, "item": item, "label": label, "created_at": t.created_at}
        for t in connection.execute(query) for kind, item, label in turn_findings(t.score)
    ]
    if rows:
        connection.execute(findings.insert(), rows)


def downgrade() -> None:
    op.drop_table("settings")
    op.drop_table("turn_findings")
    op.drop_table("turn_overrides")
    op.drop_index(op.f("ix_attempts_status_finished_at"), "attempts")
    for table, columns in (("attempts", ("reviewed_critical", "reviewed_overall", "critical")),
                           ("scenario_versions", ("note", "changed_at", "author_id"))):
        for column in columns:
            op.drop_column(table, column)
