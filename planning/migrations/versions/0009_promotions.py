"""Promotions are not repeated: sales lines may say they were a promotion (`promo`), and a
forecast run keeps the weeks it did not learn from as they were (planning.models.
ForecastAdjustment): promotions and one-off spikes, replaced by the usual level so that a
seasonal model does not copy them a year later.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A constant default: neither database rewrites the sales table to add the column.
    op.add_column(
        "sales_actual",
        sa.Column("promo", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.create_table(
        "forecast_adjustment",
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("unique_id", sa.String(length=200), nullable=False),
        sa.Column("ds", sa.Date(), nullable=False),
        sa.Column("actual", sa.Float(), nullable=False),
        sa.Column("used", sa.Float(), nullable=False),
        sa.Column("reason", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(["run_id"], ["forecast_run.id"]),
        sa.PrimaryKeyConstraint("run_id", "unique_id", "ds"),
    )


def downgrade() -> None:
    op.drop_table("forecast_adjustment")
    with op.batch_alter_table("sales_actual") as batch:
        batch.drop_column("promo")
