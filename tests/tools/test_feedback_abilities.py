"""Feedback where decisions are made, through the assistant on the demo company: a
forecast note is kept beside the forecast and never changes it; what customers said about
a product comes with its forecast and its explanation; feedback is read by everyone and
changed only by its author or an admin."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from bot.render.cards import card
from bot.render.text import plain
from tests.conftest import DEMO_TODAY, NOW
from tools.assistant import Assistant, Conversation

REP, OPS, MARKETING, ADMIN = "U01ROSSI", "U01COLOMBO", "U01RICCI", "U01DEANGELIS"


@pytest.fixture
def assistant(writable_demo: Engine) -> Assistant:
    return Assistant(writable_demo)


def ask(assistant: Assistant, question: str, user: str, *, yes: bool = False):  # type: ignore[no-untyped-def]
    return assistant.ask(question, user=user, today=DEMO_TODAY, now=NOW, confirmed=yes)


def test_a_forecast_note_sits_beside_the_forecast_and_does_not_change_it(
    assistant: Assistant,
) -> None:
    before = ask(assistant, "forecast PAD-28 fino a fine gennaio", OPS)
    shown = ask(assistant, "expect +500 PAD-28 from Casalinghi Colombo in January", REP)
    assert shown.kind == "confirm" and shown.tool == "forecast_note"
    assert shown.result.note.quantity == 500 and shown.result.note.period == "2027-01"
    saved = ask(assistant, "expect +500 PAD-28 from Casalinghi Colombo in January", REP, yes=True)
    assert saved.kind == "answer" and saved.result.saved
    after = ask(assistant, "forecast PAD-28 fino a fine gennaio", OPS)
    assert after.result.total == before.result.total  # stored, not applied
    [note] = after.result.beside.notes
    assert (note.sku, note.customer, note.author_name) == ("PAD-28", "Casalinghi Colombo",
                                                           "Giulia Rossi")  # fmt: skip
    assert "+500 PAD-28 in Jan 2027" in plain(card(after))
    assert "(not in the forecast)" in plain(card(after))


def test_planners_may_not_write_forecast_notes(assistant: Assistant) -> None:
    refused = ask(assistant, "expect +500 PAD-28 in January", OPS, yes=True)
    assert refused.kind == "refused"


def test_what_customers_said_comes_with_the_forecast_and_its_explanation(
    assistant: Assistant,
) -> None:
    explained = ask(assistant, "why is the PAD-28 forecast what it is?", MARKETING)
    heard = explained.result.beside.heard
    assert heard.items > 0 and heard.theme == "damage"
    text_ = plain(card(explained))
    assert "Customers, last 30 days" in text_ and "mostly damage & packaging" in text_
    family = ask(assistant, "forecast padelle prossime 8 settimane", OPS)
    assert family.result.beside.heard.items >= heard.items


def test_only_the_author_or_an_admin_changes_feedback_in_the_chat(assistant: Assistant) -> None:
    conversation = Conversation()
    told = "log feedback: Casalinghi Colombo says the lids of PAD-28 are loose"
    said = assistant.ask(told, user=REP, today=DEMO_TODAY, now=NOW, conversation=conversation)
    assert said.kind == "confirm"
    done = assistant.ask("sì", user=REP, today=DEMO_TODAY, now=NOW, conversation=conversation)
    item = done.result.item.id
    assert ask(assistant, f"delete feedback {item}", OPS, yes=True).kind == "refused"
    assert ask(assistant, f"cancella il feedback {item}", ADMIN, yes=True).kind == "answer"
    gone = ask(assistant, f"delete feedback {item}", REP, yes=True)
    assert gone.kind == "error" and gone.code == "feedback_deleted"


def test_an_alerts_list_on_a_product_says_what_customers_said_this_week(
    assistant: Assistant,
) -> None:
    found = ask(assistant, "any alerts for PAD-28?", OPS)
    assert found.tool == "list_alerts"
    heard = found.result.beside.heard
    assert heard.days == 7 and heard.items > 0
    assert "ultimi 7 giorni" in plain(card(found)) or "last 7 days" in plain(card(found))
