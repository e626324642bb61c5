"""`/ponte` arguments as the question the assistant answers.

`help`, `stock <product>`, `forecast <product> [weeks]`, `atp <product> <qty> <date>` and
`quota [@user] [period]` read as they are written (the router knows them); a bare number after
a forecast is a horizon in weeks; anything else is free text, answered like a message.
A leading `share` posts the answer in the channel instead of only to the asker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

BARE_WEEKS = re.compile(r"^(forecast|previsione)\s+(\S+)\s+(\d{1,3})$", re.IGNORECASE)
# `/ponte quota request` alone opens the request form (a modal); with words it is a question.
REQUEST_FORM = re.compile(r"^\s*(quota\s+request|richiesta\s+(di\s+)?quota|quota\s+richiesta)\s*$",
                          re.IGNORECASE)  # fmt: skip


def opens_request_form(text: str) -> bool:
    return REQUEST_FORM.match(text) is not None


# `/ponte feedback` alone opens the feedback form; with words it is said in the chat.
FEEDBACK_FORM = re.compile(r"^\s*(feedback|feedback\s+cliente|customer\s+feedback)\s*$",
                           re.IGNORECASE)  # fmt: skip


def opens_feedback_form(text: str) -> bool:
    return FEEDBACK_FORM.match(text) is not None


SHARE = ("share", "condividi")


@dataclass(frozen=True)
class SlashRequest:
    question: str
    share: bool


def slash_request(text: str) -> SlashRequest:
    words = text.split()
    share = bool(words) and words[0].lower() in SHARE
    if share:
        words = words[1:]
    question = " ".join(words) or "help"
    bare = BARE_WEEKS.match(question)
    if bare:
        verb, product, weeks = bare.groups()
        question = (
            f"{verb} {product} prossime {weeks} settimane"
            if verb.lower() == "previsione"
            else f"{verb} {product} next {weeks} weeks"
        )
    return SlashRequest(question, share)
