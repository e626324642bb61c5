"""Commission estimates worked by hand on the demo's plans: the reps' plan pays 2% of
revenue, 4% from 80% of the quota, 6% and a €500 bonus from 100%; James Walker's own plan
3%, then 5% and €1,000 from 100%."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine

from planning.access import identify
from planning.commission import commission_estimate
from planning.errors import PermissionDenied, PonteError
from planning.quotas import quota_status
from tests.conftest import DEMO_TODAY
from tests.helpers import run_import, write_files

PAD28_PRICE = 29.90  # the demo's list price


def estimate(engine: Engine, who: str = "U01ROSSI", **deal: object):  # type: ignore[no-untyped-def]
    return commission_estimate(engine, identify(engine, who), today=DEMO_TODAY, **deal)  # type: ignore[arg-type]


def rossi(engine: Engine):  # type: ignore[no-untyped-def]
    [status] = quota_status(engine, today=DEMO_TODAY, rep="U01ROSSI", period="2026-Q4")
    return status


def test_earned_so_far_is_the_first_tiers_rate_below_80(writable_demo: Engine) -> None:
    status = rossi(writable_demo)
    assert 0 < status.attainment_pct < 80  # type: ignore[operator]
    e = estimate(writable_demo)
    assert e.plan == "rep" and e.deal == "none"
    assert e.earned == pytest.approx(0.02 * status.sold_revenue)


def test_a_deal_inside_one_tier(writable_demo: Engine) -> None:
    status = rossi(writable_demo)
    e = estimate(writable_demo, sku="PAD-28", quantity=500)
    assert e.deal_revenue == pytest.approx(500 * PAD28_PRICE)  # 14,950
    assert e.attainment_after == pytest.approx(
        100 * (status.sold_units + 500) / status.target_units  # type: ignore[operator]
    )
    assert e.extra == pytest.approx(0.02 * 14_950)  # 299


def test_a_deal_across_two_tiers_and_a_bonus(writable_demo: Engine) -> None:
    status = rossi(writable_demo)
    target, sold = status.target_units, status.sold_units
    quantity = 1.1 * target - sold  # to 110% of the quota
    e = estimate(writable_demo, sku="PAD-28", quantity=quantity)
    revenue = quantity * PAD28_PRICE
    now = 100 * sold / target  # type: ignore[operator]
    # The revenue spread evenly over now% → 110%: 2% up to 80, 4% to 100, 6% beyond, +€500.
    span = 110 - now
    expected = (
        revenue * (80 - now) / span * 0.02
        + revenue * 20 / span * 0.04
        + revenue * 10 / span * 0.06
        + 500
    )
    assert e.extra == pytest.approx(expected)
    assert [round(s.rate_pct) for s in e.steps] == [2, 4, 0, 6]  # the bonus at 100%


def test_closing_the_target_values_what_is_left_at_the_reps_own_price(
    writable_demo: Engine,
) -> None:
    status = rossi(writable_demo)
    e = estimate(writable_demo, to_target=True)
    price = status.sold_revenue / status.sold_units
    left = status.target_units - status.sold_units  # type: ignore[operator]
    assert e.quantity == pytest.approx(left) and e.unit_price == pytest.approx(price)
    now = 100 * status.sold_units / status.target_units  # type: ignore[operator]
    revenue = left * price
    expected = revenue * (80 - now) / (100 - now) * 0.02 + revenue * 20 / (100 - now) * 0.04
    assert e.extra == pytest.approx(expected + 500)
    assert e.attainment_after == pytest.approx(100)


def test_reaching_120_percent_pays_the_tiers_to_120_at_the_reps_own_price(
    writable_demo: Engine,
) -> None:
    status = rossi(writable_demo)
    e = estimate(writable_demo, reach_pct=120)
    price = status.sold_revenue / status.sold_units
    left = 1.2 * status.target_units - status.sold_units  # type: ignore[operator]
    assert e.quantity == pytest.approx(left) and e.attainment_after == pytest.approx(120)
    now = 100 * status.sold_units / status.target_units  # type: ignore[operator]
    revenue, span = left * price, 120 - now
    expected = (
        revenue * (80 - now) / span * 0.02
        + revenue * 20 / span * 0.04
        + revenue * 20 / span * 0.06
        + 500
    )
    assert e.extra == pytest.approx(expected)
    with pytest.raises(PonteError) as nonsense:
        estimate(writable_demo, reach_pct=-20)
    assert nonsense.value.code == "commission_reach"


def test_a_personal_plan_wins_over_the_roles(writable_demo: Engine) -> None:
    e = estimate(writable_demo, "U01WALKER", to_target=True)
    assert e.plan == "personal"
    assert e.extra == pytest.approx(0.03 * e.deal_revenue + 1000)


@pytest.mark.parametrize(
    ("who", "whose", "allowed"),
    [
        ("U01ROSSI", "U01ROSSI", True),
        ("U01ROSSI", "U01BRAMBILLA", False),  # pay is private
        ("U01BIANCHI", "U01ROSSI", True),  # her manager
        ("U01HARRIS", "U01ROSSI", False),  # another manager
        ("U01DEANGELIS", "U01ROSSI", True),
    ],
)
def test_who_may_see_whose_pay(writable_demo: Engine, who: str, whose: str, allowed: bool) -> None:
    if allowed:
        assert estimate(writable_demo, who, person=whose).person == whose
    else:
        with pytest.raises(PermissionDenied):
            estimate(writable_demo, who, person=whose)


def test_without_a_plan_it_says_so(writable_demo: Engine, tmp_path: Path) -> None:
    # A header-only file replaces the plans with none (replaces: everything).
    write_files(
        tmp_path / "p", {"commission_plans.csv": "person,role,from_attainment_pct,rate_pct,bonus\n"}
    )
    run_import(writable_demo, tmp_path / "p")
    with pytest.raises(PonteError) as none:
        estimate(writable_demo)
    assert none.value.code == "no_commission_plan"
