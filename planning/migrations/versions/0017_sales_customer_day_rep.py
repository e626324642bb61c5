"""Where each rep sells, read through an index: a rep's (a team's) quota scope holds the
territories of their sales (planning.access.quota_scope), a DISTINCT over the per-customer-day
summary by rep that scanned the whole table.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-02
"""

from __future__ import annotations

from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_sales_customer_day_rep_territory", "sales_customer_day", ["rep", "territory"]
    )


def downgrade() -> None:
    op.drop_index("ix_sales_customer_day_rep_territory", table_name="sales_customer_day")
