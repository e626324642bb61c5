"""How a promotion went, over the demo company: figures from its sales file, scope, bad input."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import Engine

from planning.access import identify
from planning.errors import PermissionDenied, PonteError
from planning.promo_review import promo_review
from planning.sales import SalesFilter, sales_scope
from tests.conftest import DEMO_TODAY
from tests.helpers import run_import, write_files


def _review(engine: Engine, user: str, what: SalesFilter, period: str | None = None):  # type: ignore[no-untyped-def]
    scope = sales_scope(engine, identify(engine, user))
    return promo_review(engine, scope, what, today=DEMO_TODAY, period=period)


def _family_sales(frames: dict[str, pd.DataFrame], family: str) -> pd.DataFrame:
    families = frames["products"].set_index("sku")["family"]
    sales = frames["sales"].copy()
    sales = sales[sales["sku"].map(families) == family]
    sales["week"] = sales["date"].dt.date
    sales["on_promo"] = sales["promo"].astype(str).str.lower().isin(["yes", "true", "1"])
    return sales


def _per_week(sales: pd.DataFrame, skus: set[str], weeks: list[dt.date]) -> float:
    rows = sales[sales["sku"].isin(skus) & sales["week"].isin(weeks)]
    return float(rows["quantity"].sum()) / len(weeks)


def test_the_last_promotion_is_its_weeks_against_the_four_before_and_after(
    demo_engine: Engine, demo_frames: dict[str, pd.DataFrame]
) -> None:
    sales = _family_sales(demo_frames, "MOKA")
    flagged = sales[sales["on_promo"]]
    last = max(flagged["week"])
    run = [last]
    while (run[0] - dt.timedelta(weeks=1)) in set(flagged["week"]):
        run.insert(0, run[0] - dt.timedelta(weeks=1))
    skus = set(flagged[flagged["week"].isin(run)]["sku"])
    before = [run[0] - dt.timedelta(weeks=k) for k in range(1, 5)]
    after = [run[-1] + dt.timedelta(weeks=k) for k in range(1, 5)]
    assert not set(flagged[flagged["sku"].isin(skus)]["week"]) & set(before + after)

    r = _review(demo_engine, "U01DEANGELIS", SalesFilter(family="MOKA"))
    assert (r.start, r.end) == (run[0], run[-1] + dt.timedelta(days=6))
    assert (r.weeks, r.products) == (len(run), len(skus))
    assert r.before == pytest.approx(_per_week(sales, skus, before))
    assert r.during == pytest.approx(_per_week(sales, skus, run))
    assert r.after == pytest.approx(_per_week(sales, skus, after))
    assert r.lift == pytest.approx(r.during / r.before - 1) and r.lift > 0
    assert r.extra_units == pytest.approx((r.during - r.before) * len(run))
    # The season's own turn, from the same weeks a year earlier.
    year = dt.timedelta(weeks=52)
    then = _per_week(sales, skus, [w - year for w in after]) / _per_week(
        sales, skus, [w - year for w in before]
    )
    assert r.season_change == pytest.approx(then - 1)
    # The products most lifted in units first; earlier promotions named, latest first.
    gains = [line.during - line.before for line in r.lines]
    assert gains == sorted(gains, reverse=True)
    assert r.earlier and all(a[0] > b[0] for a, b in zip(r.earlier, r.earlier[1:], strict=False))
    assert r.earlier[0][1] < r.start


def test_a_period_picks_the_promotion_within_it(demo_engine: Engine) -> None:
    latest = _review(demo_engine, "U01DEANGELIS", SalesFilter(family="MOKA"))
    older_start, older_end = latest.earlier[0]
    period = f"{older_start:%Y-%m}"
    asked = _review(demo_engine, "U01DEANGELIS", SalesFilter(family="MOKA"), period)
    assert asked.start == older_start and asked.end == older_end and asked.period == period


def test_a_rep_reviews_their_territories_promotion_only(demo_engine: Engine) -> None:
    everyone = _review(demo_engine, "U01DEANGELIS", SalesFilter(family="MOKA"))
    rossi = _review(demo_engine, "U01ROSSI", SalesFilter(family="MOKA"))
    assert rossi.start == everyone.start and rossi.during < everyone.during
    assert rossi.territories == ("NO",)
    with pytest.raises(PermissionDenied):
        _review(demo_engine, "U01ROSSI", SalesFilter(person="U01ZANETTI"))


def test_no_promotion_or_a_future_period_is_said_not_guessed(demo_engine: Engine) -> None:
    with pytest.raises(PonteError) as none:
        _review(demo_engine, "U01DEANGELIS", SalesFilter(family="MOKA"), "2026-09")
    assert none.value.code == "no_promotion" and none.value.params["period"] == "2026-09"
    with pytest.raises(PonteError) as future:
        _review(demo_engine, "U01DEANGELIS", SalesFilter(family="MOKA"), "2027-03")
    assert future.value.code == "period_in_future"
    # The export customers never bought on promotion.
    with pytest.raises(PonteError) as nothing:
        _review(demo_engine, "U01DEANGELIS", SalesFilter(customer="Casa Italia Import GmbH"))
    assert nothing.value.code == "no_promotion"
    assert nothing.value.params["what"] == "Casa Italia Import GmbH"


def test_daily_rows_a_recent_promotion_and_one_without_a_usual_level(
    loaded: Engine, tmp_path: Path
) -> None:
    """Days are summed into weeks; a promotion that has just ended says nothing yet about
    the weeks after it; one in the first week of sales has no usual level to compare with."""
    days = [dt.date(2026, 10, 5) + dt.timedelta(days=k) for k in range(7 * 7)]  # 7 weeks
    lines = ["date,sku,quantity,location,territory,customer,rep,revenue,promo"]
    for day in days:
        promo = day >= dt.date(2026, 11, 16)  # the last week and a day: one promotion
        units = 20 if promo else 10
        lines.append(f"{day},PAD-28,{units},WH-MIL,NO,Casalinghi Colombo,U01ROSSI,"
                     f"{units * (25 if promo else 30)},{'yes' if promo else 'no'}")  # fmt: skip
    run_import(loaded, write_files(tmp_path / "daily", {"sales.csv": "\n".join(lines)}) /
               "sales.csv")  # fmt: skip
    scope = sales_scope(loaded, identify(loaded, "U01BIANCHI"))
    today = dt.date(2026, 11, 22)
    r = promo_review(loaded, scope, SalesFilter(product="PAD-28"), today=today)
    assert (r.start, r.weeks, r.before_weeks) == (dt.date(2026, 11, 16), 1, 4)
    assert (r.before, r.during) == (70, 20 * 7)
    assert (r.after, r.after_weeks, r.given_back) == (None, 0, 0)
    assert r.discount == pytest.approx(1 - 25 / 30)
    first = [lines[0], *(x.replace(",no", ",yes") for x in lines[1:8]), *lines[8:]]
    run_import(loaded, write_files(tmp_path / "first", {"sales.csv": "\n".join(first)}) /
               "sales.csv")  # fmt: skip
    with pytest.raises(PonteError) as early:
        promo_review(loaded, scope, SalesFilter(product="PAD-28"), today=today,
                     period="2026-10")  # fmt: skip
    assert early.value.code == "promotion_without_baseline"
