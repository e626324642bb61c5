"""Block Kit answers: key number first, provenance in context, within Slack's limits."""

from __future__ import annotations

import json

import pytest
from slack_sdk.models.blocks import Block

from bot.blocks.answers import (
    ASK_ACTION,
    MAX_BLOCKS,
    MORE_ACTION,
    SHARE_ACTION,
    blocks,
    fallback_text,
)
from bot.render.cards import Action, Card, card
from tests.conftest import Ask
from tests.helpers import block_texts

QUESTIONS = [
    ("U01ROSSI", "stock PAD-28"),
    ("U01ROSSI", "scorte padelle"),
    ("U01ROSSI", "forecast MOK-003 next 26 weeks"),
    ("U01ROSSI", "why is the forecast for PAD-28 so high?"),
    ("U01ROSSI", "projection PAD-28 for 52 weeks"),
    ("U01COLOMBO", "capacity check"),
    ("U01ROSSI", "can I promise 500 PAD-28 by 15 March?"),
    ("U01COLOMBO", "quota this quarter"),
    ("U01ROSSI", "help"),
    ("U01ROSSI", "previsione pentola"),
    ("U01ROSSI", "saturazione impianti"),
]


@pytest.mark.parametrize(("user", "question"), QUESTIONS)
def test_every_answer_fits_slacks_limits(ask: Ask, user: str, question: str) -> None:
    outcome = ask(question, user=user)
    shown = card(outcome)
    payload = blocks(shown)
    assert 1 <= len(payload) <= MAX_BLOCKS
    for block in payload:  # slack_sdk's own validation of each block, from plain data
        parsed = Block.parse(block)
        assert parsed is not None
        parsed.validate_json()
    assert all(len(t) <= 3000 for t in block_texts(payload))
    headline = next(b for b in payload if b["type"] == "section")
    assert shown.headline in headline["text"]["text"]
    if shown.source:
        assert payload[-1]["type"] in ("context", "actions")
        assert any(b["type"] == "context" and shown.source in json.dumps(b, ensure_ascii=False)
                   for b in payload)  # fmt: skip
    assert fallback_text(shown) == shown.headline


def test_a_long_table_pages_with_a_more_button_that_asks_for_the_next_page() -> None:
    rows = tuple((f"SKU-{i:04d}", f"product {i}") for i in range(40))
    long = Card(headline="40 products", columns=("sku", "name"), rows=rows)
    again = {"tool": "stock_status", "args": {"family": "PADELLE"}, "lang": "en"}
    first = blocks(long, rerun=again)
    table = first[1]["text"]["text"]
    assert "SKU-0000" in table and "SKU-0014" in table and "SKU-0015" not in table
    assert table.rstrip("`").endswith("… +25")
    more = first[-1]["elements"][0]
    assert more["action_id"] == MORE_ACTION and more["text"]["text"] == "More (2/3)"
    assert json.loads(more["value"]) == {**again, "page": 2}
    second = blocks(long, rerun=again, page=2)[1]["text"]["text"]
    assert "SKU-0014" not in second and "SKU-0015" in second and "SKU-0029" in second
    last = blocks(long, rerun=again, page=3)
    assert "SKU-0039" in last[1]["text"]["text"] and "… +" not in last[1]["text"]["text"]
    assert not [b for b in last if b["type"] == "actions"]  # nothing after the last page


def test_a_page_too_wide_for_a_section_is_cut_and_says_how_much_is_left() -> None:
    rows = tuple((f"SKU-{i:04d}", "x" * 400, str(i)) for i in range(500))
    payload = blocks(Card(headline="500 products", columns=("sku", "name", "n"), rows=rows))
    table = payload[1]["text"]["text"]
    assert len(table) <= 3000 and table.startswith("```sku") and "… +" in table
    shown = table.count("SKU-")
    assert shown < 15 and table.rstrip("`").endswith(f"… +{500 - shown}")


def test_a_private_answer_offers_to_share_it_in_the_channel() -> None:
    again = {"tool": "stock_status", "args": {"product": "PAD-28"}, "lang": "en"}
    payload = blocks(Card(headline="x"), rerun=again, share_label="Share in channel")
    (share,) = payload[-1]["elements"]
    assert share["action_id"] == SHARE_ACTION
    assert json.loads(share["value"]) == {**again, "page": 1}


def test_a_page_past_the_end_shows_the_last_page() -> None:
    rows = tuple((f"SKU-{i:04d}",) for i in range(20))
    table = blocks(Card(headline="x", rows=rows), page=9)[1]["text"]["text"]
    assert "SKU-0019" in table and "SKU-0014" not in table and "+-" not in table


def test_what_a_user_typed_never_becomes_a_mention_or_a_link() -> None:
    typed = Card(headline="No product <!channel> or <https://evil.example|click>",
                 rows=(("<@U01ROSSI>", "a & b"),), notes=("<!here>",))  # fmt: skip
    text = json.dumps(blocks(typed)) + fallback_text(typed)
    assert "<!" not in text and "<@" not in text and "<http" not in text
    assert "&lt;!channel&gt;" in text and "a &amp; b" in text


def test_follow_up_buttons_carry_the_question_to_ask() -> None:
    payload = blocks(Card(headline="x", actions=(Action("Show forecast", "forecast PAD-28"),)))
    (button,) = payload[-1]["elements"]
    assert button["action_id"].startswith(ASK_ACTION)
    assert json.loads(button["value"]) == {"ask": "forecast PAD-28"}
    assert len(button["text"]["text"]) <= 75
