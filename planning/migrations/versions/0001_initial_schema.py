"""Initial schema: master data, stock, sales, capacity, receipts, orders, quotas, audit.

Revision ID: 0001
Revises:
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("details", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_log_at"), ["at"], unique=False)

    op.create_table(
        "location",
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("region", sa.String(length=100), nullable=True),
        sa.PrimaryKeyConstraint("code"),
    )
    op.create_table(
        "product",
        sa.Column("sku", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("family", sa.String(length=64), nullable=False),
        sa.Column("unit", sa.String(length=16), nullable=False),
        sa.Column("unit_price", sa.Float(), nullable=True),
        sa.Column("lead_time_days", sa.Integer(), nullable=False),
        sa.Column("safety_stock", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("sku"),
    )
    with op.batch_alter_table("product", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_product_family"), ["family"], unique=False)

    op.create_table(
        "territory",
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("region", sa.String(length=100), nullable=True),
        sa.PrimaryKeyConstraint("code"),
    )
    op.create_table(
        "capacity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plant", sa.String(length=64), nullable=False),
        sa.Column("family", sa.String(length=64), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("units_per_week", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["plant"],
            ["location.code"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("plant", "family", "start_date", name="uq_capacity_key"),
    )
    op.create_table(
        "person",
        sa.Column("slack_user_id", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=True),
        sa.Column("manager_slack_user_id", sa.String(length=32), nullable=True),
        sa.Column("territory", sa.String(length=64), nullable=True),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.ForeignKeyConstraint(
            ["manager_slack_user_id"],
            ["person.slack_user_id"],
        ),
        sa.ForeignKeyConstraint(
            ["territory"],
            ["territory.code"],
        ),
        sa.PrimaryKeyConstraint("slack_user_id"),
    )
    op.create_table(
        "planned_receipt",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sku", sa.String(length=64), nullable=False),
        sa.Column("location", sa.String(length=64), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("quantity", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["location"],
            ["location.code"],
        ),
        sa.ForeignKeyConstraint(
            ["sku"],
            ["product.sku"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("sku", "location", "date", name="uq_planned_receipt_key"),
    )
    op.create_table(
        "stock_level",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sku", sa.String(length=64), nullable=False),
        sa.Column("location", sa.String(length=64), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("on_hand", sa.Float(), nullable=False),
        sa.Column("allocated", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["location"],
            ["location.code"],
        ),
        sa.ForeignKeyConstraint(
            ["sku"],
            ["product.sku"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("sku", "location", "as_of", name="uq_stock_level_key"),
    )
    with op.batch_alter_table("stock_level", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_stock_level_as_of"), ["as_of"], unique=False)

    op.create_table(
        "open_order",
        sa.Column("order_id", sa.String(length=64), nullable=False),
        sa.Column("customer", sa.String(length=200), nullable=False),
        sa.Column("sku", sa.String(length=64), nullable=False),
        sa.Column("quantity", sa.Float(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("location", sa.String(length=64), nullable=True),
        sa.Column("territory", sa.String(length=64), nullable=True),
        sa.Column("rep", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(
            ["location"],
            ["location.code"],
        ),
        sa.ForeignKeyConstraint(
            ["rep"],
            ["person.slack_user_id"],
        ),
        sa.ForeignKeyConstraint(
            ["sku"],
            ["product.sku"],
        ),
        sa.ForeignKeyConstraint(
            ["territory"],
            ["territory.code"],
        ),
        sa.PrimaryKeyConstraint("order_id"),
    )
    with op.batch_alter_table("open_order", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_open_order_sku"), ["sku"], unique=False)

    op.create_table(
        "quota",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("rep", sa.String(length=32), nullable=True),
        sa.Column("territory", sa.String(length=64), nullable=True),
        sa.Column("family", sa.String(length=64), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("target_units", sa.Float(), nullable=True),
        sa.Column("target_revenue", sa.Float(), nullable=True),
        sa.Column("source", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["rep"],
            ["person.slack_user_id"],
        ),
        sa.ForeignKeyConstraint(
            ["territory"],
            ["territory.code"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("quota", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_quota_period"), ["period"], unique=False)
    op.create_index(
        "ux_quota_version",
        "quota",
        [
            "period",
            sa.text("coalesce(rep, '')"),
            sa.text("coalesce(territory, '')"),
            sa.text("coalesce(family, '')"),
            "version",
        ],
        unique=True,
    )

    op.create_table(
        "sales_actual",
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("sku", sa.String(length=64), nullable=False),
        sa.Column("location", sa.String(length=64), nullable=False),
        sa.Column("territory", sa.String(length=64), nullable=False),
        sa.Column("customer", sa.String(length=200), nullable=False),
        sa.Column("rep", sa.String(length=32), nullable=False),
        sa.Column("quantity", sa.Float(), nullable=False),
        sa.Column("revenue", sa.Float(), nullable=True),
        sa.PrimaryKeyConstraint("date", "sku", "location", "territory", "customer", "rep"),
    )


def downgrade() -> None:
    op.drop_table("sales_actual")
    with op.batch_alter_table("quota", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_quota_period"))

    op.drop_index("ux_quota_version", table_name="quota")
    op.drop_table("quota")
    with op.batch_alter_table("open_order", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_open_order_sku"))

    op.drop_table("open_order")
    with op.batch_alter_table("stock_level", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stock_level_as_of"))

    op.drop_table("stock_level")
    op.drop_table("planned_receipt")
    op.drop_table("person")
    op.drop_table("capacity")
    op.drop_table("territory")
    with op.batch_alter_table("product", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_product_family"))

    op.drop_table("product")
    op.drop_table("location")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_log_at"))

    op.drop_table("audit_log")
