"""Promotions and one-off spikes are not repeated a year later, and the explanation says
which weeks were treated so (planning.forecast.promotions), while a peak that comes back
every year stays in the forecast."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sqlalchemy import Engine, text

from bot.render.cards import card
from bot.render.text import plain
from planning.forecast.promotions import one_off_weeks
from planning.forecast.runs import compute_forecast, store_run
from planning.problems import ImportRejected
from tests.conftest import NOW
from tests.helpers import run_import, write_files
from tools.assistant import Assistant, call

TODAY = dt.date(2026, 11, 27)
WEEKS = 130
MONDAYS = pd.date_range(end=pd.Timestamp("2026-11-16"), periods=WEEKS, freq="W-MON")


def _seasonal(seed: int) -> np.ndarray:
    """Two and a half years of a product with a summer peak (about 300 to 500 a week), as
    noisy as real weeks are (about 20% either way)."""
    t = np.arange(WEEKS)
    level = 400 * (1 + 0.25 * np.cos(2 * np.pi * (t - 30) / 52))
    rng = np.random.default_rng(seed)
    return rng.poisson(level * rng.gamma(25.0, 1 / 25.0, WEEKS)).astype(float)


def _sales(
    series: dict[str, np.ndarray], promo: dict[str, list[int]] | None = None
) -> pd.DataFrame:
    frames = []
    for sku, y in series.items():
        flags = np.zeros(WEEKS, dtype=bool)
        flags[(promo or {}).get(sku, [])] = True
        frame = {"date": MONDAYS, "sku": sku, "quantity": y, "location": "WH", "territory": ""}
        frames.append(pd.DataFrame({**frame, "promo": flags}))
    return pd.concat(frames, ignore_index=True)


def _forecast_for(result_values: pd.DataFrame, sku: str, week: pd.Timestamp) -> float:
    rows = result_values[result_values["unique_id"] == f"{sku}@WH"]
    return float(rows.loc[pd.to_datetime(rows["ds"]) == week, "forecast"].iloc[0])


def test_a_one_off_spike_is_not_repeated_a_year_later() -> None:
    y = _seasonal(1)
    spike = WEEKS - 40  # a spring week last year: 2.2 times the usual
    y[spike] = 2.2 * y[spike]
    result = compute_forecast(_sales({"PAN": y}), today=TODAY, horizon=26)
    anniversary = MONDAYS[spike] + pd.Timedelta(weeks=52)
    around = [_forecast_for(result.values, "PAN", anniversary + pd.Timedelta(weeks=k))
              for k in (-2, -1, 1, 2)]  # fmt: skip
    assert _forecast_for(result.values, "PAN", anniversary) < 1.25 * np.mean(around)
    adjusted = result.adjustments
    assert list(adjusted["reason"]) == ["spike"]
    assert pd.Timestamp(adjusted["ds"].iloc[0]) == MONDAYS[spike]
    assert adjusted["actual"].iloc[0] == y[spike] and adjusted["used"].iloc[0] < 0.6 * y[spike]


def test_a_peak_that_comes_back_every_year_stays() -> None:
    # A fair week: three times the usual in the same week of every year.
    y = _seasonal(2)
    fair = [w for w in (WEEKS - 26 - 104, WEEKS - 26 - 52, WEEKS - 26) if w >= 0]
    for week in fair:
        y[week] *= 3
    result = compute_forecast(_sales({"FAIR": y}), today=TODAY, horizon=30)
    assert result.adjustments.empty
    next_fair = MONDAYS[fair[-1]] + pd.Timedelta(weeks=52)
    before = _forecast_for(result.values, "FAIR", next_fair - pd.Timedelta(weeks=2))
    assert _forecast_for(result.values, "FAIR", next_fair) > 1.5 * before


def test_a_week_the_sales_file_calls_a_promotion_is_not_repeated_even_when_modest() -> None:
    y = _seasonal(3)
    promo = WEEKS - 45
    y[promo] *= 1.4  # within what the spike rule would let through
    plain = compute_forecast(_sales({"MOKA": y}), today=TODAY, horizon=26)
    flagged = compute_forecast(_sales({"MOKA": y}, {"MOKA": [promo]}), today=TODAY, horizon=26)
    assert plain.adjustments.empty
    assert list(flagged.adjustments["reason"]) == ["promotion"]
    anniversary = MONDAYS[promo] + pd.Timedelta(weeks=52)
    assert _forecast_for(flagged.values, "MOKA", anniversary) < _forecast_for(
        plain.values, "MOKA", anniversary
    )


def test_sporadic_series_and_the_latest_weeks_are_left_as_they_sold() -> None:
    rng = np.random.default_rng(4)
    spare = np.where(rng.random(WEEKS) < 0.15, rng.poisson(20, WEEKS), 0).astype(float)
    assert one_off_weeks(spare, 52).weeks.size == 0  # in spare parts every sale is a spike
    jump = _seasonal(5)
    jump[-2:] *= 2.5  # a new customer, or a spike: only the weeks after it can tell
    assert one_off_weeks(jump, 52).weeks.size == 0
    flat = np.full(WEEKS, 12.0)
    flat[60] = 19  # seven more units in a week of twelve is no event
    assert one_off_weeks(flat, 52).weeks.size == 0


# -- through the file contract, the database and the explanation -----------------------------

COMPANY = {
    "products.csv": "sku,name,family\nPAN-1,Padella 24 cm,PADELLE\n",
    "locations.csv": "code,name,kind\nWH,Magazzino,warehouse\n",
}


def _sales_csv(y: np.ndarray, flags: dict[int, str]) -> str:
    lines = ["date,sku,quantity,location,promo"]
    for week, (monday, qty) in enumerate(zip(MONDAYS, y, strict=True)):
        lines.append(f"{monday:%Y-%m-%d},PAN-1,{int(qty)},WH,{flags.get(week, '')}")
    return "\n".join(lines) + "\n"


def test_the_explanation_names_the_weeks_not_repeated(loaded: Engine, tmp_path: Path) -> None:
    y = _seasonal(6)
    promo, spike = WEEKS - 60, WEEKS - 30
    y[promo] *= 1.5
    y[spike] *= 2.5
    files = {**COMPANY, "sales.csv": _sales_csv(y, {promo: "sì", promo + 1: "no"})}
    run_import(loaded, write_files(tmp_path / "company", files))
    with loaded.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM sales_actual WHERE promo")).scalar() == 1
    sales = pd.read_sql_query("SELECT date, sku, quantity, location, territory, promo "
                              "FROM sales_actual WHERE sku = 'PAN-1'", loaded)  # fmt: skip
    result = compute_forecast(sales, today=TODAY, horizon=26)
    store_run(loaded, result, now=NOW, engine_name="local", duration_seconds=1.0)
    ctx = Assistant(loaded).context("U01COLOMBO", today=TODAY, now=NOW)
    english = plain(card(call(ctx, "explain_forecast", {"product": "PAN-1"}, language="en")))
    assert f"week of {MONDAYS[spike].day} {MONDAYS[spike]:%b %Y}, a one-off peak of" in english
    assert f"{int(y[promo]):,} sold in a promotion" in english
    italian = plain(card(call(ctx, "explain_forecast", {"product": "PAN-1"}, language="it")))
    assert "venduti in promozione" in italian and "un picco isolato" in italian


@pytest.mark.parametrize(
    ("cell", "flagged"), [("yes", True), ("TRUE", True), ("1", True), ("x", True),
                          ("No", False), ("0", False), ("", False)]
)  # fmt: skip
def test_the_promo_column_takes_the_usual_ways_of_saying_yes_and_no(
    loaded: Engine, tmp_path: Path, cell: str, flagged: bool
) -> None:
    body = f"date,sku,quantity,promo\n2026-11-23,MOK-003,5,{cell}\n"
    run_import(loaded, write_files(tmp_path / "s", {"sales.csv": body}) / "sales.csv")
    with loaded.connect() as conn:
        stored = conn.execute(
            text("SELECT promo FROM sales_actual WHERE date = '2026-11-23' AND sku = 'MOK-003'")
        ).scalar()
    assert bool(stored) is flagged


def test_a_promo_cell_that_is_not_yes_or_no_is_refused_with_its_row(
    loaded: Engine, tmp_path: Path
) -> None:
    body = "date,sku,quantity,promo\n2026-11-23,MOK-003,5,yes\n2026-11-23,PAD-28,5,maybe\n"
    with pytest.raises(ImportRejected) as refused:
        run_import(loaded, write_files(tmp_path / "s", {"sales.csv": body}) / "sales.csv")
    assert refused.value.lines() == [
        "sales.csv:3:promo: 'maybe' is not yes or no (also: true/false, 1/0, y/n, sì)"
    ]
    with loaded.connect() as conn:  # nothing of the file was written
        assert conn.execute(text("SELECT count(*) FROM sales_actual WHERE promo")).scalar() == 0


def test_two_lines_of_a_week_summed_are_a_promotion_if_either_was(
    loaded: Engine, tmp_path: Path
) -> None:
    body = "date,sku,quantity,promo\n2026-11-23,MOK-003,5,\n2026-11-23,MOK-003,7,yes\n"
    run_import(loaded, write_files(tmp_path / "s", {"sales.csv": body}) / "sales.csv")
    with loaded.connect() as conn:
        row = conn.execute(
            text("SELECT quantity, promo FROM sales_actual WHERE date = '2026-11-23'")
        ).one()
    assert (row.quantity, bool(row.promo)) == (12, True)


def test_a_campaign_of_promotion_weeks_is_brought_to_the_usual_level_not_to_nothing() -> None:
    y = _seasonal(7)
    campaign = list(range(WEEKS - 60, WEEKS - 50))  # ten weeks on promotion
    y[campaign] *= 1.6
    flags = np.zeros(WEEKS, dtype=bool)
    flags[campaign] = True
    found = one_off_weeks(y, 52, flags)
    assert set(found.weeks) <= set(campaign) and len(found.weeks) >= 8
    others = np.delete(y, campaign)
    assert (found.cleaned[found.weeks] > 0.6 * np.median(others)).all()
    assert (found.cleaned[found.weeks] < y[found.weeks]).all()  # brought down, not up
