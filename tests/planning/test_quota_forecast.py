"""Where a quota ends if demand comes as forecast: each owner's share of the company's recent
sales applied to the forecast of the days still to come; a manager's team ranked."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine, text

from planning.access import identify
from planning.answers import quota_answer
from planning.quotas import quota_status
from tests.conftest import DEMO_TODAY


def company_forecast(engine: Engine, first: dt.date, last: dt.date) -> float:
    """Every SKU's forecast (the per-series table, not the family sums) over [first, last]."""
    with engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT v.ds, v.forecast FROM forecast_value v "
            "WHERE v.run_id = (SELECT max(id) FROM forecast_run WHERE grain = 'week')"
        )).all()  # fmt: skip
    total = 0.0
    for ds, value in rows:
        monday = ds if isinstance(ds, dt.date) else dt.date.fromisoformat(str(ds)[:10])
        inside = (min(monday + dt.timedelta(days=6), last) - max(monday, first)).days + 1
        total += float(value) * max(0, inside) / 7
    return total


def test_the_reps_forecasts_add_up_to_the_companys(demo_engine: Engine) -> None:
    reps = [s for s in quota_status(demo_engine, today=DEMO_TODAY, period="2026-Q4")
            if s.owner_kind == "rep"]  # fmt: skip
    assert len(reps) == 7
    first = reps[0].measured_until + dt.timedelta(days=1)
    ahead = sum((s.forecast_units_at_end or 0) - s.sold_units for s in reps)
    # Every demo sale has a rep: their shares of the last 13 weeks add up to the whole.
    assert ahead == pytest.approx(company_forecast(demo_engine, first, reps[0].end), rel=1e-6)
    for s in reps:
        assert s.forecast_units_at_end is not None and s.forecast_units_at_end >= s.sold_units
        assert s.forecast_attainment_pct == pytest.approx(
            100 * s.forecast_units_at_end / (s.target_units or 1)
        )
        assert s.forecast_through == s.end


def test_a_rep_who_lost_his_largest_account_is_forecast_short(demo_engine: Engine) -> None:
    [esposito] = quota_status(demo_engine, today=DEMO_TODAY, rep="U01ESPOSITO", period="2026-Q4")
    [marchi] = quota_status(demo_engine, today=DEMO_TODAY, rep="U01MARCHI", period="2026-Q4")
    assert esposito.forecast_attainment_pct is not None and esposito.forecast_attainment_pct < 100
    assert marchi.forecast_attainment_pct is not None and marchi.forecast_attainment_pct > 100


def test_a_period_beyond_the_forecast_says_how_far_it_counted(demo_engine: Engine) -> None:
    [later] = quota_status(demo_engine, today=DEMO_TODAY, rep="U01ROSSI", period="2027-Q1")
    assert later.sold_units == 0 and later.forecast_units_at_end is not None
    assert later.forecast_through is not None and later.forecast_through <= later.end


def test_a_manager_sees_the_team_ranked(demo_engine: Engine) -> None:
    answer = quota_answer(demo_engine, identify(demo_engine, "U01HARRIS"), today=DEMO_TODAY)
    shown = [s.attainment_pct for s in answer.statuses]
    assert len(shown) == 4 and shown == sorted(shown, reverse=True)  # type: ignore[type-var]
