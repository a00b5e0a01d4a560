"""Practice calls abandoned before any reply carry no score: a data fix for those saved
before the abandoned-call change (issue 11), which were kept with a 0-point scorecard and so
still counted in readiness and reports as a failed call.

An abandoned practice attempt with no saved turn loses its scores and scorecard (as such a
call is saved today). Nothing else changes: calls with replies keep their scores, and an
exam abandoned before any reply keeps its 0 points (an exam left unfinished counts as not
passed, so that starting it again cannot be used to get another conversation).

It also adds attempts.set_aside: the takes of the current reply that the app could not use
(each [its length, its checking], in seconds), kept with the call so that a refresh in the
middle of a reply keeps them excused from the reply's time (NULL: none).

The downgrade drops the column; it cannot give back a score no reply earned.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# Frozen copies of the tables' columns this fix touches, so that it does not change when the models do.
Json = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
attempts = sa.table(
    "attempts",
    sa.column("id", sa.Integer()), sa.column("status", sa.String(16)), sa.column("mode", sa.String(16)),
    sa.column("overall", sa.Float()), sa.column("accuracy", sa.Float()), sa.column("empathy", sa.Float()),
    sa.column("time_score", sa.Float()), sa.column("passed", sa.Boolean()), sa.column("critical", sa.Boolean()),
    sa.column("scorecard", Json),
)
turns = sa.table("turns", sa.column("attempt_id", sa.Integer()))


def upgrade() -> None:
    # plain ADD COLUMN, nullable: no batch copy of attempts
    op.add_column("attempts", sa.Column("set_aside", Json, nullable=True))
    no_reply = ~sa.exists().where(turns.c.attempt_id == attempts.c.id)
    op.execute(
        attempts.update()
        .where(attempts.c.status == "abandoned", attempts.c.mode == "practice", attempts.c.overall.is_not(None), no_reply)
        .values(overall=None, accuracy=None, empathy=None, time_score=None, passed=None, critical=sa.false(),
                scorecard=sa.null())
    )


def downgrade() -> None:
    op.drop_column("attempts", "set_aside")
