"""Writes wait for the user's yes: a reply in the chat, or --yes up front.

These tests register a small writing ability, `record_note`, without a preview, so that the
assistant's confirmation step is what is under test; quota change requests (with a preview
that checks them first) are tested at the end and in test_quota_requests.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from langchain_core.messages import AIMessage
from pydantic import BaseModel
from sqlalchemy import Engine

from bot.render.cards import card
from bot.render.text import plain
from planning.access import Audience
from tests.conftest import Ask
from tests.tools.test_agent import ToolCallingFake, llm_ask
from tools.abilities import REGISTRY
from tools.assistant import Conversation
from tools.registry import Ability


class NoteArgs(BaseModel):
    text: str


@dataclass(frozen=True)
class Note:
    text: str
    by: str


@pytest.fixture
def notes() -> Iterator[list[Note]]:
    written: list[Note] = []

    def record(ctx: Any, args: NoteArgs) -> Note:
        note = Note(args.text, ctx.caller.slack_user_id)
        written.append(note)
        return note

    REGISTRY.declare(
        Ability(
            "record_note",
            Audience.SALES_AND_OPS,
            label=("notes", "note"),
            examples=("Note that ACME wants red lids", "Annota che ACME vuole coperchi rossi"),
            schema=NoteArgs,
            description="Record a note.",
            run=record,
            results=(Note,),
            writes=True,
        )
    )
    yield written
    REGISTRY.remove("record_note")


def proposing(text: str) -> ToolCallingFake:
    call = {"name": "record_note", "args": {"text": text}, "id": "c1"}
    return ToolCallingFake(messages=iter([AIMessage("", tool_calls=[call]), AIMessage("ok")]))


def test_a_write_waits_for_yes_in_the_next_message(demo_engine: Engine, notes: list[Note]) -> None:
    ask = llm_ask(demo_engine, proposing("ACME wants red lids"))
    chat = Conversation()
    first = ask("note that ACME wants red lids", conversation=chat)
    assert (first.kind, first.tool, first.args) == (
        "confirm", "record_note", {"text": "ACME wants red lids"}
    )  # fmt: skip
    assert notes == [] and "Reply yes to go ahead" in plain(card(first))
    second = ask("yes", conversation=chat)
    assert (second.kind, second.tool) == ("answer", "record_note")
    assert notes == [Note("ACME wants red lids", "U01ROSSI")]


def test_no_cancels_and_anything_else_drops_the_write(
    demo_engine: Engine, notes: list[Note]
) -> None:
    chat = Conversation()
    llm_ask(demo_engine, proposing("x"))("annota x", conversation=chat)
    cancelled = llm_ask(demo_engine, proposing("x"))("no", conversation=chat)
    assert cancelled.kind == "cancelled" and notes == []
    assert plain(card(cancelled)) == "Annullato: non ho cambiato nulla."
    llm_ask(demo_engine, proposing("y"))("annota y", conversation=chat)
    router = Ask(llm_ask(demo_engine, proposing("z")).assistant)
    router.assistant.agent = None
    other = router("giacenza PAD-28", conversation=chat)
    assert other.tool == "stock_status" and notes == [] and chat.awaiting is None


def test_yes_up_front_writes_at_once(demo_engine: Engine, notes: list[Note]) -> None:
    outcome = llm_ask(demo_engine, proposing("ok now"))("note: ok now", confirmed=True)
    assert outcome.kind == "answer" and notes == [Note("ok now", "U01ROSSI")]


def test_a_write_the_user_may_not_make_is_refused_before_asking(
    demo_engine: Engine, notes: list[Note]
) -> None:
    outcome = llm_ask(demo_engine, proposing("hi"))("note hi", user="U01RICCI")  # marketing
    assert (outcome.kind, outcome.code) == ("refused", "not_allowed") and notes == []
