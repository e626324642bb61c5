"""Scheduled jobs (APScheduler 3): the alert scan, the daily digest, the forecast refresh,
quota requests' reminders and expiry.

Each job runs on a cron expression (the alerts file's [jobs] table overrides the defaults;
"off" turns one off), from a job store in Ponte's own database (table `apscheduler_jobs`, so
a restarted process keeps the schedule and knows what it missed). Per job:

- `misfire_grace_time`: how late a run may still start after a pause (a restart, a long
  import holding the process): the scan half an hour (a late warning is still a warning),
  the digest three hours (a morning digest at noon is still useful, in the evening not),
  the refresh an hour;
- `coalesce`: several missed runs run once (the scan and the refresh look at the data as it
  is now: running them twice in a row only repeats the work);
- `max_instances` 1: a slow scan is never overtaken by the next one.

With several processes exactly one runs jobs: the leader, which holds a lock in the
database (`LeaderLock`: a PostgreSQL advisory lock on a connection of its own, released by
the server the moment the process or its connection dies; the others try again every
`RETRY_SECONDS`, so one takes over within a minute). SQLite serves one Ponte process: a
second one that finds the lock taken (a lock file beside the database) starts no scheduler
and says why.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Connection, Engine, text

from bot.settings import Clock, Settings
from planning.errors import PonteError

log = logging.getLogger("ponte.jobs")
RETRY_SECONDS = 30.0  # a follower's wait between tries for the leader lock
LOCK_KEY = 0x504F4E5445  # "PONTE": the advisory lock every Ponte process tries
SQLITE_FOLLOWER = (
    "another Ponte process runs the scheduled jobs on this SQLite file: this one does not "
    "(use PostgreSQL to run several)"
)


@dataclass(frozen=True)
class JobSpec:
    name: str
    cron: str  # minute hour day month weekday, in UTC
    misfire_grace_time: int  # seconds
    what: str


JOBS: dict[str, JobSpec] = {
    spec.name: spec
    for spec in (
        JobSpec("forecast_refresh", "*/15 * * * *", 3600,
                "forecast again when sales were imported after the latest run"),
        JobSpec("alert_scan", "5,35 * * * *", 1800,
                "run the alert rules, keep the alerts, post the news to Slack"),
        JobSpec("alert_digest", "0 7 * * 1-5", 3 * 3600,
                "post each channel's digest of the alerts that wait for it"),
        JobSpec("quota_requests", "*/10 * * * *", 3600,
                "expire and remind quota requests; tell approvers and requesters what waits"),
        JobSpec("feedback_digest", "0 7 * * 1", 6 * 3600,
                "post the week's customer feedback to the operations and marketing channels"),
    )
}  # fmt: skip


def schedules(settings: Settings) -> dict[str, str | None]:
    """Each job's cron expression (None: off): the defaults, or the alerts file's [jobs].
    A bad expression or an unknown job is a PonteError naming it."""
    from apscheduler.triggers.cron import CronTrigger

    _, data = settings.alerts_file()
    configured = data.get("jobs", {})
    unknown = set(configured) - set(JOBS)
    if unknown:
        raise PonteError(
            f"unknown job {sorted(unknown)[0]!r} in the alerts file: use {', '.join(JOBS)}"
        )
    out: dict[str, str | None] = {}
    for name, spec in JOBS.items():
        cron = configured.get(name, spec.cron)
        if cron in ("off", "", None):
            out[name] = None
            continue
        try:
            CronTrigger.from_crontab(str(cron), timezone=dt.UTC)
        except ValueError as exc:
            raise PonteError(f"job {name}: {cron!r} is not a cron expression ({exc})") from exc
        out[name] = str(cron)
    return out


@dataclass
class JobContext:
    """What the jobs run with: built once by the process that schedules them."""

    engine: Engine
    settings: Settings
    clock: Clock


_CONTEXT: dict[str, JobContext] = {}


def run_job(name: str) -> str:
    """Run job `name` now with the process's context; a line saying what it did. (The job
    store keeps this function's name, not a closure: any Ponte process can run it.)"""
    ctx = _CONTEXT.get("current")
    if ctx is None:
        raise PonteError("no job context in this process")
    return RUNNERS[name](ctx)


def _forecast_refresh(ctx: JobContext) -> str:
    import time

    from planning.forecast.runs import (
        compute_forecast,
        latest_run_id,
        load_sales,
        store_run,
        summarize,
    )

    run_id = latest_run_id(ctx.engine, grain="week")
    if run_id is not None and summarize(ctx.engine, run_id).sales_imported_after is None:
        return "forecast_refresh: no sales imported since the latest run"
    started = time.perf_counter()
    result = compute_forecast(load_sales(ctx.engine), today=ctx.clock.today())
    run = store_run(ctx.engine, result, now=ctx.clock.as_of_today(), engine_name="local",
                    duration_seconds=time.perf_counter() - started)  # fmt: skip
    return f"forecast_refresh: run {run.run_id}, {run.series_count} series"


def _poster(ctx: JobContext) -> Any:
    from bot.alerts import AlertPoster
    from bot.slack.app import web_client

    delivery = ctx.settings.alert_delivery()
    if ctx.settings.slack_bot_token is None or (
        delivery.default_channel is None and not delivery.routes
    ):
        return None
    return AlertPoster(ctx.engine, web_client(ctx.settings), delivery)


def _alert_scan(ctx: JobContext) -> str:
    from planning.alerts.rules import find_problems
    from planning.alerts.store import record_scan

    scan = find_problems(ctx.engine, today=ctx.clock.today(),
                         settings=ctx.settings.alert_settings())  # fmt: skip
    result = record_scan(ctx.engine, scan, now=ctx.clock.now())
    line = (f"alert_scan: {len(scan.findings)} problems, {len(result.opened)} new, "
            f"{len(result.worsened) + len(result.reopened)} to notify again, "
            f"{len(result.resolved)} resolved")  # fmt: skip
    poster = _poster(ctx)
    if poster is None:
        return line + "; not posted (no SLACK_BOT_TOKEN or no [delivery] channel)"
    done = poster.deliver(now=ctx.clock.now())
    return line + f"; posted {len(done.posted)}, {len(done.failed)} failed"


def _alert_digest(ctx: JobContext) -> str:
    poster = _poster(ctx)
    if poster is None:
        return "alert_digest: not posted (no SLACK_BOT_TOKEN or no [delivery] channel)"
    sent = poster.digest(now=ctx.clock.now())
    return f"alert_digest: {sum(len(v) for v in sent.values())} alerts in {len(sent)} digests"


def _quota_requests(ctx: JobContext) -> str:
    from bot.quota_requests import QuotaNews
    from bot.slack.app import web_client

    if ctx.settings.slack_bot_token is None:
        # Expiry is a decision on time alone: it happens without Slack too.
        from planning.quota_decisions import expire_requests

        wait = dt.timedelta(days=ctx.settings.ponte_quota_expire_days)
        expired = expire_requests(ctx.engine, now=ctx.clock.now(), after=wait)
        return f"quota_requests: {len(expired)} expired; nobody told (no SLACK_BOT_TOKEN)"
    done = QuotaNews(ctx.engine, web_client(ctx.settings)).remind_and_expire(
        now=ctx.clock.now(),
        today=ctx.clock.today(),
        remind_after=dt.timedelta(days=ctx.settings.ponte_quota_remind_days),
        expire_after=dt.timedelta(days=ctx.settings.ponte_quota_expire_days),
    )
    return (f"quota_requests: {len(done.expired)} expired, {len(done.reminded)} reminded, "
            f"{len(done.approvers)} sent to approvers, {len(done.requesters)} outcomes told, "
            f"{len(done.failed)} failed")  # fmt: skip


def _feedback_digest(ctx: JobContext) -> str:
    from bot.blocks.answers import blocks, fallback_text
    from bot.render.cards import card_for
    from bot.slack.app import web_client
    from planning.audit import audit
    from planning.db import writing
    from planning.feedback.digest import weekly_digest

    settings = ctx.settings
    channels = {"operations": settings.ponte_digest_ops_channel,
                "marketing": settings.ponte_digest_marketing_channel}  # fmt: skip
    wanted = {a: c for a, c in channels.items() if c}
    if settings.slack_bot_token is None or not wanted:
        return "feedback_digest: not posted (no SLACK_BOT_TOKEN or no digest channel)"
    client = web_client(settings)
    posted = []
    with ctx.engine.connect() as conn:  # a channel's digest in the language most people use
        language = conn.execute(text(
            "SELECT coalesce(language, 'en') FROM person GROUP BY coalesce(language, 'en') "
            "ORDER BY count(*) DESC, 1 LIMIT 1")).scalar() or "en"  # fmt: skip
    for audience, channel in wanted.items():
        digest = weekly_digest(ctx.engine, audience, today=ctx.clock.today())  # type: ignore[arg-type]
        with ctx.engine.connect() as conn:
            sent = conn.execute(text("SELECT 1 FROM audit_log WHERE entity = :e"),
                                {"e": digest.key}).first()  # fmt: skip
        if sent is not None:  # a rerun after a restart: each week's digest goes out once
            continue
        shown = card_for(digest, language)
        client.chat_postMessage(channel=channel, text=fallback_text(shown), blocks=blocks(shown))
        details = {"channel": channel, "items": digest.week.count}
        with writing(ctx.engine, wait=30.0) as conn:
            audit(conn, now=ctx.clock.now(), actor="ponte", action="feedback.digest_sent",
                  entity=digest.key, details=details)  # fmt: skip
        posted.append(f"{audience} ({digest.week.count} items)")
    return f"feedback_digest: posted {', '.join(posted) or 'nothing new'}"


RUNNERS: dict[str, Callable[[JobContext], str]] = {
    "forecast_refresh": _forecast_refresh,
    "alert_scan": _alert_scan,
    "alert_digest": _alert_digest,
    "quota_requests": _quota_requests,
    "feedback_digest": _feedback_digest,
}


class LeaderLock:
    """The one lock that makes a process the jobs' leader.

    PostgreSQL: `pg_try_advisory_lock` on a connection kept for it (the lock lives as long
    as that session: a process that dies, or whose connection is cut, loses it at once).
    SQLite: an exclusive `flock` on `<database>.jobs.lock` (released by the OS when the
    process ends)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._conn: Connection | None = None
        self._file: IO[str] | None = None

    @property
    def held(self) -> bool:
        return self._conn is not None or self._file is not None

    def try_acquire(self) -> bool:
        if self.held:
            return self.still_held()
        if self.engine.dialect.name == "postgresql":
            conn = self.engine.connect()
            got = bool(conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": LOCK_KEY})
                       .scalar())  # fmt: skip
            conn.commit()
            if got:
                self._conn = conn
            else:
                conn.close()
            return got
        path = Path(f"{self.engine.url.database or 'ponte'}.jobs.lock")
        handle = path.open("a")
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            return False
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        self._file = handle
        return True

    def still_held(self) -> bool:
        """For PostgreSQL, whether the lock's session is still alive."""
        if self._conn is None:
            return self._file is not None
        try:
            self._conn.execute(text("SELECT 1"))
            self._conn.commit()
            return True
        except Exception:
            self.release()
            return False

    def release(self) -> None:
        if self._conn is not None:
            try:
                self._conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": LOCK_KEY})
                self._conn.commit()
                self._conn.close()
            except Exception:
                self._conn.invalidate()
            self._conn = None
        if self._file is not None:
            fcntl.flock(self._file.fileno(), fcntl.LOCK_UN)
            self._file.close()
            self._file = None


class Scheduler:
    """The jobs of one process: scheduled while this process is the leader.

    `start()` returns at once; a thread tries for the leader lock (then every
    RETRY_SECONDS while another process holds it) and runs APScheduler's
    BackgroundScheduler while it leads. With SQLite a process that does not get the lock
    says so once and stops trying (one Ponte process per SQLite file)."""

    def __init__(self, ctx: JobContext, *, retry: float = RETRY_SECONDS) -> None:
        self.ctx, self.retry = ctx, retry
        self.lock = LeaderLock(ctx.engine)
        self.leading = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._scheduler: Any = None
        self.note: str | None = None  # why this process does not run jobs, if it does not

    def start(self) -> None:
        self.crons = schedules(self.ctx.settings)  # a bad [jobs] stops the start, not later
        _CONTEXT["current"] = self.ctx
        self._thread = threading.Thread(target=self._lead, name="ponte-jobs", daemon=True)
        self._thread.start()

    def _lead(self) -> None:
        sqlite = self.ctx.engine.dialect.name == "sqlite"
        while not self._stop.is_set():
            try:
                if self.lock.try_acquire():
                    if not self.leading.is_set():
                        self._begin()
                elif self.leading.is_set():
                    self._end("the leader lock was lost")
                elif sqlite:
                    self.note = SQLITE_FOLLOWER
                    log.warning(self.note)
                    return
            except Exception as exc:  # the database away: try again later
                log.warning("jobs: leader check failed (%s)", exc.__class__.__name__)
                if self.leading.is_set():
                    self._end("the database failed")
            self._stop.wait(self.retry)

    def _begin(self) -> None:
        from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
        from apscheduler.schedulers.background import BackgroundScheduler
        from apscheduler.triggers.cron import CronTrigger

        store = SQLAlchemyJobStore(engine=self.ctx.engine, tablename="apscheduler_jobs")
        scheduler = BackgroundScheduler(jobstores={"default": store}, timezone=dt.UTC)
        scheduler.start(paused=True)
        for name, spec in JOBS.items():
            cron = self.crons.get(name)
            if cron is None:
                if scheduler.get_job(name):
                    scheduler.remove_job(name)
                continue
            scheduler.add_job(
                "bot.jobs:run_job", CronTrigger.from_crontab(cron, timezone=dt.UTC),
                args=[name], id=name, name=name, replace_existing=True,
                misfire_grace_time=spec.misfire_grace_time, coalesce=True, max_instances=1,
            )  # fmt: skip
        scheduler.resume()
        self._scheduler = scheduler
        self.leading.set()
        log.info("jobs: this process leads and runs %s", ", ".join(n for n, c in
                 self.crons.items() if c))  # fmt: skip

    def _end(self, why: str) -> None:
        log.warning("jobs: no longer leading (%s)", why)
        if self._scheduler is not None:
            self._scheduler.shutdown(wait=False)
            self._scheduler = None
        self.leading.clear()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
        if self.leading.is_set():
            self._end("stopping")
        self.lock.release()

    def next_runs(self) -> dict[str, dt.datetime | None]:
        if self._scheduler is None:
            return {}
        return {job.id: job.next_run_time for job in self._scheduler.get_jobs()}


def next_run(cron: str, now: dt.datetime) -> dt.datetime | None:
    from apscheduler.triggers.cron import CronTrigger

    fire: dt.datetime | None = CronTrigger.from_crontab(cron, timezone=dt.UTC).get_next_fire_time(
        None, now
    )
    return fire
