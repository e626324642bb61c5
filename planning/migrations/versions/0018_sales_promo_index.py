"""The promotion lines of sales, read through a partial index: a promotion's review
(planning.promo_review) finds the weeks sold on promotion among millions of sales lines,
of which a few percent are promotions.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_sales_actual_promo_sku_date",
        "sales_actual",
        ["sku", "date"],
        sqlite_where=sa.text("promo"),
        postgresql_where=sa.text("promo"),
    )
    # Without statistics on the new index SQLite reads every line through the full
    # (sku, date) index rather than the few promotion lines (0.6 s against 20 ms at 5,000
    # products); the next import refreshes them, this upgrade must not wait for it.
    if op.get_bind().dialect.name == "sqlite":
        op.execute("PRAGMA analysis_limit = 2000")  # as planning.db.ANALYSIS_LIMIT
    op.execute("ANALYZE sales_actual")


def downgrade() -> None:
    op.drop_index("ix_sales_actual_promo_sku_date", table_name="sales_actual")
