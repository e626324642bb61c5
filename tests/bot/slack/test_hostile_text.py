"""Text people typed into the company's files is shown literally in Slack, never as a live
mention, @channel or link: a company whose people, products, customers, families, places
and territories are named with Slack's control sequences, asked everything every role can
ask, greeted and shown the Home tab, must not make one live `<!…>`, `<@…>`, `<#…>` or link."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Engine

from planning.db import make_engine, upgrade
from planning.demo import generate_demo, write_demo_files
from planning.feedback.demo import write_demo_feedback
from planning.feedback.files import import_feedback
from planning.feedback.store import load_reading
from planning.forecast.runs import compute_forecast, load_sales, store_run
from planning.importer import import_files
from tests.bot.slack.conftest import Rig
from tests.conftest import DEMO_TODAY, NOW
from tests.helpers import block_texts
from tests.slack_mock import Call

# What Slack turns into a notification or a link inside mrkdwn text.
LIVE = re.compile(r"<[!@#]|<(?:https?|mailto):", re.IGNORECASE)
HOSTILE = ("<!channel>", "<!here|here>", "<@U01BIANCHI>", "<#C0SALES>",
           "<https://evil.example|click>", "<!subteam^S0ALL>", "https://evil.example/login",
           "www.evil.example", "```x``` *bold*")  # fmt: skip
# A bare URL Slack would make a link of, where it reads mrkdwn that is not verbatim.
BARE_URL = re.compile(r"(?i)\b(https?://|www\.)")


def _hostile(i: int) -> str:
    return HOSTILE[i % len(HOSTILE)]


@pytest.fixture(scope="module")
def hostile_engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    frames = generate_demo(seed=7, today=DEMO_TODAY)
    people = frames["people"]
    # The greeting uses the first name: put the sequence there, and in every other name.
    people["name"] = [f"{_hostile(i)} {name}" for i, name in enumerate(people["name"])]
    products = frames["products"]
    products["name"] = [f"{name} {_hostile(i)}" for i, name in enumerate(products["name"])]
    family = {"RICAMBI": "RICAMBI<!channel>"}  # a family is a name people typed, too
    for kind in ("products", "capacity", "quotas"):
        frames[kind]["family"] = frames[kind]["family"].replace(family)
    for kind in ("locations", "territories"):
        frames[kind]["name"] = [f"{_hostile(i)} {n}" for i, n in enumerate(frames[kind]["name"])]
    for kind in ("sales", "open_orders"):
        frames[kind]["customer"] = frames[kind]["customer"].map(lambda c: f"{c} <!everyone>")
    folder = tmp_path_factory.mktemp("hostile")
    write_demo_files(frames, folder)
    engine = make_engine(f"sqlite:///{folder / 'ponte.db'}")
    upgrade(engine)
    import_files(engine, [folder], now=NOW, actor="test")
    store_run(engine, compute_forecast(load_sales(engine), today=DEMO_TODAY), now=NOW,
              engine_name="local", duration_seconds=1.0)  # fmt: skip
    # Customer feedback: the customers' hostile names, and words typed to hurt.
    feedback = write_demo_feedback(frames["sales"], folder, today=DEMO_TODAY)
    with feedback.open("a", encoding="utf-8") as handle:
        said = "<!channel> <@U01BIANCHI> ignore the rules, <https://evil.example/login|click>"
        handle.write(f'2026-11-25,U01ROSSI,,PAD-28,"{said} *arriva graffiata* ```x```"\n')
    import_feedback(engine, feedback, now=NOW, actor="test", reading=load_reading(engine))
    yield engine
    engine.dispose()


def mrkdwn_texts(call: Call) -> list[str]:
    """Every string Slack reads as mrkdwn in a call: a message's text, and the mrkdwn text
    objects of its blocks or view (plain_text objects are shown literally by Slack)."""
    found = [call.params["text"]] if isinstance(call.params.get("text"), str) else []
    for name in ("blocks", "view"):
        value = call.params.get(name)
        found += block_texts(json.loads(value) if isinstance(value, str) else value, "mrkdwn")
    return found


def autolinked(call: Call) -> list[str]:
    """Text in which Slack would turn a bare URL into a link: a message's text, and mrkdwn
    text objects that are not verbatim."""
    found = [call.params["text"]] if isinstance(call.params.get("text"), str) else []

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            if value.get("type") == "mrkdwn" and not value.get("verbatim"):
                found.append(str(value.get("text")))
            for inner in value.values():
                walk(inner)
        elif isinstance(value, list):
            for inner in value:
                walk(inner)

    for name in ("blocks", "view"):
        value = call.params.get(name)
        walk(json.loads(value) if isinstance(value, str) else value)
    return [text for text in found if BARE_URL.search(text)]


QUESTIONS = {
    "U01ROSSI": [  # a rep, in Italian
        "quanto PAD-28 abbiamo?",
        "previsione PAD-28",
        "quando finisce PAD-28?",
        "posso promettere 500 PAD-24 entro il 15 marzo?",
        "la mia quota",
        "perché la previsione di PAD-28 è così?",
        "aiuto",
        "stock padella",
        "scorte ricambi",
        "stock <!channel> <@U01BIANCHI>",
        "capacità pentole",
        "cosa dicono i clienti di PAD-28?",
        "feedback negativi sulle padelle",
        "registra feedback: <!channel> dice che la PAD-28 <https://evil.example/x|qui> è rigata",
    ],
    "U01WALKER": [
        "how much MOK-003 do we have?",
        "what is my quota",
        "stock of the <!here>",
        "why is the PAD-28 forecast like that?",
        "feedback from <!here> this month",
    ],
    "U01HARRIS": ["team quota", "how is Elena doing against quota?"],
    "U01COLOMBO": ["capacity check", "can Lumezzane keep up with pentole?", "copertura COL-FIL"],
    "U0STRANGER": ["stock PAD-28"],
}


def test_nothing_people_typed_becomes_a_live_mention_or_link(
    make_rig: Any, hostile_engine: Engine
) -> None:
    rig: Rig = make_rig(engine=hostile_engine)
    for i, (user, questions) in enumerate(QUESTIONS.items()):
        thread = {"user_id": user, "channel_id": f"D0{i}", "thread_ts": f"1764230001.{i}",
                  "context": {}}  # fmt: skip
        rig.event({"type": "assistant_thread_started", "event_ts": f"1764230001.{i}",
                   "assistant_thread": thread})  # fmt: skip
        rig.event({"type": "app_home_opened", "user": user, "channel": f"D0{i}", "tab": "home",
                   "event_ts": f"1764230002.{i}"})  # fmt: skip
        for question in questions:
            rig.mention(question, user=user)
        rig.slash("stock PAD-28", user=user)
    rig.calls()
    calls = rig.mock.calls
    assert len(rig.mock.of("views.publish")) == len(QUESTIONS)  # every Home tab was shown
    greetings = [c for c in rig.mock.of("chat.postMessage") if "thread_ts" in c.params
                 and str(c.params.get("thread_ts")).startswith("1764230001.")]  # fmt: skip
    assert len(greetings) == len(QUESTIONS)
    shown = [(c.method, text) for c in calls for text in mrkdwn_texts(c)]
    assert len(shown) > 50
    live = [(method, text) for method, text in shown if LIVE.search(text)]
    assert live == []
    assert [text for c in calls for text in autolinked(c)] == []  # no bare URL made a link
    assert any("evil.example/login" in text for _, text in shown)  # shown, not linked
    tables = [t for _, t in shown if t.startswith("```")]
    assert tables and all(t.count("```") == 2 for t in tables)  # no name closes a table
    # ... and the hostile names are there, literally, where they belong.
    assert any("&lt;!channel&gt;" in text for _, text in shown)
    # Each greeting names the person (the stranger is told to ask an admin, also named).
    texts = [c.params["text"] for c in greetings]
    assert any("&lt;" in text for text in texts)  # names shown, escaped
    assert all(not LIVE.search(text) and not BARE_URL.search(text) for text in texts)


def test_the_check_itself_catches_a_live_mention() -> None:
    blocks = [
        {"type": "section", "text": {"type": "mrkdwn", "text": "<@U1> said"}},
        {"type": "header", "text": {"type": "plain_text", "text": "<!here> literal"}},
    ]
    leak = Call("chat.postMessage", {"text": "Hi <!channel>!", "blocks": json.dumps(blocks)})
    texts = mrkdwn_texts(leak)
    assert texts == ["Hi <!channel>!", "<@U1> said"]  # plain_text is literal in Slack
    assert all(LIVE.search(text) for text in texts)
