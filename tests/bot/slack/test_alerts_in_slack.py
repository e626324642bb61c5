"""Alerts in Slack: posted where the routes say, acted on with their controls through signed
block_actions against the mock Web API, exactly once, by the people allowed."""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text

from bot.alerts import AlertPoster
from planning.alerts.delivery import AlertRoute, Delivery
from planning.alerts.rules import AlertSettings, Scan, find_problems
from planning.alerts.store import record_scan, stored_alerts
from planning.memo import forget_everything
from tests.bot.slack.conftest import Rig, block_text
from tests.conftest import DEMO_TODAY, NOW
from tests.slack_mock import TEAM, Failure

OPS, PLANT = "C0OPS", "C0PLANT"
DELIVERY = Delivery(default_channel=OPS, routes=(AlertRoute(PLANT, family="PENTOLE"),),
                    language="it")  # fmt: skip


@pytest.fixture
def engine(writable_demo: Engine) -> Engine:
    return writable_demo


def scanned(engine: Engine) -> Scan:
    scan = find_problems(engine, today=DEMO_TODAY, settings=AlertSettings())
    record_scan(engine, scan, now=NOW)
    return scan


def delivered(make_rig: Any, engine: Engine) -> Rig:
    """The app over `engine`, after a scan whose alerts were posted as DELIVERY routes them."""
    rig: Rig = make_rig(engine)
    scanned(engine)
    AlertPoster(engine, rig.app.client, DELIVERY).deliver(now=NOW)
    return rig


def pad_message(rig: Rig) -> Any:
    """The message of PAD-28's stockout alert."""
    return next(c for c in posted(rig, OPS) if "PAD-28" in c.params["text"])


def posted(rig: Rig, channel: str | None = None) -> list[Any]:
    return [c for c in rig.mock.of("chat.postMessage")
            if channel is None or c.params["channel"] == channel]  # fmt: skip


def control(blocks: list[dict[str, Any]], action_id: str) -> dict[str, Any]:
    return next(e for b in blocks if b["type"] == "actions" for e in b["elements"]
                if e["action_id"] == action_id)  # fmt: skip


def press(rig: Rig, call: Any, element: dict[str, Any], user: str, **chosen: Any) -> None:
    """`user` uses a control of the alert message `call` posted (a button, a select)."""
    ts = rig.mock.of("chat.postMessage").index(call)
    message_ts = _ts_of(rig, call)
    action = {"type": element["type"], "action_id": element["action_id"], "block_id": "b1",
              "action_ts": f"{time.time():.6f}", **chosen}  # fmt: skip
    if "value" in element:
        action["value"] = element["value"]
    payload = {
        "type": "block_actions", "team": {"id": TEAM}, "api_app_id": "A0PONTE",
        "token": "legacy", "user": {"id": user, "team_id": TEAM},
        "trigger_id": f"trigger.{time.time_ns()}.{ts}",
        "container": {"type": "message", "message_ts": message_ts,
                      "channel_id": call.params["channel"], "is_ephemeral": False},
        "channel": {"id": call.params["channel"]},
        "message": {"ts": message_ts, "type": "message", "blocks": call.blocks()},
        "response_url": f"{rig.mock.url}/respond/{time.time_ns()}",
        "actions": [action],
    }  # fmt: skip
    assert rig.interaction(payload).status == 200


def _ts_of(rig: Rig, call: Any) -> str | None:
    for (channel, ts), message in rig.mock.messages.items():
        if channel == call.params["channel"] and message["text"] == call.params["text"]:
            return ts
    return None


def test_a_scan_posts_each_alert_once_where_its_route_says(make_rig: Any, engine: Engine) -> None:
    rig = make_rig(engine)
    scanned(engine)
    poster = AlertPoster(engine, rig.app.client, DELIVERY)
    done = poster.deliver(now=NOW)
    assert len(done.posted) == 3 and len(done.waiting) == 5  # the low ones wait for the digest
    (pentole,) = posted(rig, PLANT)
    assert "PENTOLE a PLT-LUM oltre la capacità dal 7 dic 2026" in block_text(pentole.blocks())
    assert "In gioco" in block_text(pentole.blocks()) and "previsione n. 1" in block_text(
        pentole.blocks()
    )
    assert {c.params["text"].split(":")[1].split()[0] for c in posted(rig, OPS)} == {
        "PAD-28", "COL-FIL",
    }  # fmt: skip
    # What customers said this week about the product comes with its alert.
    pad = next(c for c in posted(rig, OPS) if "PAD-28" in c.params["text"])
    assert "Clienti, ultimi 7 giorni:" in block_text(pad.blocks())
    assert "soprattutto danni e imballo" in block_text(pad.blocks())
    # Each message's chart in its thread: the plant's load, the products' projected stock.
    uploads = rig.mock.of("files.completeUploadExternal")
    assert sorted(c.params["thread_ts"] for c in uploads) == sorted(
        _ts_of(rig, c) for c in posted(rig)
    )
    assert all(c.params["png"] and c.params["bytes"] > 10_000 for c in rig.mock.of("upload"))
    # A second scan and delivery post nothing new.
    scanned(engine)
    assert poster.deliver(now=NOW).posted == []
    assert len(rig.mock.of("files.completeUploadExternal")) == 3
    assert len(posted(rig)) == 3
    digest = poster.digest(now=NOW)
    assert list(digest) == [OPS] and len(digest[OPS]) == 5
    assert "Riepilogo del giorno: 5 allerte" in posted(rig, OPS)[-1].params["text"]
    assert poster.digest(now=NOW) == {}  # digested once


def test_acknowledge_once_and_a_second_press_is_told_who_was_first(
    make_rig: Any, engine: Engine
) -> None:
    rig = delivered(make_rig, engine)
    pad = pad_message(rig)
    ack = control(pad.blocks(), "alert_ack")
    press(rig, pad, ack, "U01COLOMBO")
    (update,) = rig.mock.wait_for("chat.update")
    assert "Presa in carico da <@U01COLOMBO>" in block_text(update.blocks())
    assert "alert_ack" not in json.dumps(update.blocks())  # nothing left to acknowledge
    press(rig, pad, ack, "U01BIANCHI")  # the same button, pressed on the old message
    (told,) = rig.mock.wait_for("response_url")
    assert told.params["response_type"] == "ephemeral"
    assert told.params["text"] == "Nessuna modifica: Sara Colombo se n'è già occupato prima di te."
    (alert,) = [a for a in stored_alerts(engine) if a.sku == "PAD-28"]
    assert (alert.status, alert.acknowledged_by) == ("acknowledged", "U01COLOMBO")
    with engine.connect() as conn:
        acks = conn.execute(text("SELECT count(*) FROM alert_event WHERE action = 'acknowledge'"))
        assert acks.scalar() == 1


def test_a_rep_may_not_act_and_nothing_changes(make_rig: Any, engine: Engine) -> None:
    rig = delivered(make_rig, engine)
    pad = pad_message(rig)
    before = stored_alerts(engine)
    press(rig, pad, control(pad.blocks(), "alert_snooze_7"), "U01ROSSI")
    (told,) = rig.mock.wait_for("response_url")
    assert told.params["text"].startswith("Puoi leggere le allerte ma non prenderle in carico")
    assert stored_alerts(engine) == before and not rig.mock.of("chat.update")


def test_snooze_until_a_date_and_assign_from_the_selects(make_rig: Any, engine: Engine) -> None:
    rig = delivered(make_rig, engine)
    (pentole,) = posted(rig, PLANT)
    press(rig, pentole, control(pentole.blocks(), "alert_assign"), "U01COLOMBO",
          selected_user="U01BIANCHI")  # fmt: skip
    rig.mock.wait_for("chat.update")
    press(rig, pentole, control(pentole.blocks(), "alert_until"), "U01COLOMBO",
          selected_date="2026-12-10")  # fmt: skip
    updates = rig.mock.wait_for("chat.update", 2)
    shown = block_text(updates[-1].blocks())
    assert "Rimandata al 10 dic 2026 da <@U01COLOMBO>" in shown
    assert "Assegnata a <@U01BIANCHI>" in shown
    (alert,) = [a for a in stored_alerts(engine) if a.rule == "capacity"]
    assert (alert.status, alert.assigned_to, alert.snoozed_until) == (
        "snoozed", "U01BIANCHI", dt.date(2026, 12, 10),
    )  # fmt: skip
    press(rig, pentole, control(pentole.blocks(), "alert_until"), "U01COLOMBO",
          selected_date="2026-11-01")  # fmt: skip
    (told,) = rig.mock.wait_for("response_url")
    assert told.params["text"] == "Rimanda a un giorno dopo oggi, al massimo fra 90 giorni."


def test_why_answers_the_numbers_behind_the_alert_in_its_thread(
    make_rig: Any, engine: Engine
) -> None:
    rig = delivered(make_rig, engine)
    pad = pad_message(rig)
    press(rig, pad, control(pad.blocks(), "alert_why"), "U01COLOMBO")
    rig.calls()
    answer = [c for c in posted(rig, OPS) if c.params.get("thread_ts")][-1]
    assert answer.params["thread_ts"] == _ts_of(rig, pad)
    shown = block_text(answer.blocks())  # the projection, week by week, in Sara's Italian
    assert "PAD-28" in shown and "WH-MIL: finisce il" in shown and "settimana" in shown


def test_an_unreachable_channel_falls_back_to_the_default_and_a_failure_is_retried(
    make_rig: Any, engine: Engine
) -> None:
    rig = make_rig(engine)
    scanned(engine)
    rig.mock.fail("chat.postMessage", Failure(body={"ok": False, "error": "channel_not_found"}))
    poster = AlertPoster(engine, rig.app.client, DELIVERY)
    first = poster.deliver(now=NOW)
    assert len(first.posted) == 3
    pentole = next(a for a in stored_alerts(engine) if a.rule == "capacity")
    assert pentole.channel == OPS  # the plant's channel would not take it
    # A post that fails outright leaves the alert waiting; the next delivery posts it.
    with engine.begin() as conn:
        conn.execute(text("UPDATE alert SET notify = true, channel = NULL, message_ts = NULL "
                          "WHERE rule = 'capacity'"))  # fmt: skip
    rig.mock.fail("chat.postMessage", Failure(body={"ok": False, "error": "fatal_error"}))
    assert poster.deliver(now=NOW).failed == [pentole.id]
    assert poster.deliver(now=NOW).posted == [pentole.id]


def test_a_problem_that_clears_says_so_in_its_thread(make_rig: Any, engine: Engine) -> None:
    rig = make_rig(engine)
    scanned(engine)
    poster = AlertPoster(engine, rig.app.client, DELIVERY)
    poster.deliver(now=NOW)
    pad = next(c for c in posted(rig, OPS) if "PAD-28" in c.params["text"])
    with engine.begin() as conn:  # the receipt that saves PAD-28 arrives
        conn.execute(text("INSERT INTO planned_receipt (sku, location, date, quantity) "
                          "VALUES ('PAD-28', 'WH-MIL', '2026-11-27', 5000)"))  # fmt: skip
    forget_everything()
    scan = scanned(engine)
    assert "stockout:PAD-28@WH-MIL" not in {f.fingerprint for f in scan.findings}
    done = poster.deliver(now=NOW)
    (said,) = done.said
    thread = [c for c in posted(rig, OPS) if c.params.get("thread_ts")]
    assert thread[-1].params["text"].startswith(":white_check_mark: Risolta")
    update = rig.mock.of("chat.update")[-1]
    assert "Risolta il" in block_text(update.blocks()) and "alert_ack" not in json.dumps(
        update.blocks()
    )
    assert said == next(a.id for a in stored_alerts(engine, resolved=True) if a.sku == "PAD-28")
    assert thread[-1].params["thread_ts"] == _ts_of(rig, pad)
    assert poster.deliver(now=NOW).said == []


def test_ponte_alerts_scan_post_posts_through_the_web_api(
    mock_slack: Any, engine: Engine, tmp_path: Path
) -> None:
    from click.testing import CliRunner

    from bot.cli import cli

    mock_slack.reset()
    settings = tmp_path / "alerts.toml"
    route = '[[delivery.routes]]\nfamily = "pentole"\nchannel = "C0PLANT"\n'
    settings.write_text('[delivery]\ndefault_channel = "C0OPS"\nlanguage = "en"\n' + route)
    env = {"DATABASE_URL": str(engine.url), "PONTE_ALERTS": str(settings),
           "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_API_URL": mock_slack.api_url}  # fmt: skip
    today = DEMO_TODAY.isoformat()
    run = CliRunner().invoke(cli, ["alerts", "scan", "--post", "--today", today], env=env)
    assert run.exit_code == 0, run.output
    assert "Posted 3, cleared 0 in their threads; 5 wait for the digest" in run.output
    channels = sorted(c.params["channel"] for c in mock_slack.of("chat.postMessage"))
    assert channels == ["C0OPS", "C0OPS", "C0PLANT"]
    digest = CliRunner().invoke(cli, ["alerts", "digest"], env=env)
    assert "C0OPS: 5 alerts in the digest" in digest.output
    again = CliRunner().invoke(cli, ["alerts", "scan", "--post", "--today", today], env=env)
    assert "Posted 0" in again.output and len(mock_slack.of("chat.postMessage")) == 4
    settings.write_text('[delivery]\ncap_per_day = "many"\n')
    bad = CliRunner().invoke(cli, ["alerts", "scan", "--post", "--today", today], env=env)
    assert bad.exit_code == 1 and "cap_per_day must be a whole number" in bad.output


def test_the_ops_home_shows_the_open_alerts_theirs_first(make_rig: Any, engine: Engine) -> None:
    from planning.access import identify
    from planning.alerts.store import act

    rig = make_rig(engine)
    scanned(engine)
    mine = next(a for a in stored_alerts(engine) if a.kind == "below_safety_stock")
    act(engine, mine.id, "assign", caller=identify(engine, "U01COLOMBO"), now=NOW,
        today=DEMO_TODAY, assignee="U01COLOMBO")  # fmt: skip
    rig.event({"type": "app_home_opened", "user": "U01COLOMBO", "channel": "D0COLOMBO",
               "tab": "home", "event_ts": "1764230004.0"})  # fmt: skip
    [published] = rig.mock.wait_for("views.publish")
    shown = block_text(published.view()["blocks"])
    assert "8 allerte (alta gravità 3, media 0, bassa 5)" in shown
    rows = [line for line in shown.splitlines() if "WH-MIL" in line or "PLT-LUM" in line]
    assert mine.sku in rows[0] and "assegnata a Sara Colombo" in shown
    assert shown.index("Allerte") < shown.index("Più vicini alla rottura")


def test_an_alert_nobody_acknowledges_is_escalated_once(make_rig: Any, engine: Engine) -> None:
    rig = make_rig(engine)
    scanned(engine)
    escalating = Delivery(default_channel=OPS, language="en", escalate_after_hours=4,
                          escalate_to="U01BIANCHI")  # fmt: skip
    poster = AlertPoster(engine, rig.app.client, escalating)
    poster.deliver(now=NOW)
    pad = next(a for a in stored_alerts(engine) if a.sku == "PAD-28")
    from planning.access import identify
    from planning.alerts.store import act

    act(engine, pad.id, "acknowledge", caller=identify(engine, "U01COLOMBO"), now=NOW,
        today=DEMO_TODAY)  # fmt: skip
    assert poster.deliver(now=NOW + dt.timedelta(hours=3)).escalated == []  # not yet
    later = poster.deliver(now=NOW + dt.timedelta(hours=5))
    assert len(later.escalated) == 2 and pad.id not in later.escalated  # acknowledged: not
    told = [c for c in posted(rig, "U01BIANCHI")]
    assert len(told) == 2 and all("Not acknowledged for 4 hours" in c.params["text"] for c in told)
    assert poster.deliver(now=NOW + dt.timedelta(hours=9)).escalated == []  # once


def test_a_rate_limit_or_a_server_error_is_retried_and_nothing_is_doubled(
    make_rig: Any, engine: Engine
) -> None:
    rig = make_rig(engine)
    scanned(engine)
    rig.mock.fail(
        "chat.postMessage",
        Failure(
            status=429, headers={"Retry-After": "1"}, body={"ok": False, "error": "ratelimited"}
        ),
        Failure(status=503, body={"ok": False, "error": "service_unavailable"}),
    )
    done = AlertPoster(engine, rig.app.client, DELIVERY).deliver(now=NOW)
    assert len(done.posted) == 3 and done.failed == []
    texts = [c.params["text"] for c in posted(rig)]
    assert len(texts) == len(set(texts)) == 3  # each posted once
    assert rig.mock.attempts["chat.postMessage"] == 5  # after two refused tries
    assert {a.message_ts is not None for a in stored_alerts(engine) if a.severity == "high"} == {
        True
    }


def test_a_chart_slack_will_not_take_leaves_its_alert_posted(make_rig: Any, engine: Engine) -> None:
    rig = make_rig(engine)
    scanned(engine)
    refused = Failure(body={"ok": False, "error": "invalid_auth"})
    rig.mock.fail(
        "files.getUploadURLExternal",
        Failure(status=500, body={"ok": False, "error": "internal_error"}),  # retried
        refused,  # the first alert's chart, after its retry
        refused,  # the second alert's
    )
    done = AlertPoster(engine, rig.app.client, DELIVERY).deliver(now=NOW)
    assert len(done.posted) == 3 and done.failed == []
    assert len(posted(rig)) == 3  # every alert posted once, with or without its chart
    assert len(rig.mock.of("files.completeUploadExternal")) == 1
    assert rig.mock.attempts["files.getUploadURLExternal"] == 4
