"""Forecast runs: each run, its per-series model choice and its forecasts.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "forecast_run",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("data_as_of", sa.Date(), nullable=False),
        sa.Column("grain", sa.String(length=8), nullable=False),
        sa.Column("horizon", sa.Integer(), nullable=False),
        sa.Column("season_length", sa.Integer(), nullable=False),
        sa.Column("engine", sa.String(length=16), nullable=False),
        sa.Column("series_count", sa.Integer(), nullable=False),
        sa.Column("duration_seconds", sa.Float(), nullable=False),
        sa.Column("parameters", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "forecast_series",
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("unique_id", sa.String(length=200), nullable=False),
        sa.Column("sku", sa.String(length=64), nullable=False),
        sa.Column("location", sa.String(length=64), nullable=False),
        sa.Column("territory", sa.String(length=64), nullable=False),
        sa.Column("pattern", sa.String(length=16), nullable=False),
        sa.Column("model", sa.String(length=120), nullable=False),
        sa.Column("validation_mase", sa.Float(), nullable=True),
        sa.Column("fallback", sa.Boolean(), nullable=False),
        sa.Column("history_periods", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["forecast_run.id"],
        ),
        sa.PrimaryKeyConstraint("run_id", "unique_id"),
    )
    with op.batch_alter_table("forecast_series", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_forecast_series_sku"), ["sku"], unique=False)

    op.create_table(
        "forecast_value",
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("unique_id", sa.String(length=200), nullable=False),
        sa.Column("ds", sa.Date(), nullable=False),
        sa.Column("forecast", sa.Float(), nullable=False),
        sa.Column("lo_80", sa.Float(), nullable=False),
        sa.Column("hi_80", sa.Float(), nullable=False),
        sa.Column("lo_95", sa.Float(), nullable=False),
        sa.Column("hi_95", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["forecast_run.id"],
        ),
        sa.PrimaryKeyConstraint("run_id", "unique_id", "ds"),
    )


def downgrade() -> None:
    op.drop_table("forecast_value")
    with op.batch_alter_table("forecast_series", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_forecast_series_sku"))

    op.drop_table("forecast_series")
    op.drop_table("forecast_run")
