"""Mentions, direct messages and assistant threads, through the real bolt App."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import Engine, text

from bot.render.i18n import number
from planning.stock import stock_status
from tests.bot.slack.conftest import BOT_ID, BOT_USER, Rig, block_text, button
from tests.conftest import DEMO_TODAY


def test_a_mention_is_answered_once_in_its_thread(rig: Rig, demo_engine: Engine) -> None:
    ts = rig.mention("how much PAD-28 do we have?", user="U01WALKER")
    [reply] = rig.mock.wait_for("chat.postMessage")
    assert rig.calls() == ["chat.postMessage"]
    assert reply.params["channel"] == "C0SALES" and reply.params["thread_ts"] == ts
    available = stock_status(demo_engine, "PAD-28", today=DEMO_TODAY).available
    blocks = reply.blocks()
    assert blocks[0]["type"] == "header" and "PAD-28" in blocks[0]["text"]["text"]
    assert f"{number('en', available)} pcs available" in blocks[1]["text"]["text"]
    assert reply.params["text"].startswith(f"{number('en', available)} pcs available")
    context = next(b for b in blocks if b["type"] == "context")
    assert "stock" in block_text([context]).lower()  # where the numbers come from
    show = json.loads(button(blocks, "Show forecast")["value"])
    assert show == {"ask": "forecast PAD-28", "by": "U01WALKER"}


def test_a_forecast_in_a_thread_comes_with_its_chart(rig: Rig) -> None:
    ts = rig.mention("forecast PAD-28 next 8 weeks", user="U01WALKER")
    rig.mock.wait_for("files.completeUploadExternal")
    assert rig.calls() == [
        "chat.postMessage",
        "files.getUploadURLExternal",
        "upload",
        "files.completeUploadExternal",
    ]
    [upload] = rig.mock.of("upload")
    assert upload.params["png"] and upload.params["bytes"] > 10_000
    [complete] = rig.mock.of("files.completeUploadExternal")
    assert complete.params["channel_id"] == "C0SALES" and complete.params["thread_ts"] == ts
    [answer] = rig.mock.of("chat.postMessage")
    assert "units forecast in the next 8 weeks" in answer.params["text"]


def test_a_direct_message_is_answered_in_the_dm_in_the_users_language(rig: Rig) -> None:
    rig.dm("quanto PAD-28 abbiamo?", user="U01ROSSI", channel="D0ROSSI")
    [reply] = rig.mock.wait_for("chat.postMessage")
    assert reply.params["channel"] == "D0ROSSI" and "thread_ts" not in reply.params
    assert "disponibili" in reply.params["text"]


def test_a_dm_conversation_remembers_what_ponte_asked_back(rig: Rig) -> None:
    rig.dm("forecast please", user="U01WALKER", channel="D0WALKER")
    [question] = rig.mock.wait_for("chat.postMessage")
    assert "Which product?" in question.params["text"]
    rig.dm("PAD-28", user="U01WALKER", channel="D0WALKER")
    answer = rig.mock.wait_for("chat.postMessage", 2)[1]
    assert "PAD-28" in block_text(answer.blocks()) and "units forecast" in answer.params["text"]


def test_someone_not_in_the_people_list_is_told_who_to_ask_and_nothing_else(rig: Rig) -> None:
    rig.dm("how much PAD-28 do we have?", user="U0STRANGER", channel="D0STRANGER")
    [reply] = rig.mock.wait_for("chat.postMessage")
    assert rig.calls() == ["chat.postMessage"]
    text = block_text(reply.blocks())
    assert "I don't know you yet" in text and "U0STRANGER" in text
    assert "PAD-28" not in text and not [b for b in reply.blocks() if b["type"] == "actions"]


def test_bots_ours_included_edits_and_channel_chatter_get_no_reply(rig: Rig) -> None:
    rig.dm("stock PAD-28", user=BOT_USER, channel="D0ROSSI", bot_id=BOT_ID)
    rig.dm("stock PAD-28", user="U0OTHERBOT", channel="D0ROSSI", bot_id="B0OTHER")
    rig.dm("stock PAD-28", user="U01ROSSI", channel="D0ROSSI", subtype="message_changed")
    rig.event({"type": "message", "channel_type": "channel", "channel": "C0SALES",
               "user": "U01ROSSI", "text": "stock PAD-28", "ts": "1764230000.5"})  # fmt: skip
    rig.event({"type": "app_mention", "channel": "C0SALES", "user": "U0OTHERBOT",
               "bot_id": "B0OTHER", "text": f"<@{BOT_USER}> stock PAD-28",
               "ts": "1764230000.6"})  # fmt: skip
    assert rig.calls() == []


def test_a_slow_answer_says_working_on_it_first_then_becomes_the_answer(make_rig) -> None:  # type: ignore[no-untyped-def]
    rig = make_rig(ponte_working_after=0.0)
    ts = rig.mention("stock PAD-28", user="U01WALKER")
    [update] = rig.mock.wait_for("chat.update")
    assert rig.calls() == ["chat.postMessage", "chat.update"]
    [working] = rig.mock.of("chat.postMessage")
    assert working.params["text"] == "Working on it…" and working.params["thread_ts"] == ts
    assert update.params["channel"] == "C0SALES"
    assert "pcs available" in update.params["text"] and update.blocks()


def test_an_assistant_thread_offers_prompts_then_answers_with_a_status(rig: Rig) -> None:
    rig.event({"type": "assistant_thread_started", "event_ts": "1764230001.0",
               "assistant_thread": {"user_id": "U01ROSSI", "channel_id": "D0ROSSI",
                                    "thread_ts": "1764230001.1", "context": {}}})  # fmt: skip
    rig.mock.wait_for("assistant.threads.setSuggestedPrompts")
    assert rig.calls() == ["chat.postMessage", "assistant.threads.setSuggestedPrompts"]
    [greeting] = rig.mock.of("chat.postMessage")
    assert greeting.params["thread_ts"] == "1764230001.1"
    assert greeting.params["text"].startswith("Ciao Giulia")
    [prompts] = rig.mock.of("assistant.threads.setSuggestedPrompts")
    with rig.engine.connect() as conn:  # examples name the company's own products
        skus = set(conn.execute(text("SELECT sku FROM product")).scalars())
    stock = prompts.params["prompts"][0]
    assert stock["title"] == "Giacenze" and stock["message"].split()[-1].rstrip("?") in skus

    rig.mock.reset()
    rig.dm("quanto PAD-28 abbiamo?", user="U01ROSSI", channel="D0ROSSI",
           thread_ts="1764230001.1")  # fmt: skip
    rig.mock.wait_for("chat.postMessage")
    assert rig.calls() == ["assistant.threads.setStatus", "chat.postMessage"]
    [status] = rig.mock.of("assistant.threads.setStatus")
    assert status.params["status"] == "ci sta lavorando…"
    [answer] = rig.mock.of("chat.postMessage")
    assert answer.params["thread_ts"] == "1764230001.1" and "disponibili" in answer.params["text"]


def test_a_reply_in_a_plain_dm_thread_continues_the_dm_conversation(rig: Rig) -> None:
    from tests.slack_mock import Failure

    rig.dm("forecast please", user="U01WALKER", channel="D0WALKER")
    [asked] = rig.mock.wait_for("chat.postMessage")
    assert "Which product?" in asked.params["text"]
    rig.mock.fail("assistant.threads.setStatus", Failure(body={"ok": False, "error": "invalid"}))
    rig.dm("PAD-28", user="U01WALKER", channel="D0WALKER", thread_ts="1764230009.5")
    answer = rig.mock.wait_for("chat.postMessage", 2)[1]
    assert answer.params["thread_ts"] == "1764230009.5"
    assert "units forecast" in answer.params["text"]  # the product answers the question asked


def test_a_chart_that_cannot_be_drawn_leaves_the_answer_alone(
    rig: Rig, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from bot.charts import maker
    from bot.charts.maker import ChartFailed

    def broken(*_: object) -> bytes:
        raise ChartFailed("the chart process stopped")

    monkeypatch.setattr(maker, "_SHARED", broken)
    rig.mention("forecast PAD-28 next 6 weeks", user="U01WALKER")
    assert rig.calls() == ["chat.postMessage"]  # the answer, and no upload
    assert "units forecast in the next 6 weeks" in rig.mock.of("chat.postMessage")[0].params["text"]
    assert "no chart for demand_forecast" in caplog.text


def test_the_choices_asked_back_are_buttons_that_answer_the_question(rig: Rig) -> None:
    ts = rig.mention("how much pentola alta do we have?", user="U01WALKER")
    [asked] = rig.mock.wait_for("chat.postMessage")
    assert "Which product" in asked.params["text"]
    first = button(asked.blocks(), "1. ")
    rig.calls()
    rig.mock.reset()
    message = {"type": "message", "ts": asked.params.get("ts", ts), "thread_ts": ts}
    rig.click(first, user="U01WALKER", message=message)
    [answer] = rig.mock.wait_for("chat.postMessage")
    assert answer.params["thread_ts"] == ts and "pcs available" in answer.params["text"]
    assert json.loads(first["value"])["ask"] in block_text(answer.blocks())  # the SKU pressed
