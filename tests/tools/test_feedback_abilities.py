"""Feedback where decisions are made, through the assistant on the demo company: a
forecast note is kept beside the forecast and never changes it; what customers said about
a product comes with its forecast and its explanation; feedback is read by everyone and
changed only by its author or an admin."""

from __future__ import annotations

from typing import Any

import pytest
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage
from sqlalchemy import Engine

from bot.render.cards import card
from bot.render.i18n import number
from bot.render.text import plain
from tests.conftest import DEMO_TODAY, NOW
from tools.assistant import Assistant, Conversation
from tools.summary import Summarizer

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
    # (Asked in Italian words around "forecast", answered in Italian.)
    assert "+500 PAD-28 a gen 2027" in plain(card(after))
    assert "(non inclusa nel forecast)" in plain(card(after))


@pytest.mark.parametrize(
    ("question", "user", "quantity", "period", "customer"),
    [
        ("Il forecast di PAD-24 per dicembre è troppo basso, il cliente ne vuole 300 in più",
         REP, 300, "2026-12", None),
        ("the PAD-28 forecast for january is 150 too high", "U01WALKER", -150, "2027-01", None),
        ("il forecast di MOK-006 per gennaio è troppo alto, Brianza Casa ne vuole 200 in meno",
         REP, -200, "2027-01", "Brianza Casa"),
        # (trial 22) The forecast adjusted by a number: a note too, signed as the verb says.
        ("il forecast di PAD-24 per dicembre è basso, mettine +150", REP, 150, "2026-12", None),
        ("add 150 to the PAD-24 forecast for december", "U01WALKER", 150, "2026-12", None),
        ("alza il forecast di PAD-24 di 100 a gennaio", REP, 100, "2027-01", None),
        ("togli 100 dalla previsione di PAD-24 a gennaio", REP, -100, "2027-01", None),
        ("lower the PAD-28 forecast by 80 in february", "U01WALKER", -80, "2027-02", None),
    ],
)  # fmt: skip
def test_a_forecast_said_off_by_a_number_is_a_forecast_note(
    assistant: Assistant,
    question: str,
    user: str,
    quantity: float,
    period: str,
    customer: str | None,
) -> None:
    """ "Il forecast di PAD-24 per dicembre è troppo basso, il cliente ne vuole 300 in più"
    (trial 18) was saved as a complaint from a customer called "ne": a forecast said too
    low or too high by a number is a note beside it, signed as said, from nobody unnamed."""
    shown = ask(assistant, question, user)
    assert (shown.kind, shown.tool) == ("confirm", "forecast_note"), shown.args
    note = shown.result.note
    assert (note.quantity, note.period, note.customer) == (quantity, period, customer)


def test_a_note_for_a_quarter_asks_which_month(assistant: Assistant) -> None:
    """ "They want 500 more frying pans 28cm in Q1" was noted for January alone (trial 20):
    notes are per month, so a quarter is asked back, and the month answered completes it."""
    conversation = Conversation()
    told = "forecast for Casa Italia Import GmbH is way too low, they want 500 more PAD-28 in Q1"
    asked = assistant.ask(told, user="U01WALKER", today=DEMO_TODAY, now=NOW,
                          conversation=conversation)  # fmt: skip
    assert (asked.kind, asked.missing) == ("clarify", "month")
    shown = assistant.ask("february", user="U01WALKER", today=DEMO_TODAY, now=NOW,
                          conversation=conversation)  # fmt: skip
    assert (shown.kind, shown.tool) == ("confirm", "forecast_note")
    assert (shown.result.note.quantity, shown.result.note.period) == (500, "2027-02")


def test_a_note_for_a_customer_without_a_product_asks_which_one(assistant: Assistant) -> None:
    """ "La previsione di dicembre per Emporio Dolomiti è bassa, mettine +150" was shown
    December's forecast, asked for a product as a forecast question (trial 22): it is a
    note, forecasts are per product, so the product is asked for, saying why, and the
    answer completes the note for that customer."""
    conversation = Conversation()
    told = "la previsione di dicembre per Emporio Dolomiti è bassa, mettine +150"
    asked = assistant.ask(told, user=REP, today=DEMO_TODAY, now=NOW, conversation=conversation)
    assert (asked.kind, asked.tool, asked.missing) == ("clarify", "forecast_note", "product")
    assert "Una nota al forecast va su un prodotto o una famiglia" in plain(card(asked))
    shown = assistant.ask("PAD-24", user=REP, today=DEMO_TODAY, now=NOW,
                          conversation=conversation)  # fmt: skip
    assert (shown.kind, shown.tool) == ("confirm", "forecast_note")
    note = shown.result.note
    assert (note.sku, note.quantity, note.period, note.customer) == (
        "PAD-24", 150, "2026-12", "Emporio Dolomiti"
    )  # fmt: skip


def test_a_note_said_as_a_percentage_asks_for_units(assistant: Assistant) -> None:
    """ "Expect +20%" was noted as +20 units (trial 24): a note is in units, so the
    percentage is asked back in units, and the reply completes the note; a role that may
    not write notes is told so before being asked anything."""
    conversation = Conversation()
    told = "add a forecast note on PAD-28 for march: spring promo, expect +20%"
    asked = assistant.ask(told, user="U01WALKER", today=DEMO_TODAY, now=NOW,
                          conversation=conversation)  # fmt: skip
    assert (asked.kind, asked.missing) == ("clarify", "quantity")
    march = ask(assistant, "forecast PAD-28 in march", "U01WALKER").result.total
    assert plain(card(asked)).replace("\n", " ") == (
        "A forecast note is in units, beside the forecast: how many units is +20%? 20% of the "
        f"forecast of PAD-28 for Mar 2027 ({march:,.0f}) is about {round(march * 0.2):,.0f}."
    )
    shown = assistant.ask("300", user="U01WALKER", today=DEMO_TODAY, now=NOW,
                          conversation=conversation)  # fmt: skip
    assert (shown.kind, shown.tool) == ("confirm", "forecast_note")
    assert (shown.result.note.quantity, shown.result.note.period) == (300, "2027-03")
    # Said as a change of the forecast, down: the units asked are fewer (trial 25's "bump the
    # wok forecast down 15%" showed the forecast; "raise ... by 10%" was refused as a write).
    lowered = Conversation()
    told = "lower the PAD-28 forecast by 10% in january"
    asked = assistant.ask(told, user="U01WALKER", today=DEMO_TODAY, now=NOW,
                          conversation=lowered)  # fmt: skip
    assert (asked.kind, asked.tool, asked.missing) == ("clarify", "forecast_note", "quantity")
    january = ask(assistant, "forecast PAD-28 in january", "U01WALKER").result.total
    assert f"({january:,.0f}) is about {round(january * 0.1):,.0f}" in plain(card(asked))
    shown = assistant.ask(str(round(january * 0.1)), user="U01WALKER", today=DEMO_TODAY,
                          now=NOW, conversation=lowered)  # fmt: skip
    assert (shown.kind, shown.tool) == ("confirm", "forecast_note")
    assert (shown.result.note.quantity, shown.result.note.period) == (
        -round(january * 0.1), "2027-01"
    )  # fmt: skip
    refused = ask(assistant, "add a forecast note on PAD-28: spring promo, expect +20%",
                  MARKETING)  # fmt: skip
    assert (refused.kind, refused.code) == ("refused", "not_allowed")


@pytest.mark.parametrize(
    ("told", "factor", "month"),
    [("double the PAD-28 forecast for january", 1.0, "2027-01"),
     ("il forecast di PAD-28 a gennaio va raddoppiato", 1.0, "2027-01"),
     ("dimezza la previsione di PAD-28 a gennaio", -0.5, "2027-01")],
)  # fmt: skip
def test_a_forecast_doubled_or_halved_is_a_note_asked_in_units(
    assistant: Assistant, told: str, factor: float, month: str
) -> None:
    """ "il doppio", "double", "dimezza" showed the forecast as if asked: a change said as a
    multiple is a percentage of that month's forecast, asked back in units (fewer when
    halved); "double check the forecast" is still the forecast."""
    conversation = Conversation()
    asked = assistant.ask(told, user="U01WALKER", today=DEMO_TODAY, now=NOW,
                          conversation=conversation)  # fmt: skip
    assert (asked.kind, asked.tool, asked.missing) == ("clarify", "forecast_note", "quantity")
    january = ask(assistant, "forecast PAD-28 in january", "U01WALKER").result.total
    part = round(january * abs(factor))
    assert f"({number(asked.language, january)})" in plain(card(asked))
    assert number(asked.language, part) in plain(card(asked))
    shown = assistant.ask(str(part), user="U01WALKER", today=DEMO_TODAY, now=NOW,
                          conversation=conversation)  # fmt: skip
    assert (shown.kind, shown.tool) == ("confirm", "forecast_note")
    assert (shown.result.note.quantity, shown.result.note.period) == (
        part if factor > 0 else -part, month
    )  # fmt: skip
    checked = ask(assistant, "double check the PAD-28 forecast for january", "U01WALKER")
    assert (checked.kind, checked.tool) == ("answer", "demand_forecast")


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


class Summary(GenericFakeChatModel):
    """A model that summarizes: what an LLM provider would answer (no network in tests)."""


def test_with_an_llm_a_short_summary_sits_on_top_and_the_quotes_stay_verbatim(
    writable_demo: Engine,
) -> None:
    said = "Customers mostly report scratched 28 cm pans arriving in thin boxes."
    model = Summary(messages=iter([AIMessage(said)]))
    summarized = Assistant(writable_demo, summarizer=Summarizer(model))
    found = ask(summarized, "what are customers saying about PAD-28?", MARKETING)
    assert found.result.summary == said
    shown = plain(card(found))
    assert f"Summary (AI, from the items below): {said}" in shown
    assert all(q.text[:40] in shown for q in found.result.quotes)  # the customers' own words
    plain_answer = ask(Assistant(writable_demo), "what are customers saying about PAD-28?",
                       MARKETING)  # fmt: skip
    assert plain_answer.result.count == found.result.count  # the numbers are Ponte's own


def test_a_failing_model_leaves_the_search_without_a_summary(writable_demo: Engine) -> None:
    class Broken(GenericFakeChatModel):
        def invoke(self, *args: Any, **kwargs: Any) -> Any:
            raise RuntimeError("provider down")

    broken = Assistant(writable_demo, summarizer=Summarizer(Broken(messages=iter([]))))
    found = ask(broken, "what are customers saying about PAD-28?", MARKETING)
    assert found.kind == "answer" and found.result.summary is None and found.result.count > 0
