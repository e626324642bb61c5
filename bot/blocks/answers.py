"""A card as Block Kit: header, the key number first, fields, a compact table, notes, the
source as a context line, and follow-up buttons.

Built with slack_sdk's block models, whose validators enforce Slack's limits when the blocks
are serialised; the table is cut to fit a section's 3,000 characters and says how many rows
it left out.
"""

from __future__ import annotations

import json
import re
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
    shown = card.rows[first : first + PAGE_ROWS]
    # A backtick in a name would close the code block: a look-alike cannot.
    lines = [escape(line).replace("`", "ˋ") for line in aligned([*header, *shown])]
    while True:
        left = len(card.rows) - first - (len(lines) - len(header))
        body = "\n".join(lines + ([f"… +{left}"] if left else []))
        text = f"```{body}```"
        if len(text) <= limit or len(lines) <= 1:
            return _cut(text, limit)
        lines.pop()


def pages(card: Card) -> int:
    return max(1, -(-len(card.rows) // PAGE_ROWS))


def _button(label: str, action_id: str, value: dict[str, Any]) -> ButtonElement | None:
    """A button carrying `value` as JSON; None when it does not fit a button's value."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    if len(text) > VALUE_CHARS:
        return None
    return ButtonElement(
        text=PlainTextObject(text=_cut(label, BUTTON_CHARS)), action_id=action_id, value=text
    )


def escape(text: str) -> str:
    """Text as Slack mrkdwn shows it literally: what a user typed never becomes a mention,
    an @channel or a link (Slack's three control characters, escaped). Blocks also set
    `verbatim`, so that a bare URL in a name is not made a link either; see `literal` for
    text outside blocks."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# A link Ponte makes itself (a Slack permalink): https, nothing that could close the link.
SAFE_URL = re.compile(r"^https://[^\s<>|&\"']+$")
AUTOLINK = re.compile(r"(?i)\b(https?|ftp|mailto|www)(?=[:.])")


def literal(text: str) -> str:
    """`escape`d, for mrkdwn that cannot be verbatim (a message's notification text): a
    zero-width space after "http", "www"… keeps Slack from turning a bare URL into a link."""
    return AUTOLINK.sub(lambda m: m.group(1) + "\u200b", escape(text))


def _mrkdwn(text: str, limit: int = SECTION_CHARS) -> MarkdownTextObject:
    # verbatim: no automatic links, channel names or mentions from what people typed; the
    # <@…> Ponte writes itself (who shared an answer) still works.
    return MarkdownTextObject(text=_cut(text, limit), verbatim=True)


def blocks(
    card: Card,
    *,
    rerun: dict[str, Any] | None = None,
    page: int = 1,
    share_label: str | None = None,
    more_label: str = "More",
    asker: str | None = None,
) -> list[dict[str, Any]]:
    """The card as Block Kit blocks (at most 50, every text within Slack's limits).

    A table longer than a page shows `page` of it. `rerun` is the call behind the card
    (tool, args, language): with it, a More button runs it again for the next page, and
    `share_label` adds a button that posts the answer in the channel (for replies only the
    asker sees). Follow-up questions (the card's actions) come after those two. Every button
    carries `asker`, so that another person's press is answered to them alone."""
    page = max(1, min(page, pages(card)))
    out: list[Block] = []
    if card.title:
        out.append(HeaderBlock(text=PlainTextObject(text=_cut(card.title, HEADER_CHARS))))
    marker = TONE.get(card.tone)
    headline = escape(card.headline)
    out.append(SectionBlock(text=_mrkdwn(f"{marker} *{headline}*" if marker else f"*{headline}*")))
    if card.fields:
        fields = card.fields[:MAX_FIELDS]
        out.append(SectionBlock(fields=[_mrkdwn(f"*{escape(name)}*\n{escape(value)}", FIELD_CHARS)
                                        for name, value in fields]))  # fmt: skip
    if card.rows:
        out.append(SectionBlock(text=_mrkdwn(table_text(card, page=page))))
    if card.notes:
        out.append(SectionBlock(text=_mrkdwn("\n".join(f"• {escape(n)}" for n in card.notes))))
    links = [f"<{url}|{escape(label).replace('|', '¦')}>" for label, url in card.links
             if SAFE_URL.match(url)]  # fmt: skip
    if links:
        out.append(ContextBlock(elements=[_mrkdwn(" · ".join(links), 2000)]))
    if card.source:
        out.append(ContextBlock(elements=[_mrkdwn(escape(card.source), 2000)]))
    by = {"by": asker} if asker else {}
    buttons: list[ButtonElement | None] = []
    if rerun is not None and page < pages(card):
        label = f"{more_label} ({page + 1}/{pages(card)})"
        buttons.append(_button(label, MORE_ACTION, {**rerun, "page": page + 1, **by}))
    if rerun is not None and share_label:
        buttons.append(_button(share_label, SHARE_ACTION, {**rerun, "page": page, **by}))
    buttons += [
        _button(action.label, f"{ASK_ACTION}_{i}", {"ask": action.question, **by})
        for i, action in enumerate(card.actions)
    ]
    shown = [b for b in buttons if b is not None][:MAX_BUTTONS]
    if shown:
        out.append(DividerBlock())
        out.append(ActionsBlock(elements=shown))
    return [b.to_dict() for b in out[:MAX_BLOCKS]]


def fallback_text(card: Card) -> str:
    """The notification text that goes with the blocks (shown where blocks are not)."""
    return _cut(literal(card.headline), 3000)
