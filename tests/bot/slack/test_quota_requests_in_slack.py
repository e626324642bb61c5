"""Quota change requests through the real Slack app, signed requests against the mock Web
API: asked in a DM, confirmed, sent to the approver's DM with the capacity impact and the
buttons; approved (once, whoever presses twice), rejected with a reason from a modal; the
requester told; the approval message updated; forged and stale presses change nothing."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from sqlalchemy import Engine, text

from bot.quota_requests import QuotaNews
from planning.quotas import quota_status
from tests.bot.slack.conftest import Rig, block_text
from tests.conftest import DEMO_TODAY
from tests.slack_mock import Failure

REP, MANAGER, OTHER = "U01ROSSI", "U01BIANCHI", "U01HARRIS"


@pytest.fixture
def engine(writable_demo: Engine) -> Engine:
    return writable_demo


def dms(rig: Rig, user: str) -> list[Any]:
    return [
        c for c in rig.mock.of("chat.postMessage") if c.params["channel"] in (user, "D" + user[1:])
    ]


def button(call: Any, action_id: str) -> dict[str, Any]:
    return next(e for b in call.blocks() if b["type"] == "actions" for e in b["elements"]
                if e["action_id"] == action_id)  # fmt: skip


def message_of(rig: Rig, call: Any) -> dict[str, Any]:
    ts = next(ts for (channel, ts), m in rig.mock.messages.items()
              if m["text"] == call.params["text"] and channel.startswith("D"))  # fmt: skip
    return {"ts": ts, "type": "message", "blocks": call.blocks()}


def requests(engine: Engine) -> list[tuple[Any, ...]]:
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(
            text("SELECT id, status, decided_by, decision_note FROM quota_request ORDER BY id")
        )]  # fmt: skip


def asked(rig: Rig) -> tuple[Any, dict[str, Any]]:
    """Rossi asks in her DM and says yes: the approver's message (the call that posted it,
    and the message as Slack keeps it, for the buttons' presses)."""
    rig.dm("alza la mia quota del Q1 a 12.500 perché Casalinghi <!channel> apre due negozi",
           user=REP, channel="D01ROSSI")  # fmt: skip
    rig.calls()
    shown = dms(rig, "D01ROSSI")[-1]
    assert "Chiedere di portare la quota di Giulia Rossi per Q1 2027" in block_text(shown.blocks())
    assert requests(rig.engine) == []  # nothing before the yes
    rig.dm("sì", user=REP, channel="D01ROSSI")
    rig.calls()
    [to_manager] = dms(rig, MANAGER)
    return to_manager, message_of(rig, to_manager)


def test_request_to_approval_to_the_requester_told(make_rig: Any, engine: Engine) -> None:
    rig: Rig = make_rig(engine)
    to_manager, message = asked(rig)
    shown = block_text(to_manager.blocks())
    # Paolo reads Italian: who asks, before and after, the reason escaped, the impact.
    assert "Giulia Rossi chiede una modifica di quota (richiesta n. 1)" in shown
    after = f"{round(373_300 * 12_500 / 11_860):,}".replace(",", ".")  # in step with units
    assert f"da 11.860 pezzi (373.300 €) a 12.500 pezzi ({after} €) (+640, +5%)" in shown
    assert "&lt;!channel&gt;" in json.dumps(to_manager.blocks()) and "<!channel>" not in json.dumps(
        to_manager.blocks()
    )
    assert "capacità impianti" in shown and "PENTOLE" in shown
    approve = button(to_manager, "quota_request_approve")
    assert rig.click(approve, user=MANAGER, channel="D01BIANCHI",
                     message=message).status == 200  # fmt: skip
    rig.calls()
    [(_, status, by, _)] = requests(engine)
    assert (status, by) == ("approved", MANAGER)
    [quota] = quota_status(engine, today=DEMO_TODAY, rep=REP, period="2027-Q1")
    assert (quota.target_units, quota.version) == (12500, 2)
    # The approval message now shows the outcome and no buttons; Giulia is told.
    [update] = rig.mock.of("chat.update")
    assert "approvata da Paolo Bianchi" in block_text(update.blocks())
    assert "quota_request_approve" not in json.dumps(update.blocks())
    told = dms(rig, REP)[-1]
    assert told.params["text"].startswith("Richiesta n. 1 approvata da Paolo Bianchi")
    # A second press of the old button changes nothing and says who was first.
    rig.click(approve, user=MANAGER, channel="D01BIANCHI", message=message)
    [again] = rig.mock.wait_for("response_url")
    assert again.params["text"] == "La richiesta n. 1 è già stata decisa da Paolo Bianchi."
    assert len(rig.mock.of("chat.update")) == 1
    with engine.connect() as conn:
        changed = conn.execute(
            text("SELECT count(*) FROM audit_log WHERE action = 'quota.changed'")
        )
        assert changed.scalar() == 1


def test_reject_asks_for_the_reason_in_a_modal(make_rig: Any, engine: Engine) -> None:
    rig: Rig = make_rig(engine)
    to_manager, message = asked(rig)
    reject = button(to_manager, "quota_request_reject")
    rig.click(reject, user=MANAGER, channel="D01BIANCHI", message=message)
    [opened] = rig.mock.wait_for("views.open")
    view = opened.view()
    assert view["callback_id"] == "quota_decision" and requests(engine)[0][1] == "pending"
    state = {"note": {"note_input": {"type": "plain_text_input",
                                     "value": "Lumezzane è piena a marzo"}}}  # fmt: skip
    rig.interaction({
        "type": "view_submission", "user": {"id": MANAGER}, "trigger_id": "trigger.9",
        "view": {"id": "V1", "type": "modal", "callback_id": "quota_decision",
                 "private_metadata": view["private_metadata"], "state": {"values": state}},
    })  # fmt: skip
    rig.calls()
    assert requests(engine) == [(1, "rejected", MANAGER, "Lumezzane è piena a marzo")]
    told = dms(rig, REP)[-1]
    assert told.params["text"].startswith("Richiesta n. 1 rifiutata da Paolo Bianchi")
    [quota] = quota_status(engine, today=DEMO_TODAY, rep=REP, period="2027-Q1")
    assert quota.version == 1


@pytest.mark.parametrize(
    ("who", "code_text"),
    [
        (OTHER, "Sorry, request #1 is for Paolo Bianchi (or an admin) to decide."),
        (REP, "Mi dispiace, nessuno approva la propria richiesta o la propria quota."),
        ("U01COLOMBO", "Mi dispiace, la richiesta n. 1 la decide Paolo Bianchi (o un admin)."),
    ],
)
def test_whoever_may_not_decide_is_told_and_nothing_changes(
    make_rig: Any, engine: Engine, who: str, code_text: str
) -> None:
    rig: Rig = make_rig(engine)
    to_manager, message = asked(rig)
    rig.click(button(to_manager, "quota_request_approve"), user=who, channel="D01BIANCHI",
              message=message)  # fmt: skip
    [told] = rig.mock.wait_for("response_url")
    assert told.params["text"] == code_text
    assert requests(engine)[0][1] == "pending" and not rig.mock.of("chat.update")


def test_a_forged_team_or_an_edited_button_changes_nothing(make_rig: Any, engine: Engine) -> None:
    rig: Rig = make_rig(engine)
    to_manager, message = asked(rig)
    approve = button(to_manager, "quota_request_approve")
    payload = {
        "type": "block_actions", "team": {"id": "T0EVIL"},
        "user": {"id": MANAGER, "team_id": "T0EVIL"},
        "trigger_id": "trigger.1", "response_url": f"{rig.mock.url}/respond/77",
        "container": {"type": "message", "message_ts": "1", "channel_id": "D01BIANCHI"},
        "channel": {"id": "D01BIANCHI"}, "message": message,
        "actions": [{"type": "button", "action_id": approve["action_id"], "block_id": "b",
                     "value": approve["value"], "action_ts": "1"}],
    }  # fmt: skip
    assert rig.interaction(payload).status == 200
    [told] = rig.mock.wait_for("response_url")
    assert "non viene dal Ponte di questo workspace" in told.params["text"]
    edited = dict(approve, value=json.dumps({"request": 999, "version": 1}))
    rig.click(edited, user=MANAGER, channel="D01BIANCHI", message=message)
    told = rig.mock.wait_for("response_url", 2)[-1]
    assert told.params["text"] == "Non esiste la richiesta di quota n. 999."
    garbage = dict(approve, value="{not json")
    rig.click(garbage, user=MANAGER, channel="D01BIANCHI", message=message)
    rig.mock.wait_for("response_url", 3)
    assert requests(engine)[0][1] == "pending"


def test_history_shows_the_quotas_trail_to_whom_may_see_it(make_rig: Any, engine: Engine) -> None:
    rig: Rig = make_rig(engine)
    to_manager, message = asked(rig)
    rig.click(button(to_manager, "quota_request_approve"), user=MANAGER, channel="D01BIANCHI",
              message=message)  # fmt: skip
    rig.calls()
    history = button(to_manager, "quota_request_history")
    rig.click(history, user=MANAGER, channel="D01BIANCHI", message=message)
    [shown] = rig.mock.wait_for("response_url")
    said = block_text(shown.blocks())
    assert "quota modificata #1" in said and "11.860 pezzi → 12.500 pezzi" in said
    assert "richiesta inviata #1" in said and "approvata #1" in said  # the request's steps
    assert "Paolo Bianchi" in said and "Casalinghi &lt;!channel&gt; apre due negozi" in said
    rig.click(history, user="U01BRAMBILLA", channel="D01BIANCHI", message=message)
    told = rig.mock.wait_for("response_url", 2)[-1]
    assert "non quella di Giulia Rossi" in told.params["text"]


def test_an_approver_unreachable_now_is_told_by_the_next_run(make_rig: Any, engine: Engine) -> None:
    rig: Rig = make_rig(engine)
    rig.dm("alza la mia quota del Q1 a 12.500 perché apre un negozio", user=REP, channel="D01ROSSI")
    rig.calls()
    # The answer to "sì" goes out; the message to the approver fails.
    rig.mock.fail("chat.postMessage", None, Failure(body={"ok": False, "error": "fatal_error"}))
    rig.dm("sì", user=REP, channel="D01ROSSI")
    rig.calls()
    assert requests(engine)[0][1] == "pending" and dms(rig, MANAGER) == []
    assert "Richiesta n. 1 inviata a Paolo Bianchi" in dms(rig, "D01ROSSI")[-1].params["text"]
    news = QuotaNews(engine, rig.app.client)
    start = dt.datetime.now(dt.UTC)  # the app's clock stamped the request with the real time
    week = {"remind_after": dt.timedelta(days=2), "expire_after": dt.timedelta(days=7)}
    told = news.remind_and_expire(now=start, today=DEMO_TODAY, **week)
    assert told.approvers == [1] and len(dms(rig, MANAGER)) == 1
    assert news.remind_and_expire(now=start, today=DEMO_TODAY, **week).approvers == []
    # Three days later the approver is reminded; after eight days the request expires.
    later = news.remind_and_expire(now=start + dt.timedelta(days=3), today=DEMO_TODAY, **week)
    assert later.reminded == [1]
    assert "Promemoria: la richiesta n. 1" in dms(rig, MANAGER)[-1].params["text"]
    end = news.remind_and_expire(now=start + dt.timedelta(days=8), today=DEMO_TODAY, **week)
    assert end.expired == [1] and end.requesters == [1]
    assert dms(rig, REP)[-1].params["text"].startswith("Richiesta n. 1 scaduta senza decisione")
    assert "scaduta senza decisione" in block_text(rig.mock.of("chat.update")[-1].blocks())


def test_the_slash_command_form_shows_the_request_then_yes_sends_it(
    make_rig: Any, engine: Engine
) -> None:
    rig: Rig = make_rig(engine)
    assert rig.slash("quota request", user="U01WALKER").status == 200
    [opened] = rig.mock.wait_for("views.open")
    view = opened.view()
    assert view["callback_id"] == "quota_request_form"
    labels = [b["label"]["text"] for b in view["blocks"] if b["type"] == "input"]
    assert labels == ["Whose quota", "Period", "Family", "New target, units",
                      "Why (the approver reads it)"]  # fmt: skip
    families = [o["value"] for o in view["blocks"][2]["element"]["options"]]
    assert "PADELLE" in families and "__total__" in families

    def send(target: str) -> Any:
        state = {
            "whose": {"whose": {"type": "users_select", "selected_user": "U01WALKER"}},
            "period": {"period": {"type": "static_select",
                                  "selected_option": {"value": "2027-Q1"}}},
            "family": {"family": {"type": "static_select",
                                  "selected_option": {"value": "__total__"}}},
            "target": {"target": {"type": "plain_text_input", "value": target}},
            "reason": {"reason": {"type": "plain_text_input", "value": "Harrods left"}},
        }  # fmt: skip
        return rig.interaction({
            "type": "view_submission", "user": {"id": "U01WALKER"}, "trigger_id": "trigger.5",
            "view": {"id": "V2", "type": "modal", "callback_id": "quota_request_form",
                     "private_metadata": "", "state": {"values": state}},
        })  # fmt: skip

    bad = send("lots")
    assert bad.status == 200 and json.loads(bad.body)["errors"] == {
        "target": "Write a number, e.g. 12500."
    }
    assert send("9,500").status == 200
    rig.calls()
    shown = dms(rig, "U01WALKER")[-1]
    said = block_text(shown.blocks())
    assert (
        "Ask to change James Walker's quota for Q1 2027 from 10,670 units (€332,600) to "
        "9,500 units" in said
    )
    assert requests(engine) == []  # shown, not sent
    yes = button(shown, "ponte_ask_0")
    rig.click(yes, user="U01WALKER", channel="D01WALKER", message={"ts": "1", "type": "message"})
    rig.calls()
    assert [r[1] for r in requests(engine)] == ["pending"]
    assert "Harrods left" in block_text(dms(rig, OTHER)[-1].blocks())


def test_an_allocation_goes_to_the_approver_as_one_change_set(
    make_rig: Any, engine: Engine
) -> None:
    rig: Rig = make_rig(engine)
    rig.dm("split 3000 units of PADELLE for 2027-Q1 across my territories", user=MANAGER,
           channel="D01BIANCHI")  # fmt: skip
    rig.calls()
    rig.dm("sì", user=MANAGER, channel="D01BIANCHI")
    rig.calls()
    [to_admin] = dms(rig, "U01DEANGELIS")
    shown = block_text(to_admin.blocks())
    assert "Paolo Bianchi chiede una modifica di quota (richiesta n. 1)" in shown
    assert "quote PADELLE per Q1 2027 su 2 territori: 3.000 pezzi" in shown
    assert "NE" in shown and "NO" in shown
    rig.click(button(to_admin, "quota_request_approve"), user="U01DEANGELIS",
              channel="D01DEANGELIS", message=message_of(rig, to_admin))  # fmt: skip
    rig.calls()
    with engine.connect() as conn:
        written = conn.execute(text(
            "SELECT territory, target_units FROM quota WHERE period = '2027-Q1' "
            "AND family = 'PADELLE' AND source = 'request:1' ORDER BY territory"
        )).all()  # fmt: skip
    assert [t for t, _ in written] == ["NE", "NO"] and sum(u for _, u in written) == 3000
    assert "approvata da Roberta De Angelis" in dms(rig, MANAGER)[-1].params["text"]


def test_slack_rate_limiting_then_failing_still_delivers_the_approvers_message_once(
    make_rig: Any, engine: Engine
) -> None:
    rig: Rig = make_rig(engine)
    rig.dm("alza la mia quota del Q1 a 12.500 perché apre un negozio", user=REP, channel="D01ROSSI")
    rig.calls()
    # The answer to "sì" goes out; the approver's message meets a 429 and a 500 first.
    rig.mock.fail(
        "chat.postMessage",
        None,
        Failure(
            status=429, body={"ok": False, "error": "ratelimited"}, headers={"Retry-After": "1"}
        ),
        Failure(status=500, body={"ok": False, "error": "internal_error"}),
    )
    rig.dm("sì", user=REP, channel="D01ROSSI")
    rig.calls()
    [to_manager] = dms(rig, MANAGER)  # retried by the client, posted once
    assert "Giulia Rossi chiede una modifica di quota (richiesta n. 1)" in block_text(
        to_manager.blocks()
    )
    assert requests(engine)[0][1] == "pending"
    news = QuotaNews(engine, rig.app.client)
    assert news.deliver(today=DEMO_TODAY).approvers == []  # already told: not posted again
    assert len(dms(rig, MANAGER)) == 1
