"""Voice checks: each trainee's reading of three sentences into their microphone, what the
recogniser heard and the verdict (simulator/voice/check.py), kept for trainers.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-08
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# Frozen copies of the model types, so that this file does not change when the models do.
Time = sa.DateTime(timezone=True)
Json = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "voice_checks",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("created_at", Time, nullable=False),
        sa.Column("language", sa.String(2), nullable=False),
        sa.Column("verdict", sa.String(16), nullable=False),
        sa.Column("cer", sa.Float(), nullable=False),
        sa.Column("unclear_share", sa.Float(), nullable=False),
        sa.Column("level_db", sa.Float(), nullable=True),
        sa.Column("too_quiet", sa.Boolean(), nullable=False),
        sa.Column("sentences", Json, nullable=False),
        sa.Column("recogniser", sa.String(200), nullable=False),
        sa.Column("device", sa.String(300), nullable=False),
        sa.CheckConstraint("language IN ('uk', 'en')", name=op.f("ck_voice_checks_language")),
        sa.CheckConstraint("verdict IN ('reliable', 'usable_with_care', 'unreliable')", name=op.f("ck_voice_checks_verdict")),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_voice_checks_user_id_users"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_voice_checks")),
    )
    op.create_index(op.f("ix_voice_checks_user_id_created_at"), "voice_checks", ["user_id", "created_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_voice_checks_user_id_created_at"), "voice_checks")
    op.drop_table("voice_checks")
