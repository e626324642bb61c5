"""The "Ask Ponte" shortcuts and their modal, and App Home per role."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Engine, text

from bot.render.i18n import number
from planning.overview import nearest_stockouts, top_products
from planning.quotas import quota_status
from planning.supply import capacity_report
from tests.bot.slack.conftest import Rig, block_text
from tests.conftest import DEMO_TODAY


def submission(rig: Rig, text: str | None, user: str = "U01WALKER") -> Any:
    value = {"type": "plain_text_input", "value": text}
    return rig.interaction({
        "type": "view_submission", "user": {"id": user}, "trigger_id": f"trigger.{next(rig.ids)}",
        "view": {"id": "V1", "type": "modal", "callback_id": "ponte_ask_modal",
                 "private_metadata": "",
                 "state": {"values": {"question": {"question_input": value}}}},
    })  # fmt: skip


def test_the_message_shortcut_opens_a_modal_with_the_message_as_the_question(rig: Rig) -> None:
    response = rig.interaction({
        "type": "message_action", "callback_id": "ponte_ask_message", "trigger_id": "trig.42",
        "user": {"id": "U01ROSSI"}, "channel": {"id": "C0SALES"}, "message_ts": "1764230000.7",
        "message": {"type": "message", "user": "U0CUSTOMER", "ts": "1764230000.7",
                    "text": "can we ship 500 PAD-28 by 15 December?"},
        "response_url": f"{rig.mock.url}/respond/1",
    })  # fmt: skip
    assert response.status == 200
    [opened] = rig.mock.wait_for("views.open")
    assert rig.calls() == ["views.open"]
    assert opened.params["trigger_id"] == "trig.42"
    view = opened.view()
    assert view["callback_id"] == "ponte_ask_modal" and view["title"]["text"] == "Chiedi a Ponte"
    field = view["blocks"][0]["element"]
    assert field["initial_value"] == "can we ship 500 PAD-28 by 15 December?"


def test_the_modal_answers_in_the_dm_with_ponte(rig: Rig) -> None:
    response = submission(rig, "can we ship 500 PAD-28 by 15 December?")
    assert response.status == 200 and response.body == ""  # the modal closes
    [answer] = rig.mock.wait_for("chat.postMessage")
    assert rig.calls() == ["chat.postMessage"]
    assert answer.params["channel"] == "U01WALKER"  # the app's DM with the person
    assert answer.params["text"].startswith("No: 500 × PAD-28 cannot ship by 15 Dec 2026")


def test_a_slow_modal_answer_replaces_its_working_note_in_the_dm(make_rig) -> None:  # type: ignore[no-untyped-def]
    rig = make_rig(ponte_working_after=0.0)
    submission(rig, "stock PAD-28")
    [update] = rig.mock.wait_for("chat.update")
    assert rig.calls() == ["chat.postMessage", "chat.update"]
    [working] = rig.mock.of("chat.postMessage")
    assert working.params["channel"] == "U01WALKER" and working.params["text"] == "Working on it…"
    assert update.params["channel"] == "D01WALKER"  # the DM's id, as chat.update needs
    assert "pcs available" in update.params["text"]


def test_the_modal_and_the_dm_are_one_conversation(rig: Rig) -> None:
    submission(rig, "forecast please")
    [asked] = rig.mock.wait_for("chat.postMessage")
    assert "Which product?" in asked.params["text"]
    rig.dm("PAD-28", user="U01WALKER", channel="D01WALKER")
    answer = rig.mock.wait_for("chat.postMessage", 2)[1]
    assert "units forecast" in answer.params["text"]


def test_an_empty_modal_says_so_in_the_modal_and_does_nothing_else(rig: Rig) -> None:
    response = submission(rig, "   ", user="U01ROSSI")
    assert response.status == 200
    assert json.loads(response.body) == {
        "response_action": "errors",
        "errors": {"question": "Scrivi prima una domanda."},
    }
    assert rig.calls() == []


def test_app_home_for_a_rep_shows_quota_and_top_products_stock(
    rig: Rig, demo_engine: Engine
) -> None:
    rig.event({"type": "app_home_opened", "user": "U01WALKER", "channel": "D0WALKER",
               "tab": "home", "event_ts": "1764230002.0"})  # fmt: skip
    [published] = rig.mock.wait_for("views.publish")
    assert rig.calls() == ["views.publish"]
    assert published.params["user_id"] == "U01WALKER"
    view = published.view()
    assert view["type"] == "home" and len(view["blocks"]) <= 100
    text = block_text(view["blocks"])
    [mine] = quota_status(demo_engine, today=DEMO_TODAY, rep="U01WALKER")
    assert f"{number('en', mine.attainment_pct or 0)}% of" in text
    top = top_products(demo_engine, "U01WALKER", today=DEMO_TODAY)
    assert top and "Your top products" in text and all(sku in text for sku in top)


def test_app_home_for_ops_shows_capacity_and_the_skus_nearest_to_stockout(
    rig: Rig, demo_engine: Engine
) -> None:
    rig.event({"type": "app_home_opened", "user": "U01COLOMBO", "channel": "D0COLOMBO",
               "tab": "home", "event_ts": "1764230003.0"})  # fmt: skip
    [published] = rig.mock.wait_for("views.publish")
    text = block_text(published.view()["blocks"])
    weeks, _ = capacity_report(demo_engine, today=DEMO_TODAY)
    over = min((w for w in weeks if w.shortfall_units > 0), key=lambda w: w.week)
    assert f"{over.family} a {over.plant} è oltre capacità" in text  # Colombo reads Italian
    first = nearest_stockouts(demo_engine, today=DEMO_TODAY, weeks=13)[0]
    assert "Più vicini alla rottura" in text and f"{first.sku} a {first.location}" in text


def test_app_home_for_a_manager_shows_the_team(rig: Rig, demo_engine: Engine) -> None:
    rig.event({"type": "app_home_opened", "user": "U01HARRIS", "channel": "D0HARRIS",
               "tab": "home", "event_ts": "1764230004.0"})  # fmt: skip
    [published] = rig.mock.wait_for("views.publish")
    shown = block_text(published.view()["blocks"])
    with demo_engine.connect() as conn:
        team = (
            conn.execute(text("SELECT name FROM person WHERE manager_slack_user_id = 'U01HARRIS'"))
            .scalars()
            .all()
        )
    assert team and all(name in shown for name in team)


def test_app_home_for_a_stranger_says_who_to_ask(rig: Rig) -> None:
    rig.event({"type": "app_home_opened", "user": "U0STRANGER", "channel": "D0X",
               "tab": "home", "event_ts": "1764230005.0"})  # fmt: skip
    [published] = rig.mock.wait_for("views.publish")
    assert "I don't know you yet" in block_text(published.view()["blocks"])


def test_the_messages_tab_opening_publishes_nothing(rig: Rig) -> None:
    rig.event({"type": "app_home_opened", "user": "U01WALKER", "channel": "D0WALKER",
               "tab": "messages", "event_ts": "1764230006.0"})  # fmt: skip
    assert rig.calls() == []
