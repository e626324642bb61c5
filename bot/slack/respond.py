"""Replies through a response_url (slash commands, buttons), retried like Web API calls.

bolt's own `respond` posts once and retries only connection errors: a 429 or a 503 from
Slack loses the answer without a word. This one retries rate limits (after Retry-After),
connection errors and 5xx with the same handlers as the WebClient, and logs a final failure
with the channel and the user (and raises ReplyLost), so an answer that never arrived can
be traced.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from slack_bolt.context.respond import Respond
from slack_sdk.webhook import WebhookClient, WebhookResponse

from bot.slack.app import retry_handlers

log = logging.getLogger("ponte.slack")


class ReplyLost(Exception):
    """A reply through a response_url failed for good (already logged with its channel and
    user): nothing more can be said through that link."""


class RetryingRespond(Respond):
    def __init__(self, *, response_url: str | None, channel: str | None, user: str | None) -> None:
        super().__init__(response_url=response_url)
        self.channel, self.user = channel, user

    def __call__(  # type: ignore[override]
        self,
        text: str = "",
        blocks: Sequence[dict[str, Any]] | None = None,
        *,
        response_type: str | None = None,
        replace_original: bool | None = None,
        delete_original: bool | None = None,
        **extra: Any,
    ) -> WebhookResponse:
        message = {
            "text": text,
            "blocks": list(blocks) if blocks is not None else None,
            "response_type": response_type,
            "replace_original": replace_original,
            "delete_original": delete_original,
            **extra,
        }
        if self.response_url is None:
            raise ValueError("no response_url to reply through")
        webhook = WebhookClient(self.response_url, timeout=30, retry_handlers=retry_handlers())
        try:
            response = webhook.send_dict({k: v for k, v in message.items() if v is not None})
        except OSError as exc:  # still unreachable after the retries
            log.warning("reply to %s in %s lost: Slack's response_url unreachable (%s)",
                        self.user, self.channel, exc)  # fmt: skip
            raise ReplyLost(str(exc)) from exc
        if response.status_code != 200:
            log.warning("reply to %s in %s lost: Slack's response_url answered %s %s",
                        self.user, self.channel, response.status_code,
                        (response.body or "")[:200])  # fmt: skip
            raise ReplyLost(f"{response.status_code} {(response.body or '')[:200]}")
        return response
