"""A card as Block Kit: header, the key number first, fields, a compact table, notes, the
source as a context line, and follow-up buttons.

Built with slack_sdk's block models, whose validators enforce Slack's limits when the blocks
are serialised; the table is cut to fit a section's 3,000 characters and says how many rows
it left out.
"""

from __future__ import annotations

import json
from typing import Any

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ContextBlock,
    DividerBlock,
    HeaderBlock,
    MarkdownTextObject,
    PlainTextObject,
    SectionBlock,
)

from bot.render.cards import Card
from bot.render.text import aligned

MAX_BLOCKS = 50
HEADER_CHARS = 150
SECTION_CHARS = 3000
FIELD_CHARS = 2000
MAX_FIELDS = 10
BUTTON_CHARS = 75
ASK_ACTION = "ponte_ask"  # a button that asks a follow-up question on the user's behalf
TONE = {"good": ":large_green_circle:", "warning": ":large_yellow_circle:", "bad": ":red_circle:"}


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def table_text(card: Card, limit: int = SECTION_CHARS) -> str:
    """The card's rows as a monospaced table that fits one section."""
    rows = [card.columns, *card.rows] if card.columns else list(card.rows)
    lines = aligned(rows)
    while True:
        left = len(rows) - len(lines)
        body = "\n".join(lines + ([f"… +{left}"] if left else []))
        text = f"```{body}```"
        if len(text) <= limit or len(lines) <= 1:
            return _cut(text, limit)
        lines.pop()


def blocks(card: Card) -> list[dict[str, Any]]:
    """The card as Block Kit blocks (at most 50, every text within Slack's limits)."""
    out: list[Block] = []
    if card.title:
        out.append(HeaderBlock(text=PlainTextObject(text=_cut(card.title, HEADER_CHARS))))
    marker = TONE.get(card.tone)
    headline = f"{marker} *{card.headline}*" if marker else f"*{card.headline}*"
    out.append(SectionBlock(text=MarkdownTextObject(text=_cut(headline, SECTION_CHARS))))
    if card.fields:
        out.append(
            SectionBlock(
                fields=[
                    MarkdownTextObject(text=_cut(f"*{name}*\n{value}", FIELD_CHARS))
                    for name, value in card.fields[:MAX_FIELDS]
                ]
            )
        )
    if card.rows:
        out.append(SectionBlock(text=MarkdownTextObject(text=table_text(card))))
    if card.notes:
        notes = "\n".join(f"• {note}" for note in card.notes)
        out.append(SectionBlock(text=MarkdownTextObject(text=_cut(notes, SECTION_CHARS))))
    if card.source:
        out.append(ContextBlock(elements=[MarkdownTextObject(text=_cut(card.source, 2000))]))
    if card.actions:
        out.append(DividerBlock())
        out.append(
            ActionsBlock(
                elements=[
                    ButtonElement(
                        text=PlainTextObject(text=_cut(action.label, BUTTON_CHARS)),
                        action_id=f"{ASK_ACTION}_{i}",
                        value=json.dumps({"ask": action.question})[:2000],
                    )
                    for i, action in enumerate(card.actions[:5])
                ]
            )
        )
    return [b.to_dict() for b in out[:MAX_BLOCKS]]


def fallback_text(card: Card) -> str:
    """The notification text that goes with the blocks (shown where blocks are not)."""
    return _cut(card.headline, 3000)
