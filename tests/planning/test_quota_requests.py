"""Quota change requests: who may ask and decide, one decision however often it is pressed,
stale requests refused, bad input refused with nothing written, and an audit trail nothing
can change."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from planning.access import identify
from planning.audit import audit_trail, quota_history
from planning.errors import PermissionDenied, PonteError
from planning.quota_decisions import (
    QuotaRequestConflict,
    decide,
    expire_requests,
    requests_to_remind,
)
from planning.quota_requests import get_request, list_requests, request_change
from planning.quotas import quota_status
from tests.conftest import DEMO_TODAY, NOW
from tests.helpers import SMALL_COMPANY, run_import, write_files

REP, MANAGER, OTHER_MANAGER = "U01ROSSI", "U01BIANCHI", "U01HARRIS"
ADMIN, OPS, MARKETING = "U01DEANGELIS", "U01COLOMBO", "U01RICCI"
PERIOD = "2027-Q1"


def ask(engine: Engine, who: str = REP, *, submit: bool = True, **change: object):  # type: ignore[no-untyped-def]
    args: dict[str, object] = {"period": PERIOD, "target_units": 13000, "reason": "ACME doubled"}
    args.update(change)
    return request_change(
        engine, identify(engine, who), today=DEMO_TODAY, now=NOW, submit=submit, **args
    )  # type: ignore[arg-type]


def rows(engine: Engine, sql: str) -> list[tuple[object, ...]]:
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(sql))]


def rossi_q1(engine: Engine) -> tuple[float | None, int]:
    [status] = quota_status(engine, today=DEMO_TODAY, rep=REP, period=PERIOD)
    return status.target_units, status.version


# -- who may do what --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "for_whom", "allowed"),
    [
        (REP, REP, True),  # a rep, their own quota
        (REP, "U01BRAMBILLA", False),  # a colleague's
        (MANAGER, REP, True),  # the rep's manager
        (OTHER_MANAGER, REP, False),  # a manager, not theirs
        (ADMIN, REP, True),
        (OPS, REP, False),
        (MARKETING, REP, False),
    ],
)
def test_who_may_request_a_change(
    writable_demo: Engine, who: str, for_whom: str, allowed: bool
) -> None:
    if allowed:
        result = ask(writable_demo, who, rep=for_whom)
        assert (
            result.submitted and get_request(writable_demo, result.request.id).status == "pending"
        )
    else:
        with pytest.raises(PermissionDenied):
            ask(writable_demo, who, rep=for_whom)
        assert rows(writable_demo, "SELECT count(*) FROM quota_request") == [(0,)]


@pytest.mark.parametrize(
    ("who", "decision", "allowed"),
    [
        (MANAGER, "approve", True),  # the approver: the rep's manager
        (MANAGER, "reject", True),
        (ADMIN, "approve", True),  # any admin
        (ADMIN, "reject", True),
        (OTHER_MANAGER, "approve", False),  # a manager, not the rep's
        (OTHER_MANAGER, "reject", False),
        (REP, "approve", False),  # the requester: no self-approval
        (REP, "reject", False),
        (OPS, "approve", False),
        (MARKETING, "reject", False),
    ],
)
def test_who_may_decide(writable_demo: Engine, who: str, decision: str, allowed: bool) -> None:
    request = ask(writable_demo).request
    assert request.approver == MANAGER
    caller = identify(writable_demo, who)
    note = None if decision == "approve" else "not this quarter"
    if allowed:
        done = decide(writable_demo, request.id, decision, caller=caller, now=NOW,  # type: ignore[arg-type]
                      today=DEMO_TODAY, note=note)  # fmt: skip
        assert done.status == {"approve": "approved", "reject": "rejected"}[decision]
        assert done.decided_by == who
    else:
        with pytest.raises(PermissionDenied):
            decide(writable_demo, request.id, decision, caller=caller, now=NOW,  # type: ignore[arg-type]
                   today=DEMO_TODAY, note=note)  # fmt: skip
        assert get_request(writable_demo, request.id).status == "pending"


def test_a_managers_own_request_goes_to_an_admin(writable_demo: Engine) -> None:
    request = ask(writable_demo, MANAGER, rep=REP).request
    assert request.approver == ADMIN
    with pytest.raises(PermissionDenied) as refused:
        decide(writable_demo, request.id, "approve", caller=identify(writable_demo, MANAGER),
               now=NOW, today=DEMO_TODAY)  # fmt: skip
    assert refused.value.code == "quota_self_approval"


# -- approving changes the quota, once ----------------------------------------------------------


def test_approval_makes_the_next_quota_version_and_audits_it(writable_demo: Engine) -> None:
    before, version = rossi_q1(writable_demo)
    request = ask(writable_demo, target_units=14500, reason="Ferramenta <!channel> opened 3 shops")
    assert request.request.units_before == before
    done = decide(writable_demo, request.request.id, "approve",
                  caller=identify(writable_demo, MANAGER), now=NOW, today=DEMO_TODAY)  # fmt: skip
    assert done.status == "approved" and done.decided_by_name == "Paolo Bianchi"
    assert rossi_q1(writable_demo) == (14500, version + 1)
    trail = audit_trail(writable_demo, entity="quota")
    [changed] = [e for e in trail if e.action == "quota.changed"]
    assert changed.actor == MANAGER
    assert changed.details["before"]["units"] == before
    assert changed.details["after"]["units"] == 14500
    assert changed.details["reason"] == "Ferramenta <!channel> opened 3 shops"  # verbatim
    assert changed.details["request"] == done.id
    actions = [e.action for e in audit_trail(writable_demo, entity=done.entity)]
    assert actions == ["quota_request.submitted", "quota_request.approved"]


def test_a_quota_with_both_targets_changes_both_at_its_own_price(writable_demo: Engine) -> None:
    [status] = quota_status(writable_demo, today=DEMO_TODAY, rep=REP, period=PERIOD)
    units, revenue = status.target_units, status.target_revenue
    assert units and revenue  # the demo's rep quotas have both
    by_units = ask(writable_demo, target_units=units * 1.1, submit=False).request
    assert by_units.target_revenue == pytest.approx(revenue * 1.1, abs=0.01)
    by_revenue = ask(writable_demo, target_units=None, target_revenue=revenue * 0.9).request
    assert by_revenue.target_units == round(units * 0.9)
    decide(writable_demo, by_revenue.id, "approve",
           caller=identify(writable_demo, MANAGER), now=NOW, today=DEMO_TODAY)  # fmt: skip
    [after] = quota_status(writable_demo, today=DEMO_TODAY, rep=REP, period=PERIOD)
    assert (after.target_units, after.target_revenue) == (round(units * 0.9), revenue * 0.9)


def test_the_history_is_read_by_quota_period_and_by_when_it_was_made(
    writable_demo: Engine,
) -> None:
    request = ask(writable_demo, target_units=14500).request
    decide(writable_demo, request.id, "approve",
           caller=identify(writable_demo, MANAGER), now=NOW, today=DEMO_TODAY)  # fmt: skip
    admin, day = identify(writable_demo, ADMIN), NOW.date()

    def actions(**filters: object) -> list[str]:
        return [e.action for e in quota_history(writable_demo, admin, **filters).events]  # type: ignore[arg-type]

    done = ["quota_request.submitted", "quota_request.approved", "quota.changed"]
    assert actions(period=PERIOD) == done == actions(person=REP, made=(day, day))
    assert actions(period="2026-Q4") == []  # Rossi's Q4 quota was not touched
    a_week_before = day - dt.timedelta(days=7)
    assert actions(made=(a_week_before, day - dt.timedelta(days=1))) == []


def test_a_change_said_in_thousands_without_a_unit_is_asked_when_it_could_be_either(
    writable_demo: Engine,
) -> None:
    with pytest.raises(PonteError) as unclear:  # 15,000 pieces (+126%) or €15,000 (+4%)?
        ask(writable_demo, target_units=None, change_units=15_000, measure_unsaid=True)
    assert unclear.value.code == "quota_measure_unclear"
    assert rows(writable_demo, "SELECT id FROM quota_request") == []
    # Near either reading ("1k": +8% or +0.3%), or said in pieces: no question.
    small = ask(writable_demo, target_units=None, change_units=1_000, measure_unsaid=True)
    assert small.request.target_units == small.request.units_before + 1_000
    said = ask(writable_demo, "U01BRAMBILLA", target_units=None, change_units=15_000,
               submit=False)  # fmt: skip
    assert said.request.target_units == said.request.units_before + 15_000


def test_a_double_click_decides_once_and_names_who_was_first(writable_demo: Engine) -> None:
    request = ask(writable_demo).request
    manager, admin = identify(writable_demo, MANAGER), identify(writable_demo, ADMIN)
    decide(writable_demo, request.id, "approve", caller=manager, now=NOW, today=DEMO_TODAY,
           version=request.version)  # fmt: skip
    for who in (manager, admin):
        with pytest.raises(QuotaRequestConflict) as second:
            decide(writable_demo, request.id, "reject", caller=who, now=NOW, today=DEMO_TODAY,
                   note="no", version=request.version)  # fmt: skip
        assert second.value.params["actor"] == "Paolo Bianchi"
        assert second.value.params["status"] == "approved"
    assert rossi_q1(writable_demo)[1] == 2  # one new version, not two
    assert rows(writable_demo, "SELECT count(*) FROM audit_log WHERE action = 'quota.changed'") == [
        (1,)
    ]


def test_a_request_whose_quota_changed_since_is_refused_as_stale(
    writable_demo: Engine, tmp_path: Path
) -> None:
    first = ask(writable_demo, target_units=13000).request
    # The quota changes behind the request: an import of a new target.
    write_files(tmp_path / "q", {"quotas.csv": f"""
        period,rep,territory,family,target_units,target_revenue
        {PERIOD},{REP},,,12500,370200
    """})  # fmt: skip
    run_import(writable_demo, tmp_path / "q")
    assert rossi_q1(writable_demo) == (12500, 2)
    with pytest.raises(PonteError) as stale:
        decide(writable_demo, first.id, "approve", caller=identify(writable_demo, MANAGER),
               now=NOW, today=DEMO_TODAY)  # fmt: skip
    assert stale.value.code == "quota_request_stale"
    assert rossi_q1(writable_demo) == (12500, 2)
    assert get_request(writable_demo, first.id).status == "pending"  # it may still be rejected
    rejected = decide(writable_demo, first.id, "reject", caller=identify(writable_demo, MANAGER),
                      now=NOW, today=DEMO_TODAY, note="superseded")  # fmt: skip
    assert rejected.status == "rejected" and rejected.decision_note == "superseded"


def test_rejecting_or_asking_for_changes_needs_a_reason(writable_demo: Engine) -> None:
    request = ask(writable_demo).request
    for decision in ("reject", "changes"):
        with pytest.raises(PonteError) as why:
            decide(writable_demo, request.id, decision, caller=identify(writable_demo, MANAGER),  # type: ignore[arg-type]
                   now=NOW, today=DEMO_TODAY, note="  ")  # fmt: skip
        assert why.value.code == "quota_decision_reason"
    assert get_request(writable_demo, request.id).status == "pending"


# -- bad input changes nothing --------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"target_units": -5}, "quota_target_not_positive"),
        ({"target_units": 0}, "quota_target_not_positive"),
        ({"target_units": float("nan")}, "quota_target_not_positive"),
        ({"target_units": 11_860_000}, "quota_target_absurd"),  # 1000x the current
        ({"target_units": 1e13}, "quota_target_too_large"),
        ({"target_units": None}, "quota_target_missing"),
        ({"target_units": 11860}, "quota_target_unchanged"),  # the current target
        ({"rep": "U01NOBODY"}, "unknown_person"),
        ({"period": "2026-Q3"}, "period_closed"),
        ({"period": "2027-13"}, "bad_period"),
        ({"period": "2027-Q3"}, "no_quota"),
        ({"family": "PENTOLE"}, "no_quota"),
        ({"reason": ""}, "quota_reason_needed"),
        ({"reason": "x" * 2001}, "quota_reason_too_long"),
    ],
)
def test_bad_requests_are_refused_and_write_nothing(
    writable_demo: Engine, change: dict[str, object], code: str
) -> None:
    audit_rows = rows(writable_demo, "SELECT count(*) FROM audit_log")
    with pytest.raises(PonteError) as refused:
        ask(writable_demo, **change)
    assert refused.value.code == code
    assert rows(writable_demo, "SELECT count(*) FROM quota_request") == [(0,)]
    assert rows(writable_demo, "SELECT count(*) FROM audit_log") == audit_rows


def test_one_request_at_a_time_per_quota(writable_demo: Engine) -> None:
    first = ask(writable_demo).request
    with pytest.raises(PonteError) as waiting:
        ask(writable_demo, target_units=15000)
    assert waiting.value.code == "quota_request_waiting"
    assert waiting.value.params["request"] == first.id


def test_a_proposal_writes_nothing(writable_demo: Engine) -> None:
    proposal = ask(writable_demo, submit=False)
    assert not proposal.submitted and proposal.request.id is None
    assert proposal.request.approver_name == "Paolo Bianchi"
    assert rows(writable_demo, "SELECT count(*) FROM quota_request") == [(0,)]


# -- the capacity impact ------------------------------------------------------------------------


def test_the_impact_spreads_a_total_quota_over_families_and_flags_what_plants_cannot_make(
    writable_demo: Engine,
) -> None:
    small = ask(writable_demo, submit=False, target_units=12000).request
    huge = ask(writable_demo, submit=False, target_units=60000)
    impact = huge.impact
    assert impact is not None and impact.split_by_mix and impact.full_period
    # The change, spread over families, adds up to the change asked for.
    assert sum(f.change for f in impact.families) == pytest.approx(
        60000 - small.units_before, rel=1e-6
    )
    flagged = impact.cannot_make
    assert flagged, "five times the quota is more than some plant can make"
    for f in flagged:
        assert f.shortfall_units == pytest.approx(f.quota_after - f.capacity)
        assert f.shortfall_weeks == pytest.approx(f.shortfall_units / (f.capacity / 13), rel=0.1)


def test_a_family_quota_change_touches_that_family_only(
    writable_demo: Engine, tmp_path: Path
) -> None:
    write_files(tmp_path / "q", {"quotas.csv": f"""
        period,rep,territory,family,target_units,target_revenue
        {PERIOD},{REP},,PADELLE,3000,
    """})  # fmt: skip
    run_import(writable_demo, tmp_path / "q")
    result = ask(writable_demo, submit=False, family="PADELLE", target_units=4500)
    assert result.impact is not None
    [padelle] = result.impact.families
    assert padelle.family == "PADELLE" and padelle.change == pytest.approx(1500)


# -- reminders and expiry -------------------------------------------------------------------------


def test_waiting_requests_are_reminded_then_expire(writable_demo: Engine) -> None:
    from planning.quota_decisions import mark_reminded

    request = ask(writable_demo).request
    later = NOW + dt.timedelta(days=3)
    assert [
        r.id for r in requests_to_remind(writable_demo, now=later, after=dt.timedelta(days=2))
    ] == [request.id]
    mark_reminded(writable_demo, request.id, now=later)
    assert requests_to_remind(writable_demo, now=later, after=dt.timedelta(days=2)) == []
    assert expire_requests(writable_demo, now=later, after=dt.timedelta(days=7)) == []
    [expired] = expire_requests(
        writable_demo, now=NOW + dt.timedelta(days=8), after=dt.timedelta(days=7)
    )
    assert expired.status == "expired" and not expired.requester_told
    with pytest.raises(QuotaRequestConflict) as late:
        decide(writable_demo, request.id, "approve", caller=identify(writable_demo, MANAGER),
               now=NOW, today=DEMO_TODAY)  # fmt: skip
    assert late.value.code == "quota_request_expired"
    assert rossi_q1(writable_demo)[1] == 1


def test_each_person_lists_the_requests_that_concern_them(writable_demo: Engine) -> None:
    request = ask(writable_demo).request
    for who, sees in ((MANAGER, True), (ADMIN, True), (REP, True), (OTHER_MANAGER, False),
                      ("U01BRAMBILLA", False)):  # fmt: skip
        listed = list_requests(writable_demo, identify(writable_demo, who)).requests
        assert (request.id in [r.id for r in listed]) is sees, who


# -- both databases -------------------------------------------------------------------------------


@pytest.fixture
def company(engine: Engine, tmp_path: Path) -> Engine:
    """The small company on either database, with an admin and a Q1 quota."""
    files = dict(SMALL_COMPANY)
    files["people.csv"] = (
        files["people.csv"].rstrip() + "\n        U01ADMIN,Ada Admin,admin,,,,en\n"
    )
    files["quotas.csv"] = (
        files["quotas.csv"].rstrip() + f"\n        {PERIOD},U01ROSSI,,,9500,220000\n"
    )
    run_import(engine, write_files(tmp_path / "small", files))
    return engine


def test_two_approvers_at_once_make_one_decision(company: Engine) -> None:
    request = ask(company, target_units=11000).request
    callers = [identify(company, MANAGER), identify(company, "U01ADMIN")]
    start = threading.Barrier(len(callers))
    outcomes: list[str] = []

    def approve(caller: object) -> None:
        start.wait()
        try:
            decide(company, request.id, "approve", caller=caller, now=NOW,  # type: ignore[arg-type]
                   today=DEMO_TODAY, version=request.version)  # fmt: skip
            outcomes.append("approved")
        except QuotaRequestConflict as exc:
            outcomes.append(f"already {exc.params['status']} by {exc.params['actor']}")
        except PonteError as exc:  # the wrong refusal: fails below with its code
            outcomes.append(f"refused: {exc.code}")

    threads = [threading.Thread(target=approve, args=(c,)) for c in callers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert (
        sorted(outcomes)[0]
        == "already approved by " + get_request(company, request.id).decided_by_name
    )  # type: ignore[operator]
    assert outcomes.count("approved") == 1
    versions = rows(company, f"SELECT version, target_units FROM quota WHERE period = '{PERIOD}'")
    assert sorted(versions) == [(1, 9500.0), (2, 11000.0)]


def test_audit_trails_cannot_be_changed_or_removed(company: Engine) -> None:
    ask(company)
    with company.begin() as conn:  # an alert and one event of its trail
        conn.execute(
            text(
                "INSERT INTO alert (id, fingerprint, rule, kind, entity, period, severity, "
                "money, numbers, status, first_seen, last_seen, notify, version) VALUES (1, "
                "'f', 'excess', 'excess', 'X', '', 'low', 0, '{}', 'open', :now, :now, false, 1)"
            ),
            {"now": NOW},
        )
        conn.execute(text(
            "INSERT INTO alert_event (alert_id, at, actor, action, details) "
            "VALUES (1, :now, 'U01COLOMBO', 'acknowledge', '{}')"
        ), {"now": NOW})  # fmt: skip
    for sql in (
        "UPDATE audit_log SET actor = 'someone else'",
        "DELETE FROM audit_log",
        "UPDATE alert_event SET actor = 'someone else'",
        "DELETE FROM alert_event",
    ):
        with pytest.raises(DBAPIError, match="append-only"), company.begin() as conn:
            conn.execute(text(sql))
    assert {a for (a,) in rows(company, "SELECT actor FROM audit_log")} == {"test", REP}
    assert rows(company, "SELECT actor FROM alert_event") == [("U01COLOMBO",)]


def test_no_code_path_writes_to_an_audit_trail_except_by_inserting() -> None:
    """The database refuses it anyway (above); this keeps code from trying."""
    import re

    root = Path(__file__).resolve().parents[2]
    trails = re.compile(r"^(\w+)\s*=\s*(AuditEntry|AlertEvent)\.__table__", re.MULTILINE)
    offenders = []
    for folder in ("planning", "tools", "bot"):
        for path in (root / folder).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            source = path.read_text()
            names = [m.group(1) for m in trails.finditer(source)]
            sql = r"(UPDATE|DELETE\s+FROM)\s+(audit_log|alert_event)\b"
            pattern = re.compile(
                "|".join([sql, *(rf"\b(update|delete)\(\s*{n}\b" for n in names)]), re.IGNORECASE
            )
            offenders += [
                f"{path.relative_to(root)}:{n}"
                for n, line in enumerate(source.splitlines(), 1)
                if pattern.search(line)
            ]
    assert offenders == []
