"""What every tool call knows besides its arguments: who asks, in which language, and when.

Built by the front door from the verified Slack user (or `--as`), never from message text or
model output, and closed over by the tools (tools.abilities.build_tools) so that a model
cannot pass or change it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine

from planning.access import Caller
from planning.alerts.rules import AlertSettings
from tools.matching import CatalogueIndex


@dataclass(frozen=True)
class RunContext:
    engine: Engine
    caller: Caller
    language: str  # the language to answer in
    today: dt.date
    now: dt.datetime
    index: CatalogueIndex
    confirmed: bool = False  # the user already said yes to a write (--yes, or a reply)
    # The alert rules' thresholds (the alerts file, PONTE_ALERTS; defaults without one).
    alert_settings: AlertSettings = field(default_factory=AlertSettings)
    # Where a write comes from, for the feedback store: a chat message, the feedback form, a
    # message shortcut or an emoji reaction on a Slack message (channel, ts, permalink).
    source: str = "chat"
    channel: str | None = None
    message_ts: str | None = None
    permalink: str | None = None
    competitors: tuple[str, ...] = ()  # the company's competitors' names (settings)
    # Writes a short summary on top of a feedback search (tools.summary; None: no LLM).
    summarizer: Callable[[Any, str], str | None] | None = None
