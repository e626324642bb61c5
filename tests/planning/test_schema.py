"""The migrations build exactly the schema the models describe, on both databases."""

from __future__ import annotations

import warnings

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, inspect
from sqlmodel import SQLModel

from planning.db import HEAD, current_revision, described_by_models, head_revision, upgrade


def test_migrated_schema_matches_the_models(engine: Engine) -> None:
    with engine.connect() as conn, warnings.catch_warnings():
        # SQLite cannot reflect expression indexes; alembic warns and skips them.
        warnings.simplefilter("ignore")
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "include_object": described_by_models}
        )
        assert compare_metadata(context, SQLModel.metadata) == []


def test_upgrade_is_idempotent_and_reaches_head(engine: Engine) -> None:
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    tables = set(inspect(engine).get_table_names())
    assert {"product", "sales_actual", "quota", "audit_log", "alembic_version"} <= tables


def test_the_start_up_shortcut_knows_the_newest_migration() -> None:
    # A database at HEAD skips Alembic at start-up; a new migration must move HEAD with it,
    # or databases would stay one migration behind.
    assert head_revision() == HEAD


def test_a_database_behind_head_is_upgraded(engine: Engine) -> None:
    from alembic import command

    from planning.db import _alembic_config

    command.downgrade(_alembic_config(engine), "0001")
    assert current_revision(engine) == "0001"
    upgrade(engine)
    assert current_revision(engine) == HEAD


def test_upgrading_sums_the_sales_imported_before(loaded: Engine) -> None:
    """Sales imported before the sums per customer and day existed (revision 0007) are
    summed by the upgrade: the team's sales by customer read the same after it."""
    import datetime as dt

    from alembic import command

    from planning.access import identify
    from planning.db import _alembic_config
    from planning.sales import SalesFilter, sales_history, sales_scope

    def by_customer() -> list[tuple[str, float, float | None]]:
        scope = sales_scope(loaded, identify(loaded, "U01BIANCHI"))
        h = sales_history(loaded, scope, SalesFilter(), period="2026-11",
                          today=dt.date(2026, 11, 27), group_by="customer")  # fmt: skip
        return [(r.name, r.units, r.revenue) for r in h.rows]

    imported = by_customer()
    command.downgrade(_alembic_config(loaded), "0007")
    assert "sales_customer_day" not in inspect(loaded).get_table_names()
    upgrade(loaded)
    assert by_customer() == imported == [("Casalinghi Colombo", 610, 14180.5)]
