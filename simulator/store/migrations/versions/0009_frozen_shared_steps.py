"""Frozen shared steps (issue 14): a published scenario version keeps a copy of the shared steps
(scenarios/shared/*) its text includes, as they were when it was published, so that editing a
step later changes no past version nor the replay of an old call. NULL: the text includes no
step, or the version was stored before this column (it then reads the library's steps as
they are now, as every version did before).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

Json = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    # a plain nullable ADD COLUMN: no batch copy of scenario_versions, old rows keep working
    op.add_column("scenario_versions", sa.Column("shared_steps", Json, nullable=True))


def downgrade() -> None:
    op.drop_column("scenario_versions", "shared_steps")
