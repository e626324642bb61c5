"""What if: the plan's plant load with demand or a plant's capacity changed, over the demo
company's latest weekly forecast, checked against the capacity check and the forecast it
changes (planning.answers.capacity_answer, planning.forecast.runs.sku_forecasts)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine, text

from planning.answers import capacity_answer
from planning.errors import PonteError
from planning.forecast.runs import sku_forecasts
from planning.projection import days_inside
from planning.scenario import Scenario, change_window, what_if
from tests.conftest import DEMO_TODAY

JANUARY = (dt.date(2027, 1, 1), dt.date(2027, 1, 31))
JUNE_2028 = (dt.date(2028, 6, 1), dt.date(2028, 6, 30))  # past the forecast's 26 weeks


def _scenario(**kwargs: object) -> Scenario:
    first, last = kwargs.pop("window", JANUARY)  # type: ignore[misc]
    return Scenario(first=first, last=last, **kwargs)  # type: ignore[arg-type]


def test_a_family_promotion_adds_its_share_to_the_weeks_it_covers(demo_engine: Engine) -> None:
    planned = capacity_answer(
        demo_engine, today=DEMO_TODAY, family="PADELLE", plant=None, weeks=12, period="2027-01"
    )
    answer = what_if(demo_engine, _scenario(demand_change=30.0, family="PADELLE"),
                     today=DEMO_TODAY)  # fmt: skip
    [line] = answer.lines
    assert (line.plant, line.family) == ("PLT-LUM", "PADELLE")
    january = sum(w.demand for w in planned.weeks)  # each week for its days in January
    assert line.demand == pytest.approx(january)
    assert line.demand_after == pytest.approx(1.3 * january)
    assert answer.added_units == pytest.approx(0.3 * january)
    assert (
        line.capacity_after
        == line.capacity
        == pytest.approx(sum(w.capacity_units for w in planned.weeks))
    )
    assert line.peak is not None and line.peak_after is not None
    assert line.peak == pytest.approx(max(w.utilization or 0.0 for w in planned.weeks))
    assert line.peak < line.peak_after <= 1.3 * line.peak + 1e-9
    assert answer.copes and line.weeks_over_after == 0  # 95% at the highest


def test_a_product_changes_by_its_own_forecast_alone(demo_engine: Engine) -> None:
    answer = what_if(demo_engine, _scenario(demand_change=50.0, skus=("MOK-003",)),
                     today=DEMO_TODAY)  # fmt: skip
    january = sum(
        forecast * days_inside(ds, *JANUARY) / 7
        for series in sku_forecasts(demo_engine, "MOK-003")
        for ds, forecast in zip(series.values["ds"], series.values["forecast"], strict=True)
    )
    assert january > 0
    assert answer.added_units == pytest.approx(0.5 * january)
    assert {(x.plant, x.family) for x in answer.lines} == {("PLT-LUM", "MOKA")}


def test_a_plant_stopped_for_two_weeks_makes_nothing_from_next_monday(
    demo_engine: Engine,
) -> None:
    first, last = change_window(DEMO_TODAY, weeks=2)
    assert (first, last) == (dt.date(2026, 11, 30), dt.date(2026, 12, 13))
    answer = what_if(
        demo_engine,
        Scenario(first=first, last=last, capacity_change=-100.0, plant="PLT-MAN"),
        today=DEMO_TODAY,
    )
    assert {x.family for x in answer.lines} == {"COLTELLI", "RICAMBI"}
    assert {x.plant for x in answer.lines} == {"PLT-MAN"}
    for line in answer.lines:
        assert line.weeks == 2 and line.capacity > 0 and line.capacity_after == 0
        assert line.demand_after == line.demand  # demand does not change
        assert line.short_after == pytest.approx(line.demand)  # all of it, unmade
        assert line.weeks_over_after == 2 and line.peak_after is None
    # Two weeks of knives are within what the warehouses hold above safety stock.
    assert answer.copes and answer.added_units == 0


def test_what_is_uncovered_is_what_stock_and_building_ahead_leave_short(
    demo_engine: Engine,
) -> None:
    """All demand tripled in January: some plant cannot make it even with every unit of
    stock above safety stock and every hour free before; what stays uncovered is never more
    than the weeks over capacity lack, nor less than that minus the stock and the capacity
    left free."""
    answer = what_if(demo_engine, _scenario(demand_change=200.0), today=DEMO_TODAY)
    assert not answer.copes
    with demo_engine.connect() as conn:
        plants = {str(p) for (p,) in conn.execute(text("SELECT DISTINCT plant FROM capacity"))}
    assert {x.plant for x in answer.lines} == plants  # everything changed: every plant
    short = [x for x in answer.lines if not x.copes]
    assert short and all(x.weeks_over_after > 0 and x.first_over_after for x in short)
    for x in answer.lines:
        assert 0 <= x.uncovered <= x.short_after + 1e-6
        assert x.revenue_uncovered >= 0
        if x.copes:
            assert x.revenue_uncovered == 0
        assert x.uncovered_before <= x.uncovered + 1e-6  # more demand never needs less


def test_less_demand_lowers_the_load_and_is_said_as_units_taken_away(
    demo_engine: Engine,
) -> None:
    window = change_window(DEMO_TODAY)  # the next 12 weeks from this one
    answer = what_if(demo_engine, _scenario(demand_change=-10.0, window=window),
                     today=DEMO_TODAY)  # fmt: skip
    assert answer.added_units < 0
    for line in answer.lines:
        assert line.demand_after == pytest.approx(0.9 * line.demand)
        assert line.uncovered <= line.uncovered_before + 1e-6


def test_a_demand_change_at_one_plant_is_that_plants_load_alone(demo_engine: Engine) -> None:
    answer = what_if(
        demo_engine,
        _scenario(demand_change=-30.0, family="COLTELLI", plant="PLT-MAN"),
        today=DEMO_TODAY,
    )
    assert {(x.plant, x.family) for x in answer.lines} == {("PLT-MAN", "COLTELLI")}


def test_demand_and_capacity_changed_together_take_the_whole_plants_capacity(
    demo_engine: Engine,
) -> None:
    """ "PLT-LUM capacity -10% and moka demand +20% in January": the family scopes the
    demand; the capacity falls for everything the plant makes."""
    both = what_if(
        demo_engine,
        _scenario(demand_change=20.0, capacity_change=-10.0, family="MOKA", plant="PLT-LUM"),
        today=DEMO_TODAY,
    )
    alone = what_if(demo_engine, _scenario(capacity_change=-10.0, plant="PLT-LUM"),
                    today=DEMO_TODAY)  # fmt: skip
    assert {x.family for x in both.lines} == {x.family for x in alone.lines} == {
        "MOKA", "PADELLE", "PENTOLE"
    }  # fmt: skip
    for x, y in zip(both.lines, alone.lines, strict=True):
        assert x.capacity_after == pytest.approx(0.9 * x.capacity) == y.capacity_after
        grows = 1.2 if x.family == "MOKA" else 1.0
        assert x.demand_after == pytest.approx(grows * x.demand)


def test_a_scenario_stores_nothing(demo_engine: Engine) -> None:
    before = capacity_answer(demo_engine, today=DEMO_TODAY, family=None, plant=None, weeks=12)
    what_if(demo_engine, _scenario(demand_change=100.0), today=DEMO_TODAY)
    what_if(demo_engine, _scenario(capacity_change=-100.0, plant="PLT-LUM"), today=DEMO_TODAY)
    after = capacity_answer(demo_engine, today=DEMO_TODAY, family=None, plant=None, weeks=12)
    assert after.weeks == before.weeks


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (lambda: _scenario(), "no_change"),
        (lambda: _scenario(demand_change=-100.0), "bad_change"),
        (lambda: _scenario(capacity_change=-120.0, plant="PLT-LUM"), "bad_change"),
        (lambda: _scenario(capacity_change=-10.0), "no_plant"),
    ],
)
def test_a_change_that_cannot_be_tried_is_refused(make: object, code: str) -> None:
    with pytest.raises(PonteError) as refused:
        make()  # type: ignore[operator]
    assert refused.value.code == code


@pytest.mark.parametrize(
    ("scenario", "code"),
    [
        (_scenario(demand_change=10.0, family="NOT-A-FAMILY"), "no_capacity"),
        (_scenario(capacity_change=-10.0, plant="WH-MIL"), "no_capacity"),
        (_scenario(demand_change=10.0, family="MOKA", plant="PLT-MAN"), "no_capacity"),
        (_scenario(demand_change=10.0, window=JUNE_2028), "beyond_forecast"),
    ],
)
def test_a_scenario_on_what_is_not_planned_is_refused(
    demo_engine: Engine, scenario: Scenario, code: str
) -> None:
    with pytest.raises(PonteError) as refused:
        what_if(demo_engine, scenario, today=DEMO_TODAY)
    assert refused.value.code == code


def test_a_period_gone_by_is_refused_and_weeks_within_a_period_start_on_its_first_day() -> None:
    with pytest.raises(PonteError) as refused:
        change_window(DEMO_TODAY, period="2026-10")
    assert refused.value.code == "period_over"
    assert change_window(DEMO_TODAY, period="2027-01", weeks=1) == (
        dt.date(2027, 1, 1),
        dt.date(2027, 1, 7),
    )
    assert change_window(DEMO_TODAY, period="2026-11") == (DEMO_TODAY, dt.date(2026, 11, 30))


def test_the_peak_load_is_the_changes_own_days_as_its_shortfall_is(demo_engine: Engine) -> None:
    """All demand -30% in March said "Yes, within capacity; the highest load is 113% at
    PLT-LUM for PENTOLE": the week of 29 March, three of its days in March, had its whole
    week's load (four days without the cut). A load over 100% is a week over capacity, and
    the other way round; with nothing over capacity every peak is below 100%."""
    march = (dt.date(2027, 3, 1), dt.date(2027, 3, 31))
    answer = what_if(demo_engine, _scenario(demand_change=-30.0, window=march),
                     today=DEMO_TODAY)  # fmt: skip
    pentole = next(x for x in answer.lines if x.family == "PENTOLE")
    assert pentole.weeks_over > 0 and pentole.weeks_over_after == 0  # the cut clears March
    for line in answer.lines:
        assert line.peak_after is not None
        assert (line.peak_after > 1.0) == (line.weeks_over_after > 0), line
        assert line.peak is not None
        assert line.peak_after == pytest.approx(0.7 * line.peak)  # the same share of each day
