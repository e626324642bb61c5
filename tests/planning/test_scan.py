"""The all-products scan gives, for every product-location, exactly the projection a
question about that one product gives."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine, text

from planning.overview import nearest_stockouts
from planning.scan import scan_stock
from planning.supply import inventory_projection
from tests.conftest import DEMO_TODAY


@pytest.mark.parametrize("today", [DEMO_TODAY, DEMO_TODAY + dt.timedelta(days=3)])
def test_the_scan_projects_every_product_as_one_question_does(
    demo_engine: Engine, today: dt.date
) -> None:
    scan = scan_stock(demo_engine, today=today, weeks=13)
    with demo_engine.connect() as conn:
        skus = list(conn.execute(text("SELECT DISTINCT sku FROM stock_level")).scalars())
    expected = {
        (p.sku, p.location): p
        for sku in skus
        for p in inventory_projection(demo_engine, sku, today=today, weeks=13)[0]
    }
    found = {(p.sku, p.location): p for p in map(scan.projection, range(len(scan.rows)))}
    assert found.keys() == expected.keys()
    for key, projection in expected.items():
        assert found[key].stockout_date == projection.stockout_date, key
        assert found[key].first_below_safety_stock == projection.first_below_safety_stock, key
        assert found[key].days_of_cover == pytest.approx(projection.days_of_cover), key
        assert [w.projected_on_hand for w in found[key].weeks] == pytest.approx(
            [w.projected_on_hand for w in projection.weeks]
        ), key
        assert [w.open_orders for w in found[key].weeks] == [
            w.open_orders for w in projection.weeks
        ], key
    # The demo plants runs-outs: the scan's soonest are the ones the Home lists.
    soonest = nearest_stockouts(demo_engine, today=today, weeks=13, limit=5)
    risky = sorted(
        (p for p in expected.values() if p.stockout_date or p.first_below_safety_stock),
        key=lambda p: (
            p.stockout_date or dt.date.max,
            p.first_below_safety_stock or dt.date.max,
            p.sku,
            p.location,
        ),
    )
    assert [(p.sku, p.location) for p in soonest] == [(p.sku, p.location) for p in risky[:5]]


def test_a_scan_of_some_products_projects_them_as_the_scan_of_all_does(
    demo_engine: Engine,
) -> None:
    """A family's projection scans only its products (the demo's MOKA, with their open
    orders, receipts and forecasts): each row as the all-products scan has it, and no other
    product."""
    with demo_engine.connect() as conn:
        moka = frozenset(
            conn.execute(text("SELECT sku FROM product WHERE family = 'MOKA'")).scalars()
        )
    some = scan_stock(demo_engine, today=DEMO_TODAY, weeks=13, skus=moka)
    every = scan_stock(demo_engine, today=DEMO_TODAY, weeks=13)
    assert set(some.rows["sku"]) == moka & set(every.rows["sku"]) and len(moka) > 5
    keys = zip(every.rows["sku"], every.rows["location"], strict=True)
    rows = {key: i for i, key in enumerate(keys)}
    for i, (sku, location) in enumerate(zip(some.rows["sku"], some.rows["location"], strict=True)):
        mine, theirs = some.projection(i), every.projection(rows[(sku, location)])
        assert mine == theirs, (sku, location)


@pytest.mark.parametrize("weeks", [2, 4, 12])
def test_the_first_weeks_of_a_longer_scan_are_the_shorter_scan(
    demo_engine: Engine, weeks: int
) -> None:
    """A family's projection reads one 26-week scan for its excess and answers the 12 weeks
    asked from its first weeks: every projection, run-out date and plant refilled by
    production as a 12-week scan has them."""
    longer = scan_stock(demo_engine, today=DEMO_TODAY, weeks=26).head(weeks)
    direct = scan_stock(demo_engine, today=DEMO_TODAY, weeks=weeks)
    assert longer.weeks == direct.weeks == weeks
    assert (longer.production_fed == direct.production_fed).all()
    for row in range(len(direct.rows)):
        assert longer.projection(row) == direct.projection(row)
    assert any(p.stockout_date for p in map(direct.projection, range(len(direct.rows))))
