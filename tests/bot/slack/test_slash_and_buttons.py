"""`/ponte`, its private replies, and the buttons on Ponte's answers."""

from __future__ import annotations

import json

from sqlalchemy import Engine

from bot.blocks.answers import PAGE_ROWS
from bot.render.cards import card
from bot.render.i18n import number
from planning.quotas import quota_status
from tests.bot.slack.conftest import Rig, block_text, button, buttons
from tests.conftest import DEMO_TODAY, Ask


def test_slash_stock_is_a_private_reply_with_a_share_button(rig: Rig) -> None:
    response = rig.slash("stock PAD-28", user="U01WALKER")
    assert response.status == 200 and response.body == ""  # acknowledged at once, silently
    [reply] = rig.mock.wait_for("response_url")
    assert rig.calls() == ["response_url"]  # nothing posted in the channel
    assert reply.params["response_type"] == "ephemeral"
    assert "pcs available" in reply.params["text"]
    share = button(reply.params["blocks"], "Share in channel")
    assert json.loads(share["value"]) == {"ask": "stock PAD-28", "page": 1}


def test_slash_subcommands_read_as_written(rig: Rig, demo_engine: Engine) -> None:
    rig.slash("forecast PAD-28 8", user="U01WALKER")
    rig.slash("atp PAD-28 500 2026-12-15", user="U01WALKER")
    rig.slash("", user="U01WALKER")
    rig.slash("quota <@U01ROSSI|giulia.rossi> 2026-Q4", user="U01BIANCHI")
    replies = rig.mock.wait_for("response_url", 4)
    rig.calls()
    texts = sorted(r.params["text"] for r in replies)
    assert any("units forecast in the next 8 weeks" in t for t in texts)
    assert any(t.startswith("Yes: 500 × PAD-28 can ship by 15 Dec 2026") for t in texts)
    assert any("Ask in plain English or Italian" in t for t in texts)  # help
    [rossi] = quota_status(demo_engine, today=DEMO_TODAY, period="2026-Q4", rep="U01ROSSI")
    pct = number("it", rossi.attainment_pct or 0)  # Bianchi reads Italian
    assert any(t.startswith(f"Giulia Rossi: {pct}%") for t in texts)


def test_a_rep_asking_for_another_reps_quota_is_refused_privately(rig: Rig) -> None:
    rig.slash("quota <@U01ROSSI> 2026-Q4", user="U01WALKER")
    [reply] = rig.mock.wait_for("response_url")
    assert rig.calls() == ["response_url"]
    text = block_text(reply.params["blocks"])
    assert "Sorry, you can see your own quota" in text and "%" not in text
    assert not [b for b in buttons(reply.params["blocks"]) if b["action_id"] == "ponte_share"]


def test_slash_share_posts_for_the_whole_channel(rig: Rig) -> None:
    rig.slash("share stock PAD-28", user="U01WALKER")
    [reply] = rig.mock.wait_for("response_url")
    assert reply.params["response_type"] == "in_channel"
    assert not [b for b in buttons(reply.params["blocks"]) if b["action_id"] == "ponte_share"]


def test_share_in_channel_posts_once_and_removes_the_private_reply(rig: Rig) -> None:
    rig.slash("stock PAD-28", user="U01WALKER")
    [private] = rig.mock.wait_for("response_url")
    rig.calls()
    rig.mock.reset()
    share = button(private.params["blocks"], "Share in channel")
    rig.click(share, user="U01WALKER", ephemeral=True)
    rig.click(share, user="U01WALKER", ephemeral=True)  # pressed twice
    rig.mock.wait_for("chat.postMessage")
    assert sorted(rig.calls()) == ["chat.postMessage", "response_url"]
    [post] = rig.mock.of("chat.postMessage")
    assert post.params["channel"] == "C0SALES" and "pcs available" in post.params["text"]
    assert "Shared by <@U01WALKER>: stock PAD-28" in block_text(post.blocks())
    assert not [b for b in buttons(post.blocks()) if b["action_id"] == "ponte_share"]
    [removed] = rig.mock.of("response_url")
    assert removed.params["delete_original"] is True


def test_share_where_ponte_is_not_invited_says_how_to_fix_it(rig: Rig) -> None:
    from tests.slack_mock import Failure

    rig.slash("stock PAD-28", user="U01WALKER", channel="C0PRIVATE")
    [private] = rig.mock.wait_for("response_url")
    rig.calls()
    rig.mock.reset()
    rig.mock.fail("chat.postMessage", Failure(body={"ok": False, "error": "not_in_channel"}))
    share = button(private.params["blocks"], "Share in channel")
    rig.click(share, user="U01WALKER", channel="C0PRIVATE", ephemeral=True)
    [note] = rig.mock.wait_for("response_url")
    assert "/invite @Ponte" in note.params["text"]
    assert note.params["response_type"] == "ephemeral"
    rig.click(share, user="U01WALKER", channel="C0PRIVATE", ephemeral=True)  # after inviting
    [post] = rig.mock.wait_for("chat.postMessage")
    assert post.params["channel"] == "C0PRIVATE"


def test_a_follow_up_button_answers_in_the_thread_as_the_person_who_pressed_it(
    rig: Rig,
) -> None:
    ts = rig.mention("stock PAD-28", user="U01WALKER")
    [answer] = rig.mock.wait_for("chat.postMessage")
    rig.calls()
    rig.mock.reset()
    show = button(answer.blocks(), "Show forecast")
    message = {"type": "message", "ts": "1764230000.000009", "thread_ts": ts}
    rig.click(show, user="U01ROSSI", message=message)
    [forecast] = rig.mock.wait_for("chat.postMessage")
    assert forecast.params["thread_ts"] == ts and "units forecast" in forecast.params["text"]
    rig.calls()
    rig.click(show, user="U0STRANGER", message=message)  # identity is the presser's
    stranger = rig.mock.wait_for("chat.postMessage", 2)[1]
    assert "I don't know you yet (U0STRANGER)" in stranger.params["text"]


def test_more_shows_the_next_page_of_a_long_table(rig: Rig, ask: Ask) -> None:
    question = "forecast MOK-003 next 26 weeks"
    weeks = [row[0] for row in card(ask(question, user="U01WALKER")).rows]
    assert len(weeks) > PAGE_ROWS
    rig.slash(question, user="U01WALKER")
    [first] = rig.mock.wait_for("response_url")
    rig.calls()
    rig.mock.reset()
    table = first.params["blocks"][2]["text"]["text"]
    assert weeks[PAGE_ROWS - 1] in table and weeks[PAGE_ROWS] not in table
    assert table.rstrip("`").endswith(f"… +{len(weeks) - PAGE_ROWS}")
    more = button(first.params["blocks"], "More (2/2)")
    rig.click(more, user="U01WALKER", ephemeral=True)
    [second] = rig.mock.wait_for("response_url")
    page = second.params["blocks"][2]["text"]["text"]
    assert weeks[PAGE_ROWS - 1] not in page and weeks[PAGE_ROWS] in page and weeks[-1] in page
    assert not [b for b in buttons(second.params["blocks"]) if b["action_id"] == "ponte_more"]


def test_a_tampered_button_value_is_ignored(rig: Rig) -> None:
    bogus = {"action_id": "ponte_ask_0", "value": "not json"}
    assert rig.click(bogus, user="U01WALKER").status == 200
    assert rig.calls() == []
