"""The calibration lab (issue 16): sets of replies rated blind by trainers on the rubric's three
scales, the site's tunings of how the scorer's signals map to those scales, and on every attempt
the tuning that scored it (attempts.tuning_id; NULL: untuned, as every attempt before this).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# Frozen copies of the model types, so that this file does not change when the models do.
Time = sa.DateTime(timezone=True)
Json = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "calibration_sets",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("anonymised", sa.Boolean(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", Time, nullable=False),
        sa.Column("closed_at", Time, nullable=True),
        sa.CheckConstraint("status IN ('open', 'closed')", name=op.f("ck_calibration_sets_status")),
        sa.ForeignKeyConstraint(["created_by"], ["users.id"], name=op.f("fk_calibration_sets_created_by_users"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calibration_sets")),
    )
    op.create_table(
        "calibration_items",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("set_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("attempt_id", sa.Integer(), nullable=True),
        sa.Column("turn_index", sa.Integer(), nullable=True),
        sa.Column("scenario_id", sa.String(100), nullable=False),
        sa.Column("node_id", sa.String(100), nullable=False),
        sa.Column("language", sa.String(2), nullable=False),
        sa.Column("customer_line", sa.Text(), nullable=False),
        sa.Column("reply", sa.Text(), nullable=False),
        sa.Column("expected", sa.String(16), nullable=True),
        sa.Column("machine", Json, nullable=False),
        sa.CheckConstraint("source IN ('attempt', 'sample')", name=op.f("ck_calibration_items_source")),
        sa.CheckConstraint("language IN ('uk', 'en')", name=op.f("ck_calibration_items_language")),
        sa.ForeignKeyConstraint(["set_id"], ["calibration_sets.id"], name=op.f("fk_calibration_items_set_id_calibration_sets"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["attempt_id"], ["attempts.id"], name=op.f("fk_calibration_items_attempt_id_attempts"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calibration_items")),
        sa.UniqueConstraint("set_id", "position", name=op.f("uq_calibration_items_set_id_position")),
    )
    op.create_index(op.f("ix_calibration_items_attempt_id"), "calibration_items", ["attempt_id"])
    op.create_table(
        "calibration_ratings",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("rater_id", sa.Integer(), nullable=False),
        sa.Column("empathy", sa.Integer(), nullable=False),
        sa.Column("accuracy", sa.Integer(), nullable=False),
        sa.Column("compliance", sa.Integer(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("created_at", Time, nullable=False),
        sa.CheckConstraint("empathy IN (0, 1, 2)", name=op.f("ck_calibration_ratings_empathy")),
        sa.CheckConstraint("accuracy IN (0, 1, 2)", name=op.f("ck_calibration_ratings_accuracy")),
        sa.CheckConstraint("compliance IN (0, 1)", name=op.f("ck_calibration_ratings_compliance")),
        sa.ForeignKeyConstraint(["item_id"], ["calibration_items.id"], name=op.f("fk_calibration_ratings_item_id_calibration_items"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["rater_id"], ["users.id"], name=op.f("fk_calibration_ratings_rater_id_users"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calibration_ratings")),
        sa.UniqueConstraint("item_id", "rater_id", name=op.f("uq_calibration_ratings_item_id_rater_id")),
    )
    op.create_index(op.f("ix_calibration_ratings_rater_id"), "calibration_ratings", ["rater_id"])
    op.create_table(
        "calibration_tunings",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("version", sa.Integer(), nullable=True),
        sa.Column("language", sa.String(2), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("set_id", sa.Integer(), nullable=True),
        sa.Column("params", Json, nullable=False),
        sa.Column("figures", Json, nullable=False),
        sa.Column("min_kappa", sa.Float(), nullable=False),
        sa.Column("override_comment", sa.Text(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", Time, nullable=False),
        sa.Column("decided_by", sa.Integer(), nullable=True),
        sa.Column("decided_at", Time, nullable=True),
        sa.CheckConstraint("status IN ('proposed', 'accepted', 'rejected')", name=op.f("ck_calibration_tunings_status")),
        sa.CheckConstraint("language IN ('uk', 'en')", name=op.f("ck_calibration_tunings_language")),
        sa.ForeignKeyConstraint(["set_id"], ["calibration_sets.id"], name=op.f("fk_calibration_tunings_set_id_calibration_sets"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calibration_tunings")),
        sa.UniqueConstraint("version", name=op.f("uq_calibration_tunings_version")),
    )
    # plain ADD COLUMN, no foreign key (as scenario_versions.author_id): no batch copy of attempts
    op.add_column("attempts", sa.Column("tuning_id", sa.Integer(), nullable=True))


def downgrade() -> None:
    op.drop_column("attempts", "tuning_id")
    op.drop_table("calibration_tunings")
    op.drop_index(op.f("ix_calibration_ratings_rater_id"), "calibration_ratings")
    op.drop_table("calibration_ratings")
    op.drop_index(op.f("ix_calibration_items_attempt_id"), "calibration_items")
    op.drop_table("calibration_items")
    op.drop_table("calibration_sets")
