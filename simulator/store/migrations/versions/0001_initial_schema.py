"""Initial schema: users, login sessions, scenario versions, attempts, turns, assignments.

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# Frozen copies of the model types, so that this file does not change when the models do.
Time = sa.DateTime(timezone=True)
Json = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def _id() -> sa.Column:
    return sa.Column("id", sa.Integer(), primary_key=True)


def upgrade() -> None:
    op.create_table(
        "users",
        _id(),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("full_name", sa.String(200), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("group_name", sa.String(100), nullable=True),
        sa.Column("password_hash", sa.String(255), nullable=False),
        sa.Column("language", sa.String(2), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", Time, nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("locked_until", Time, nullable=True),
        sa.CheckConstraint("role IN ('trainee', 'trainer', 'hr', 'admin')", name=op.f("ck_users_role")),
        sa.CheckConstraint("language IN ('uk', 'en')", name=op.f("ck_users_language")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("username", name=op.f("uq_users_username")),
    )
    op.create_index(op.f("ix_users_group_name"), "users", ["group_name"])

    op.create_table(
        "login_sessions",
        _id(),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("created_at", Time, nullable=False),
        sa.Column("last_seen", Time, nullable=False),
        sa.Column("expires_at", Time, nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_login_sessions_user_id_users"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_login_sessions")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_login_sessions_token_hash")),
    )
    op.create_index(op.f("ix_login_sessions_user_id"), "login_sessions", ["user_id"])

    op.create_table(
        "scenario_versions",
        _id(),
        sa.Column("scenario_id", sa.String(100), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("yaml_text", sa.Text(), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("language", sa.String(2), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("category", sa.String(50), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("created_at", Time, nullable=False),
        sa.CheckConstraint("status IN ('draft', 'published', 'retired')", name=op.f("ck_scenario_versions_status")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scenario_versions")),
        sa.UniqueConstraint("scenario_id", "version", name=op.f("uq_scenario_versions_scenario_id_version")),
        sa.UniqueConstraint("scenario_id", "content_hash", name=op.f("uq_scenario_versions_scenario_id_content_hash")),
    )

    op.create_table(
        "attempts",
        _id(),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("scenario_version_id", sa.Integer(), nullable=False),
        sa.Column("mode", sa.String(16), nullable=False),
        sa.Column("seed", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("started_at", Time, nullable=False),
        sa.Column("last_activity_at", Time, nullable=False),
        sa.Column("finished_at", Time, nullable=True),
        sa.Column("outcome", sa.String(16), nullable=True),
        sa.Column("overall", sa.Float(), nullable=True),
        sa.Column("accuracy", sa.Float(), nullable=True),
        sa.Column("empathy", sa.Float(), nullable=True),
        sa.Column("time_score", sa.Float(), nullable=True),
        sa.Column("passed", sa.Boolean(), nullable=True),
        sa.Column("scorecard", Json, nullable=True),
        sa.CheckConstraint("mode IN ('practice', 'exam')", name=op.f("ck_attempts_mode")),
        sa.CheckConstraint("status IN ('in_progress', 'completed', 'abandoned')", name=op.f("ck_attempts_status")),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_attempts_user_id_users"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["scenario_version_id"], ["scenario_versions.id"], name=op.f("fk_attempts_scenario_version_id_scenario_versions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attempts")),
    )
    op.create_index(op.f("ix_attempts_scenario_version_id"), "attempts", ["scenario_version_id"])
    op.create_index(op.f("ix_attempts_user_id_status"), "attempts", ["user_id", "status"])
    op.create_index(op.f("ix_attempts_status_last_activity_at"), "attempts", ["status", "last_activity_at"])

    op.create_table(
        "turns",
        _id(),
        sa.Column("attempt_id", sa.Integer(), nullable=False),
        sa.Column("turn_index", sa.Integer(), nullable=False),
        sa.Column("node_id", sa.String(100), nullable=False),
        sa.Column("customer_line", sa.Text(), nullable=False),
        sa.Column("reply", sa.Text(), nullable=False),
        sa.Column("silent", sa.Boolean(), nullable=False),
        sa.Column("asked_at", sa.Float(), nullable=False),
        sa.Column("replied_at", sa.Float(), nullable=True),
        sa.Column("latency", sa.Float(), nullable=True),
        sa.Column("overall", sa.Float(), nullable=True),
        sa.Column("accuracy", sa.Float(), nullable=True),
        sa.Column("empathy", sa.Float(), nullable=True),
        sa.Column("time_score", sa.Float(), nullable=True),
        sa.Column("critical", sa.Boolean(), nullable=False),
        sa.Column("score", Json, nullable=True),
        sa.Column("audio_key", sa.String(100), nullable=True),
        sa.Column("created_at", Time, nullable=False),
        sa.ForeignKeyConstraint(["attempt_id"], ["attempts.id"], name=op.f("fk_turns_attempt_id_attempts"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_turns")),
        sa.UniqueConstraint("attempt_id", "turn_index", name=op.f("uq_turns_attempt_id_turn_index")),
    )

    op.create_table(
        "assignments",
        _id(),
        sa.Column("scenario_id", sa.String(100), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("group_name", sa.String(100), nullable=True),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("assigned_by", sa.Integer(), nullable=True),
        sa.Column("created_at", Time, nullable=False),
        sa.CheckConstraint("(user_id IS NULL) <> (group_name IS NULL)", name=op.f("ck_assignments_user_or_group")),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_assignments_user_id_users"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["assigned_by"], ["users.id"], name=op.f("fk_assignments_assigned_by_users"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assignments")),
    )
    op.create_index(op.f("ix_assignments_user_id"), "assignments", ["user_id"])
    op.create_index(op.f("ix_assignments_group_name"), "assignments", ["group_name"])


def downgrade() -> None:
    for table in ("assignments", "turns", "attempts", "scenario_versions", "login_sessions", "users"):
        op.drop_table(table)
