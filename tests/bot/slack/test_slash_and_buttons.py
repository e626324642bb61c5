"""`/ponte`, its private replies, and the buttons on Ponte's answers."""

from __future__ import annotations

import json
import time

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
    value = {"tool": "stock_status", "args": {"product": "PAD-28"}, "lang": "en", "page": 1,
             "by": "U01WALKER"}  # fmt: skip
    assert json.loads(share["value"]) == value


def test_slash_subcommands_read_as_written(rig: Rig, demo_engine: Engine) -> None:
    rig.slash("forecast PAD-28 8", user="U01WALKER")
    rig.slash("atp PAD-28 500 2026-12-15", user="U01WALKER")
    rig.slash("", user="U01WALKER")
    rig.slash("quota <@U01ROSSI|giulia.rossi> 2026-Q4", user="U01BIANCHI")
    replies = rig.mock.wait_for("response_url", 4)
    rig.calls()
    texts = sorted(r.params["text"] for r in replies)
    assert any("units forecast in the next 8 weeks" in t for t in texts)
    # 410 from stock; the rest only from production after PAD-28's 28-day lead time
    assert any(t.startswith("No: 500 × PAD-28 cannot ship by 15 Dec 2026") for t in texts)
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
    message = {"ts": f"{time.time():.6f}"}
    rig.click(share, user="U01WALKER", ephemeral=True, message=message)
    rig.click(share, user="U01WALKER", ephemeral=True, message=message)  # pressed twice
    rig.mock.wait_for("response_url", 2)
    assert rig.calls() == ["response_url", "response_url"]  # through the reply, not as Ponte
    posted, removed = rig.mock.of("response_url")  # the private copy goes once shared
    assert removed.params["delete_original"] is True
    assert posted.params["response_type"] == "in_channel" and not posted.params["replace_original"]
    assert "pcs available" in posted.params["text"]
    assert block_text(posted.params["blocks"]).endswith("Shared by <@U01WALKER>")
    shared = [b["action_id"] for b in buttons(posted.params["blocks"])]
    assert "ponte_share" not in shared and "ponte_ask_0" in shared  # follow-ups for anyone


def test_slash_share_of_a_refusal_stays_private(rig: Rig) -> None:
    rig.slash("share quota <@U01ROSSI> 2026-Q4", user="U01WALKER")
    [reply] = rig.mock.wait_for("response_url")
    assert reply.params["response_type"] == "ephemeral"
    assert "Sorry, you can see your own quota" in reply.params["text"]


def test_a_follow_up_button_answers_the_asker_in_the_thread_and_others_privately(
    rig: Rig,
) -> None:
    ts = rig.mention("stock PAD-28", user="U01WALKER")
    [answer] = rig.mock.wait_for("chat.postMessage")
    rig.calls()
    rig.mock.reset()
    show = button(answer.blocks(), "Show forecast")
    message = {"type": "message", "ts": "1764230000.000009", "thread_ts": ts}
    rig.click(show, user="U01WALKER", message=message)
    [forecast] = rig.mock.wait_for("chat.postMessage")
    assert forecast.params["thread_ts"] == ts and "units forecast" in forecast.params["text"]
    # A forecast started from a button comes with its chart, in the same thread.
    assert rig.calls() == ["chat.postMessage", "files.getUploadURLExternal", "upload",
                           "files.completeUploadExternal"]  # fmt: skip
    [chart] = rig.mock.of("files.completeUploadExternal")
    assert chart.params["thread_ts"] == ts
    rig.mock.reset()
    rig.click(show, user="U01ROSSI", message=message)  # someone else in the channel
    rig.click(show, user="U0STRANGER", message=message)  # and someone Ponte does not know
    rossi, stranger = sorted(rig.mock.wait_for("response_url", 2), key=lambda c: c.params["text"])
    assert rig.calls() == ["response_url", "response_url"]  # privately: no chart for them
    # ... each in their own language: the button's words ("forecast PAD-28") say none.
    assert rossi.params["response_type"] == "ephemeral" and "pezzi" in rossi.params["text"]
    assert stranger.params["response_type"] == "ephemeral"
    assert "I don't know you yet (U0STRANGER)" in stranger.params["text"]


def test_a_failed_share_keeps_the_private_answer_and_can_be_pressed_again(rig: Rig) -> None:
    from tests.slack_mock import Failure

    rig.slash("stock PAD-28", user="U01WALKER")
    [private] = rig.mock.wait_for("response_url")
    rig.calls()
    rig.mock.reset()
    rig.mock.fail("response_url", Failure(404, {"ok": False, "error": "expired_url"}))
    share = button(private.params["blocks"], "Share in channel")
    message = {"ts": f"{time.time():.6f}"}
    rig.click(share, user="U01WALKER", ephemeral=True, message=message)
    [note] = rig.mock.wait_for("response_url")
    assert rig.calls() == ["response_url"]  # no delete_original: the answer is still there
    assert note.params["text"].startswith("Slack did not take the shared answer")
    rig.mock.reset()
    rig.click(share, user="U01WALKER", ephemeral=True, message=message)
    posted, removed = rig.mock.wait_for("response_url", 2)
    assert posted.params["response_type"] == "in_channel" and removed.params["delete_original"]


def test_a_button_on_the_home_tab_answers_in_the_dm(rig: Rig) -> None:
    show = {"action_id": "ponte_ask_0", "value": '{"ask": "stock PAD-28", "by": "U01WALKER"}'}
    rig.click(show, user="U01WALKER", channel=None)
    [answer] = rig.mock.wait_for("chat.postMessage")
    assert answer.params["channel"] == "U01WALKER" and "pcs available" in answer.params["text"]
    rig.click({"action_id": "ponte_more", "value": "{}"}, user="U01WALKER", channel=None)
    stale = rig.mock.wait_for("chat.postMessage", 2)[1]
    assert stale.params["text"] == "That button no longer works: ask me again."


def test_a_crafted_button_runs_only_what_the_presser_may_ask(rig: Rig) -> None:
    values = [
        {"tool": "quota_status", "args": {"person": "U01ROSSI"}},  # another rep's quota
        {"tool": "rm_rf", "args": {}},  # no such tool
        {"tool": "stock_status", "args": {"product": ["PAD-28"]}},  # args of the wrong type
    ]
    for value in values:
        rig.click({"action_id": "ponte_more", "value": json.dumps({**value, "page": 1})},
                  user="U01WALKER", ephemeral=True)  # fmt: skip
    replies = rig.mock.wait_for("response_url", 3)
    texts = " | ".join(sorted(r.params["text"] for r in replies))
    assert rig.calls() == ["response_url"] * 3
    assert "Sorry, you can see your own quota" in texts and "Giulia Rossi:" not in texts
    assert "there is no tool 'rm_rf'" in texts and "I could not use those values" in texts


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


def test_a_tampered_or_stale_button_says_so_and_does_nothing_else(rig: Rig) -> None:
    for value in ("not json", '{"tool": "stock_status"}', '{"ask": 42}'):
        rig.click({"action_id": "ponte_more", "value": value}, user="U01ROSSI")
    replies = rig.mock.wait_for("response_url", 3)
    assert rig.calls() == ["response_url"] * 3
    assert {r.params["text"] for r in replies} == {
        "Quel pulsante non funziona più: chiedimelo di nuovo."
    }
    assert all(r.params["response_type"] == "ephemeral" for r in replies)


def test_more_after_a_question_back_pages_the_answer_not_the_reply(rig: Rig) -> None:
    ts = rig.mention("forecast next 26 weeks", user="U01WALKER")
    [asked] = rig.mock.wait_for("chat.postMessage")
    assert "Which product?" in asked.params["text"]
    rig.mention("MOK-003", user="U01WALKER", thread_ts=ts)
    answer = rig.mock.wait_for("chat.postMessage", 2)[1]
    rig.calls()
    rig.mock.reset()
    more = button(answer.blocks(), "More (2/2)")
    rig.click(more, user="U01WALKER", message={"type": "message", "ts": "1.2", "thread_ts": ts})
    [page] = rig.mock.wait_for("chat.postMessage")
    assert (
        page.params["thread_ts"] == ts
        and "units forecast in the next 26 weeks" in page.params["text"]
    )
    assert "MOK-003" in page.blocks()[0]["text"]["text"]


def test_a_button_in_a_dm_thread_answers_in_that_thread(rig: Rig) -> None:
    rig.dm("stock PAD-28", user="U01WALKER", channel="D0WALKER", thread_ts="1764230007.1")
    [answer] = rig.mock.wait_for("chat.postMessage")
    rig.calls()
    rig.mock.reset()
    message = {"type": "message", "ts": "1764230007.2", "thread_ts": "1764230007.1"}
    rig.click(button(answer.blocks(), "Show forecast"), user="U01WALKER", channel="D0WALKER",
              message=message)  # fmt: skip
    [forecast] = rig.mock.wait_for("chat.postMessage")
    assert forecast.params["channel"] == "D0WALKER"
    assert forecast.params["thread_ts"] == "1764230007.1"


def test_a_button_under_a_shared_reply_where_ponte_is_not_invited_answers_privately(
    rig: Rig,
) -> None:
    from tests.slack_mock import Failure

    rig.mock.fail("chat.postMessage", Failure(body={"ok": False, "error": "not_in_channel"}))
    shared = {"type": "message", "ts": "1764230008.1"}
    show = {"action_id": "ponte_ask_0", "value": '{"ask": "forecast PAD-28"}'}
    rig.click(show, user="U01WALKER", channel="C0ELSEWHERE", message=shared)
    [private] = rig.mock.wait_for("response_url")
    assert private.params["response_type"] == "ephemeral"
    assert "units forecast" in private.params["text"]
