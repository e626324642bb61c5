"""Commission plans (commission_plans.csv): tiers of a person's or a role's plan, for the
commission estimate (planning.commission).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "commission_tier",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person", sa.String(length=32), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("from_attainment_pct", sa.Float(), nullable=False),
        sa.Column("rate_pct", sa.Float(), nullable=False),
        sa.Column("bonus", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("person", "role", "from_attainment_pct"),
    )


def downgrade() -> None:
    op.drop_table("commission_tier")
