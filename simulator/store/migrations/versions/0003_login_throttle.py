"""Failed log-ins counted per account and client address, and per address (login_throttle),
instead of on the user's row: guesses from one address no longer lock the account for its
owner elsewhere, and a spray over many accounts from one address is slowed down. Counts
and locks in force on the users' rows (15 minutes at most) are not carried over.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-05
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

Time = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "login_throttle",
        sa.Column("account", sa.String(64), nullable=False),
        sa.Column("source", sa.String(64), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_failure_at", Time, nullable=False),
        sa.Column("locked_until", Time, nullable=True),
        sa.PrimaryKeyConstraint("account", "source", name=op.f("pk_login_throttle")),
    )
    op.create_index(op.f("ix_login_throttle_last_failure_at"), "login_throttle", ["last_failure_at"])
    # plain DROP COLUMN (SQLite 3.35+): a batch copy of users would fail on the foreign keys to it
    op.drop_column("users", "locked_until")
    op.drop_column("users", "failed_logins")


def downgrade() -> None:
    op.add_column("users", sa.Column("failed_logins", sa.Integer(), nullable=False, server_default="0"))
    op.add_column("users", sa.Column("locked_until", Time, nullable=True))
    op.drop_index(op.f("ix_login_throttle_last_failure_at"), "login_throttle")
    op.drop_table("login_throttle")
