"""A family's quota split across a manager's territories: by recent and last year's shares,
in whole units adding up to the total, capped at what the plants can make, approved as one
change set (all territories or none)."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, text

from planning.access import identify
from planning.allocation import propose_allocation
from planning.audit import audit_trail
from planning.errors import PermissionDenied, PonteError
from planning.quota_decisions import decide
from planning.quota_impact import period_load
from planning.quota_requests import get_request
from planning.supply import capacity_report
from tests.conftest import DEMO_TODAY, NOW

PERIOD = "2027-Q1"


def propose(engine: Engine, who: str = "U01BIANCHI", **kw: object):  # type: ignore[no-untyped-def]
    args: dict[str, object] = {"family": "PADELLE", "period": PERIOD, "total_units": 3000}
    args.update(kw)
    return propose_allocation(engine, identify(engine, who), today=DEMO_TODAY, now=NOW, **args)  # type: ignore[arg-type]


def quotas(engine: Engine, family: str) -> dict[str, tuple[int, float]]:
    with engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT territory, version, target_units FROM quota WHERE period = :p "
            "AND family = :f AND rep IS NULL ORDER BY version"
        ), {"p": PERIOD, "f": family}).all()  # fmt: skip
    return {str(t): (int(v), float(u)) for t, v, u in rows}


def test_the_split_covers_the_managers_territories_and_adds_up(writable_demo: Engine) -> None:
    split = propose(writable_demo)
    # Paolo Bianchi's reps are based in Nord-Ovest and Nord-Est.
    assert [x.territory for x in split.lines] == ["NE", "NO"]
    assert sum(x.units for x in split.lines) == 3000 == split.total
    assert sum(x.share for x in split.lines) == pytest.approx(1)
    for x in split.lines:
        assert x.share == pytest.approx((x.recent_share + x.last_year_share) / 2)  # type: ignore[operator]
        assert abs(x.units - 3000 * x.share) < 1  # whole units, largest remainders
    assert not split.capped and split.request is None


def test_an_admin_splits_across_every_territory(writable_demo: Engine) -> None:
    # The demo's only admin has nobody to approve their split: said before any yes.
    with pytest.raises(PonteError) as alone:
        propose(writable_demo, "U01DEANGELIS", total_units=10_001)
    assert alone.value.code == "no_approver"
    with writable_demo.begin() as conn:
        conn.execute(text(
            "INSERT INTO person (slack_user_id, name, role, language) "
            "VALUES ('U01SECOND', 'Second Admin', 'admin', 'en')"
        ))  # fmt: skip
    split = propose(writable_demo, "U01DEANGELIS", total_units=10_001)
    assert len(split.lines) == 6 and sum(x.units for x in split.lines) == 10_001
    assert split.approver_name == "Second Admin"


def test_more_than_the_plants_can_make_is_capped(writable_demo: Engine) -> None:
    weeks, _ = capacity_report(writable_demo, today=DEMO_TODAY)
    split = propose(writable_demo, family="PENTOLE", total_units=50_000)
    load = period_load(weeks, "PENTOLE", split.first, split.last)
    assert split.capped and split.capacity == pytest.approx(load.capacity)
    # The whole quarter is ahead and the forecast covers it: the cap is the capacity.
    assert split.total == int(load.capacity) and sum(x.units for x in split.lines) == split.total


@pytest.mark.parametrize(("who", "code"), [("U01ROSSI", "allocation_managers"),
                                          ("U01COLOMBO", "allocation_managers")])  # fmt: skip
def test_reps_and_ops_do_not_allocate(writable_demo: Engine, who: str, code: str) -> None:
    with pytest.raises(PermissionDenied) as refused:
        propose(writable_demo, who)
    assert refused.value.code == code


@pytest.mark.parametrize(
    ("change", "code"),
    [({"total_units": 0}, "quota_target_not_positive"), ({"total_units": float("nan")},
     "quota_target_not_positive"), ({"period": "2026-Q3"}, "period_closed"),
     ({"family": "BICICLETTE"}, "unknown_family")],
)  # fmt: skip
def test_bad_input_is_refused(writable_demo: Engine, change: dict[str, object], code: str) -> None:
    with pytest.raises(PonteError) as refused:
        propose(writable_demo, **change)
    assert refused.value.code == code


def test_approved_as_one_audited_change_set(writable_demo: Engine) -> None:
    before = quotas(writable_demo, "PADELLE")
    split = propose(writable_demo, submit=True, reason="new season plan")
    request = split.request
    assert request is not None and request.kind == "allocation"
    assert request.approver == "U01DEANGELIS"  # Paolo has no manager: an admin decides
    assert quotas(writable_demo, "PADELLE") == before  # nothing before the approval
    admin = identify(writable_demo, "U01DEANGELIS")
    assert request.id is not None
    done = decide(writable_demo, request.id, "approve", caller=admin, now=NOW, today=DEMO_TODAY)
    assert done.status == "approved"
    after = quotas(writable_demo, "PADELLE")
    for x in split.lines:
        assert after[x.territory] == (x.version + 1, float(x.units))
    changed = [
        e
        for e in audit_trail(writable_demo, entity="quota")
        if e.details.get("request") == request.id
    ]
    assert sorted(e.entity for e in changed) == [
        f"quota:{PERIOD}:NE:PADELLE",
        f"quota:{PERIOD}:NO:PADELLE",
    ]  # type: ignore[type-var]


def test_a_territory_revenue_target_moves_with_its_units(writable_demo: Engine) -> None:
    def moka_no() -> tuple[float, float]:
        with writable_demo.connect() as conn:
            units, revenue = conn.execute(text(
                "SELECT target_units, target_revenue FROM quota WHERE period = :p AND "
                "territory = 'NO' AND family = 'MOKA' ORDER BY version DESC"
            ), {"p": PERIOD}).first()  # fmt: skip
        return float(units), float(revenue)

    units, revenue = moka_no()  # the demo's Nord-Ovest MOKA quota has both targets
    split = propose(writable_demo, family="MOKA", total_units=10_000, submit=True,
                    shares={"NO": 60, "NE": 40})  # fmt: skip
    admin = identify(writable_demo, "U01DEANGELIS")
    decide(writable_demo, split.request.id, "approve", caller=admin, now=NOW, today=DEMO_TODAY)
    assert moka_no() == (6000, pytest.approx(revenue * 6000 / units, abs=0.01))


def test_revenue_quotas_are_split_in_euros_and_capped_at_the_plants_in_units(
    writable_demo: Engine,
) -> None:
    with writable_demo.connect() as conn:
        [(export_now,)] = conn.execute(text(
            "SELECT target_revenue FROM quota WHERE period = :p AND family = 'COLTELLI' "
            "AND territory = 'EX' AND rep IS NULL"
        ), {"p": PERIOD}).all()  # fmt: skip
    split = propose(writable_demo, "U01HARRIS", family="COLTELLI", total_units=None,
                    total_revenue=120_000, even=True, submit=True)  # fmt: skip
    assert split.in_revenue and sum(x.units for x in split.lines) == 120_000
    assert {x.territory: x.units for x in split.lines} == {
        "CE": 30_000, "EX": 30_000, "IS": 30_000, "SU": 30_000
    }  # fmt: skip
    ex = next(x for x in split.lines if x.territory == "EX")
    assert ex.current == export_now  # Export's revenue-only COLTELLI quota, in euros
    admin = identify(writable_demo, "U01DEANGELIS")
    decide(writable_demo, split.request.id, "approve", caller=admin, now=NOW, today=DEMO_TODAY)
    with writable_demo.connect() as conn:
        rows = conn.execute(text(
            "SELECT territory, target_units, target_revenue FROM quota WHERE period = :p "
            "AND family = 'COLTELLI' AND rep IS NULL ORDER BY version"
        ), {"p": PERIOD}).all()  # fmt: skip
    latest = {str(t): (u, r) for t, u, r in rows}
    assert latest["EX"] == (None, 30_000) and latest["CE"] == (None, 30_000)
    # Far more than the plants make: capped at their capacity, valued at the mean price.
    huge = propose(writable_demo, "U01HARRIS", family="COLTELLI", total_units=None,
                   total_revenue=1e9)  # fmt: skip
    assert huge.capped and 0 < huge.total <= huge.capacity * huge.price  # type: ignore[operator]


def test_the_proposer_follows_their_split_to_its_decision(writable_demo: Engine) -> None:
    from planning.audit import quota_history

    split = propose(writable_demo, "U01HARRIS", family="PADELLE", total_units=4000, submit=True)
    admin = identify(writable_demo, "U01DEANGELIS")
    decide(writable_demo, split.request.id, "reject", caller=admin, now=NOW, today=DEMO_TODAY,
           note="the plants can't cover Sud in January")  # fmt: skip
    harris = identify(writable_demo, "U01HARRIS")
    seen = quota_history(writable_demo, harris, request=split.request.id).events
    # The admin's rejection, with its reason, though the admin is not in Harris's team.
    assert [e.action for e in seen] == ["quota_request.submitted", "quota_request.rejected"]
    assert seen[-1].details["reason"] == "the plants can't cover Sud in January"
    # ... and nobody else's requests come with it.
    rossi = identify(writable_demo, "U01ROSSI")
    assert quota_history(writable_demo, rossi).events == ()


def test_all_of_a_family_to_one_territory_takes_it_from_the_others(writable_demo: Engine) -> None:
    before = quotas(writable_demo, "PADELLE")  # Nord-Est holds Bianchi's PADELLE quota
    held = before["NE"][1]
    split = propose(writable_demo, total_units=None, shares={"NO": 100}, whole=True, submit=True)
    assert {x.territory: x.units for x in split.lines} == {"NE": 0, "NO": round(held)}
    admin = identify(writable_demo, "U01DEANGELIS")
    decide(writable_demo, split.request.id, "approve", caller=admin, now=NOW, today=DEMO_TODAY)
    after = quotas(writable_demo, "PADELLE")
    assert after["NE"][1] == 0 and after["NO"][1] == round(held)
    with pytest.raises(PonteError) as nothing:  # Harris's territories hold no PADELLE quota
        propose(writable_demo, "U01HARRIS", total_units=None, shares={"CE": 100}, whole=True)
    assert nothing.value.code == "allocation_nothing_held"


def test_a_territory_quota_changed_since_makes_the_whole_set_stale(
    writable_demo: Engine, tmp_path: object
) -> None:
    from pathlib import Path

    from tests.helpers import run_import, write_files

    split = propose(writable_demo, submit=True)
    assert split.request is not None
    folder = write_files(Path(str(tmp_path)) / "q", {"quotas.csv": f"""
        period,rep,territory,family,target_units,target_revenue
        {PERIOD},,NE,PADELLE,4999,
    """})  # fmt: skip
    run_import(writable_demo, folder)
    before = quotas(writable_demo, "PADELLE")
    admin, request = identify(writable_demo, "U01DEANGELIS"), split.request.id
    assert request is not None
    with pytest.raises(PonteError) as stale:
        decide(writable_demo, request, "approve", caller=admin, now=NOW, today=DEMO_TODAY)
    assert stale.value.code == "quota_request_stale"
    assert quotas(writable_demo, "PADELLE") == before  # NO was not written either
    assert get_request(writable_demo, split.request.id).status == "pending"


def test_a_split_the_person_gives_is_followed(writable_demo: Engine) -> None:
    split = propose(writable_demo, total_units=14_000, shares={"nord ovest": 60, "NE": 40})
    assert split.basis == "asked"
    assert {x.territory: x.units for x in split.lines} == {"NO": 8400, "NE": 5600}


@pytest.mark.parametrize(
    ("shares", "code"),
    [({"nord ovest": 50, "lombardia": 30, "NE": 20}, "unknown_territory"),
     ({"NO": 60, "NE": 30}, "allocation_shares"),
     ({"NO": 50, "CE": 50}, "unknown_territory")],  # Centro is not Paolo Bianchi's
)  # fmt: skip
def test_a_split_that_does_not_fit_is_refused(
    writable_demo: Engine, shares: dict[str, float], code: str
) -> None:
    with pytest.raises(PonteError) as refused:
        propose(writable_demo, shares=shares)
    assert refused.value.code == code


def test_equal_parts_and_each_territorys_forecast_beside_its_quota(writable_demo: Engine) -> None:
    split = propose(writable_demo, "U01HARRIS", family="MOKA", total_units=30_000, even=True)
    assert split.basis == "even" and [x.units for x in split.lines] == [7500] * 4
    # Each territory's forecast is its share of the company's recent MOKA sales, of the
    # family's forecast: Emma Harris's four territories sell part of it, Paolo's the rest.
    weeks, _ = capacity_report(writable_demo, today=DEMO_TODAY)
    load = period_load(weeks, "MOKA", split.first, split.last)
    hers = sum(x.forecast or 0 for x in split.lines)
    his = propose(writable_demo, family="MOKA", total_units=1000).lines
    assert hers + sum(x.forecast or 0 for x in his) == pytest.approx(load.demand, rel=1e-6)
    assert 0 < hers < load.demand
