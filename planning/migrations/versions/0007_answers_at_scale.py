"""What answers at 5,000 products need: indexes on the sales a question names (a product, a
rep, a territory); the customers and the days named in sales kept as small tables (so the
router and the sales calendar do not read every sales row to learn them); and a forecast
run's own facts stored with it (its summary and its demand per family and week), computed
once per run instead of per question.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_sales_actual_sku_date", "sales_actual", ["sku", "date"])
    op.create_index("ix_sales_actual_rep_date", "sales_actual", ["rep", "date"])
    op.create_index("ix_sales_actual_territory_date", "sales_actual", ["territory", "date"])
    op.create_table(
        "sales_customer",
        sa.Column("customer", sa.String(length=200), nullable=False),
        sa.Column("territory", sa.String(length=64), nullable=False),
        sa.Column("lines", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("customer", "territory"),
    )
    op.execute(
        "INSERT INTO sales_customer (customer, territory, lines) "
        "SELECT customer, territory, count(*) FROM sales_actual WHERE customer <> '' "
        "GROUP BY customer, territory"
    )
    op.create_table(
        "sales_date",
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("lines", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("date"),
    )
    op.execute(
        "INSERT INTO sales_date (date, lines) SELECT date, count(*) FROM sales_actual GROUP BY date"
    )
    with op.batch_alter_table("forecast_run") as batch:
        batch.add_column(sa.Column("summary", sa.Text(), nullable=True))
    op.create_table(
        "forecast_family_week",
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("family", sa.String(length=64), nullable=False),
        sa.Column("ds", sa.Date(), nullable=False),
        sa.Column("demand", sa.Float(), nullable=False),
        sa.Column("spread2", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(["run_id"], ["forecast_run.id"]),
        sa.PrimaryKeyConstraint("run_id", "family", "ds"),
    )
    op.execute(
        "INSERT INTO forecast_family_week (run_id, family, ds, demand, spread2) "
        "SELECT v.run_id, p.family, v.ds, sum(v.forecast), "
        "sum((v.hi_95 - v.forecast) * (v.hi_95 - v.forecast)) FROM forecast_value v "
        "JOIN forecast_series s ON s.run_id = v.run_id AND s.unique_id = v.unique_id "
        "JOIN product p ON p.sku = s.sku GROUP BY v.run_id, p.family, v.ds"
    )
    # Statistics, so the planner uses the new indexes: SQLite keeps none until asked.
    # (Not PostgreSQL: its autovacuum keeps them, and statistics taken of a new, empty
    # database would tell the planner that sales are empty, so the first large import would
    # scan the table it is filling once per row instead of probing its key.)
    if op.get_bind().dialect.name == "sqlite":
        op.execute("PRAGMA analysis_limit = 2000")
        tables = ("sales_actual", "sales_customer", "sales_date", "forecast_series",
                  "forecast_value")  # fmt: skip
        for table in tables:
            op.execute(f"ANALYZE {table}")


def downgrade() -> None:
    op.drop_table("forecast_family_week")
    with op.batch_alter_table("forecast_run") as batch:
        batch.drop_column("summary")
    op.drop_table("sales_date")
    op.drop_table("sales_customer")
    op.drop_index("ix_sales_actual_territory_date", "sales_actual")
    op.drop_index("ix_sales_actual_rep_date", "sales_actual")
    op.drop_index("ix_sales_actual_sku_date", "sales_actual")
