"""Customer feedback (planning.feedback): the items (themes as bits of `theme_mask`), the
products each is about, full-text search over them, and forecast notes.

Full-text search: an FTS5 table on SQLite (kept in step by triggers), a GIN index on the
text's tsvector on PostgreSQL; neither is in the models (planning.db.SEARCH_OBJECTS).

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "feedback",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.Column("sentiment", sa.String(length=8), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("theme_mask", sa.Integer(), nullable=False),
        sa.Column("customer", sa.String(length=200), nullable=True),
        sa.Column("customer_text", sa.String(length=200), nullable=True),
        sa.Column("family", sa.String(length=64), nullable=True),
        sa.Column("competitors", sa.String(length=500), nullable=True),
        sa.Column("author", sa.String(length=32), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("channel", sa.String(length=64), nullable=True),
        sa.Column("message_ts", sa.String(length=32), nullable=True),
        sa.Column("permalink", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("edited_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("channel", "message_ts", name="uq_feedback_message"),
    )
    op.create_index(
        "ix_feedback_family",
        "feedback",
        ["family"],
        sqlite_where=sa.text("family IS NOT NULL"),
        postgresql_where=sa.text("family IS NOT NULL"),
    )
    op.create_index(
        "ix_feedback_live",
        "feedback",
        ["created_at", "sentiment", "theme_mask", "customer", "author", "family",
         "customer_text", "competitors", "id"],
        sqlite_where=sa.text("deleted_at IS NULL"),
        postgresql_where=sa.text("deleted_at IS NULL"),
    )  # fmt: skip
    op.create_table(
        "feedback_product",
        sa.Column("feedback_id", sa.Integer(), nullable=False),
        sa.Column("sku", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["feedback_id"], ["feedback.id"]),
        sa.PrimaryKeyConstraint("feedback_id", "sku"),
    )
    op.create_index("ix_feedback_product_sku", "feedback_product", ["sku"])
    op.create_index(
        "ix_feedback_product_created", "feedback_product", ["created_at", "feedback_id", "sku"]
    )
    op.create_table(
        "forecast_note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sku", sa.String(length=64), nullable=True),
        sa.Column("family", sa.String(length=64), nullable=True),
        sa.Column("customer", sa.String(length=200), nullable=True),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("quantity", sa.Float(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("author", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_forecast_note_sku", "forecast_note", ["sku"])
    op.create_index("ix_forecast_note_family", "forecast_note", ["family"])
    # The catalogue's version counts imports alone (planning.catalogue): by this index.
    op.create_index("ix_audit_log_action", "audit_log", ["action"])
    if op.get_bind().dialect.name == "postgresql":
        # 'simple': no stemming in one language's rules; the text is folded already, and
        # a search matches word prefixes ("graffi" finds graffiata and graffiate).
        op.execute(
            "CREATE INDEX ix_feedback_fts ON feedback "
            "USING gin (to_tsvector('simple', search_text))"
        )
        return
    op.execute(
        "CREATE VIRTUAL TABLE feedback_fts USING fts5(search_text, content='feedback', "
        "content_rowid='id', tokenize='unicode61 remove_diacritics 2')"
    )
    op.execute(
        "CREATE TRIGGER feedback_fts_insert AFTER INSERT ON feedback BEGIN "
        "INSERT INTO feedback_fts(rowid, search_text) VALUES (new.id, new.search_text); END"
    )
    op.execute(
        "CREATE TRIGGER feedback_fts_update AFTER UPDATE OF search_text ON feedback BEGIN "
        "INSERT INTO feedback_fts(feedback_fts, rowid, search_text) "
        "VALUES ('delete', old.id, old.search_text); "
        "INSERT INTO feedback_fts(rowid, search_text) VALUES (new.id, new.search_text); END"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX ix_feedback_fts")
    else:
        op.execute("DROP TRIGGER feedback_fts_update")
        op.execute("DROP TRIGGER feedback_fts_insert")
        op.execute("DROP TABLE feedback_fts")
    op.drop_index("ix_audit_log_action", "audit_log")
    op.drop_table("forecast_note")
    op.drop_table("feedback_product")
    op.drop_table("feedback")
