"""An outcome as JSON: what `ponte ask --json` prints and what integrations read."""

from __future__ import annotations

import json
from typing import Any

from bot.render.cards import card
from bot.render.text import plain
from tools.assistant import Outcome
from tools.jsonable import plain as plain_data


def payload(outcome: Outcome) -> dict[str, Any]:
    """language, tool, args, result and text, plus kind, user and how it was routed."""
    answered = outcome.kind == "answer"
    return {
        "language": outcome.language,
        "kind": outcome.kind,
        "tool": outcome.tool if answered else None,
        "args": plain_data(outcome.args),
        "result": plain_data(outcome.result) if answered else None,
        "text": plain(card(outcome)),
        "user": outcome.caller.slack_user_id if outcome.caller else None,
        "via": outcome.via,
        **({"asked_tool": outcome.tool} if not answered and outcome.tool else {}),
        **({"choices": list(outcome.choices)} if outcome.choices else {}),
        **({"error": outcome.code} if outcome.code else {}),
    }


def to_json(outcome: Outcome) -> str:
    return json.dumps(payload(outcome), ensure_ascii=False, indent=2, default=str)
