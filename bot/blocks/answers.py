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
MORE_ACTION = "ponte_more"  # the next page of a long table
SHARE_ACTION = "ponte_share"  # post a private answer in the channel for everyone
PAGE_ROWS = 15
MAX_BUTTONS = 5
VALUE_CHARS = 2000
TONE = {"good": ":large_green_circle:", "warning": ":large_yellow_circle:", "bad": ":red_circle:"}


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def table_text(card: Card, limit: int = SECTION_CHARS, page: int = 1) -> str:
    """One page of the card's rows as a monospaced table that fits one section, ending with
    how many rows come after it ("… +N")."""
    first = (page - 1) * PAGE_ROWS
    header = [card.columns] if card.columns else []
    lines = aligned([*header, *card.rows[first : first + PAGE_ROWS]])
    while True:
        left = len(card.rows) - first - (len(lines) - len(header))
        body = "\n".join(lines + ([f"… +{left}"] if left else []))
        text = f"```{body}```"
        if len(text) <= limit or len(lines) <= 1:
            return _cut(text, limit)
        lines.pop()


def pages(card: Card) -> int:
    return max(1, -(-len(card.rows) // PAGE_ROWS))


def _button(label: str, action_id: str, question: str, **extra: Any) -> ButtonElement | None:
    """A button that asks `question` again; None when it does not fit a button's value."""
    value = json.dumps({"ask": question, **extra}, ensure_ascii=False)
    if len(value) > VALUE_CHARS:
        return None
    return ButtonElement(
        text=PlainTextObject(text=_cut(label, BUTTON_CHARS)), action_id=action_id, value=value
    )


def blocks(
    card: Card,
    *,
    question: str | None = None,
    page: int = 1,
    share_label: str | None = None,
    more_label: str = "More",
) -> list[dict[str, Any]]:
    """The card as Block Kit blocks (at most 50, every text within Slack's limits).

    A table longer than a page shows `page` of it, with a More button that asks `question`
    again for the next page; `share_label` adds a button that posts the answer in the channel
    (for replies only the asker sees)."""
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
        out.append(SectionBlock(text=MarkdownTextObject(text=table_text(card, page=page))))
    if card.notes:
        notes = "\n".join(f"• {note}" for note in card.notes)
        out.append(SectionBlock(text=MarkdownTextObject(text=_cut(notes, SECTION_CHARS))))
    if card.source:
        out.append(ContextBlock(elements=[MarkdownTextObject(text=_cut(card.source, 2000))]))
    buttons = [
        _button(action.label, f"{ASK_ACTION}_{i}", action.question)
        for i, action in enumerate(card.actions)
    ]
    if question is not None and page < pages(card):
        label = f"{more_label} ({page + 1}/{pages(card)})"
        buttons.insert(0, _button(label, MORE_ACTION, question, page=page + 1))
    if question is not None and share_label:
        buttons.append(_button(share_label, SHARE_ACTION, question, page=page))
    shown = [b for b in buttons if b is not None][:MAX_BUTTONS]
    if shown:
        out.append(DividerBlock())
        out.append(ActionsBlock(elements=shown))
    return [b.to_dict() for b in out[:MAX_BLOCKS]]


def fallback_text(card: Card) -> str:
    """The notification text that goes with the blocks (shown where blocks are not)."""
    return _cut(card.headline, 3000)
