"""The database fails while Ponte serves Slack: every DM, mention and slash command still
gets exactly one reply (an answer, or an apology in the asker's language), /health says so,
Ponte recovers by itself when the database is back, and an import that cannot get the write
lock stops in one line having changed nothing.

Faults made here: PostgreSQL refusing connections with every open one killed (as in a
restart or a failover), and SQLite's write lock held by another process (as a long import
or a stuck writer does)."""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine, text

from bot.cli import cli
from planning.db import make_engine
from planning.importer import IMPORT_LOCK_ID
from tests.bot.slack.conftest import Rig, serving
from tests.conftest import _postgres_admin
from tests.helpers import snapshot
from tests.slack_mock import Call

DOWN_EN = "I can't reach Ponte's database right now"
DOWN_IT = "Non riesco a raggiungere il database di Ponte"


def health(url: str) -> int:
    try:
        with urllib.request.urlopen(f"{url}/health", timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)


def replies(rig: Rig, channel: str) -> list[Call]:
    """The messages Ponte posted in `channel` (a "working on it" note updated into the
    answer is one message)."""
    return [c for c in rig.mock.of("chat.postMessage") if c.params["channel"] == channel]


def final_text(rig: Rig, message: Call) -> str:
    """What the message says in the end: its last update, if it was updated."""
    channel = message.params["channel"]
    updates = [c for c in rig.mock.of("chat.update") if c.params["channel"] == channel]
    return str((updates[-1] if updates else message).params["text"])


def ask_all_three(rig: Rig, *, dm_user: str, dm_text: str, tag: str) -> None:
    rig.dm(dm_text, user=dm_user, channel=f"D0{tag}")
    rig.mention("stock PAD-28", user="U01WALKER", channel=f"C0{tag}")
    rig.slash("stock PAD-28", user="U01WALKER", channel=f"C1{tag}")
    rig.calls()


# -- PostgreSQL: refusing connections, every open one killed -------------------------------


@contextmanager
def postgres_down(name: str) -> Iterator[None]:
    admin = _postgres_admin()
    try:
        with admin.connect() as conn:
            conn.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false'))
            conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                              "WHERE datname = :name"), {"name": name})  # fmt: skip
        yield
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true'))
        admin.dispose()


@pytest.mark.postgres
def test_with_postgresql_down_every_question_gets_one_apology_and_ponte_recovers(
    make_rig: Any, postgres_demo: tuple[Engine, str], caplog: pytest.LogCaptureFixture
) -> None:
    engine, name = postgres_demo
    rig: Rig = make_rig(engine=engine)
    rig.dm("quanto PAD-28 abbiamo?", user="U01ROSSI", channel="D0BEFORE")  # Ponte knows her
    rig.calls()
    rig.mock.reset()
    with serving(rig) as url, caplog.at_level(logging.WARNING, logger="ponte.slack"):
        assert health(url) == 200
        with postgres_down(name):
            assert health(url) == 503
            ask_all_three(rig, dm_user="U01ROSSI", dm_text="e il PAD-24?", tag="DOWN")
            [dm] = replies(rig, "D0DOWN")
            assert DOWN_IT in final_text(rig, dm)  # in Rossi's language, as last seen
            [mention] = replies(rig, "C0DOWN")
            assert DOWN_EN in final_text(rig, mention)
            [slash] = rig.mock.of("response_url")
            assert DOWN_EN in slash.params["text"]
            # Someone Ponte has not seen yet: the question's own language.
            rig.dm("quanto MOK-003 abbiamo in magazzino?", user="U01BRAMBILLA", channel="D0NEW")
            rig.calls()
            [new] = replies(rig, "D0NEW")
            assert DOWN_IT in final_text(rig, new)
        assert "without its exactly-once record" in caplog.text
        # Back up: no restart, the next questions are answered.
        assert health(url) == 200
        rig.mock.reset()
        ask_all_three(rig, dm_user="U01ROSSI", dm_text="quanto PAD-28 abbiamo?", tag="UP")
        [dm] = replies(rig, "D0UP")
        assert "disponibili" in final_text(rig, dm)
        [mention] = replies(rig, "C0UP")
        assert "pcs available" in final_text(rig, mention)
        [slash] = rig.mock.of("response_url")
        assert "pcs available" in slash.params["text"]


@pytest.mark.postgres
def test_a_postgresql_import_waiting_on_another_stops_in_one_line_and_changes_nothing(
    postgres_demo: tuple[Engine, str], demo_dir: Path, tmp_path: Path
) -> None:
    engine, _ = postgres_demo
    before = snapshot(engine)
    with engine.connect() as holder:  # another import, mid-way
        holder.execute(text(f"SELECT pg_advisory_lock({IMPORT_LOCK_ID})"))
        result = run_import_cli(engine, demo_dir, tmp_path)
        holder.execute(text(f"SELECT pg_advisory_unlock({IMPORT_LOCK_ID})"))
    assert_one_line_busy(result)
    assert snapshot(engine) == before


# -- SQLite: the write lock held by another process ----------------------------------------


@pytest.fixture
def sqlite_demo(demo_engine: Engine, tmp_path: Path) -> Iterator[Engine]:
    """A copy of the demo database this test may lock."""
    assert demo_engine.url.database is not None
    copy = tmp_path / "ponte.db"
    shutil.copy(demo_engine.url.database, copy)
    engine = make_engine(f"sqlite:///{copy}")
    yield engine
    engine.dispose()


@contextmanager
def sqlite_locked(engine: Engine) -> Iterator[None]:
    """Another process holds SQLite's write lock (BEGIN IMMEDIATE) until released."""
    script = (
        "import sqlite3, sys; c = sqlite3.connect(sys.argv[1], isolation_level=None); "
        "c.execute('BEGIN IMMEDIATE'); print('locked', flush=True); sys.stdin.read()"
    )
    holder = subprocess.Popen([sys.executable, "-c", script, str(engine.url.database)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        yield
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(10)


def test_with_sqlite_locked_by_another_process_every_question_is_still_answered(
    make_rig: Any, sqlite_demo: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    rig: Rig = make_rig(engine=sqlite_demo, ponte_working_after=0.3)
    with serving(rig) as url, caplog.at_level(logging.WARNING, logger="ponte.slack"):
        with sqlite_locked(sqlite_demo):
            assert health(url) == 200  # readable: Ponte can still answer
            started = time.monotonic()
            ask_all_three(rig, dm_user="U01ROSSI", dm_text="quanto PAD-28 abbiamo?", tag="LOCK")
            assert time.monotonic() - started < 20  # not the 30 s of a default busy wait
            [dm] = replies(rig, "D0LOCK")  # one message: a note first, if slow, then updated
            assert dm.params["text"] == "Ci sto lavorando…" or "disponibili" in dm.params["text"]
            assert "disponibili" in final_text(rig, dm)
            [mention] = replies(rig, "C0LOCK")
            assert "pcs available" in final_text(rig, mention)
            *notes, slash = rig.mock.of("response_url")  # a slow answer replaces its note
            assert [n.params["text"] for n in notes] in ([], ["Working on it…"])
            assert "pcs available" in slash.params["text"]
        assert "without its exactly-once record" in caplog.text
        # Unlocked: events are recorded again, so a retry is dropped as before.
        rig.mock.reset()
        rig.mention("stock PAD-28", user="U01WALKER", channel="C0AFTER", event_id="EvAFTER")
        rig.mention("stock PAD-28", user="U01WALKER", channel="C0AFTER", event_id="EvAFTER",
                    retry=1)  # fmt: skip
        rig.calls()
        assert len(replies(rig, "C0AFTER")) == 1


def test_an_sqlite_import_under_a_held_lock_stops_in_one_line_and_changes_nothing(
    sqlite_demo: Engine, demo_dir: Path, tmp_path: Path
) -> None:
    before = snapshot(sqlite_demo)
    with sqlite_locked(sqlite_demo):
        started = time.monotonic()
        result = run_import_cli(sqlite_demo, demo_dir, tmp_path)
        assert time.monotonic() - started < 15  # --wait 1, then the answer
    assert_one_line_busy(result)
    assert snapshot(sqlite_demo) == before


def run_import_cli(engine: Engine, folder: Path, cwd: Path) -> Any:
    url = engine.url.render_as_string(hide_password=False)
    env = {"DATABASE_URL": url, "PONTE_TODAY": "2026-11-27"}
    # A new sales file, so that the import would change something if it could.
    extra = cwd / "new"
    extra.mkdir()
    shutil.copy(folder / "sales.csv", extra / "sales.csv")
    with (extra / "sales.csv").open("a") as handle:
        handle.write("2026-11-20,PAD-28,5,WH-MIL,NO,Nuovo Cliente,U01ROSSI,150,\n")
    return CliRunner().invoke(cli, ["import", "--wait", "1", str(extra)], env=env)


def assert_one_line_busy(result: Any) -> None:
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "Error: another import or writer has held the database for 1 s; nothing was "
        "imported: try again when it has finished"
    ]


@pytest.mark.postgres
def test_an_import_kept_out_by_a_table_lock_stops_after_its_wait_too(
    postgres_demo: tuple[Engine, str], demo_dir: Path, tmp_path: Path
) -> None:
    engine, _ = postgres_demo
    before = snapshot(engine)
    with engine.connect() as holder:  # a stuck writer keeps even readers out of product
        holder.execute(text("LOCK TABLE product IN ACCESS EXCLUSIVE MODE"))
        started = time.monotonic()
        result = run_import_cli(engine, demo_dir, tmp_path)
        assert time.monotonic() - started < 15  # --wait 1, not the lock's whole life
        holder.rollback()
    assert_one_line_busy(result)
    assert snapshot(engine) == before
