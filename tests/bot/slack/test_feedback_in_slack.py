"""Customer feedback through the real Slack app, signed requests against the mock Web API:
the `/ponte feedback` form, the "Save as customer feedback" message shortcut, the feedback
emoji with its Save button, and a feedback told in a DM; each saved once per message, each
confirmed, bad input and unreadable or deleted messages told in the person's language with
nothing stored, and the customer's words always escaped."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
from sqlalchemy import Engine, text

from bot.blocks.feedback import FEEDBACK_MODAL, FEEDBACK_SHORTCUT
from tests.bot.slack.conftest import Rig, block_text
from tests.slack_mock import Failure

REP, WALKER = "U01ROSSI", "U01WALKER"
CHANNEL = "C0SALES"
EMOJI = "memo"


@pytest.fixture
def engine(writable_demo: Engine) -> Engine:
    return writable_demo


def stored(engine: Engine, since: int = 0) -> list[tuple[Any, ...]]:
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(
            "SELECT id, author, source, customer, channel, message_ts, permalink, text "
            "FROM feedback WHERE id > :since ORDER BY id"), {"since": since})]  # fmt: skip


def newest(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(text("SELECT coalesce(max(id), 0) FROM feedback")).scalar_one())


def dms(rig: Rig, user: str) -> list[Any]:
    return [c for c in rig.mock.of("chat.postMessage")
            if c.params["channel"] in (user, "D" + user[1:])]  # fmt: skip


def said(call: Any) -> str:
    return block_text(call.blocks()) if call.params.get("blocks") else str(call.params["text"])


def customer_message(rig: Rig, text_: str, *, user: str = REP, **extra: Any) -> str:
    """A message someone wrote in #sales, as Slack keeps it."""
    ts = f"{time.time():.6f}"
    rig.mock.messages[(CHANNEL, ts)] = {"ts": ts, "text": text_, "user": user,
                                        "thread_ts": None, "type": "message", **extra}  # fmt: skip
    return ts


def submit(rig: Rig, user: str, values: dict[str, Any], meta: str = "{}") -> Any:
    state = {
        "text": {"text": {"type": "plain_text_input", "value": values.get("text", "")}},
        "customer": {"customer": {"type": "plain_text_input", "value": values.get("customer")}},
        "products": {"products": {"type": "multi_external_select", "selected_options": [
            {"value": p, "text": {"type": "plain_text", "text": p}}
            for p in values.get("products", [])]}},
        "sentiment": {"sentiment": {"type": "static_select",
                                    "selected_option": {"value": values.get("sentiment", "auto")}}},
    }  # fmt: skip
    return rig.interaction({
        "type": "view_submission", "user": {"id": user}, "trigger_id": f"trigger.{time.time_ns()}",
        "view": {"id": "V1", "type": "modal", "callback_id": FEEDBACK_MODAL,
                 "private_metadata": meta, "state": {"values": state}},
    })  # fmt: skip


def shortcut(rig: Rig, user: str, ts: str, message: dict[str, Any]) -> Any:
    return rig.interaction({
        "type": "message_action", "callback_id": FEEDBACK_SHORTCUT, "user": {"id": user},
        "trigger_id": f"trigger.{time.time_ns()}", "channel": {"id": CHANNEL},
        "message_ts": ts, "message": {"ts": ts, **message},
        "response_url": f"{rig.mock.url}/respond/{time.time_ns()}",
    })  # fmt: skip


def react(rig: Rig, user: str, ts: str, reaction: str = EMOJI) -> None:
    event = {"type": "reaction_added", "user": user, "reaction": reaction,
             "item": {"type": "message", "channel": CHANNEL, "ts": ts},
             "item_user": REP, "event_ts": f"{time.time():.6f}"}  # fmt: skip
    assert rig.event(event).status == 200


def test_the_form_opens_and_saves_what_was_written(make_rig: Any, engine: Engine) -> None:
    rig = make_rig(engine)
    before = newest(engine)
    assert rig.slash("feedback", user=REP).status == 200
    [opened] = rig.mock.wait_for("views.open")
    view = opened.view()
    assert view["callback_id"] == FEEDBACK_MODAL and view["title"]["text"] == "Feedback cliente"
    response = submit(rig, REP, {"text": "Il coperchio della PAD-28 non chiude, <!channel>",
                                 "customer": "casalinghi colombo", "products": ["PAD-28"],
                                 "sentiment": "negative"})  # fmt: skip
    assert response.status == 200 and not response.body
    rig.calls()
    [(_, author, source, customer, channel, ts, _, body)] = stored(engine, before)
    assert (author, source, customer, channel, ts) == (REP, "modal", "Casalinghi Colombo",
                                                       None, None)  # fmt: skip
    assert body == "Il coperchio della PAD-28 non chiude, <!channel>"  # verbatim
    reply = dms(rig, REP)[-1]
    assert "Salvato come feedback n." in said(reply)
    assert "<!channel>" not in json.dumps(reply.params)  # shown escaped: no ping


@pytest.mark.parametrize(
    ("typed", "error"),
    [
        ("   ", "Scrivi cosa ha detto il cliente."),
        ("👍 :fire:", "Scrivilo a parole, non solo emoji."),
        ("x" * 40_000, "Al massimo 10000 caratteri: tieni le parole del cliente."),
    ],
)
def test_a_form_without_words_is_sent_back_and_nothing_is_stored(
    make_rig: Any, engine: Engine, typed: str, error: str
) -> None:
    rig = make_rig(engine)
    before = newest(engine)
    response = submit(rig, REP, {"text": typed})
    assert json.loads(response.body) == {"response_action": "errors", "errors": {"text": error}}
    rig.calls()
    assert stored(engine, before) == []


def test_the_shortcut_fills_the_form_and_one_message_stays_one_record(
    make_rig: Any, engine: Engine
) -> None:
    rig = make_rig(engine, ponte_feedback_emoji=EMOJI)
    before = newest(engine)
    words = "Casalinghi Colombo dice che la Padella antiaderente 28 cm arriva graffiata"
    ts = customer_message(rig, words)
    shortcut(rig, WALKER, ts, {"text": words, "user": REP, "type": "message"})
    view = rig.mock.wait_for("views.open")[-1].view()
    form = {b["block_id"]: b["element"] for b in view["blocks"] if b["type"] == "input"}
    assert form["text"]["initial_value"] == words
    assert form["customer"]["initial_value"] == "Casalinghi Colombo"
    assert [o["value"] for o in form["products"]["initial_options"]] == ["PAD-28"]
    meta = view["private_metadata"]
    assert json.loads(meta) == {"channel": CHANNEL, "ts": ts}
    submit(rig, WALKER, {"text": words, "customer": "Casalinghi Colombo",
                         "products": ["PAD-28"]}, meta)  # fmt: skip
    rig.calls()
    [(first, author, source, _, channel, at, link, _)] = stored(engine, before)
    assert (author, source, channel, at) == (WALKER, "shortcut", CHANNEL, ts)
    assert link == f"https://ponte-test.slack.com/archives/{CHANNEL}/p{ts.replace('.', '')}"
    assert f"Saved as feedback #{first}." in said(dms(rig, WALKER)[-1])

    react(rig, REP, ts)  # the same message, marked again: no second record, no Save button
    shortcut(rig, REP, ts, {"text": words, "user": REP, "type": "message"})
    submit(rig, REP, {"text": words}, meta)  # and saved again from the shortcut
    rig.calls()
    assert len(stored(engine, before)) == 1
    for told in dms(rig, REP)[-2:]:
        assert f"era già stato salvato come feedback n. {first} da James Walker" in said(told)
        assert not [b for b in told.blocks() if b["type"] == "actions"]


def test_a_reaction_proposes_and_save_stores_it_once(make_rig: Any, engine: Engine) -> None:
    rig = make_rig(engine, ponte_feedback_emoji=EMOJI)
    before = newest(engine)
    ts = customer_message(rig, "Emporio Navigli vorrebbe la moka rossa anche da 6 tazze")
    react(rig, REP, ts, reaction="thumbsup")  # not the feedback emoji: nothing
    rig.calls()
    assert dms(rig, REP) == []
    react(rig, REP, ts)
    rig.calls()
    proposal = dms(rig, REP)[-1]
    assert "Hai segnato un messaggio come feedback del cliente" in said(proposal)
    assert "Emporio Navigli" in said(proposal)
    assert stored(engine, before) == []  # proposed, not saved
    save = next(e for b in proposal.blocks() if b["type"] == "actions" for e in b["elements"]
                if e["action_id"].endswith("_save"))  # fmt: skip
    for _ in range(2):  # a double click
        rig.click(save, user=REP, channel="D01ROSSI")
    rig.calls()
    [(_, author, source, customer, _, at, _, _)] = stored(engine, before)
    assert (author, source, customer, at) == (REP, "reaction", "Emporio Navigli", ts)


def test_reactions_without_a_configured_emoji_do_nothing(make_rig: Any, engine: Engine) -> None:
    rig = make_rig(engine)  # PONTE_FEEDBACK_EMOJI not set
    ts = customer_message(rig, "Emporio Navigli vorrebbe la moka rossa anche da 6 tazze")
    react(rig, REP, ts)
    assert rig.calls() == []


@pytest.mark.parametrize(
    ("setup", "told"),
    [
        ("unreadable", "Non posso leggere quel canale"),
        ("deleted", "Quel messaggio non c'è più"),
        ("from_a_bot", "Quel messaggio viene da un'app"),
    ],
)
def test_a_message_that_cannot_be_saved_is_told_and_nothing_is_stored(
    make_rig: Any, engine: Engine, setup: str, told: str
) -> None:
    rig = make_rig(engine, ponte_feedback_emoji=EMOJI)
    before = newest(engine)
    ts = f"{time.time():.6f}"
    if setup == "unreadable":
        rig.mock.fail(
            "conversations.history", Failure(body={"ok": False, "error": "not_in_channel"})
        )
    elif setup == "from_a_bot":
        ts = customer_message(rig, "Alert: PAD-28 below safety stock", bot_id="B0OTHER")
    react(rig, REP, ts)
    rig.calls()
    assert told in said(dms(rig, REP)[-1])
    assert stored(engine, before) == []


def test_the_shortcut_on_an_apps_message_saves_nothing(make_rig: Any, engine: Engine) -> None:
    rig = make_rig(engine)
    ts = customer_message(rig, "Weekly report", bot_id="B0OTHER")
    shortcut(rig, REP, ts, {"text": "Weekly report", "bot_id": "B0OTHER", "type": "message"})
    rig.calls()
    assert rig.mock.of("views.open") == []
    assert "Quel messaggio viene da un'app" in said(dms(rig, REP)[-1])


def test_the_product_picker_finds_products_as_typed(make_rig: Any, engine: Engine) -> None:
    rig = make_rig(engine)
    response = rig.interaction({
        "type": "block_suggestion", "user": {"id": REP}, "action_id": "products",
        "block_id": "products", "value": "padella 28",
        "view": {"id": "V1", "type": "modal", "callback_id": FEEDBACK_MODAL},
    })  # fmt: skip
    options = json.loads(response.body)["options"]
    assert [o["value"] for o in options] == ["PAD-28"]
    assert options[0]["text"]["text"] == "PAD-28 · Padella antiaderente 28 cm"


def test_feedback_told_in_a_dm_is_shown_then_saved_on_yes(make_rig: Any, engine: Engine) -> None:
    rig = make_rig(engine)
    before = newest(engine)
    rig.dm("registra feedback: Casalinghi Colombo dice che le padelle da 24 arrivano rigate",
           user=REP, channel="D01ROSSI")  # fmt: skip
    rig.calls()
    shown = said(dms(rig, "D01ROSSI")[-1])
    assert "Salvo questo feedback del cliente?" in shown and "PAD-24" in shown
    assert stored(engine, before) == []
    rig.dm("sì", user=REP, channel="D01ROSSI")
    rig.calls()
    [(_, author, source, customer, _, _, _, body)] = stored(engine, before)
    assert (author, source, customer) == (REP, "chat", "Casalinghi Colombo")
    assert body == "Casalinghi Colombo dice che le padelle da 24 arrivano rigate"


def test_slack_rate_limits_and_outages_lose_no_feedback_and_store_it_once(
    make_rig: Any, engine: Engine
) -> None:
    rig = make_rig(engine, ponte_feedback_emoji=EMOJI)
    before = newest(engine)
    ts = customer_message(rig, "Emporio Navigli dice che le casseruole arrivano ammaccate")
    # Reading the message meets a Slack outage moment; the proposal a rate limit.
    rig.mock.fail(
        "conversations.history", Failure(503, {"ok": False, "error": "service_unavailable"})
    )
    limited = Failure(429, {"ok": False, "error": "ratelimited"}, {"Retry-After": "1"})
    rig.mock.fail("chat.postMessage", limited)
    react(rig, REP, ts)
    rig.calls()
    assert rig.mock.attempts["conversations.history"] == 2
    [proposal] = dms(rig, REP)
    assert "Hai segnato un messaggio" in said(proposal)
    save = next(e for b in proposal.blocks() if b["type"] == "actions" for e in b["elements"]
                if e["action_id"].endswith("_save"))  # fmt: skip
    rig.mock.fail("chat.getPermalink", Failure(500, {"ok": False, "error": "internal_error"}))
    rig.click(save, user=REP, channel="D01ROSSI")
    rig.calls()
    [(_, _, source, customer, _, at, link, _)] = stored(engine, before)
    assert (source, customer, at) == ("reaction", "Emporio Navigli", ts)
    assert link is not None  # the permalink came on the retry
    assert "Salvato come feedback n." in said(dms(rig, REP)[-1])
