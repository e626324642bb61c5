"""Scheduled jobs: their schedule, running one by hand, and one leader among processes."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine, text

from bot.cli import cli
from bot.jobs import SQLITE_FOLLOWER, JobContext, LeaderLock, Scheduler
from bot.settings import Clock, Settings
from planning.db import make_engine, upgrade
from tests.bot.slack.conftest import block_text
from tests.conftest import DEMO_TODAY
from tests.slack_mock import MockSlack

TODAY = DEMO_TODAY.isoformat()


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("jobs")
    env = {"DATABASE_URL": f"sqlite:///{folder / 'ponte.db'}"}
    runner = CliRunner()
    assert runner.invoke(cli, ["demo", "--out", str(folder / "files"), "--today", TODAY],
                         env=env).exit_code == 0  # fmt: skip
    assert runner.invoke(cli, ["forecast", "--today", TODAY], env=env).exit_code == 0
    return folder / "ponte.db"


@pytest.fixture
def db(demo_db: Path, tmp_path: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{demo_db}{suffix}").exists():
            shutil.copy(f"{demo_db}{suffix}", tmp_path / f"ponte.db{suffix}")
    return tmp_path / "ponte.db"


def ponte(db: Path, *args: str, **env: str) -> str:
    result = CliRunner().invoke(cli, list(args), env={"DATABASE_URL": f"sqlite:///{db}", **env})
    return f"exit {result.exit_code}\n{result.output}"


def test_jobs_list_their_schedule_and_the_alerts_file_changes_it(db: Path, tmp_path: Path) -> None:
    shown = ponte(db, "jobs", "list")
    assert "exit 0" in shown
    for job, cron in (("forecast_refresh", "*/15 * * * *"), ("alert_scan", "5,35 * * * *"),
                      ("alert_digest", "0 7 * * 1-5"),
                      ("quota_requests", "*/10 * * * *"),
                      ("feedback_digest", "0 7 * * 1")):  # fmt: skip
        assert job in shown and cron in shown
    settings = tmp_path / "alerts.toml"
    settings.write_text('[jobs]\nalert_scan = "0 * * * *"\nalert_digest = "off"\n')
    changed = ponte(db, "jobs", "list", PONTE_ALERTS=str(settings))
    assert "0 * * * *" in changed and "off" in changed
    settings.write_text('[jobs]\nalert_scan = "every hour"\n')
    bad = ponte(db, "jobs", "list", PONTE_ALERTS=str(settings))
    assert bad.startswith("exit 1") and "job alert_scan: 'every hour' is not a cron" in bad


def test_a_job_run_by_hand_does_its_work_once(db: Path) -> None:
    first = ponte(db, "jobs", "run", "alert_scan", "--today", TODAY)
    assert "alert_scan: 8 problems, 8 new" in first
    assert "not posted (no SLACK_BOT_TOKEN or no [delivery] channel)" in first
    again = ponte(db, "jobs", "run", "alert_scan", "--today", TODAY)
    assert "8 problems, 0 new, 0 to notify again, 0 resolved" in again
    refresh = ponte(db, "jobs", "run", "forecast_refresh", "--today", TODAY)
    assert "no sales imported since the latest run" in refresh
    assert ponte(db, "jobs", "run", "nope").startswith("exit 2")
    quota = ponte(db, "jobs", "run", "quota_requests", "--today", TODAY)
    assert "quota_requests: 0 expired; nobody told (no SLACK_BOT_TOKEN)" in quota


@pytest.fixture
def mock_slack() -> Iterator[MockSlack]:
    mock = MockSlack().start()
    yield mock
    mock.stop()


def test_the_weekly_feedback_digest_goes_to_each_channel_once(
    db: Path, mock_slack: MockSlack
) -> None:
    monday = "2026-11-30"
    env = {
        "SLACK_BOT_TOKEN": "xoxb-test",
        "SLACK_API_URL": mock_slack.api_url,
        "PONTE_DIGEST_OPS_CHANNEL": "C0OPS",
        "PONTE_DIGEST_MARKETING_CHANNEL": "C0MKT",
    }
    first = ponte(db, "jobs", "run", "feedback_digest", "--today", monday, **env)
    assert "feedback_digest: posted operations (16 items), marketing (16 items)" in first
    posted = {
        c.params["channel"]: block_text(c.blocks()) for c in mock_slack.of("chat.postMessage")
    }
    assert set(posted) == {"C0OPS", "C0MKT"}
    # operations: by product and plant; marketing: by theme and competitor (in Italian:
    # most of the demo company's people speak it)
    assert "PAD-28 Padella antiaderente 28 cm" in posted["C0OPS"]
    assert "Per stabilimento: PLT-LUM" in posted["C0OPS"]
    assert (
        "danni e imballo" in posted["C0MKT"] and "Concorrenti citati: Ballarini" in posted["C0MKT"]
    )
    again = ponte(db, "jobs", "run", "feedback_digest", "--today", monday, **env)
    assert "posted nothing new" in again
    assert len(mock_slack.of("chat.postMessage")) == 2
    off = ponte(db, "jobs", "run", "feedback_digest", "--today", monday)
    assert "not posted (no SLACK_BOT_TOKEN or no digest channel)" in off


def _context(engine: Engine) -> JobContext:
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    return JobContext(engine, settings, Clock(DEMO_TODAY))


def _wait(condition: object, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.05)
    return False


def test_on_sqlite_a_second_process_runs_no_jobs_and_says_why(db: Path) -> None:
    first_engine, second_engine = make_engine(f"sqlite:///{db}"), make_engine(f"sqlite:///{db}")
    leader = Scheduler(_context(first_engine), retry=0.1)
    follower = Scheduler(_context(second_engine), retry=0.1)
    try:
        leader.start()
        assert leader.leading.wait(10)
        follower.start()
        assert _wait(lambda: follower.note is not None)
        assert follower.note == SQLITE_FOLLOWER and not follower.leading.is_set()
        with first_engine.connect() as conn:  # the schedule is in the database
            ids = {r for (r,) in conn.execute(text("SELECT id FROM apscheduler_jobs"))}
        assert ids == {"forecast_refresh", "alert_scan", "alert_digest", "quota_requests",
                       "feedback_digest"}  # fmt: skip
    finally:
        follower.stop()
        leader.stop()


@pytest.fixture
def postgres_pair(postgres_url: str) -> Iterator[tuple[Engine, Engine]]:
    first, second = make_engine(postgres_url), make_engine(postgres_url)
    upgrade(first)
    yield first, second
    first.dispose()
    second.dispose()


@pytest.mark.postgres
def test_on_postgresql_one_process_leads_and_another_takes_over(
    postgres_pair: tuple[Engine, Engine],
) -> None:
    first, second = postgres_pair
    one, two = LeaderLock(first), LeaderLock(second)
    assert one.try_acquire() and not two.try_acquire()
    one.release()
    assert two.try_acquire() and not one.try_acquire()
    two.release()
    leader, follower = Scheduler(_context(first), retry=0.1), Scheduler(_context(second), retry=0.1)
    try:
        leader.start()
        assert leader.leading.wait(10)
        follower.start()
        time.sleep(0.5)
        assert not follower.leading.is_set() and follower.note is None  # it keeps trying
        # The leader's process dies: its session ends and the lock with it.
        assert leader.lock._conn is not None
        leader._stop.set()
        leader.lock._conn.invalidate()
        leader.lock._conn = None
        assert follower.leading.wait(10)
        assert set(follower.next_runs()) == {
            "forecast_refresh", "alert_scan", "alert_digest", "quota_requests", "feedback_digest",
        }  # fmt: skip
    finally:
        follower.stop()
        leader.stop()
