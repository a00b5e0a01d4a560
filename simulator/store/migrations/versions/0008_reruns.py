"""Reruns (issue 17): a practice call rewound from a turn of a finished one is a new attempt
linked to the original (attempts.rerun_of; NULL: an ordinary call, as every attempt before
this). Reruns never change the original and are left out of scores, reports and readiness.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05
"""
import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ADD COLUMN, no foreign key (as tuning_id in 0007): no batch copy of attempts
    op.add_column("attempts", sa.Column("rerun_of", sa.Integer(), nullable=True))
    op.create_index(op.f("ix_attempts_rerun_of"), "attempts", ["rerun_of"])


def downgrade() -> None:
    op.drop_index(op.f("ix_attempts_rerun_of"), "attempts")
    op.drop_column("attempts", "rerun_of")
