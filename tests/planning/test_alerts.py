"""Alert rules on the demo company, and the alerts' stored lifecycle on both databases."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from sqlalchemy import Engine, text

from planning.access import Caller, identify
from planning.alerts.rules import AlertSettings, Finding, Scan, find_problems
from planning.alerts.store import (
    AlertConflict,
    act,
    alert_events,
    mark_notified,
    record_scan,
    stored_alerts,
)
from planning.demo import DEMO_SCENARIO
from planning.errors import PermissionDenied, PonteError
from planning.memo import forget_everything
from planning.models import Role
from tests.conftest import DEMO_TODAY, NOW

OPS = "U01COLOMBO"  # Sara Colombo, operations
MANAGER = "U01BIANCHI"
REP = "U01ROSSI"


@pytest.fixture
def demo(writable_demo: Engine) -> Engine:
    return writable_demo


def scan_of(engine: Engine, today: dt.date = DEMO_TODAY, **settings: object) -> Scan:
    return find_problems(engine, today=today, settings=AlertSettings(**settings))  # type: ignore[arg-type]


# -- the rules, on the demo company ----------------------------------------------------------


def test_a_scan_of_the_demo_finds_exactly_its_planted_problems(demo: Engine) -> None:
    scan = scan_of(demo)
    high = {(f.rule, f.kind, f.entity) for f in scan.findings if f.severity == "high"}
    assert high == {
        (
            "capacity",
            "shortfall",
            f"{DEMO_SCENARIO.capacity_plant}/{DEMO_SCENARIO.capacity_family}",
        ),
        ("stockout", "stockout", f"{DEMO_SCENARIO.stockout_sku}@WH-MIL"),
        ("excess", "excess", f"{DEMO_SCENARIO.excess_sku}@WH-MIL"),
    }
    # Nothing absurd beside them: the rest only dips below safety stock within lead time,
    # at the warehouse (the plants' stock is refilled by production, checked by capacity).
    rest = [f for f in scan.findings if f.severity != "high"]
    assert rest and all(f.kind == "below_safety_stock" and f.severity == "low" for f in rest)
    assert all(f.location == "WH-MIL" and f.numbers["units_short"] == 0 for f in rest)
    stockout = next(f for f in scan.findings if f.kind == "stockout")
    assert stockout.numbers["order_quantity"] > stockout.numbers["units_short"] > 0
    with demo.connect() as conn:
        price = conn.execute(text("SELECT unit_price FROM product WHERE sku = :s"),
                             {"s": stockout.sku}).scalar()  # fmt: skip
    assert stockout.money == pytest.approx(stockout.numbers["units_short"] * price)
    shortfall = next(f for f in scan.findings if f.kind == "shortfall")
    assert shortfall.period == "2026-12" and shortfall.numbers["first_week"] == "2026-12-07"
    assert scan.skipped == {"drift": "no_older_run"}


def test_thresholds_per_family_change_what_counts(demo: Engine) -> None:
    family = next(f.family for f in scan_of(demo).findings if f.rule == "excess")
    lenient = AlertSettings(families={family.lower(): {"excess_weeks": 52}})
    found = find_problems(demo, today=DEMO_TODAY, settings=lenient)
    assert not [f for f in found.findings if f.rule == "excess"]
    assert [f for f in found.findings if f.rule == "capacity"]


@pytest.mark.parametrize(
    "data",
    [{"excess_weeks": -3}, {"no_such_threshold": 1}, {"families": {"MOKA": {"drift_weeks": "x"}}}],
)
def test_bad_alert_settings_are_refused_by_name(data: dict[str, object]) -> None:
    with pytest.raises(PonteError, match="threshold"):
        AlertSettings.from_mapping(data)


def test_a_family_without_capacity_is_unknown_not_idle(demo: Engine) -> None:
    with demo.begin() as conn:
        conn.execute(text("DELETE FROM capacity WHERE family = 'MOKA'"))
    forget_everything()
    moka = [f for f in scan_of(demo).findings if f.family == "MOKA" and f.rule == "capacity"]
    assert [(f.kind, f.numbers["capacity"], f.severity) for f in moka] == [("unknown", None, "low")]


def test_without_a_forecast_no_rule_runs_and_each_says_why(engine: Engine) -> None:
    scan = scan_of(engine)
    assert not scan.findings and not scan.evaluated
    assert set(scan.skipped) == {"capacity", "stockout", "excess", "drift", "quota"}
    assert set(scan.skipped.values()) == {"no_forecast"}


# -- the lifecycle ---------------------------------------------------------------------------


def finding(
    entity: str = "PAD-28@WH-MIL",
    kind: str = "stockout",
    money: float = 500.0,
    severity: str = "medium",
) -> Finding:
    numbers = {"units_short": money / 10}
    return Finding("stockout", kind, entity, "", money, severity, numbers, sku="PAD-28")


def scan(*findings: Finding, today: dt.date = DEMO_TODAY) -> Scan:
    return Scan(today, findings, frozenset({"stockout", "excess"}), {})


def ops(engine: Engine | None = None, user: str = OPS, role: Role = Role.ops) -> Caller:
    if engine is not None:
        return identify(engine, user)
    return Caller(user, "Sara Colombo", role, "it", None, None, frozenset())


def test_a_second_scan_notifies_nothing_new_and_worsening_notifies_again(engine: Engine) -> None:
    first = record_scan(engine, scan(finding()), now=NOW)
    assert len(first.opened) == 1 and first.to_notify == first.opened
    (alert,) = stored_alerts(engine)
    mark_notified(engine, alert.id, channel="C1", message_ts="1.1", now=NOW)
    again = record_scan(engine, scan(finding(money=520.0)), now=NOW)
    assert again.to_notify == () and again.unchanged == 1
    assert stored_alerts(engine)[0].money == 520.0  # the numbers follow the data
    worse = record_scan(engine, scan(finding(money=20_000.0, severity="high")), now=NOW)
    assert worse.worsened == (alert.id,)
    assert [a.action for a in _trail(engine, alert.id)] == [
        "opened", "notified", "worsened",
    ]  # fmt: skip


def test_a_problem_that_clears_is_resolved_and_a_rule_that_did_not_run_resolves_nothing(
    engine: Engine,
) -> None:
    record_scan(engine, scan(finding(), finding("PAD-24@WH-MIL")), now=NOW)
    skipped = Scan(DEMO_TODAY, (), frozenset(), {"stockout": "no stock"})
    assert record_scan(engine, skipped, now=NOW).resolved == ()
    cleared = record_scan(engine, scan(finding()), now=NOW)
    (gone,) = cleared.resolved
    assert {a.entity for a in stored_alerts(engine)} == {"PAD-28@WH-MIL"}
    assert _trail(engine, gone)[-1].action == "resolved"
    # The same problem back later is a new episode, notified again.
    back = record_scan(engine, scan(finding(), finding("PAD-24@WH-MIL")), now=NOW)
    assert len(back.opened) == 1 and back.opened[0] != gone


def test_a_double_click_acknowledges_once_and_says_who_was_first(demo: Engine) -> None:
    record_scan(demo, scan(finding()), now=NOW)
    (alert,) = stored_alerts(demo)
    done = act(demo, alert.id, "acknowledge", caller=ops(demo), now=NOW, today=DEMO_TODAY,
               version=alert.version)  # fmt: skip
    assert done.status == "acknowledged" and done.acknowledged_by == OPS
    with pytest.raises(AlertConflict, match="already acknowledged by Sara Colombo"):
        act(demo, alert.id, "acknowledge", caller=ops(demo, MANAGER), now=NOW, today=DEMO_TODAY,
            version=alert.version)  # fmt: skip
    assert [e.action for e in _trail(demo, alert.id)].count("acknowledge") == 1


def test_people_who_do_not_plan_may_not_act_and_bad_input_changes_nothing(demo: Engine) -> None:
    record_scan(demo, scan(finding()), now=NOW)
    (alert,) = stored_alerts(demo)
    with pytest.raises(PermissionDenied):
        act(demo, alert.id, "acknowledge", caller=ops(demo, REP), now=NOW, today=DEMO_TODAY)
    with pytest.raises(PonteError, match="after today"):
        act(demo, alert.id, "snooze", caller=ops(demo), now=NOW, today=DEMO_TODAY,
            until=DEMO_TODAY)  # fmt: skip
    with pytest.raises(PonteError, match="people list"):
        act(demo, alert.id, "assign", caller=ops(demo), now=NOW, today=DEMO_TODAY,
            assignee="U0NOBODY")  # fmt: skip
    with pytest.raises(PonteError, match="no alert 999"):
        act(demo, 999, "acknowledge", caller=ops(demo), now=NOW, today=DEMO_TODAY)
    assert stored_alerts(demo) == [alert]
    assert [e.action for e in _trail(demo, alert.id)] == ["opened"]


def test_assigned_and_snoozed_alerts_come_back_when_the_snooze_is_over(demo: Engine) -> None:
    record_scan(demo, scan(finding()), now=NOW)
    (alert,) = stored_alerts(demo)
    mark_notified(demo, alert.id, channel="C1", message_ts="1.1", now=NOW)
    act(demo, alert.id, "assign", caller=ops(demo), now=NOW, today=DEMO_TODAY, assignee=MANAGER)
    until = DEMO_TODAY + dt.timedelta(days=7)
    snoozed = act(demo, alert.id, "snooze", caller=ops(demo), now=NOW, today=DEMO_TODAY,
                  until=until)  # fmt: skip
    assert (snoozed.status, snoozed.assigned_to, snoozed.snoozed_until) == (
        "snoozed", MANAGER, until,
    )  # fmt: skip
    assert record_scan(demo, scan(finding()), now=NOW).to_notify == ()
    later = record_scan(demo, scan(finding(), today=until), now=NOW)
    assert later.reopened == (alert.id,)
    assert stored_alerts(demo)[0].status == "open"


def test_two_people_at_once_make_one_decision(engine: Engine) -> None:
    record_scan(engine, scan(finding()), now=NOW)
    (alert,) = stored_alerts(engine)
    outcomes: list[str] = []

    def click(user: str) -> None:
        try:
            act(engine, alert.id, "acknowledge", caller=ops(user=user), now=NOW, today=DEMO_TODAY,
                version=alert.version)  # fmt: skip
            outcomes.append("done")
        except AlertConflict:
            outcomes.append("conflict")

    threads = [threading.Thread(target=click, args=(u,)) for u in (OPS, MANAGER, "U01GALLI")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["conflict", "conflict", "done"]
    assert [e.action for e in _trail(engine, alert.id)].count("acknowledge") == 1


def test_two_scans_at_once_open_each_problem_once(engine: Engine) -> None:
    findings = scan(finding(), finding("PAD-24@WH-MIL"), finding("MOK-003@WH-MIL"))
    threads = [
        threading.Thread(target=record_scan, args=(engine, findings), kwargs={"now": NOW})
        for _ in range(3)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(a.entity for a in stored_alerts(engine)) == [
        "MOK-003@WH-MIL", "PAD-24@WH-MIL", "PAD-28@WH-MIL",
    ]  # fmt: skip


class _Event:
    def __init__(self, action: str) -> None:
        self.action = action


def _trail(engine: Engine, alert_id: int) -> list[_Event]:
    return [_Event(action) for _, _, action, _ in alert_events(engine, alert_id)]


def test_demand_that_shifted_since_an_older_forecast_is_a_drift(demo: Engine) -> None:
    """Six weeks after a forecast was made, a product selling twice what it forecast every
    week is flagged as drifting upwards; one selling as forecast is not."""
    from planning.forecast.runs import compute_forecast, load_sales, store_run

    made = DEMO_TODAY - dt.timedelta(weeks=6)
    older = compute_forecast(load_sales(demo), today=made)
    store_run(demo, older, now=NOW - dt.timedelta(weeks=6), engine_name="local",
              duration_seconds=1.0)  # fmt: skip
    before = {f.sku for f in scan_of(demo).findings if f.rule == "drift"}
    assert "PAD-24" not in before
    with demo.begin() as conn:
        conn.execute(
            text("UPDATE sales_actual SET quantity = 2 * quantity WHERE sku = 'PAD-24' "
                 "AND date >= :since"),
            {"since": (made - dt.timedelta(days=made.weekday())).isoformat()},
        )  # fmt: skip
    forget_everything()
    drift = {f.sku: f for f in scan_of(demo).findings if f.rule == "drift"}
    assert drift["PAD-24"].numbers["direction"] == "above"
    assert drift["PAD-24"].numbers["tracking_signal"] >= 4
    assert drift["PAD-24"].numbers["outside_80"] >= 3
    assert set(drift) - {"PAD-24"} == before  # nothing else changed


# -- the alerts as asked ----------------------------------------------------------------------


def test_alerts_asked_by_place_and_by_whom_they_are_assigned_to(demo: Engine) -> None:
    from bot.render.cards.alerts import alerts_card
    from planning.alerts.answers import alerts_answer

    settings = AlertSettings()
    planner = ops(demo)
    at_plant = alerts_answer(demo, planner, today=DEMO_TODAY, settings=settings,
                             place=DEMO_SCENARIO.capacity_plant)  # fmt: skip
    assert [(x.finding.rule, x.finding.plant) for x in at_plant.lines] == [
        ("capacity", DEMO_SCENARIO.capacity_plant)
    ]
    at_warehouse = alerts_answer(demo, planner, today=DEMO_TODAY, settings=settings,
                                 place="WH-MIL")  # fmt: skip
    assert at_warehouse.total == len(scan_of(demo).findings) - 1
    assert {x.finding.location for x in at_warehouse.lines} == {"WH-MIL"}
    none_there = alerts_answer(demo, planner, today=DEMO_TODAY, settings=settings,
                               place="PLT-MAN")  # fmt: skip
    card = alerts_card(none_there, "en")
    # No more than was checked: a plant's own stock is the capacity rule's, not "nothing
    # runs out there".
    assert card.headline == "No alerts at PLT-MAN."
    # ... and what that stock does is said beside the alerts, with its dates (trial 18:
    # "what's gonna stock out in the next 4 weeks at PLT-LUM" heard only "no alerts").
    from planning.supply import inventory_projection

    soon = alerts_answer(demo, planner, today=DEMO_TODAY, settings=settings, place="PLT-LUM",
                         focus="stockout", within_weeks=4)  # fmt: skip
    assert soon.total == 0 and soon.refilled
    for sku, plant, day, kind in soon.refilled:
        assert plant == "PLT-LUM"
        (there,), _ = inventory_projection(demo, sku, today=DEMO_TODAY, weeks=4,
                                           location="PLT-LUM")  # fmt: skip
        expected = there.stockout_date if kind == "runs_out" else there.first_below_safety_stock
        assert day == expected and expected is not None
    first_sku, _, first_day, _ = soon.refilled[0]
    said = alerts_card(soon, "en").notes
    assert any(f"{first_sku} runs out on {first_day:%-d %b %Y}" in n for n in said)
    assert at_warehouse.refilled == ()  # a warehouse's stock runs out as alerts
    # "What runs out in the next 4 weeks?" anywhere: every plant's, each named (trial 19).
    anywhere = alerts_answer(demo, planner, today=DEMO_TODAY, settings=settings,
                             focus="stockout", within_weeks=4)  # fmt: skip
    assert set(soon.refilled) < set(anywhere.refilled)
    assert {plant for _, plant, _, _ in anywhere.refilled} == {"PLT-LUM", "PLT-MAN"}
    assert f"{first_sku} @ PLT-LUM runs out on" in " ".join(alerts_card(anywhere, "en").notes)
    plain_list = alerts_answer(demo, planner, today=DEMO_TODAY, settings=settings)
    assert plain_list.refilled == ()  # "any alerts?": the alerts alone
    record_scan(demo, scan_of(demo), now=NOW)
    stockout = next(a for a in stored_alerts(demo) if a.kind == "stockout")
    act(demo, stockout.id, "assign", caller=planner, now=NOW, today=DEMO_TODAY, assignee=OPS)
    mine = alerts_answer(demo, planner, today=DEMO_TODAY, settings=settings, assigned="me")
    assert [x.stored.id for x in mine.lines if x.stored] == [stockout.id]
    rows = alerts_card(mine, "en").rows
    assert rows[0][3] == f"#{stockout.id} open; assigned to Sara Colombo"
    others = alerts_answer(demo, planner, today=DEMO_TODAY, settings=settings, assigned="nobody")
    assert others.total == len(scan_of(demo).findings) - 1
    assert stockout.id not in {x.stored.id for x in others.lines if x.stored}
    excess = next(a for a in stored_alerts(demo) if a.rule == "excess")
    act(demo, excess.id, "snooze", caller=planner, now=NOW, today=DEMO_TODAY,
        until=DEMO_TODAY + dt.timedelta(days=7))  # fmt: skip
    snoozed = alerts_answer(demo, planner, today=DEMO_TODAY, settings=settings, status="snoozed")
    assert [x.stored.id for x in snoozed.lines if x.stored] == [excess.id]
    none_acked = alerts_answer(demo, planner, today=DEMO_TODAY, settings=settings,
                               status="acknowledged")  # fmt: skip
    assert alerts_card(none_acked, "en").headline == "No alerts acknowledged."
    # Someone else's "assigned to me" is theirs: the manager has none.
    manager = alerts_answer(demo, ops(demo, MANAGER), today=DEMO_TODAY, settings=settings,
                            assigned="me")  # fmt: skip
    assert manager.total == 0
    assert alerts_card(manager, "it").headline == "Non ci sono allerte assegnate a te."
    # A kind that could not be checked says so, not "no drift alerts".
    drift = alerts_answer(demo, planner, today=DEMO_TODAY, settings=settings, focus="drift")
    assert alerts_card(drift, "en").headline.startswith("Drift not checked: no forecast run")


def test_a_small_steady_bias_is_no_drift_until_it_is_beyond_chance(demo: Engine) -> None:
    """Sales a little above the forecast every week (0.9 of its standard deviation: inside
    the 80% range each week) pass a tracking signal of 4 within weeks by chance alone; a
    drift is flagged only when the sum is also 3 standard deviations of a sum that long."""
    from planning.forecast.runs import compute_forecast, load_sales, store_run

    made = DEMO_TODAY - dt.timedelta(weeks=6)
    older = compute_forecast(load_sales(demo), today=made)
    run = store_run(demo, older, now=NOW - dt.timedelta(weeks=6), engine_name="local",
                    duration_seconds=1.0)  # fmt: skip
    first = made - dt.timedelta(days=made.weekday())
    last = DEMO_TODAY - dt.timedelta(days=DEMO_TODAY.weekday() + 7)
    with demo.begin() as conn:
        weeks = conn.execute(
            text("SELECT v.ds, sum(v.forecast), sum(v.hi_80 - v.lo_80) FROM forecast_value v "
                 "JOIN forecast_series s ON s.run_id = v.run_id AND s.unique_id = v.unique_id "
                 "WHERE v.run_id = :run AND s.sku = 'PAD-20' AND v.ds > :first "
                 "AND v.ds <= :last GROUP BY v.ds"),
            {"run": run.run_id, "first": first.isoformat(), "last": last.isoformat()},
        ).all()  # fmt: skip
        conn.execute(text("DELETE FROM sales_actual WHERE sku = 'PAD-20' AND date > :first"),
                     {"first": first.isoformat()})  # fmt: skip
        for ds, forecast, width in weeks:
            sigma = width / (2 * 1.2816)
            conn.execute(
                text("INSERT INTO sales_actual (date, sku, location, territory, customer, rep, "
                     "quantity, promo) VALUES (:d, 'PAD-20', 'WH-MIL', '', '', '', :q, false)"),
                {"d": str(ds)[:10], "q": round(forecast + 0.9 * sigma)},
            )  # fmt: skip
    forget_everything()
    assert len(weeks) >= 4
    assert "PAD-20" not in {f.sku for f in scan_of(demo).findings if f.rule == "drift"}
    settings = AlertSettings.from_mapping({"drift_sigmas": 1.5})
    found = find_problems(demo, today=DEMO_TODAY, settings=settings).findings
    looser = {f.sku: f for f in found if f.rule == "drift"}
    assert looser["PAD-20"].numbers["tracking_signal"] >= 4
    assert looser["PAD-20"].numbers["outside_80"] == 0


def test_a_shorter_window_lists_the_same_stockout_with_the_same_numbers(demo: Engine) -> None:
    """'What runs out in the next 2 weeks?' names the PAD-28 stockout as the scan does (the
    units short and the order over its lead time), not the part of it inside two weeks."""

    def pad(**settings: object) -> Finding:
        thresholds = AlertSettings.from_mapping(dict(settings))
        found = find_problems(demo, today=DEMO_TODAY, settings=thresholds).findings
        return next(f for f in found if f.entity == f"{DEMO_SCENARIO.stockout_sku}@WH-MIL")

    usual, soon = pad(), pad(stockout_weeks=2)
    assert (soon.kind, soon.severity, soon.money) == (usual.kind, usual.severity, usual.money)
    assert soon.numbers["order_quantity"] == usual.numbers["order_quantity"]
    assert soon.numbers["within_weeks"] == 2
