"""Companies at the edges of size and state: one product, 50,000 products and no sales,
sales but no forecast yet, a forecast older than the last sales import. Each answers what it
can and says what is missing, and the ops Home's view of every product stays one pass over
the data (a bounded number of statements, whatever the number of products)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from sqlalchemy import Engine, event

from bot.render.cards import card
from bot.render.text import plain
from bot.settings import Clock
from bot.slack.app import SlackServices
from bot.slack.home import home_for
from planning.forecast.runs import ForecastResult, store_run
from planning.importer import import_files
from planning.memo import forget_everything
from tests.conftest import NOW
from tools.assistant import Assistant, call

TODAY = dt.date(2026, 11, 27)
MONDAY = TODAY - dt.timedelta(days=TODAY.weekday())


def _write(folder: Path, **frames: pd.DataFrame) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, frame in frames.items():
        frame.to_csv(folder / f"{name}.csv", index=False)
        paths.append(folder / f"{name}.csv")
    return paths


def _import(engine: Engine, paths: list[Path], *, at: dt.datetime = NOW) -> None:
    import_files(engine, paths, now=at, actor="test", today=TODAY)


def _basics(skus: list[str]) -> dict[str, pd.DataFrame]:
    return {
        "products": pd.DataFrame(
            {
                "sku": skus,
                "name": [f"Tile {s}" for s in skus],
                "family": "TILES",
                "safety_stock": 10,
            }
        ),
        "locations": pd.DataFrame({"code": ["DEP"], "name": ["Depot"], "kind": ["warehouse"]}),
        "territories": pd.DataFrame({"code": ["N"], "name": ["North"]}),
        "people": pd.DataFrame(
            {
                "slack_user_id": ["UREP", "UOPS"],
                "name": ["Rep", "Planner"],
                "role": ["rep", "ops"],
                "territory": ["N", None],
            }
        ),
        "stock": pd.DataFrame(
            {"sku": skus, "location": "DEP", "as_of": TODAY.isoformat(), "on_hand": 40}
        ),
    }


def _sales(skus: list[str], weeks: int = 60, until: dt.date = MONDAY) -> pd.DataFrame:
    mondays = [until - dt.timedelta(weeks=w) for w in range(weeks, 0, -1)]
    return pd.DataFrame(
        [(m.isoformat(), s, 30, "DEP", "N", "Bricolage Nord", "UREP") for s in skus
         for m in mondays],
        columns=["date", "sku", "quantity", "location", "territory", "customer", "rep"],
    )  # fmt: skip


def _forecast(engine: Engine, skus: list[str], *, at: dt.datetime) -> None:
    """A stored weekly run of 30 a week per product (what is checked is how it is read)."""
    ids = [f"{s}|DEP" for s in skus]
    series = pd.DataFrame(
        {"unique_id": ids, "sku": skus, "location": "DEP", "territory": "",
         "history_periods": 60, "pattern": "smooth", "model": "AutoETS",
         "validation_mase": 0.8, "fallback": False}
    )  # fmt: skip
    ds = pd.date_range(pd.Timestamp(MONDAY), periods=26, freq="7D")
    values = pd.DataFrame({"unique_id": [i for i in ids for _ in ds], "ds": list(ds) * len(ids)})
    for column, value in (("forecast", 30.0), ("lo_80", 25.0), ("hi_80", 35.0),
                          ("lo_95", 20.0), ("hi_95", 40.0)):  # fmt: skip
        values[column] = value
    result = ForecastResult("week", 26, MONDAY - dt.timedelta(weeks=1), series, values)
    store_run(engine, result, now=at, engine_name="local", duration_seconds=0.1)


def _ask(engine: Engine, user: str, tool: str, **args: Any) -> str:
    forget_everything()
    ctx = Assistant(engine).context(user, today=TODAY, now=NOW)
    return plain(card(call(ctx, tool, args, language="en")))


def _home(engine: Engine, user: str) -> tuple[str, int]:
    """The Home's text and how many SQL statements building it took."""
    forget_everything()
    count = [0]

    def counted(*_: Any) -> None:
        count[0] += 1

    event.listen(engine, "before_cursor_execute", counted)
    try:
        view = home_for(SlackServices(engine, Assistant(engine), Clock(TODAY)), user)
    finally:
        event.remove(engine, "before_cursor_execute", counted)
    return str(view), count[0]


def test_a_company_with_one_product_answers_everything(engine: Engine, tmp_path: Path) -> None:
    _import(engine, _write(tmp_path, **_basics(["T-1"]), sales=_sales(["T-1"])))
    _forecast(engine, ["T-1"], at=NOW)
    assert "40" in _ask(engine, "UREP", "stock_status", product="T-1")
    assert "30" in _ask(engine, "UOPS", "demand_forecast", product="T-1")
    # 40 on hand, 30 a week from Friday: runs out in the week after.
    projection = _ask(engine, "UOPS", "inventory_projection", product="T-1")
    assert "T-1" in projection and "runs out on" in projection
    ranking = _ask(engine, "UOPS", "sales_history", group_by="product", period="2026-Q3")
    assert "T-1" in ranking and "100.0%" in ranking
    home, _ = _home(engine, "UOPS")
    assert "T-1" in home  # the one product, nearest to running out


def test_50000_products_and_no_sales(engine: Engine, tmp_path: Path) -> None:
    skus = [f"SKU-{i:05d}" for i in range(50_000)]
    _import(engine, _write(tmp_path, **_basics(skus)))
    assert "40" in _ask(engine, "UREP", "stock_status", product="SKU-49999")
    assert "ponte forecast" in _ask(engine, "UOPS", "demand_forecast", product="SKU-00007")
    sold = _ask(engine, "UOPS", "sales_history", product="SKU-00007", period="2026")
    assert "0" in sold
    home, statements = _home(engine, "UOPS")
    # Nothing runs out without demand, and looking at 50,000 products is one pass.
    assert "SKU-" not in home
    assert statements < 40, statements


def test_sales_but_no_forecast_yet(engine: Engine, tmp_path: Path) -> None:
    skus = [f"T-{i}" for i in range(30)]
    _import(engine, _write(tmp_path, **_basics(skus), sales=_sales(skus)))
    for tool in ("demand_forecast", "capacity_check"):
        args = {"product": "T-3"} if tool == "demand_forecast" else {}
        assert "ponte forecast" in _ask(engine, "UOPS", tool, **args), tool
    projection = _ask(engine, "UOPS", "inventory_projection", product="T-3")
    assert "no forecast yet" in projection
    assert "units" in _ask(engine, "UREP", "sales_history", product="T-3", period="2026-Q3")


@pytest.mark.parametrize("changed", [True, False])
def test_a_forecast_older_than_the_last_sales_import_says_so(
    engine: Engine, tmp_path: Path, changed: bool
) -> None:
    skus = ["T-1", "T-2"]
    _import(engine, _write(tmp_path / "a", **_basics(skus), sales=_sales(skus)))
    _forecast(engine, skus, at=NOW)
    fresh = _ask(engine, "UOPS", "demand_forecast", product="T-1")
    assert "not in it yet" not in fresh
    later = NOW + dt.timedelta(days=2)
    sales = _sales(skus, weeks=61, until=MONDAY + dt.timedelta(weeks=1)) if changed else None
    sales = _sales(skus) if sales is None else sales
    _import(engine, _write(tmp_path / "b", sales=sales), at=later)
    answer = _ask(engine, "UOPS", "demand_forecast", product="T-1")
    # Only sales the run has not seen make it stale; the same file again does not.
    assert ("not in it yet: run `ponte forecast`" in answer) is changed


def test_sales_imported_while_the_forecast_ran_are_said_to_be_missing(
    engine: Engine, tmp_path: Path
) -> None:
    from planning.forecast.runs import compute_forecast, load_sales

    skus = ["T-1", "T-2"]
    _import(engine, _write(tmp_path / "a", **_basics(skus), sales=_sales(skus)))
    seen = load_sales(engine)  # `ponte forecast` reads the sales...
    newer = _sales(skus, weeks=61, until=MONDAY + dt.timedelta(weeks=1))
    _import(engine, _write(tmp_path / "b", sales=newer), at=NOW + dt.timedelta(hours=1))
    # ...an import commits meanwhile, and the run is stored after it.
    result = compute_forecast(seen, today=TODAY)
    store_run(engine, result, now=NOW + dt.timedelta(hours=2), engine_name="local",
              duration_seconds=1.0)  # fmt: skip
    answer = _ask(engine, "UOPS", "demand_forecast", product="T-1")
    assert "not in it yet: run `ponte forecast`" in answer
