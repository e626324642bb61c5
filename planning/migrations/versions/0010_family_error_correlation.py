"""A forecast run keeps how much its products' errors moved together per family
(planning.models.ForecastFamily), so that a family's total gets a range as wide as its
products' shared errors make it, not the parts' ranges added as if independent.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "forecast_family",
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("family", sa.String(length=64), nullable=False),
        sa.Column("error_correlation", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(["run_id"], ["forecast_run.id"]),
        sa.PrimaryKeyConstraint("run_id", "family"),
    )


def downgrade() -> None:
    op.drop_table("forecast_family")
