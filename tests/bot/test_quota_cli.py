"""`ponte quota request / decide / requests` and `ponte audit`: the same checks and cards as
the chat, a write done only with --yes, and the trail of what was done."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import Engine

from bot.cli import cli
from tests.conftest import DEMO_TODAY


def ponte(engine: Engine, *args: str) -> tuple[int, str]:
    env = {"DATABASE_URL": str(engine.url), "COLUMNS": "140", "SLACK_BOT_TOKEN": ""}
    result = CliRunner().invoke(cli, [*args, "--today", DEMO_TODAY.isoformat()], env=env)
    return result.exit_code, result.output


def test_request_then_decide_from_the_command_line(writable_demo: Engine, tmp_path: Path) -> None:
    ask = ("quota", "request", "--as", "U01WALKER", "--period", "2027-Q1", "--pct", "-10",
           "--reason", "lost Harrods", "--lang", "en")  # fmt: skip
    code, shown = ponte(writable_demo, *ask)
    # quotas.csv: 10,670 units and €332,600, both 10% down
    assert code == 0 and "from 10,670 units (€332,600) to 9,603 units (€299,340)" in shown
    assert "(-1,067, -10%)" in shown
    assert "Nothing was changed: run it again with --yes to do it." in shown
    assert "no quota requests waiting" in ponte(writable_demo, "quota", "requests", "--as",
                                                "U01HARRIS", "--lang", "en")[1].lower()  # fmt: skip
    code, sent = ponte(writable_demo, *ask, "--yes")
    assert code == 0 and "Request #1 sent to Emma Harris" in sent
    code, listed = ponte(writable_demo, "quota", "requests", "--as", "U01HARRIS", "--lang", "en")
    assert "1 quota request waiting" in listed and "#1: lost Harrods" in listed
    code, refused = ponte(writable_demo, "quota", "decide", "1", "approve", "--as", "U01BIANCHI",
                          "--yes", "--lang", "en")  # fmt: skip
    assert code == 1 and "request #1 is for Emma Harris (or an admin) to decide" in refused
    code, no_reason = ponte(writable_demo, "quota", "decide", "1", "reject", "--as", "U01HARRIS",
                            "--yes", "--lang", "en")  # fmt: skip
    assert code == 1 and "Say why" in no_reason
    code, done = ponte(writable_demo, "quota", "decide", "1", "approve", "--as", "U01HARRIS",
                       "--yes", "--lang", "en")  # fmt: skip
    assert code == 0 and "is now 9,603 units" in done
    code, trail = ponte(writable_demo, "audit", "--entity", "quota_request:1", "--lang", "en")
    assert "change requested #1" in trail and "approved #1" in trail
    code, raw = ponte(writable_demo, "audit", "--entity", "quota", "--json")
    [changed] = json.loads(raw)["events"]
    assert changed["action"] == "quota.changed" and changed["actor"] == "U01HARRIS"
    assert changed["details"]["before"]["units"] == 10670
    assert changed["details"]["after"]["units"] == 9603


def test_bad_numbers_are_refused_before_anything(writable_demo: Engine) -> None:
    code, shown = ponte(writable_demo, "quota", "request", "--as", "U01WALKER", "--target", "nan",
                        "--reason", "x")  # fmt: skip
    assert code == 2 and "give a number" in shown
    code, shown = ponte(writable_demo, "quota", "request", "--as", "U01WALKER", "--target", "0",
                        "--reason", "x", "--yes", "--lang", "en")  # fmt: skip
    assert code == 1 and "A quota target must be more than zero." in shown
