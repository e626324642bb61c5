"""A question about one product, one family or one rep reads what it needs through an index,
never a whole sales table or a whole forecast run: checked with the database's own EXPLAIN on
every statement the answer runs, on SQLite and PostgreSQL, over a company large enough that
a planner without statistics (or without the index) would choose to scan."""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from sqlalchemy import Engine, event, text
from sqlalchemy.engine import make_url

from planning.db import make_engine, normalize_url, upgrade
from planning.forecast.runs import ForecastResult, store_run
from planning.memo import forget_everything
from tests.conftest import NOW, POSTGRES_ADMIN_URL, _postgres_admin
from tests.helpers import run_import
from tools.assistant import Assistant, call

TODAY = dt.date(2026, 11, 27)
SKUS, WEEKS, REPS = 1200, 104, 6
BIG = ("sales_actual", "sales_customer_day", "forecast_value")


def _company(folder: Path) -> list[Path]:
    """A hardware wholesaler: SKUS products in 12 families, two rows of weekly sales per
    product and week for two years (about 250,000 rows), stock, capacity, quotas."""
    rng = np.random.default_rng(1)
    folder.mkdir()
    skus = [f"BOLT-{i:04d}" for i in range(SKUS)]
    families = [f"F{i % 12:02d}" for i in range(SKUS)]
    reps = [f"UREP{i}" for i in range(REPS)]
    mondays = pd.date_range(TODAY - dt.timedelta(days=TODAY.weekday() + 7 * WEEKS), periods=WEEKS,
                            freq="7D")  # fmt: skip
    sku_i = np.repeat(np.arange(SKUS), WEEKS * 2)
    week_i = np.tile(np.repeat(np.arange(WEEKS), 2), SKUS)
    line = np.tile([0, 1], SKUS * WEEKS)
    rep_i = (sku_i + week_i + line) % REPS
    files = {
        "products": pd.DataFrame(
            {
                "sku": skus,
                "name": [f"Bullone {i} mm" for i in range(SKUS)],
                "family": families,
                "unit_price": 2.5,
                "safety_stock": 20,
            }
        ),
        "locations": pd.DataFrame(
            {"code": ["WH-1", "PLT-1"], "name": ["Depot", "Works"], "kind": ["warehouse", "plant"]}
        ),
        "territories": pd.DataFrame({"code": [f"T{i}" for i in range(REPS)], "name": "Zone"}),
        "people": pd.DataFrame(
            {
                "slack_user_id": [*reps, "UADMIN"],
                "name": [*reps, "Admin"],
                "role": ["rep"] * REPS + ["admin"],
                "territory": [f"T{i}" for i in range(REPS)] + [None],
            }
        ),
        "stock": pd.DataFrame(
            {"sku": skus, "location": "WH-1", "as_of": TODAY.isoformat(), "on_hand": 500}
        ),
        "sales": pd.DataFrame(
            {
                "date": mondays[week_i].strftime("%Y-%m-%d"),
                "sku": np.array(skus)[sku_i],
                "location": "WH-1",
                "territory": np.array([f"T{i}" for i in range(REPS)])[rep_i],
                "customer": [f"Cliente {c}" for c in (sku_i * 7 + line) % 300],
                "rep": np.array(reps)[rep_i],
                "quantity": rng.integers(1, 50, len(sku_i)),
                "revenue": 10.0,
                # Family F03 on promotion for two weeks every quarter: a few percent of lines.
                "promo": np.where(
                    (np.array(families)[sku_i] == "F03") & (week_i % 13 < 2), "yes", ""
                ),
            }
        ),
        "capacity": pd.DataFrame(
            {
                "plant": "PLT-1",
                "family": sorted(set(families)),
                "start_date": "2024-01-01",
                "units_per_week": 5000,
            }
        ),
        "quotas": pd.DataFrame({"period": "2026-Q4", "rep": reps, "target_units": 90_000}),
    }
    paths = []
    for name, frame in files.items():
        frame.to_csv(folder / f"{name}.csv", index=False)
        paths.append(folder / f"{name}.csv")
    return paths


def _forecast(engine: Engine) -> None:
    """A stored weekly run over every product (values made up: what is checked is how
    answers read them)."""
    first = pd.Timestamp(TODAY - dt.timedelta(days=TODAY.weekday()))
    ids = [f"BOLT-{i:04d}|WH-1" for i in range(SKUS)]
    series = pd.DataFrame(
        {"unique_id": ids, "sku": [i.split("|")[0] for i in ids], "location": "WH-1",
         "territory": "", "history_periods": WEEKS, "pattern": "smooth", "model": "AutoETS",
         "validation_mase": 0.9, "fallback": False}
    )  # fmt: skip
    ds = pd.date_range(first, periods=26, freq="7D")
    values = pd.DataFrame({"unique_id": np.repeat(ids, 26), "ds": np.tile(ds, SKUS)})
    values["forecast"] = 40.0
    for column, shift in (("lo_80", -8), ("hi_80", 8), ("lo_95", -12), ("hi_95", 12)):
        values[column] = 40.0 + shift
    result = ForecastResult("week", 26, TODAY - dt.timedelta(days=11), series, values)
    store_run(engine, result, now=NOW, engine_name="local", duration_seconds=1.0)


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def company(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Engine]:
    """The company imported once per database kind for this module (read-only after)."""
    folder = tmp_path_factory.mktemp("plans")
    drop = None
    if request.param == "sqlite":
        url = f"sqlite:///{folder / 'ponte.db'}"
    else:
        admin = _postgres_admin()
        name = f"ponte_test_{uuid.uuid4().hex[:12]}"
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        url = make_url(normalize_url(POSTGRES_ADMIN_URL)).set(database=name)
        url = url.render_as_string(hide_password=False)

        def drop() -> None:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()

    engine = make_engine(url)
    try:
        upgrade(engine)
        run_import(engine, *_company(folder / "company"))
        _forecast(engine)
        yield engine
    finally:
        engine.dispose()
        if drop is not None:
            drop()


@pytest.fixture
def statements(company: Engine) -> Iterator[list[tuple[str, Any]]]:
    seen: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        seen.append((statement, parameters))

    event.listen(company, "before_cursor_execute", record)
    yield seen
    event.remove(company, "before_cursor_execute", record)


QUESTIONS = [
    ("UREP1", "stock_status", {"product": "BOLT-0042"}),
    ("UADMIN", "demand_forecast", {"product": "BOLT-0042"}),
    ("UADMIN", "inventory_projection", {"product": "BOLT-0042"}),
    ("UREP1", "available_to_promise", {"product": "BOLT-0042", "quantity": 300,
                                        "date": TODAY + dt.timedelta(days=20)}),
    ("UADMIN", "capacity_check", {"family": "F03"}),
    ("UADMIN", "explain_forecast", {"product": "BOLT-0042"}),
    ("UREP1", "quota_status", {}),
    ("UADMIN", "sales_history", {"product": "BOLT-0042", "period": "2026"}),
    ("UADMIN", "sales_history", {"person": "UREP2", "period": "2026-Q3", "group_by": "customer"}),
    ("UADMIN", "promo_review", {"family": "F03"}),
    ("UREP1", "promo_review", {}),
]  # fmt: skip


def _scans(engine: Engine, statement: str, parameters: Any) -> list[str]:
    """The big tables `statement` reads whole, by the database's own plan."""
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            plan = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters).all()
            names = {table: table for table in BIG}
            tables = "|".join(BIG)
            for table, alias in re.findall(rf"\b({tables})\s+(?:AS\s+)?(\w+)", statement):
                names[alias] = table
            # A scan through a partial index reads only the rows it holds (the lines sold
            # on promotion), not the table.
            partial = {
                str(name)
                for name, sql in conn.exec_driver_sql(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'index'"
                )
                if sql and " WHERE " in sql.upper()
            }
            return [
                names[detail.split()[1]]
                for *_, detail in plan
                if detail.startswith("SCAN ")
                and detail.split()[1] in names
                and not (" USING INDEX " in detail and detail.split()[-1] in partial)
            ]
        raw = conn.exec_driver_sql("EXPLAIN (FORMAT JSON) " + statement, parameters).scalar()
    found: list[str] = []

    def walk(node: dict[str, Any]) -> None:
        if node.get("Node Type") == "Seq Scan" and node.get("Relation Name") in BIG:
            found.append(str(node["Relation Name"]))
        for child in node.get("Plans", []):
            walk(child)

    walk((json.loads(raw) if isinstance(raw, str) else raw)[0]["Plan"])
    return found


@pytest.mark.parametrize(("user", "tool", "args"), QUESTIONS, ids=[q[1] for q in QUESTIONS])
def test_an_answer_reads_its_rows_through_an_index(
    company: Engine,
    statements: list[tuple[str, Any]],
    user: str,
    tool: str,
    args: dict[str, Any],
) -> None:
    assistant = Assistant(company)
    ctx = assistant.context(user, today=TODAY, now=NOW)
    forget_everything()
    statements.clear()
    outcome = call(ctx, tool, args, language="en")
    assert outcome.kind == "answer", outcome
    reading = [(s, p) for s, p in statements if any(t in s for t in (*BIG, "forecast_family"))]
    assert reading, "the answer read neither sales nor forecasts"
    for statement, parameters in reading:
        assert _scans(company, statement, parameters) == [], statement


@pytest.mark.parametrize(
    ("user", "args"),
    [
        ("UREP1", {}),
        ("UADMIN", {"period": "2026", "group_by": "customer", "compare": "last_year"}),
        ("UADMIN", {"person": "UREP2", "period": "2026-Q3", "group_by": "territory"}),
    ],
)
def test_a_question_naming_no_product_reads_the_sums_per_customer_and_day(
    company: Engine, statements: list[tuple[str, Any]], user: str, args: dict[str, Any]
) -> None:
    """A year of the whole company's sales by customer, against the year before, is 1.5M
    sales lines at 5,000 products (2.2 s on SQLite) and 28,000 sums per customer and day."""
    ctx = Assistant(company).context(user, today=TODAY, now=NOW)
    forget_everything()
    statements.clear()
    outcome = call(ctx, "sales_history" if args else "quota_status", args, language="en")
    assert outcome.kind == "answer", outcome
    assert any("sales_customer_day" in s for s, _ in statements)
    assert not any("sales_actual" in s for s, _ in statements)
