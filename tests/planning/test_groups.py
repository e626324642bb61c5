"""Several products answered together (planning.groups): a family, a list, everything.

A group's figures must be the sums of its members' own answers, so that "stock padelle" and
"stock PAD-24" never disagree."""

from __future__ import annotations

import contextlib
import datetime as dt
import math

import pandas as pd
import pytest
from sqlalchemy import Engine

from planning.answers import group_projection, projection_answer
from planning.demo import DEMO_SCENARIO
from planning.errors import PonteError
from planning.forecast.runs import latest_run_id, summarize
from planning.forecast.views import forecast_view, group_forecast
from planning.groups import ProductGroup
from planning.stock import group_stock, stock_status
from planning.supply import plant_family_demand
from tests.conftest import DEMO_TODAY


def _family(engine: Engine, family: str) -> list[str]:
    with engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT sku FROM product WHERE family = ?", (family,))
        return sorted(str(sku) for (sku,) in rows)


def test_group_stock_is_the_sum_of_its_products(demo_engine: Engine) -> None:
    skus = _family(demo_engine, "PADELLE")
    group = group_stock(demo_engine, ProductGroup(family="padelle"))
    assert group.family == "PADELLE" and group.products == len(skus)
    singles = [stock_status(demo_engine, sku, today=DEMO_TODAY) for sku in skus]
    assert group.available == pytest.approx(sum(s.available for s in singles))
    assert group.on_hand == pytest.approx(sum(s.on_hand for s in singles))
    listed = [line.available for line in group.lines]
    assert listed == sorted(listed, reverse=True)  # the largest holdings first
    assert sum(units for _, units in group.by_location) == pytest.approx(group.available)


def test_group_stock_at_one_location_and_of_everything(demo_engine: Engine) -> None:
    skus = _family(demo_engine, "PADELLE")
    at_milan = group_stock(demo_engine, ProductGroup(skus=tuple(skus)), location="WH-MIL")
    expected = 0.0
    for sku in skus:
        with contextlib.suppress(PonteError):  # not stocked at Milan
            expected += stock_status(
                demo_engine, sku, today=DEMO_TODAY, location="WH-MIL"
            ).available
    assert at_milan.available == pytest.approx(expected)
    everything = group_stock(demo_engine, ProductGroup())
    with demo_engine.connect() as conn:
        count = conn.exec_driver_sql("SELECT count(*) FROM product").scalar()
    assert everything.products == count and len(everything.lines) < everything.products
    assert everything.available > at_milan.available


def test_group_forecast_is_the_sum_of_its_products_forecasts(demo_engine: Engine) -> None:
    skus = ("PAD-24", "PAD-28", "MOK-003")
    december = (dt.date(2026, 12, 1), dt.date(2026, 12, 31))
    group = group_forecast(demo_engine, ProductGroup(skus=skus), today=DEMO_TODAY, between=december)
    singles = {
        sku: forecast_view(demo_engine, sku, today=DEMO_TODAY, between=december).total
        for sku in skus
    }
    assert group.total == pytest.approx(sum(singles.values()))
    assert [c.sku for c in group.contributors] == sorted(singles, key=lambda s: -singles[s])
    assert sum(c.share for c in group.contributors) == pytest.approx(1.0)
    ahead = group_forecast(demo_engine, ProductGroup(family="MOKA"), today=DEMO_TODAY, weeks=8)
    moka = _family(demo_engine, "MOKA")
    assert ahead.total == pytest.approx(
        sum(forecast_view(demo_engine, s, today=DEMO_TODAY, weeks=8).total for s in moka)
    )


def test_a_familys_range_widens_by_the_errors_its_products_share(demo_engine: Engine) -> None:
    """The run measured how the demo's products' errors move together per family; a family
    whose products share errors gets a weekly range wider than its products' ranges in
    quadrature (narrower than added up), and the capacity check's upper bound uses the same."""
    with demo_engine.connect() as conn:
        measured = dict(
            conn.exec_driver_sql("SELECT family, error_correlation FROM forecast_family").all()
        )
    assert measured["PENTOLE"] > 0.2 and measured["PENTOLE"] > measured["PADELLE"]
    group = group_forecast(demo_engine, ProductGroup(family="PENTOLE"), today=DEMO_TODAY, weeks=8)
    assert group.error_correlation == pytest.approx(measured["PENTOLE"])
    singles = [
        forecast_view(demo_engine, sku, today=DEMO_TODAY, weeks=8)
        for sku in _family(demo_engine, "PENTOLE")
    ]
    for k, week in enumerate(group.periods):
        widths = [s.periods[k].hi_80 - s.periods[k].forecast for s in singles]
        half = week.hi_80 - week.forecast
        assert math.sqrt(sum(w * w for w in widths)) < half < sum(widths)
    run = summarize(demo_engine, latest_run_id(demo_engine, grain="week") or 0)
    weekly = plant_family_demand(demo_engine, run, family="PENTOLE")
    with demo_engine.connect() as conn:
        squares = dict(
            conn.exec_driver_sql(
                "SELECT v.ds, sum((v.hi_95 - v.forecast) * (v.hi_95 - v.forecast)) "
                "FROM forecast_value v JOIN forecast_series s ON s.run_id = v.run_id "
                "AND s.unique_id = v.unique_id JOIN product p ON p.sku = s.sku "
                "WHERE p.family = 'PENTOLE' AND v.run_id = ? GROUP BY v.ds",
                (run.run_id,),
            ).all()
        )
    first = weekly.sort_values("week").iloc[0]
    quadrature = math.sqrt(squares[first["week"].isoformat()])
    assert first["demand_upper"] - first["demand"] > quadrature


def test_group_projection_puts_stockouts_first_and_says_excess(demo_engine: Engine) -> None:
    stockout, excess = DEMO_SCENARIO.stockout_sku, DEMO_SCENARIO.excess_sku
    group = group_projection(
        demo_engine,
        ProductGroup(skus=(excess, stockout)),
        today=DEMO_TODAY,
        weeks=12,
        location=None,
    )
    first, second = group.lines
    single = projection_answer(demo_engine, stockout, today=DEMO_TODAY, weeks=12, location=None)
    assert first.sku == stockout
    assert first.stockout_date == min(
        p.stockout_date for p in single.projections if p.stockout_date
    )
    assert second.sku == excess and second.excess
    # Its excess is where one product's answer (and the excess alert) finds it, as much.
    held = projection_answer(demo_engine, excess, today=DEMO_TODAY, weeks=12, location=None)
    places = tuple(c.location for c in held.cover if c.excess)
    assert places and second.excess_at == places
    assert second.beyond == pytest.approx(sum(c.beyond for c in held.cover if c.excess))
    runs_out = [  # at the warehouse, or a plant a receipt refills (production does otherwise)
        sku
        for sku in (excess, stockout)
        if any(
            p.stockout_date and (p.location == "WH-MIL" or any(w.receipts for w in p.weeks))
            for p in projection_answer(
                demo_engine, sku, today=DEMO_TODAY, weeks=12, location=None
            ).projections
        )
    ]
    assert (group.stockouts, group.excess) == (len(runs_out), 1)


def test_an_unknown_family_lists_the_known_ones(demo_engine: Engine) -> None:
    with pytest.raises(PonteError) as error:
        group_stock(demo_engine, ProductGroup(family="biciclette"))
    assert error.value.code == "unknown_family" and "PADELLE" in str(error.value)


def test_capacity_for_a_month_counts_the_forecast_of_that_month(demo_engine: Engine) -> None:
    """December's demand at the plant is December's forecast of the family it makes: weeks
    straddling the month count for their days inside, as forecasts do."""
    from planning.answers import capacity_answer

    with demo_engine.connect() as conn:
        plants = conn.exec_driver_sql(
            "SELECT DISTINCT plant FROM capacity WHERE family = 'PENTOLE'"
        ).all()
    assert len(plants) == 1  # one plant makes the family: all of its demand lands there
    december = capacity_answer(
        demo_engine, today=DEMO_TODAY, family="PENTOLE", plant=None, weeks=12, period="2026-12"
    )
    forecast = group_forecast(
        demo_engine,
        ProductGroup(family="PENTOLE"),
        today=DEMO_TODAY,
        between=(dt.date(2026, 12, 1), dt.date(2026, 12, 31)),
    )
    assert sum(w.demand for w in december.weeks) == pytest.approx(forecast.total)
    assert {w.share for w in december.weeks} > {1.0}  # the first and last weeks straddle


def test_a_plants_own_stock_without_receipts_is_not_a_groups_run_out(demo_engine: Engine) -> None:
    """As the alert rules have it: production refills a plant's export stock, so a family's
    projection counts the warehouse's run-outs and says the plant's is the capacity check's."""
    moka = group_projection(
        demo_engine, ProductGroup(family="MOKA"), today=DEMO_TODAY, weeks=12, location=None
    )
    assert moka.refilled == ("PLT-LUM",)
    assert all(line.stockout_at != "PLT-LUM" for line in moka.lines)
    # Asked about the plant itself, its stock's run-outs are the answer.
    at_plant = group_projection(
        demo_engine, ProductGroup(family="MOKA"), today=DEMO_TODAY, weeks=12, location="PLT-LUM"
    )
    assert at_plant.refilled == () and at_plant.stockouts > 0


def test_a_forecast_says_what_sold_the_same_days_a_year_before(
    demo_engine: Engine, demo_frames: dict[str, pd.DataFrame]
) -> None:
    """ "Forecast pentole dicembre vs dicembre scorso" (trial 18) gave December's forecast
    alone: every forecast now says what sold over the same days one year earlier, counted
    from the shipments (weekly rows for their days inside)."""
    from bot.render.cards import card_for
    from bot.render.text import plain
    from planning.access import identify
    from planning.forecast.views import with_year_before
    from planning.sales import sales_scope

    everyone = sales_scope(demo_engine, identify(demo_engine, "U01COLOMBO"))
    december = (dt.date(2026, 12, 1), dt.date(2026, 12, 31))
    pots = group_forecast(demo_engine, ProductGroup(family="PENTOLE"), today=DEMO_TODAY,
                          between=december)  # fmt: skip
    pots = with_year_before(demo_engine, pots, everyone)
    sales, products = demo_frames["sales"], demo_frames["products"]
    skus = set(products.loc[products["family"] == "PENTOLE", "sku"])
    sold = 0.0
    first, last = dt.date(2025, 12, 1), dt.date(2025, 12, 31)
    for monday, sku, quantity in zip(sales["date"].dt.date, sales["sku"], sales["quantity"],
                                     strict=True):  # fmt: skip
        if sku in skus:
            days = (min(monday + dt.timedelta(days=6), last) - max(monday, first)).days + 1
            sold += quantity * max(0, days) / 7
    assert pots.year_before is not None
    assert (pots.year_before.start, pots.year_before.end) == (first, last)
    assert pots.year_before.units == pytest.approx(sold) and sold > 0
    change = 100 * (pots.total / sold - 1)
    said = plain(card_for(pots, "it")).replace("\n", " ")
    assert (
        f"Gli stessi giorni un anno prima (1 dic 2025 – 31 dic 2025): {sold:,.0f}".replace(",", ".")
        in said
    )
    assert f"la previsione è {change:+.0f}%" in said
    # One product, at one place: its own shipments from there.
    at_milan = forecast_view(demo_engine, "PAD-28", today=DEMO_TODAY, location="WH-MIL",
                             between=december)  # fmt: skip
    # A rep sees their territories' sales, not the company's: no company figure for them.
    rossi = sales_scope(demo_engine, identify(demo_engine, "U01ROSSI"))
    assert with_year_before(demo_engine, at_milan, rossi).year_before is None
    at_milan = with_year_before(demo_engine, at_milan, everyone)
    mine = sales[(sales["sku"] == "PAD-28") & (sales["location"] == "WH-MIL")]
    alone = sum(
        q * max(0, (min(m + dt.timedelta(days=6), last) - max(m, first)).days + 1) / 7
        for m, q in zip(mine["date"].dt.date, mine["quantity"], strict=True)
    )
    assert at_milan.year_before is not None
    assert at_milan.year_before.units == pytest.approx(alone)


def test_seasonal_models_beside_no_clear_season_say_why_both_hold(demo_engine: Engine) -> None:
    """The pans' explanation said their series are forecast "with their own yearly season"
    and then "sales show no clear yearly season" (review of stop 34): both hold, and the
    answer now says how."""
    from bot.render.cards import card_for
    from bot.render.text import plain
    from planning.forecast.explain import explain_group_forecast

    pans = explain_group_forecast(demo_engine, ProductGroup(family="PADELLE"), today=DEMO_TODAY)
    assert pans.season.shape is None and pans.season.reason == "noise"
    assert any(k.kind == "own_season" for k in pans.kinds)
    said = plain(card_for(pans, "en")).replace("\n", " ")
    assert "the season they carry is within that week-to-week noise" in said
    moka = explain_group_forecast(demo_engine, ProductGroup(family="MOKA"), today=DEMO_TODAY)
    assert moka.season.shape is not None  # a clear season: nothing to reconcile
    assert "week-to-week noise" not in plain(card_for(moka, "en")).replace("\n", " ")


def test_a_familys_projection_says_what_could_move_as_each_product_does(
    demo_engine: Engine,
) -> None:
    """ "Quale stock in eccesso potremmo spostare tra le location?" (trial 19) repeated the
    excess alert; a family's (or everything's) projection now says what could move where,
    the same move each product's own projection offers."""
    knives = group_projection(
        demo_engine, ProductGroup(family="COLTELLI"), today=DEMO_TODAY, weeks=12, location=None
    )
    assert knives.transfers
    for sku, move in knives.transfers:
        single = projection_answer(demo_engine, sku, today=DEMO_TODAY, weeks=12, location=None)
        assert single.transfer == move
    everything = group_projection(
        demo_engine, ProductGroup(), today=DEMO_TODAY, weeks=12, location=None, focus="move"
    )
    assert set(knives.transfers) <= set(everything.transfers)
    from bot.render.cards import card_for

    sku, move = everything.transfers[0]
    card = card_for(everything, "en")
    assert card.headline.startswith(
        f"Could move: {move.units:,.0f} {sku} from {move.source} to {move.target}"
    )
