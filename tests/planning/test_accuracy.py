"""Scoring a stored forecast run against the actuals imported after it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import Engine

from planning.errors import PonteError
from planning.forecast.accuracy import accuracy_of, forecast_accuracy
from planning.forecast.runs import compute_forecast, load_sales, store_run
from tests.conftest import NOW
from tests.helpers import SMALL_COMPANY, rows, run_import, write_files

RUN_DAY = dt.date(2026, 3, 4)  # a Wednesday: history ends with the week of 23 Feb


def _sales(weeks: list[tuple[str, float]]) -> str:
    return "date,sku,quantity,location\n" + "".join(
        f"{day},MOK-003,{qty},WH-MIL\n" for day, qty in weeks
    )


def test_a_run_is_scored_against_later_actuals(engine: Engine, tmp_path: Path) -> None:
    base = {k: v for k, v in SMALL_COMPANY.items() if k != "sales.csv"}
    history = [(str(dt.date(2025, 9, 1) + dt.timedelta(weeks=i)), 10 + (i % 3)) for i in range(26)]
    run_import(engine, write_files(tmp_path / "base", {**base, "sales.csv": _sales(history)}))
    with pytest.raises(PonteError, match="no forecast has been run yet"):
        forecast_accuracy(engine, today=RUN_DAY)
    result = compute_forecast(load_sales(engine), today=RUN_DAY, horizon=4)
    run = store_run(engine, result, now=NOW, engine_name="local", duration_seconds=1)
    with pytest.raises(PonteError, match="no forecast run has actuals to compare yet"):
        forecast_accuracy(engine, today=RUN_DAY)

    later = [("2026-03-02", 14), ("2026-03-09", 7)]
    run_import(engine, write_files(tmp_path / "new", {"sales.csv": _sales(later)}))
    report = forecast_accuracy(engine, today=dt.date(2026, 3, 18))

    forecasts = dict(
        rows(engine, f"SELECT ds, forecast FROM forecast_value WHERE run_id = {run.run_id}")
    )
    f1 = forecasts[next(k for k in forecasts if str(k).startswith("2026-03-02"))]
    f2 = forecasts[next(k for k in forecasts if str(k).startswith("2026-03-09"))]
    actual = 14 + 7
    assert report.run.run_id == run.run_id
    assert (report.scored_from, report.scored_to) == (dt.date(2026, 3, 2), dt.date(2026, 3, 9))
    assert report.overall.wape == pytest.approx((abs(f1 - 14) + abs(f2 - 7)) / actual)
    assert report.overall.bias == pytest.approx((f1 + f2 - actual) / actual)
    # Under a year of history, the naive forecast is the last week seen: 10 + (25 % 3) = 11.
    naive_wape = (abs(11 - 14) + abs(11 - 7)) / actual
    assert report.overall.naive_wape == pytest.approx(naive_wape)
    assert report.overall.value_added == pytest.approx(naive_wape - report.overall.wape)
    assert [s.key for s in report.by_family] == ["MOKA"]
    assert report.by_series[0].key == "MOK-003@WH-MIL" and report.by_series[0].periods == 2


def test_accuracy_in_chat_agrees_with_the_report_and_says_when_it_cannot(
    engine: Engine, tmp_path: Path
) -> None:
    base = {k: v for k, v in SMALL_COMPANY.items() if k != "sales.csv"}
    history = [(str(dt.date(2025, 9, 1) + dt.timedelta(weeks=i)), 10 + (i % 3)) for i in range(26)]
    run_import(engine, write_files(tmp_path / "base", {**base, "sales.csv": _sales(history)}))
    result = compute_forecast(load_sales(engine), today=RUN_DAY, horizon=4)
    run = store_run(engine, result, now=NOW, engine_name="local", duration_seconds=1)
    before = accuracy_of(engine, today=RUN_DAY, sku="MOK-003")
    assert before.against_actuals is None and before.scored_run is None  # nothing to score yet
    (stored,) = rows(
        engine, f"SELECT validation_mase FROM forecast_series WHERE run_id = {run.run_id}"
    )
    assert before.series == 1 and before.validation_mase == pytest.approx(stored[0])

    later = [("2026-03-02", 14), ("2026-03-09", 7)]
    run_import(engine, write_files(tmp_path / "new", {"sales.csv": _sales(later)}))
    today = dt.date(2026, 3, 18)
    report = forecast_accuracy(engine, today=today)
    for asked in (
        accuracy_of(engine, today=today),
        accuracy_of(engine, today=today, family="MOKA"),
        accuracy_of(engine, today=today, sku="MOK-003"),
    ):
        assert asked.against_actuals is not None and asked.scored_run is not None
        assert asked.against_actuals.wape == pytest.approx(report.overall.wape)
        assert asked.against_actuals.value_added == pytest.approx(report.overall.value_added)
        assert (asked.scored_from, asked.scored_to) == (report.scored_from, report.scored_to)
