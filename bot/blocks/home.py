"""App Home as a Block Kit view: a greeting, then one card after another."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.blocks.answers import blocks
from bot.render.cards import Card

MAX_HOME_BLOCKS = 100  # Slack's limit for a Home tab view


def home_view(title: str, cards: Sequence[Card], footer: str | None = None) -> dict[str, Any]:
    """The Home tab: `title` as a header, each card's blocks, `footer` as a context line.
    Cards that do not fit Slack's 100-block limit are left out whole, never cut mid-card."""
    out: list[dict[str, Any]] = [
        {"type": "header", "text": {"type": "plain_text", "text": title[:150]}}
    ]
    line = {"type": "mrkdwn", "text": footer[:2000], "verbatim": True} if footer else None
    tail = [{"type": "context", "elements": [line]}] if line else []
    for card in cards:
        part = [{"type": "divider"}, *blocks(card)]
        if len(out) + len(part) + len(tail) > MAX_HOME_BLOCKS:
            break
        out += part
    return {"type": "home", "blocks": out + tail}
