"""A series' error on its held-out weeks in plain terms: the sum of the chosen model's
absolute errors there and the sales they were errors on, so that an accuracy answer can give
a percentage of what sold (WAPE) beside the median MASE.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("forecast_series") as batch:
        batch.add_column(sa.Column("held_out_abs_error", sa.Float(), nullable=True))
        batch.add_column(sa.Column("held_out_sales", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("forecast_series") as batch:
        batch.drop_column("held_out_sales")
        batch.drop_column("held_out_abs_error")
