"""A product with too little history for a season of its own follows its family's season,
pooled over the sister products that have two years or more (planning.forecast.seasonality),
and the explanation says so; a family whose products do not agree lends nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sqlalchemy import Engine

from bot.render.cards import card
from bot.render.text import plain
from planning.forecast.demand import demand_history
from planning.forecast.explain import GroupExplanation
from planning.forecast.pipeline import forecast_series
from planning.forecast.runs import FAMILIES, compute_forecast, load_sales, store_run
from planning.forecast.seasonality import family_profiles
from tests.conftest import NOW
from tests.helpers import run_import, write_files
from tools.assistant import Assistant, call
from tools.context import RunContext

TODAY = dt.date(2026, 11, 27)
WEEKS, AHEAD, NEW = 130, 26, 40  # sisters' history, weeks forecast, the new product's history
# The sisters' history up to the week of 16 Nov 2026, then the weeks forecast.
ALL_WEEKS = pd.date_range(start="2024-05-27", periods=WEEKS + AHEAD, freq="W-MON")
FUTURE = ALL_WEEKS[WEEKS:]


def _barbecue(seed: int, peak_week: int = 26, level: float = 300.0) -> np.ndarray:
    """Garden barbecues: sales double from winter to a summer peak, weeks 20% noisy."""
    week = ALL_WEEKS.isocalendar().week.to_numpy()
    shape = 1 + 0.35 * np.cos(2 * np.pi * (week - peak_week) / 52)
    rng = np.random.default_rng(seed)
    return rng.poisson(level * shape * rng.gamma(25.0, 1 / 25.0, shape.size)).astype(float)


def _sales(series: dict[str, np.ndarray], weeks: dict[str, int]) -> pd.DataFrame:
    """Each product's last `weeks[sku]` weeks before the forecast, as sales rows."""
    frames = []
    for sku, y in series.items():
        seen = slice(WEEKS - weeks.get(sku, WEEKS), WEEKS)
        frames.append(pd.DataFrame({"date": ALL_WEEKS[seen], "sku": sku, "quantity": y[seen],
                                    "location": "WH", "territory": ""}))  # fmt: skip
    return pd.concat(frames, ignore_index=True)


def _company(new_product: np.ndarray, sisters: dict[str, np.ndarray]) -> pd.DataFrame:
    sales = _sales({**sisters, "BBQ-NEW": new_product}, {"BBQ-NEW": NEW})
    sales.attrs[FAMILIES] = {sku: "BARBECUE" for sku in [*sisters, "BBQ-NEW"]}
    return sales


def _forecast_of(sales: pd.DataFrame, sku: str) -> pd.DataFrame:
    result = compute_forecast(sales, today=TODAY, horizon=AHEAD)
    values = result.values[result.values["unique_id"] == f"{sku}@WH"]
    model = str(result.series.set_index("unique_id").loc[f"{sku}@WH", "model"])
    return values.assign(model=model)


def _wape(forecast: pd.DataFrame, actual: np.ndarray) -> float:
    return float(np.abs(forecast["forecast"].to_numpy() - actual).sum() / actual.sum())


SISTERS = {f"BBQ-{k}": _barbecue(k, level=200 + 60 * k) for k in range(1, 5)}


def test_a_new_product_follows_its_familys_season_and_beats_a_flat_line() -> None:
    new = _barbecue(9, level=250)
    borrowed = _forecast_of(_company(new, SISTERS), "BBQ-NEW")
    alone = _company(new, SISTERS)
    alone.attrs[FAMILIES] = {}  # a catalogue without families: nothing to borrow from
    flat = _forecast_of(alone, "BBQ-NEW")
    actual = new[WEEKS:]
    assert borrowed["model"].iloc[0].endswith(", season of BARBECUE")
    assert "season of" not in flat["model"].iloc[0]
    # The winter trough and the spring rise of the weeks ahead are in the forecast ...
    truth = 1 + 0.35 * np.cos(2 * np.pi * (FUTURE.isocalendar().week.to_numpy() - 26) / 52)
    assert np.corrcoef(borrowed["forecast"], truth)[0, 1] > 0.9
    # ... and the error is well below the flat line's (20% noisy weeks set a floor).
    assert _wape(borrowed, actual) < 0.8 * _wape(flat, actual)
    assert (borrowed["lo_80"] <= borrowed["forecast"]).all()
    assert (borrowed["forecast"] <= borrowed["hi_80"]).all()


def test_a_family_whose_products_peak_at_different_times_lends_no_season() -> None:
    scattered = {f"BBQ-{k}": _barbecue(k, peak_week=13 * k) for k in range(1, 5)}
    forecast = _forecast_of(_company(_barbecue(9), scattered), "BBQ-NEW")
    assert "season of" not in forecast["model"].iloc[0]


def test_a_product_selling_against_its_familys_season_keeps_its_own_course() -> None:
    against = _barbecue(9, peak_week=0)  # sells most in winter, unlike its family
    forecast = _forecast_of(_company(against, SISTERS), "BBQ-NEW")
    assert "season of" not in forecast["model"].iloc[0]


def test_awkward_new_products_still_get_a_forecast_never_negative() -> None:
    rng = np.random.default_rng(3)
    spare = np.where(rng.random(WEEKS + AHEAD) < 0.15, 4.0, 0.0)  # sells now and then
    three_weeks = np.r_[np.zeros(WEEKS - 3), [5.0, 0, 9], np.zeros(AHEAD)]
    for new in (spare, np.zeros(WEEKS + AHEAD), three_weeks):
        sales = _company(new, SISTERS)
        sales = sales[sales["quantity"] > 0]  # sales files hold the weeks that sold
        result = compute_forecast(sales, today=TODAY, horizon=AHEAD)
        assert (result.values[["forecast", "lo_80", "lo_95"]] >= 0).all().all()
        models = result.series.set_index("unique_id")["model"]
        assert "season of" not in models.get("BBQ-NEW@WH", "")


# -- through the file contract, the database and the explanation -----------------------------


def _forecast_for(engine: Engine, family: str) -> RunContext:
    """A forecast run of the family's products, stored; an operations planner to ask."""
    result = compute_forecast(load_sales(engine, family=family), today=TODAY, horizon=AHEAD)
    store_run(engine, result, now=NOW, engine_name="local", duration_seconds=1.0)
    return Assistant(engine).context("U01COLOMBO", today=TODAY, now=NOW)


def _explained(ctx: RunContext, sku: str, lang: str) -> str:
    """The forecast's explanation for `sku`, as the asker reads it."""
    return plain(card(call(ctx, "explain_forecast", {"product": sku}, language=lang)))


def _imported(engine: Engine, folder: Path, sales: pd.DataFrame, products: str) -> None:
    """`sales` rows and `products` (products.csv) imported through the file contract, all
    sold from one warehouse."""
    lines = ["date,sku,quantity,location"] + [
        f"{r.date:%Y-%m-%d},{r.sku},{int(r.quantity)},WH" for r in sales.itertuples()
    ]
    files = {
        "products.csv": products,
        "locations.csv": "code,name,kind\nWH,Magazzino,warehouse\n",
        "sales.csv": "\n".join(lines) + "\n",
    }
    run_import(engine, write_files(folder, files))


def test_the_explanation_says_the_season_is_the_familys(loaded: Engine, tmp_path: Path) -> None:
    odd = _barbecue(8, peak_week=0)  # sells most in winter, unlike its family
    sales = _sales(
        {**SISTERS, "BBQ-NEW": _barbecue(9, level=250), "BBQ-ODD": odd},
        {"BBQ-NEW": NEW, "BBQ-ODD": NEW},
    )
    products = "sku,name,family\n" + "".join(
        f"{sku},Barbecue {sku[4:]},BARBECUE\n" for sku in [*SISTERS, "BBQ-NEW", "BBQ-ODD"]
    )
    _imported(loaded, tmp_path / "garden", sales, products)
    ctx = _forecast_for(loaded, "BARBECUE")
    english = _explained(ctx, "BBQ-NEW", "en")
    assert "it follows the season of its family BARBECUE" in english
    italian = _explained(ctx, "BBQ-NEW", "it")
    assert "segue quella della sua famiglia BARBECUE" in italian
    sister = _explained(ctx, "BBQ-1", "en")
    assert "season of its family" not in sister  # two years and more: its own season
    # A new product its family's season does not fit says it has none, and why.
    odd_en = _explained(ctx, "BBQ-ODD", "en")
    assert "40 weeks of sales are too few for a season of its own" in odd_en
    odd_it = _explained(ctx, "BBQ-ODD", "it")
    assert "40 settimane di vendite sono troppo poche per una stagionalità propria" in odd_it
    assert "too few for a season" not in sister
    forecast = plain(card(call(ctx, "demand_forecast", {"product": "BBQ-NEW"}, language="en")))
    assert "season of BARBECUE" in forecast  # the source line names the model


def test_a_sister_with_exactly_two_years_lends_its_season_across_an_iso_week_53() -> None:
    """2026 has an ISO week 53: two years from January 2026 see week 52 twice and another
    week not at all; the sister still lends its season."""
    weeks = pd.date_range("2026-01-05", periods=104, freq="W-MON")
    week = weeks.isocalendar().week.to_numpy()
    rows = []
    for k in range(4):
        rng = np.random.default_rng(k)
        y = rng.poisson(300 * (1 + 0.35 * np.cos(2 * np.pi * (week - 26) / 52)))
        rows.append(pd.DataFrame({"unique_id": f"BBQ-{k}@WH", "sku": f"BBQ-{k}", "ds": weeks,
                                  "y": y.astype(float)}))  # fmt: skip
    profiles = family_profiles(pd.concat(rows), {f"BBQ-{k}": "BARBECUE" for k in range(4)}, 52)
    profile = profiles["BARBECUE"].factors
    assert profile.argmax() in range(22, 31) and profile.argmin() in (*range(0, 5), *range(48, 52))


# -- a company with one year of sales: the season its own year shows -------------------------

YEAR = 60  # weeks of sales: one year, too few to validate a season before held-out weeks


def _one_year(level: np.ndarray, seed: int) -> np.ndarray:
    """Weekly sales around `level` (the year seen, then the weeks forecast), 15% noisy."""
    rng = np.random.default_rng(seed)
    return rng.poisson(level * rng.gamma(45.0, 1 / 45.0, level.size)).astype(float)


def _garden_company(series: dict[str, np.ndarray]) -> pd.DataFrame:
    """A company whose sales file holds YEAR weeks and no families in its catalogue."""
    return _sales(series, dict.fromkeys(series, YEAR))


def _seasonal(peak_week: int, swing: float = 0.45) -> np.ndarray:
    week = ALL_WEEKS.isocalendar().week.to_numpy()
    return 300 * (1 + swing * np.cos(2 * np.pi * (week - peak_week) / 52))


def test_one_year_that_rose_and_fell_carries_its_season_into_the_forecast() -> None:
    level = _seasonal(peak_week=26)  # a summer product: the forecast runs into the winter low
    sales = _garden_company({"HOSE": _one_year(level, 1)})
    forecast = _forecast_of(sales, "HOSE")
    assert forecast["model"].iloc[0].endswith(", season from its one year")
    truth = level[WEEKS:]
    assert np.corrcoef(forecast["forecast"], truth)[0, 1] > 0.9
    # What it used to give: the same models without the season (a flat line, about).
    history = demand_history(sales, end=TODAY)
    flat = forecast_series(history, horizon=AHEAD, season_length=52, freq="W-MON")
    assert "season" not in flat["model"].iloc[0]
    actual = _one_year(level, 1)[WEEKS:]
    assert _wape(forecast, actual) < 0.6 * _wape(flat, actual)
    assert (forecast["lo_80"] <= forecast["forecast"]).all()
    assert (forecast["forecast"] <= forecast["hi_80"]).all()


def test_a_new_customer_in_the_year_is_not_taken_for_a_season() -> None:
    """A level that moved once (a step) must not come back as next year's low season."""
    t = np.arange(WEEKS + AHEAD)
    step = np.where(t < WEEKS - 25, 150.0, 400.0)  # a big customer came 25 weeks ago
    trend = 150.0 + 2.5 * t  # growing all year
    flat = np.full(t.size, 300.0)
    sales = _garden_company(
        {"STEP": _one_year(step, 2), "TREND": _one_year(trend, 3), "FLAT": _one_year(flat, 4)}
    )
    result = compute_forecast(sales, today=TODAY, horizon=AHEAD)
    models = result.series.set_index("unique_id")["model"]
    assert not any("season" in m for m in models)
    stepped = result.values[result.values["unique_id"] == "STEP@WH"]["forecast"]
    assert stepped.min() > 300  # the new level goes on, not last year's 150


def _garden(loaded: Engine, tmp_path: Path) -> RunContext:
    """One family, none of whose products has the two years it takes to lend a season: a
    hose whose one year rose and fell, a tent peg that sold alike all year."""
    series = {
        "HOSE": _one_year(_seasonal(peak_week=26), 1),
        "PEG": _one_year(np.full(156, 200.0), 5),
    }
    products = "sku,name,family\nHOSE,Garden hose,GARDEN\nPEG,Tent peg,GARDEN\n"
    _imported(loaded, tmp_path / "garden", _garden_company(series), products)
    return _forecast_for(loaded, "GARDEN")


def test_the_explanation_says_the_season_is_its_one_year(loaded: Engine, tmp_path: Path) -> None:
    ctx = _garden(loaded, tmp_path)
    english = _explained(ctx, "HOSE", "en")
    assert "60 weeks of sales hold one year" in english
    assert "is taken as its season" in english
    italian = _explained(ctx, "HOSE", "it")
    assert "60 settimane di vendite coprono un solo anno" in italian
    assert "è preso come sua stagionalità" in italian
    peg = _explained(ctx, "PEG", "en")
    assert "hold one year, whose rise and fall a trend or a single step explains" in peg
    peg_it = _explained(ctx, "PEG", "it")
    assert "il cui andamento una tendenza o un solo scalino spiegano" in peg_it


# -- a family's forecast explained: the season its sales show, how its series are forecast ----


def _explained_group(ctx: RunContext, family: str, lang: str) -> tuple[GroupExplanation, str]:
    outcome = call(ctx, "explain_forecast", {"family": family}, language=lang)
    assert isinstance(outcome.result, GroupExplanation)
    return outcome.result, plain(card(outcome))


def test_a_familys_explanation_says_when_its_sales_peak(loaded: Engine, tmp_path: Path) -> None:
    """ "Do barbecues have a season?": the family's sales peak in summer (week 26 of each
    year) and bottom out in winter; its four sisters follow their own season, the new
    product borrows theirs, and the explanation says both, in the asker's language."""
    sales = _sales({**SISTERS, "BBQ-NEW": _barbecue(9, level=250)}, {"BBQ-NEW": NEW})
    products = "sku,name,family\n" + "".join(
        f"{sku},Barbecue {sku[4:]},BARBECUE\n" for sku in [*SISTERS, "BBQ-NEW"]
    )
    _imported(loaded, tmp_path / "garden", sales, products)
    ctx = _forecast_for(loaded, "BARBECUE")
    found, english = _explained_group(ctx, "BARBECUE", "en")
    shape = found.season.shape
    assert shape is not None and {6, 7} <= set(shape.peak) and {12, 1} & set(shape.low)
    assert 20 < shape.peak_pct < 50 and -50 < shape.low_pct < -20  # a ±35% wave
    assert "Sales show a yearly season (over 2 years)" in english
    assert "highest in Jun" in english or "highest in May" in english
    kinds = {k.kind: k.series for k in found.kinds}
    assert kinds == {"own_season": 4, "family_season": 1}
    assert "too new for their own: their family's season" in english
    assert "5 series over 5 products (steady demand: 5)" in english
    _, italian = _explained_group(ctx, "BARBECUE", "it")
    assert "Le vendite mostrano una stagionalità annuale (su 2 anni)" in italian
    assert "più alte tra giu e" in italian or "più alte tra mag e" in italian
    # A product's own explanation says the same of its own sales.
    assert "Sales show a yearly season (over 2 years): highest in" in _explained(ctx, "BBQ-1", "en")


def test_a_family_with_one_year_of_sales_says_that_is_too_little_to_tell(
    loaded: Engine, tmp_path: Path
) -> None:
    ctx = _garden(loaded, tmp_path)
    found, english = _explained_group(ctx, "GARDEN", "en")
    assert found.season.shape is None and found.season.reason == "short_history"
    assert "sales cover 60 weeks, and it takes two years (104)" in english
    assert "the season of the one year they have" in english  # HOSE's own year
    _, italian = _explained_group(ctx, "GARDEN", "it")
    assert "le vendite coprono 60 settimane, e ci vogliono due anni (104)" in italian


def test_a_family_without_a_season_says_so(loaded: Engine, tmp_path: Path) -> None:
    """Two years and more of sales that only wander: no season is claimed."""
    rng = np.random.default_rng(11)
    flat = {f"NUT-{k}": rng.poisson(200, WEEKS + AHEAD).astype(float) for k in range(3)}
    products = "sku,name,family\n" + "".join(f"{sku},Nut {sku},NUTS\n" for sku in flat)
    _imported(loaded, tmp_path / "nuts", _sales(flat, {}), products)
    ctx = _forecast_for(loaded, "NUTS")
    found, english = _explained_group(ctx, "NUTS", "en")
    assert found.season.shape is None and found.season.reason == "noise"
    assert "Sales show no clear yearly season" in english


def test_a_monthly_run_is_explained_per_week_with_its_season(
    loaded: Engine, tmp_path: Path
) -> None:
    """A company forecasting by month (the review): the family's months were divided as if
    they were weeks (+468% against recent sales), and its models, which fit a 12-month
    season themselves, were said to have none."""
    sales = _sales({**SISTERS, "BBQ-NEW": _barbecue(9, level=250)}, {"BBQ-NEW": NEW})
    products = "sku,name,family\n" + "".join(
        f"{sku},Barbecue {sku[4:]},BARBECUE\n" for sku in [*SISTERS, "BBQ-NEW"]
    )
    _imported(loaded, tmp_path / "garden", sales, products)
    history = load_sales(loaded, family="BARBECUE")
    monthly = compute_forecast(history, today=TODAY, horizon=6, grain="month")
    store_run(loaded, monthly, now=NOW, engine_name="local", duration_seconds=1.0)
    ctx = Assistant(loaded).context("U01COLOMBO", today=TODAY, now=NOW)
    by_month, english = _explained_group(ctx, "BARBECUE", "en")
    assert by_month.run.grain == "month"
    assert "level and trend, without a season" not in english
    assert by_month.season.shape is not None and 7 in by_month.season.shape.peak
    weekly = _forecast_for(loaded, "BARBECUE")  # the weekly run, which answers prefer
    by_week, _ = _explained_group(weekly, "BARBECUE", "en")
    assert by_week.run.grain == "week"
    ratio = by_month.compared.forecast_weekly / by_week.compared.forecast_weekly
    assert 0.7 < ratio < 1.4  # the same weeks ahead, per week, whichever grain
    assert by_month.compared.recent_weekly == pytest.approx(
        by_week.compared.recent_weekly, rel=0.35
    )
