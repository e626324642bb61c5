"""Forecast runs, projection, capacity and ATP on the demo company's database.

The situations built into the demo must be found by the planning core; numbers are checked
against arithmetic done here from the stored rows.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import Engine

from bot.render.cards import card_for
from bot.render.text import plain
from planning.answers import atp_answer, projection_answer
from planning.db import make_engine, upgrade
from planning.demo import DEMO_SCENARIO
from planning.errors import PonteError
from planning.forecast.runs import compute_forecast, load_sales, sku_forecasts, store_run
from planning.supply import atp, capacity_report, inventory_projection, plant_family_demand
from tests.conftest import DEMO_TODAY, NOW
from tests.helpers import rows, run_import


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory, demo_dir: Path) -> Iterator[Engine]:
    """The demo company with one weekly forecast run (SQLite, built once for this module)."""
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('supply') / 'demo.db'}")
    upgrade(engine)
    run_import(engine, demo_dir)
    result = compute_forecast(load_sales(engine), today=DEMO_TODAY, horizon=26)
    store_run(engine, result, now=NOW, engine_name="local", duration_seconds=1.0)
    yield engine
    engine.dispose()


def test_a_run_is_stored_with_its_choices_and_read_back(engine: Engine, tmp_path: Path) -> None:
    sales = pd.DataFrame(
        {
            "date": pd.date_range("2025-01-06", periods=60, freq="W-MON").date,
            "sku": "MOK-003",
            "quantity": [10.0 + (i % 4) for i in range(60)],
            "location": "WH-MIL",
            "territory": "",
        }
    )
    from tests.helpers import SMALL_COMPANY, write_files

    run_import(engine, write_files(tmp_path / "base", SMALL_COMPANY))
    result = compute_forecast(sales, today=dt.date(2026, 3, 4), horizon=8)
    run = store_run(engine, result, now=NOW, engine_name="local", duration_seconds=2.5)
    (series,) = sku_forecasts(engine, "MOK-003")
    assert series.run.run_id == run.run_id and run.series_count == 1
    assert series.location == "WH-MIL" and series.pattern == "smooth"
    assert len(series.values) == 8
    assert series.values["ds"].iloc[0] == dt.date(2026, 3, 2)  # the week of "today"
    assert rows(engine, "SELECT count(*) FROM forecast_value") == [(8,)]
    with pytest.raises(PonteError, match="unknown product 'NOPE'"):
        sku_forecasts(engine, "NOPE")


def test_family_demand_is_exactly_the_sum_of_its_skus(demo_db: Engine) -> None:
    run = sku_forecasts(demo_db, "MOK-003")[0].run
    plant_family = plant_family_demand(demo_db, run)
    values = pd.read_sql_query(
        "SELECT p.family, v.ds, v.forecast FROM forecast_value v JOIN forecast_series s "
        "ON s.unique_id = v.unique_id AND s.run_id = v.run_id JOIN product p ON p.sku = s.sku",
        demo_db,
    )
    by_family = values.groupby("family")["forecast"].sum()
    by_plant = plant_family.groupby("family")["demand"].sum()
    for family, total in by_family.items():
        assert by_plant[family] == pytest.approx(total, rel=1e-9)
    assert (plant_family["demand_upper"] >= plant_family["demand"]).all()


def test_the_stockout_sku_runs_out_within_its_lead_time(demo_db: Engine) -> None:
    projections, provenance = inventory_projection(
        demo_db, DEMO_SCENARIO.stockout_sku, today=DEMO_TODAY, location="WH-MIL"
    )
    (projection,) = projections
    lead_time = rows(
        demo_db, f"SELECT lead_time_days FROM product WHERE sku = '{DEMO_SCENARIO.stockout_sku}'"
    )[0][0]
    assert projection.stockout_date is not None
    assert projection.stockout_date <= DEMO_TODAY + dt.timedelta(days=lead_time)
    assert provenance.run is not None and provenance.stock_as_of == dt.date(2026, 11, 26)
    # Week by week, closing = opening + receipts - demand, and demand is never below orders.
    for week in projection.weeks:
        assert week.projected_on_hand == pytest.approx(week.opening + week.receipts - week.demand)
        assert week.demand >= week.open_orders


def test_the_excess_sku_covers_the_whole_horizon(demo_db: Engine) -> None:
    projections, _ = inventory_projection(
        demo_db, DEMO_SCENARIO.excess_sku, today=DEMO_TODAY, location="WH-MIL"
    )
    assert projections[0].covers_horizon and projections[0].stockout_date is None


def test_the_capacity_family_is_short_within_eight_weeks(demo_db: Engine) -> None:
    weeks, _ = capacity_report(demo_db, today=DEMO_TODAY, family="pentole")
    short = [w for w in weeks if w.shortfall_units > 0]
    assert short and short[0].week <= DEMO_TODAY + dt.timedelta(weeks=8)
    assert {w.plant for w in short} == {DEMO_SCENARIO.capacity_plant}
    first = short[0]
    assert first.shortfall_units == pytest.approx(first.demand - first.capacity_units)
    others, _ = capacity_report(demo_db, today=DEMO_TODAY, family="MOKA")
    assert all(w.shortfall_units == 0 for w in others[:8])
    with pytest.raises(PonteError, match="unknown product family 'TAZZE'"):
        capacity_report(demo_db, today=DEMO_TODAY, family="TAZZE")


def test_atp_from_stock_matches_the_stored_rows(demo_db: Engine) -> None:
    sku, by = "MOK-003", DEMO_TODAY + dt.timedelta(days=14)
    stock = rows(
        demo_db,
        f"SELECT on_hand, allocated FROM stock_level WHERE sku = '{sku}' AND location = 'WH-MIL' "
        "ORDER BY as_of DESC",  # the latest snapshot: older ones are history
    )[0]
    receipts = pd.read_sql_query(
        f"SELECT date, quantity FROM planned_receipt WHERE sku = '{sku}' AND location = 'WH-MIL'",
        demo_db,
    )
    orders = pd.read_sql_query(
        f"SELECT due_date, quantity FROM open_order WHERE sku = '{sku}' AND location = 'WH-MIL'",
        demo_db,
    )
    # Independent ATP: stock + receipts - orders, at the tightest point from `by` onwards.
    events = pd.concat(
        [
            pd.DataFrame({"day": pd.to_datetime(receipts["date"]), "q": receipts["quantity"]}),
            pd.DataFrame({"day": pd.to_datetime(orders["due_date"]), "q": -orders["quantity"]}),
        ]
    ).sort_values("day")
    base = stock[0] - stock[1]
    at_by = base + events.loc[events["day"] <= pd.Timestamp(by), "q"].sum()
    later = events[events["day"] > pd.Timestamp(by)]
    running = at_by + later["q"].cumsum()
    expected = min([at_by, *running.tolist()])
    small, _ = atp(demo_db, sku, 10, by, today=DEMO_TODAY)
    assert small.available_from_stock == pytest.approx(expected)
    assert small.feasible and small.from_capacity == 0
    huge, _ = atp(demo_db, sku, 1_000_000, by, today=DEMO_TODAY)
    assert not huge.feasible and huge.earliest_date is None


def test_atp_refuses_a_date_in_the_past(demo_db: Engine) -> None:
    with pytest.raises(PonteError, match="in the past"):
        atp(demo_db, "MOK-003", 10, DEMO_TODAY - dt.timedelta(days=3), today=DEMO_TODAY)
    with pytest.raises(PonteError, match="unknown product"):
        atp(demo_db, "MOK-999", 10, DEMO_TODAY, today=DEMO_TODAY)


def test_free_capacity_is_held_back_for_later_overloaded_weeks() -> None:
    from planning.capacity import CapacityWeek
    from planning.supply import _protected_free_capacity

    def week(day: int, capacity: float, demand: float) -> CapacityWeek:
        return CapacityWeek(
            plant="P",
            family="F",
            week=dt.date(2026, 11, day),
            demand=demand,
            demand_upper=demand,
            capacity_units=capacity,
            utilization=demand / capacity,
            shortfall_units=max(0.0, demand - capacity),
            shortfall_units_upper=max(0.0, demand - capacity),
            shortfall_revenue=0.0,
        )

    # Surplus 100, 50, then a week 120 short, then 10 spare: the short week must be built
    # ahead, so only 30 of the first week's 100 (and nothing of the second's) is free to promise.
    weeks = [week(2, 200, 100), week(9, 200, 150), week(16, 100, 220), week(23, 200, 190)]
    free = _protected_free_capacity(weeks)
    assert free["free_units"].tolist() == pytest.approx([30, 0, 0, 10])


def test_skus_are_found_whatever_their_case(demo_db: Engine) -> None:
    result, _ = atp(demo_db, "mok-003", 10, DEMO_TODAY + dt.timedelta(days=7), today=DEMO_TODAY)
    assert result.sku == "MOK-003" and result.feasible
    projections, _ = inventory_projection(demo_db, "pad-28", today=DEMO_TODAY, weeks=4)
    assert {p.sku for p in projections} == {"PAD-28"}
    with pytest.raises(PonteError, match="must be a number above 0"):
        atp(demo_db, "MOK-003", float("inf"), DEMO_TODAY, today=DEMO_TODAY)


def test_a_monthly_run_does_not_hide_the_weekly_forecast(demo_db: Engine) -> None:
    weekly = sku_forecasts(demo_db, "MOK-003")[0].run
    monthly = compute_forecast(load_sales(demo_db), today=DEMO_TODAY, horizon=6, grain="month")
    store_run(demo_db, monthly, now=NOW, engine_name="local", duration_seconds=1.0)
    _, provenance = inventory_projection(demo_db, "MOK-003", today=DEMO_TODAY, weeks=4)
    assert provenance.run is not None and provenance.run.run_id == weekly.run_id
    weeks, _ = capacity_report(demo_db, today=DEMO_TODAY)
    assert weeks and all(w.demand > 0 for w in weeks[:4])
    (latest,) = [s for s in sku_forecasts(demo_db, "MOK-003") if s.location == "WH-MIL"]
    assert latest.run.grain == "month" and len(latest.values) == 6


def test_a_projection_says_weeks_of_stock_excess_what_goes_unserved_and_what_could_move(
    demo_db: Engine,
) -> None:
    """ "Copertura del coltello per filettare" (trial 15): the plant runs out while the Milan
    warehouse holds most of a year; the answer said only "covers all 12 weeks" there and
    showed the plant's negative stock without a word."""
    answer = projection_answer(demo_db, "COL-FIL", today=DEMO_TODAY, weeks=12, location=None)
    by_place = {p.location: (p, c) for p, c in zip(answer.projections, answer.cover, strict=True)}
    warehouse, stock = by_place["WH-MIL"]
    # Excess is what 26 weeks of demand (and receipts) leave above safety stock, even when
    # 12 weeks are asked; weeks of stock are at the pace of those 26 weeks, the first one
    # counting the three days left of Friday 27 November's week (as its demand does).
    (half_year,), _ = inventory_projection(
        demo_db, "COL-FIL", today=DEMO_TODAY, weeks=26, location="WH-MIL"
    )
    weekly = sum(w.demand for w in half_year.weeks) / (25 + 3 / 7)
    assert stock.weeks_of_stock == pytest.approx((warehouse.on_hand - warehouse.allocated) / weekly)
    # 26 whole weeks from today: the 4 days of week 27 up to the Thursday, at that pace.
    left = half_year.weeks[-1].projected_on_hand - half_year.safety_stock - weekly * 4 / 7
    assert warehouse.covers_horizon and stock.excess and stock.beyond == pytest.approx(left)
    plant, short = by_place["PLT-MAN"]
    lowest = min(w.projected_on_hand for w in plant.weeks)
    assert plant.stockout_date is not None and short.short == pytest.approx(-lowest)
    move = answer.transfer
    assert move is not None and (move.source, move.target) == ("WH-MIL", "PLT-MAN")
    assert move.covers and move.units == math.ceil(-lowest + plant.safety_stock)
    assert move.units <= stock.spare <= stock.beyond
    english = plain(card_for(answer, "en")).replace("\n", " ")
    assert (f"{stock.weeks_of_stock:.0f} weeks of stock at the forecast's pace: excess, "
            f"{left:,.0f} left beyond 26 weeks and safety stock") in english  # fmt: skip
    assert f"PLT-MAN: {-lowest:,.0f} units of demand left unserved" in english
    assert f"moving {move.units:,.0f} of them to PLT-MAN would cover its shortfall" in english
    assert "PLT-MAN is a plant with no production planned" in english
    italian = plain(card_for(answer, "it")).replace("\n", " ")
    assert f"eccedenza, {left:.0f} pezzi oltre 26 settimane e la scorta di sicurezza" in italian
    assert f"spostarne {move.units:.0f} a PLT-MAN" in italian


def test_a_products_excess_is_the_excess_alerts_figure(demo_db: Engine) -> None:
    """The projection said 751 beyond 26 weeks, the alert 874 and a family's answer 34
    weeks of cover for the same knife: one rule now gives every excess figure."""
    from planning.alerts.rules import AlertSettings, find_problems

    found = find_problems(demo_db, today=DEMO_TODAY, settings=AlertSettings()).findings
    alerted = {(f.sku, f.location): f.numbers["units_beyond"] for f in found if f.rule == "excess"}
    assert alerted  # the demo holds excess (COL-FIL at WH-MIL)
    for (sku, place), units in alerted.items():
        answer = projection_answer(demo_db, sku, today=DEMO_TODAY, weeks=12, location=place)
        (cover,) = answer.cover
        assert cover.excess and cover.beyond == pytest.approx(units)
        assert f"{units:,.0f} left beyond 26 weeks" in plain(card_for(answer, "en")).replace(
            "\n", " "
        )


def test_a_familys_own_excess_threshold_is_every_answers(demo_db: Engine) -> None:
    """A family's threshold past the forecast's 26 weeks (COLTELLI at 40): the alerts found
    no excess at all and the projection counted the weeks without forecast as no demand
    (review of stop 35); both now count those weeks at the forecast's pace, alike."""
    from planning.alerts.rules import AlertSettings, find_problems

    forty = AlertSettings(families={"COLTELLI": {"excess_weeks": 40}})
    found = find_problems(demo_db, today=DEMO_TODAY, settings=forty).findings
    [alert] = [f for f in found if f.rule == "excess" and f.sku == "COL-FIL"]
    assert alert.numbers["cover_weeks"] == 40
    at_40 = projection_answer(demo_db, "COL-FIL", today=DEMO_TODAY, weeks=12,
                              location="WH-MIL", settings=forty)  # fmt: skip
    at_26 = projection_answer(demo_db, "COL-FIL", today=DEMO_TODAY, weeks=12, location="WH-MIL")
    (c40,), (c26,) = at_40.cover, at_26.cover
    assert c40.beyond == pytest.approx(alert.numbers["units_beyond"])
    # Fourteen more weeks of demand, at the pace of the 26 the forecast covers.
    assert c40.beyond == pytest.approx(c26.beyond - 14 * c26.weekly_demand)
    assert c40.weekly_demand == pytest.approx(c26.weekly_demand)
    assert "left beyond 40 weeks" in plain(card_for(at_40, "en")).replace("\n", " ")


def test_a_transfer_never_takes_what_its_source_needs(demo_db: Engine) -> None:
    """Over every product, 12 and 52 weeks ahead (the review found a plant told to send
    stock to itself, and one told to send stock it needed for its safety stock)."""
    skus = [sku for (sku,) in rows(demo_db, "SELECT sku FROM product ORDER BY sku")]
    offered = 0
    for sku in skus:
        for weeks in (12, 52):
            answer = projection_answer(demo_db, sku, today=DEMO_TODAY, weeks=weeks, location=None)
            move = answer.transfer
            if move is None:
                continue
            offered += 1
            source = next(p for p in answer.projections if p.location == move.source)
            assert move.source != move.target
            assert source.stockout_date is None  # a source that runs out has nothing spare
            # Sent now, the units leave every one of the source's next 26 weeks above its
            # safety stock.
            (half_year,), _ = inventory_projection(
                demo_db, sku, today=DEMO_TODAY, weeks=26, location=move.source
            )
            lowest = min(w.projected_on_hand for w in half_year.weeks)
            assert lowest - move.units >= source.safety_stock - 1e-9
    assert offered  # the demo has such a case (COL-FIL, above)


def test_a_promise_from_stock_about_to_run_out_says_so(demo_db: Engine) -> None:
    """ "Can I promise 200 PAD-28 by 18 December?" said a plain yes while the warehouse runs
    out in a week at the forecast's pace (trial 15): the rep now hears it before promising."""
    sku = DEMO_SCENARIO.stockout_sku
    (projection,), _ = inventory_projection(demo_db, sku, today=DEMO_TODAY, location="WH-MIL")
    assert projection.stockout_date is not None
    by = projection.stockout_date + dt.timedelta(days=7)
    answer = atp_answer(demo_db, sku, 10.0, by, today=DEMO_TODAY, location="WH-MIL")
    assert answer.feasible and answer.runs_out == projection.stockout_date
    english = plain(card_for(answer, "en"))
    assert f"runs out on {projection.stockout_date:%-d %b %Y}" in english.replace("\n", " ")
    assert card_for(answer, "en").tone == "warning"
    italian = plain(card_for(answer, "it"))
    assert "questa promessa prende merce che la previsione si aspetta da altri clienti" in (
        italian.replace("\n", " ")
    )
    # Stock that lasts says nothing of the kind.
    calm = atp_answer(
        demo_db, DEMO_SCENARIO.excess_sku, 10.0, by, today=DEMO_TODAY, location="WH-MIL"
    )
    assert calm.feasible and calm.runs_out is None and card_for(calm, "en").tone == "good"


def test_a_promise_that_itself_takes_stock_below_safety_says_so(demo_db: Engine) -> None:
    """ "1000 padelle 24 entro fine gennaio? rischi?" (trial 16): the yes held 1,000 against
    stock the forecast needs too; the promise, one more order due the week it ships, takes
    the warehouse below its safety stock, and the answer says in which week."""
    by = dt.date(2027, 1, 29)
    answer = atp_answer(demo_db, "PAD-24", 1000.0, by, today=DEMO_TODAY, location="WH-MIL")
    assert answer.feasible and answer.runs_out is None and answer.risky
    (plan,), _ = inventory_projection(
        demo_db, "PAD-24", today=DEMO_TODAY, weeks=12, location="WH-MIL"
    )
    ship = next(w for w in plan.weeks if w.week <= by < w.week + dt.timedelta(days=7))
    taken = max(ship.forecast, ship.open_orders + 1000) - ship.demand
    first_low = next(
        w.week
        for w in plan.weeks
        if w.week >= ship.week and w.projected_on_hand - taken < plan.safety_stock
    )
    assert answer.promise_below_safety == first_low and answer.promise_runs_out is None
    italian = plain(card_for(answer, "it")).replace("\n", " ")
    assert italian.startswith("PAD-24 · Padella antiaderente 24 cm Sì, con un rischio: 1.000")
    assert f"scende sotto la scorta di sicurezza ({plan.safety_stock:.0f})" in italian


def test_a_promise_says_the_buffer_is_gone_even_without_it(demo_db: Engine) -> None:
    """ "Can I promise 500 MOK-006 by Jan 10?" (trial 18) said the promise takes the
    warehouse below safety stock in the week of 25 January, while at the forecast's pace it
    is there from 14 December anyway: a rosier date than the product's own projection."""
    by = dt.date(2027, 1, 10)
    answer = atp_answer(demo_db, "MOK-006", 500.0, by, today=DEMO_TODAY, location="WH-MIL")
    (plan,), _ = inventory_projection(
        demo_db, "MOK-006", today=DEMO_TODAY, weeks=12, location="WH-MIL"
    )
    assert plan.first_below_safety_stock is not None and plan.first_below_safety_stock < by
    assert answer.feasible and answer.risky and answer.below_safety == plan.first_below_safety_stock
    english = plain(card_for(answer, "en")).replace("\n", " ")
    day = f"{plan.first_below_safety_stock:%-d %b %Y}"
    said = f"WH-MIL falls below its safety stock ({plan.safety_stock:.0f}) from the week of {day}"
    assert f"{said}, even without this promise" in english
    # A promise whose warehouse keeps its buffer says nothing of the kind.
    calm = atp_answer(
        demo_db, DEMO_SCENARIO.excess_sku, 10.0, by, today=DEMO_TODAY, location="WH-MIL"
    )
    assert calm.below_safety is None and not calm.risky


def test_a_promise_that_takes_the_buffer_first_says_it_first(demo_db: Engine) -> None:
    """100 COL-CEP by 30 November takes WH-MIL below safety stock in the week of 7 December,
    a week before the forecast alone would (14 December): the answer said "... from 14 Dec;
    with this promise, again in the week of 7 Dec" (review of stop 35)."""
    by = dt.date(2026, 11, 30)
    answer = atp_answer(demo_db, "COL-CEP", 100.0, by, today=DEMO_TODAY, location="WH-MIL")
    assert answer.promise_below_safety is not None and answer.below_safety is not None
    assert answer.promise_below_safety < answer.below_safety
    english = plain(card_for(answer, "en")).replace("\n", " ")
    first = english.index(f"week of {answer.promise_below_safety:%-d %b %Y}")
    assert first < english.index(f"from the week of {answer.below_safety:%-d %b %Y}")
    assert "again" not in english
