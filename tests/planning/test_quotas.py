"""Quota status: target, attainment to date and the pace still needed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import Engine

from planning.demo import DEMO_SCENARIO
from planning.errors import PonteError
from planning.quotas import period_bounds, quota_status
from tests.conftest import DEMO_TODAY
from tests.helpers import run_import, write_files

TODAY = dt.date(2026, 11, 27)


def test_periods_have_their_calendar_bounds() -> None:
    assert period_bounds("2026-02") == (dt.date(2026, 2, 1), dt.date(2026, 2, 28))
    assert period_bounds("2026-q4") == (dt.date(2026, 10, 1), dt.date(2026, 12, 31))
    assert period_bounds("2027") == (dt.date(2027, 1, 1), dt.date(2027, 12, 31))
    with pytest.raises(PonteError, match="is not a period"):
        period_bounds("Q4 2026")
    for beyond_the_calendar in ("9999-12", "9999-Q4", "0000-Q1", "0000"):
        with pytest.raises(PonteError, match="is not a period"):
            period_bounds(beyond_the_calendar)


def test_a_reps_attainment_pace_and_what_is_left(loaded: Engine) -> None:
    (status,) = quota_status(loaded, today=TODAY, rep="U01ROSSI")
    # Weekly rows of 9 and 16 Nov: 300 + 310 units; they cover sales up to Sunday 22 Nov,
    # i.e. 53 of the quarter's 92 days. The other 39 days (Nov 23 – Dec 31) must bring the rest.
    assert (status.period, status.owner_name, status.version) == ("2026-Q4", "Giulia Rossi", 1)
    assert status.sold_units == pytest.approx(610)
    assert status.sold_revenue == pytest.approx(14180.5)
    assert status.measured_until == dt.date(2026, 11, 22)
    assert status.elapsed_share == pytest.approx(53 / 92)
    assert status.attainment_pct == pytest.approx(100 * 610 / 9000)
    assert status.revenue_attainment_pct == pytest.approx(100 * 14180.5 / 210000)
    assert status.on_track is False
    assert status.current_weekly_pace == pytest.approx(610 / (53 / 7))
    assert status.weeks_left == pytest.approx(39 / 7)
    assert status.required_weekly_pace == pytest.approx((9000 - 610) / (39 / 7))


def test_a_territory_family_quota_counts_only_that_family(loaded: Engine) -> None:
    (status,) = quota_status(loaded, today=TODAY, territory="NO", family="moka")
    assert (status.owner_kind, status.family) == ("territory", "MOKA")
    assert status.attainment_pct == pytest.approx(100 * 610 / 4000)


def test_a_week_straddling_the_quarter_start_counts_for_its_days_inside(
    loaded: Engine, tmp_path: Path
) -> None:
    early = write_files(
        tmp_path / "early",
        {"sales.csv": "date,sku,quantity,territory,rep\n2026-09-28,MOK-003,70,NO,U01ROSSI\n"},
    )
    run_import(loaded, early)
    (status,) = quota_status(loaded, today=TODAY, rep="U01ROSSI")
    # The week of Monday 28 Sep has 4 of its 7 days (1-4 Oct) in Q4: 70 x 4/7 = 40.
    assert status.sold_units == pytest.approx(610 + 40)


def test_a_new_quota_version_replaces_the_old_target(loaded: Engine, tmp_path: Path) -> None:
    revised = write_files(
        tmp_path / "revised",
        {"quotas.csv": "period,rep,target_units\n2026-Q4,U01ROSSI,6100\n"},
    )
    run_import(loaded, revised)
    (status,) = quota_status(loaded, today=TODAY, rep="U01ROSSI")
    assert (status.version, status.target_units) == (2, 6100)
    assert status.attainment_pct == pytest.approx(10.0)


def test_unknown_people_and_bad_periods_are_clear_errors(loaded: Engine) -> None:
    with pytest.raises(PonteError, match="unknown person 'U99NOBODY'"):
        quota_status(loaded, today=TODAY, rep="U99NOBODY")
    with pytest.raises(PonteError, match="is not a period"):
        quota_status(loaded, today=TODAY, period="next quarter")
    assert quota_status(loaded, today=TODAY, rep="U01ROSSI", period="2027-Q1") == []


def test_the_demo_reps_well_over_and_well_under_quota(engine: Engine, demo_dir: Path) -> None:
    run_import(engine, demo_dir)
    statuses = {s.owner: s for s in quota_status(engine, today=DEMO_TODAY) if s.owner_kind == "rep"}
    over = statuses[DEMO_SCENARIO.over_quota_rep]
    under = statuses[DEMO_SCENARIO.under_quota_rep]
    assert over.on_track and over.attainment_pct > 1.4 * 100 * over.elapsed_share
    assert not under.on_track and under.attainment_pct < 0.75 * 100 * under.elapsed_share
    assert under.required_weekly_pace > 2 * under.current_weekly_pace
