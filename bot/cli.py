"""The `ponte` command line: a few lines over planning functions per command."""

from __future__ import annotations

import dataclasses
import datetime as dt
import getpass
import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click
from rich.console import Console
from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError

from bot import terminal
from bot.settings import Clock, Settings
from planning.errors import PonteError
from planning.problems import ImportRejected

if TYPE_CHECKING:
    from slack_bolt import App

    from bot.slack.answerers import Answerers

F = TypeVar("F", bound=Callable[..., Any])


@dataclass
class Services:
    """What commands need, built once per invocation from the settings."""

    settings: Settings
    clock: Clock
    engine: Engine
    console: Console

    @property
    def actor(self) -> str:
        return f"cli:{getpass.getuser()}"


def build_services(today: dt.date | None, *, lock_wait: float | None = None) -> Services:
    from pydantic import ValidationError
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    from planning.db import make_engine, upgrade

    try:
        settings = Settings()
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']).upper()}: {e['msg']}" for e in exc.errors()
        )
        raise PonteError(f"bad setting in the environment: {problems}") from exc
    try:
        waits = {"lock_wait": lock_wait} if lock_wait is not None else {}
        engine = make_engine(settings.database_url, **waits)
    except (ArgumentError, NoSuchModuleError, ImportError) as exc:
        raise PonteError(
            f"DATABASE_URL {settings.database_url!r} is not a usable database URL "
            "(use sqlite:///file.db or postgresql://user@host/db)"
        ) from exc
    upgrade(engine)  # the schema is always current before a command touches it
    return Services(settings, Clock(today or settings.ponte_today), engine, Console())


LANG_HELP = "English or Italian (default: PONTE_AS's language, else the locale's)."


def today_option(func: F) -> F:
    """--today YYYY-MM-DD: the date Ponte reasons from (also PONTE_TODAY)."""
    return click.option(
        "--today",
        type=click.DateTime(formats=["%Y-%m-%d"]),
        default=None,
        help="Reason as if today were this date (YYYY-MM-DD); default: today or PONTE_TODAY.",
    )(func)


MAX_WAIT = 3600.0


def _finite(value: float) -> float:
    if value != value:  # NaN passes any range check
        raise click.BadParameter("give a number of seconds")
    return value


def database_trouble(exc: OperationalError) -> str:
    """One line for a database that failed under a command, instead of a traceback."""
    from planning.db import is_lock_timeout

    if is_lock_timeout(exc):
        return "another import or writer is holding the database: try again when it has finished"
    reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
    return f"the database failed during the command ({reason}); nothing half-done was kept"


def _finite_or_none(
    _ctx: click.Context, _param: click.Parameter, value: float | None
) -> float | None:
    if value is not None and (value != value or value in (float("inf"), float("-inf"))):
        raise click.BadParameter("give a number")
    return value


def _date(value: dt.datetime | None) -> dt.date | None:
    return value.date() if value else None


class PonteGroup(click.Group):
    """Turns the errors a user can cause into one friendly line and exit code 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ImportRejected:
            raise
        except PonteError as exc:
            raise click.ClickException(str(exc)) from exc
        except OperationalError as exc:  # the database went away or stayed locked mid-command
            raise click.ClickException(database_trouble(exc)) from exc


@click.group(cls=PonteGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="ponte")
def cli() -> None:
    """Ponte: the sales & operations planning assistant that lives in Slack."""


@cli.command()
@today_option
@click.option("--as", "user", default=None, help="Shell: act as this Slack user id.")
def run(today: dt.datetime | None, user: str | None) -> None:
    """Start Ponte (Slack app, or local shell; demo data if empty).

    With SLACK_BOT_TOKEN and SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP)
    set, Ponte runs as a Slack app; without them, in the terminal. An empty database is
    first loaded with the demo company.
    """
    services = build_services(_date(today))
    console = services.console
    from planning.status import data_status

    if data_status(services.engine, today=services.clock.today()).empty:
        console.print("The database is empty: loading the demo company, Officine Ponte S.p.A.")
        with tempfile.TemporaryDirectory(prefix="ponte-demo-") as folder:
            _load_demo(services, seed=7, out=Path(folder))
        _forecast(services)
    if services.settings.slack_mode is not None:
        _serve_slack(services)
        return
    console.print(
        "No Slack credentials set (SLACK_BOT_TOKEN with SLACK_APP_TOKEN or "
        "SLACK_SIGNING_SECRET): starting the local shell."
    )
    _shell(services, user)


@cli.group()
def db() -> None:
    """Database maintenance (migrations)."""


@db.command("upgrade")
def db_upgrade() -> None:
    """Apply pending schema migrations (also automatic at start)."""
    from planning.db import current_revision

    services = build_services(None)
    url = services.engine.url.render_as_string(hide_password=True)
    services.console.print(
        f"Database {url} is at schema revision {current_revision(services.engine)} (latest).",
        highlight=False,
    )


@cli.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--strict",
    is_flag=True,
    help="Reject the import on any warning (rows summed into one, a file emptying a table).",
)
@click.option(
    "--wait",
    type=click.FloatRange(min=0, max=MAX_WAIT),
    callback=lambda _ctx, _param, value: _finite(value),
    default=60.0,
    show_default=True,
    help="Seconds to wait while another import or writer holds the database (up to an hour).",
)
@today_option
def import_(paths: tuple[Path, ...], strict: bool, wait: float, today: dt.datetime | None) -> None:
    """Import .csv/.xlsx contract files or folders (all or nothing).

    Every file is validated before anything is written; a bad import lists each problem
    as file:row:column: reason and changes nothing. Re-importing the same files changes
    nothing.
    """
    services = build_services(_date(today), lock_wait=wait)
    _import(services, list(paths), strict=strict, wait=wait)


def _import(services: Services, paths: list[Path], *, strict: bool = False,
            wait: float = 60.0) -> None:  # fmt: skip
    from planning.importer import import_files

    console = services.console
    try:
        with terminal.progress_bar(console) as progress:
            summary = import_files(
                services.engine,
                paths,
                now=services.clock.now(),
                actor=services.actor,
                progress=progress,
                strict=strict,
                lock_wait=wait,
                today=services.clock.today(),
            )
    except ImportRejected as rejected:
        terminal.print_rejection(console, rejected)
        raise SystemExit(1) from None
    terminal.print_import_summary(console, summary)


@cli.command()
@click.option("--seed", type=int, default=7, show_default=True, help="Random seed.")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("demo-data"),
    show_default=True,
    help="Folder for the generated contract files.",
)
@click.option(
    "--weeks",
    type=click.IntRange(8, 260),
    default=156,
    show_default=True,
    help="Weeks of sales history (fewer: the last weeks of the same company).",
)
@click.option("--no-import", is_flag=True, help="Only write the files.")
@today_option
def demo(seed: int, out: Path, weeks: int, no_import: bool, today: dt.datetime | None) -> None:
    """Write the demo company's files and import them.

    Officine Ponte S.p.A., a fictional Italian housewares maker: deterministic for a seed
    and a date, with history ending the week before --today.
    """
    services = build_services(_date(today))
    _load_demo(services, seed=seed, out=out, load=not no_import, weeks=weeks)


def _load_demo(
    services: Services, *, seed: int, out: Path, load: bool = True, weeks: int = 156
) -> None:
    from planning.demo import generate_demo, write_demo_files
    from planning.feedback.demo import write_demo_feedback

    today = services.clock.today()
    frames = generate_demo(seed=seed, today=today, weeks=weeks)
    try:
        paths = write_demo_files(frames, out)
    except OSError as exc:
        raise PonteError(f"cannot write the demo files to {out}: {exc.strerror}") from exc
    services.console.print(
        f"Wrote {len(paths)} demo files for {today} (seed {seed}) to {out}", highlight=False
    )
    feedback = write_demo_feedback(frames["sales"], out, today=today, seed=seed)
    if load:
        _import(services, [out])
        from bot.feedback_cli import import_file

        import_file(services, feedback)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.option("--lang", type=click.Choice(["en", "it"]), default=None, help=LANG_HELP)
@today_option
def status(as_json: bool, lang: str | None, today: dt.datetime | None) -> None:
    """Show what is loaded: counts, dates, freshness."""
    from bot.render.cards.reports import status_card
    from bot.render.console import show
    from planning.status import data_status
    from tools.jsonable import dumps

    services = build_services(_date(today))
    result = data_status(services.engine, today=services.clock.today())
    if as_json:
        click.echo(dumps({**dataclasses.asdict(result), "empty": result.empty}))
    else:
        show(services.console, status_card(result, _language(services, lang)))


@cli.group(invoke_without_command=True)
@click.option("--horizon", type=int, default=26, show_default=True, help="Periods ahead.")
@click.option("--grain", type=click.Choice(["week", "month"]), default="week", show_default=True)
@click.option(
    "--engine",
    type=click.Choice(["local", "dask", "spark", "ray"]),
    default="local",
    show_default=True,
    help="Where to compute: local cores or an existing cluster.",
)
@click.option("--address", default=None, help="Cluster address (dask: tcp://host:8786).")
@today_option
@click.pass_context
def forecast(
    ctx: click.Context,
    horizon: int,
    grain: str,
    engine: str,
    address: str | None,
    today: dt.datetime | None,
) -> None:
    """Forecast demand for every SKU x location and store the run."""
    if ctx.invoked_subcommand is not None:
        return
    services = build_services(_date(today))
    _forecast(services, horizon=horizon, grain=grain, engine=engine, address=address)


def _forecast(
    services: Services,
    *,
    horizon: int = 26,
    grain: str = "week",
    engine: str = "local",
    address: str | None = None,
) -> None:
    import time

    from planning.forecast.pipeline import EngineSpec
    from planning.forecast.runs import compute_forecast, load_sales, store_run

    started = time.perf_counter()
    with services.console.status("Forecasting..."):
        result = compute_forecast(
            load_sales(services.engine),
            today=services.clock.today(),
            horizon=horizon,
            grain=grain,  # type: ignore[arg-type]
            engine=EngineSpec(name=engine, address=address),  # type: ignore[arg-type]
        )
    run = store_run(
        services.engine,
        result,
        now=services.clock.as_of_today(),
        engine_name=engine,
        duration_seconds=time.perf_counter() - started,
    )
    terminal.print_run_summary(services.console, run)


@forecast.command("accuracy")
@click.option(
    "--run", "run_id", type=int, default=None, help="A run id (default: latest scorable)."
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of tables.")
@click.option("--lang", type=click.Choice(["en", "it"]), default=None, help=LANG_HELP)
@today_option
def forecast_accuracy(
    run_id: int | None, as_json: bool, lang: str | None, today: dt.datetime | None
) -> None:
    """Score a past forecast run against the actuals imported since."""
    from bot.render.cards.reports import accuracy_card
    from bot.render.console import show
    from planning.forecast.accuracy import forecast_accuracy as score
    from tools.jsonable import dumps

    services = build_services(_date(today))
    report = score(services.engine, today=services.clock.today(), run_id=run_id)
    if as_json:
        click.echo(dumps(report))
    else:
        show(services.console, accuracy_card(report, _language(services, lang)))


def _language(services: Services, lang: str | None) -> str:
    """--lang, else PONTE_AS's language, else the locale's (it_* is Italian)."""
    if lang:
        return lang
    if services.settings.ponte_as:
        from sqlalchemy import text

        with services.engine.connect() as conn:
            found = conn.execute(
                text("SELECT language FROM person WHERE slack_user_id = :id"),
                {"id": services.settings.ponte_as},
            ).scalar()
        if found:
            return str(found)
    locale = os.environ.get("LC_ALL") or os.environ.get("LANG") or ""
    return "it" if locale.lower().startswith("it") else "en"


def answer_options(func: F) -> F:
    """--as, --lang, --json and --today: who asks, in which language, printed how, and when."""
    func = click.option("--json", "as_json", is_flag=True, help="Print the answer as JSON.")(func)
    func = click.option(
        "--lang",
        type=click.Choice(["en", "it"]),
        default=None,
        help="Answer in English or Italian (default: the person's language).",
    )(func)
    func = click.option(
        "--as",
        "user",
        default=None,
        help="Slack user id to act as, with their permissions (default: PONTE_AS, else the "
        "first admin in the people list).",
    )(func)
    return today_option(func)


def _answer(
    today: dt.datetime | None,
    user: str | None,
    lang: str | None,
    as_json: bool,
    tool: str,
    args: dict[str, Any],
    *,
    confirmed: bool = False,
) -> None:
    """Run one ability as the assistant does (same access check, same result, same card)
    and print it; exit 1 unless it answered. A write runs only `confirmed` (--yes):
    without, its preview is shown and nothing changes."""
    from bot.render.cards import card
    from bot.render.console import show
    from bot.render.i18n import t
    from bot.render.payload import to_json
    from tools.abilities import writes
    from tools.assistant import Assistant, call

    services = build_services(_date(today))
    clock = services.clock
    assistant = Assistant(services.engine, alert_settings=services.settings.alert_settings())
    ctx = assistant.context(_operator(services, user), today=clock.today(), now=clock.now())
    given = {k: v for k, v in args.items() if v is not None}
    preview = writes(tool) and not confirmed
    outcome = call(ctx, tool, given, language=lang or ctx.caller.language, preview=preview)
    if as_json:
        click.echo(to_json(outcome))
    else:
        show(services.console, card(outcome))
        if preview and outcome.kind == "answer":
            services.console.print(t(lang or ctx.language, "cli.not_done"), highlight=False)
    if outcome.kind != "answer":
        raise SystemExit(1)


@forecast.command("show")
@click.argument("sku")
@click.option("--weeks", type=int, default=26, show_default=True, help="Weeks ahead (1-104).")
@click.option("--period", default=None, help="Instead of weeks: YYYY-MM, YYYY-Qn or YYYY.")
@click.option("--location", default=None, help="Only this location (default: all, summed).")
@answer_options
def forecast_show(
    sku: str,
    weeks: int,
    period: str | None,
    location: str | None,
    user: str | None,
    lang: str | None,
    as_json: bool,
    today: dt.datetime | None,
) -> None:
    """Show a SKU's weekly forecast, its range and where it comes from."""
    args = {"product": sku, "weeks": weeks, "period": period, "location": location}
    _answer(today, user, lang, as_json, "demand_forecast", args)


@cli.command()
@click.argument("sku")
@click.option("--location", default=None, help="Only this location (default: every one).")
@click.option("--weeks", type=int, default=26, show_default=True, help="Weeks ahead (1-104).")
@answer_options
def project(
    sku: str,
    location: str | None,
    weeks: int,
    user: str | None,
    lang: str | None,
    as_json: bool,
    today: dt.datetime | None,
) -> None:
    """Project a SKU's stock week by week: cover and stockout."""
    args = {"product": sku, "location": location, "weeks": weeks}
    _answer(today, user, lang, as_json, "inventory_projection", args)


@cli.command()
@click.option("--family", default=None, help="Only this product family.")
@click.option("--plant", default=None, help="Only this plant.")
@click.option("--weeks", type=int, default=26, show_default=True, help="Weeks ahead (1-52).")
@click.option("--period", default=None, help="Instead of weeks: YYYY-MM, YYYY-Qn or YYYY.")
@answer_options
def capacity(
    family: str | None,
    plant: str | None,
    weeks: int,
    period: str | None,
    user: str | None,
    lang: str | None,
    as_json: bool,
    today: dt.datetime | None,
) -> None:
    """Compare forecast demand with plant capacity, week by week."""
    args = {"family": family, "plant": plant, "weeks": weeks, "period": period}
    _answer(today, user, lang, as_json, "capacity_check", args)


@cli.command()
@click.argument("sku")
@click.argument("quantity", type=click.FloatRange(min=0, min_open=True))
@click.argument("date", type=click.DateTime(formats=["%Y-%m-%d"]))
@click.option("--location", default=None, help="Ship from (default: where most stock is).")
@answer_options
def atp(
    sku: str,
    quantity: float,
    date: dt.datetime,
    location: str | None,
    user: str | None,
    lang: str | None,
    as_json: bool,
    today: dt.datetime | None,
) -> None:
    """Available-to-promise: can QUANTITY of SKU ship by DATE?"""
    args = {"product": sku, "quantity": quantity, "date": date.date(), "location": location}
    _answer(today, user, lang, as_json, "available_to_promise", args)


@cli.group(invoke_without_command=True)
@click.option("--rep", default=None, help="A rep's Slack user id or name.")
@click.option("--territory", default=None, help="A territory code or name.")
@click.option("--period", default=None, help="YYYY-MM, YYYY-Qn or YYYY (default: this quarter).")
@click.option("--family", default=None, help="Only quotas for this family.")
@answer_options
@click.pass_context
def quota(
    ctx: click.Context,
    rep: str | None,
    territory: str | None,
    period: str | None,
    family: str | None,
    user: str | None,
    lang: str | None,
    as_json: bool,
    today: dt.datetime | None,
) -> None:
    """Quota attainment to date and the weekly pace still needed; quota change requests."""
    if ctx.invoked_subcommand is not None:
        return
    args = {"person": rep, "territory": territory, "period": period, "family": family}
    _answer(today, user, lang, as_json, "quota_status", args)


def _yes_option(func: F) -> F:
    return click.option(
        "--yes", is_flag=True, help="Do it; without --yes it is checked and shown, not done."
    )(func)


@quota.command("request")
@click.option("--for", "rep", default=None, help="Whose quota (default: your own).")
@click.option("--territory", default=None, help="A territory's quota instead of a person's.")
@click.option("--period", default=None, help="YYYY-MM, YYYY-Qn or YYYY (default: this quarter).")
@click.option("--family", default=None, help="A family's quota (default: the total).")
@click.option(
    "--target",
    "target_units",
    type=float,
    callback=_finite_or_none,
    help="The new target, in units.",
)
@click.option(
    "--revenue",
    "target_revenue",
    type=float,
    callback=_finite_or_none,
    help="The new target, in revenue.",
)
@click.option(
    "--by",
    "change_units",
    type=float,
    callback=_finite_or_none,
    help="Change by this many units (negative lowers it).",
)
@click.option(
    "--by-revenue",
    "change_revenue",
    type=float,
    callback=_finite_or_none,
    help="Change the revenue target by this amount (negative lowers it).",
)
@click.option(
    "--pct",
    "change_pct",
    type=float,
    callback=_finite_or_none,
    help="Change by this percentage (negative lowers it).",
)
@click.option("--reason", required=True, help="Why: the approver reads it as written.")
@_yes_option
@answer_options
def quota_request(yes: bool, user: str | None, lang: str | None, as_json: bool,
                  today: dt.datetime | None, **args: Any) -> None:  # fmt: skip
    """Ask for a quota change: checked and shown (before and after, who decides, what the
    plants can make of it); sent to the approver with --yes."""
    args["person"] = args.pop("rep")
    _answer(today, user, lang, as_json, "request_quota_change", args, confirmed=yes)


@quota.command("decide")
@click.argument("request", type=click.IntRange(min=1))
@click.argument("decision", type=click.Choice(["approve", "reject", "changes"]))
@click.option("--note", default=None, help="Why (needed to reject or ask for changes).")
@_yes_option
@answer_options
def quota_decide(request: int, decision: str, note: str | None, yes: bool, user: str | None,
                 lang: str | None, as_json: bool, today: dt.datetime | None) -> None:  # fmt: skip
    """Approve, reject or ask for changes to quota request REQUEST, as its approver or an
    admin: checked and shown; decided with --yes."""
    args = {"request": request, "decision": decision, "note": note}
    _answer(today, user, lang, as_json, "decide_quota_request", args, confirmed=yes)


@quota.command("propose")
@click.option("--family", required=True, help="The product family whose quota is split.")
@click.option("--period", default=None, help="YYYY-Qn (default: the next quarter).")
@click.option("--total", "target_units", type=float, default=None, callback=_finite_or_none,
              help="The total to split, in units.")  # fmt: skip
@click.option("--revenue", "target_revenue", type=float, default=None, callback=_finite_or_none,
              help="The total to split in revenue, instead of --total.")  # fmt: skip
@click.option("--reason", default=None, help="Why, for the approver.")
@_yes_option
@answer_options
def quota_propose(yes: bool, user: str | None, lang: str | None, as_json: bool,
                  today: dt.datetime | None, **args: Any) -> None:  # fmt: skip
    """Split a family's quota for a period across your territories (a manager's: where the
    team is based; an admin's: all), by each one's recent and last year's share, capped at
    what the plants can make: shown; sent for approval as one change set with --yes."""
    if (args["target_units"] is None) == (args["target_revenue"] is None):
        raise click.UsageError("give the total to split: --total UNITS or --revenue AMOUNT")
    _answer(today, user, lang, as_json, "allocate_quota", args, confirmed=yes)


@quota.command("requests")
@click.option("--status", type=click.Choice(["pending", "approved", "rejected", "changes",
                                             "expired"]), default=None,
              help="Which requests (default: those waiting).")  # fmt: skip
@answer_options
def quota_requests(status: str | None, user: str | None, lang: str | None, as_json: bool,
                   today: dt.datetime | None) -> None:  # fmt: skip
    """The quota requests that concern you: waiting for your decision, yours, your team's."""
    _answer(today, user, lang, as_json, "quota_requests", {"status": status})


@cli.command()
@click.option("--entity", default=None,
              help="Only entries about this: quota_request:12, quota:2027-Q1:U01ROSSI, quota "
                   "(every quota), quota_request (every request).")  # fmt: skip
@click.option("--limit", type=click.IntRange(1, 10_000), default=200, show_default=True,
              help="The newest entries shown.")  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.option("--lang", type=click.Choice(["en", "it"]), default=None, help=LANG_HELP)
@today_option
def audit(entity: str | None, limit: int, as_json: bool, lang: str | None,
          today: dt.datetime | None) -> None:  # fmt: skip
    """The audit trail: every import, quota request, decision and quota change, who and
    when, oldest first. Entries are only ever added (the database refuses to change them)."""
    import json

    from bot.render.cards import card_for
    from bot.render.console import show
    from planning.audit import audit_view
    from tools.jsonable import plain as plain_data

    services = build_services(_date(today))
    trail = audit_view(services.engine, entity=entity, limit=limit)
    if as_json:
        click.echo(json.dumps(plain_data(trail), ensure_ascii=False, indent=2, default=str))
    else:
        show(services.console, card_for(trail, _language(services, lang)))


@cli.command()
@click.argument("sku")
@answer_options
def product(
    sku: str, user: str | None, lang: str | None, as_json: bool, today: dt.datetime | None
) -> None:
    """What the product master says about SKU: price, lead time, minimum order, stock."""
    _answer(today, user, lang, as_json, "product_info", {"product": sku})


@cli.group(invoke_without_command=True)
@click.option("--family", default=None, help="Only this product family.")
@click.option(
    "--kind",
    "focus",
    type=click.Choice(["capacity", "stockout", "excess", "drift", "quota"]),
    default=None,
    help="Only this kind of alert.",
)
@answer_options
@click.pass_context
def alerts(
    ctx: click.Context,
    family: str | None,
    focus: str | None,
    user: str | None,
    lang: str | None,
    as_json: bool,
    today: dt.datetime | None,
) -> None:
    """The alerts: what the rules find now, most money at stake first (as `list_alerts`)."""
    if ctx.invoked_subcommand is not None:
        return
    _answer(today, user, lang, as_json, "list_alerts", {"family": family, "focus": focus})


@alerts.command("scan")
@click.option("--dry-run", is_flag=True, help="Print what would change; store nothing.")
@click.option(
    "--post", is_flag=True, help="Then post the news to Slack (the alerts file's [delivery])."
)
@click.option("--lang", type=click.Choice(["en", "it"]), default=None, help=LANG_HELP)
@today_option
def alerts_scan(dry_run: bool, post: bool, lang: str | None, today: dt.datetime | None) -> None:
    """Run every alert rule and keep the result: open new alerts, flag worse ones, resolve
    those that cleared (what the scheduled scan does)."""
    if dry_run and post:
        raise click.UsageError("--dry-run stores and posts nothing: leave out --post")
    from planning.alerts.rules import find_problems
    from planning.alerts.store import preview_scan, record_scan, stored_alerts

    services = build_services(_date(today))
    language = _language(services, lang)
    poster = _alert_poster(services) if post else None  # a bad [delivery] stops it first
    scan = find_problems(
        services.engine, today=services.clock.today(), settings=services.settings.alert_settings()
    )
    ids: dict[str, int] = {}
    if dry_run:
        change, cleared = preview_scan(services.engine, scan)
    else:
        done = record_scan(services.engine, scan, now=services.clock.now())
        change, cleared = done.changes, list(done.cleared)
        ids = {a.fingerprint: a.id for a in stored_alerts(services.engine)}
    terminal.print_alert_scan(
        services.console, scan, change, cleared, ids, language, dry_run=dry_run
    )
    if poster is not None:
        done = poster.deliver(now=services.clock.now())
        services.console.print(
            f"Posted {len(done.posted)}, cleared {len(done.said)} in their threads; "
            f"{len(done.waiting)} wait for the digest, {len(done.failed)} failed "
            "(retried next time).",
            highlight=False,
        )


@alerts.command("replay")
@click.option(
    "--from",
    "start",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="First week replayed (default: 52 weeks before --to).",
)
@click.option(
    "--to",
    "end",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Last week replayed (default: the last complete week).",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of tables.")
@today_option
def alerts_replay(
    start: dt.datetime | None, end: dt.datetime | None, as_json: bool, today: dt.datetime | None
) -> None:
    """Re-run the forecast and the alert scan as of each past week, knowing only what was
    known then, and say for every stockout and capacity overrun that happened whether (and
    how many weeks ahead) Ponte would have warned, and how many alerts were false alarms."""
    from planning.alerts.replay import replay_alerts

    services = build_services(_date(today))
    shown = not as_json and sys.stderr.isatty()

    def progress(monday: dt.date, k: int, n: int) -> None:
        if shown:
            click.echo(f"\rweek {k} of {n} ({monday})", nl=False, err=True)

    replay = replay_alerts(
        services.engine,
        start=_date(start),
        end=_date(end),
        today=services.clock.today(),
        settings=services.settings.alert_settings(),
        on_week=progress,
    )
    if as_json:
        from tools.jsonable import dumps

        click.echo(dumps(replay))
        return
    if shown:
        click.echo("", err=True)
    terminal.print_alert_replay(services.console, replay)


@alerts.command("digest")
def alerts_digest() -> None:
    """Post each channel's digest: the alerts that wait for it (low severity, over the cap)."""
    services = build_services(None)
    sent = _alert_poster(services).digest(now=services.clock.now())
    for channel, ids in sent.items():
        services.console.print(f"{channel}: {len(ids)} alerts in the digest", highlight=False)
    if not sent:
        services.console.print("No alerts wait for a digest.")


def _alert_poster(services: Services) -> Any:
    from bot.alerts import AlertPoster
    from bot.slack.app import web_client

    if services.settings.slack_bot_token is None:
        raise PonteError("posting alerts needs SLACK_BOT_TOKEN (and the alerts file's [delivery])")
    delivery = services.settings.alert_delivery()
    if delivery.default_channel is None and not delivery.routes:
        raise PonteError(
            "no channel for alerts: set default_channel in the alerts file's [delivery]"
        )
    return AlertPoster(services.engine, web_client(services.settings), delivery)


def _alert_action(
    alert_id: int, action: str, user: str | None, today: dt.datetime | None, **extra: Any
) -> None:
    from planning.access import identify
    from planning.alerts.store import act

    services = build_services(_date(today))
    caller = identify(services.engine, _operator(services, user))
    done = act(
        services.engine,
        alert_id,
        action,
        caller=caller,
        now=services.clock.now(),
        today=services.clock.today(),
        **extra,
    )
    terminal.print_alert_state(services.console, done, _people(services.engine))


def _people(engine: Engine) -> dict[str, str]:
    """Who is who (Slack user id -> name), to print people by name."""
    from sqlalchemy import text

    with engine.connect() as conn:
        return {
            str(k): str(v) for k, v in conn.execute(text("SELECT slack_user_id, name FROM person"))
        }


@alerts.command("ack")
@click.argument("alert_id", type=int)
@click.option("--as", "user", default=None, help="Slack user id acting (default: PONTE_AS).")
@today_option
def alerts_ack(alert_id: int, user: str | None, today: dt.datetime | None) -> None:
    """Acknowledge an alert: someone is on it."""
    _alert_action(alert_id, "acknowledge", user, today)


@alerts.command("snooze")
@click.argument("alert_id", type=int)
@click.option("--until", type=click.DateTime(formats=["%Y-%m-%d"]), default=None)
@click.option("--days", type=click.IntRange(1, 90), default=None, help="Or for this many days.")
@click.option("--as", "user", default=None, help="Slack user id acting (default: PONTE_AS).")
@today_option
def alerts_snooze(
    alert_id: int,
    until: dt.datetime | None,
    days: int | None,
    user: str | None,
    today: dt.datetime | None,
) -> None:
    """Snooze an alert until a day: it comes back then if the problem is still there."""
    if (until is None) == (days is None):
        raise click.UsageError("give either --until YYYY-MM-DD or --days N")
    day = until.date() if until else (_date(today) or Clock(Settings().ponte_today).today())
    if days:
        day = day + dt.timedelta(days=days)
    _alert_action(alert_id, "snooze", user, today, until=day)


@alerts.command("assign")
@click.argument("alert_id", type=int)
@click.argument("assignee")
@click.option("--as", "user", default=None, help="Slack user id acting (default: PONTE_AS).")
@today_option
def alerts_assign(
    alert_id: int, assignee: str, user: str | None, today: dt.datetime | None
) -> None:
    """Assign an alert to a person (their Slack user id)."""
    _alert_action(alert_id, "assign", user, today, assignee=assignee)


@alerts.command("history")
@click.argument("alert_id", type=int)
def alerts_history(alert_id: int) -> None:
    """What happened to an alert, who did it and when."""
    from planning.alerts.store import alert_events, get_alert

    services = build_services(None)
    alert = get_alert(services.engine, alert_id)
    people = _people(services.engine)
    terminal.print_alert_state(services.console, alert, people)
    terminal.print_alert_events(services.console, alert_events(services.engine, alert_id), people)


@cli.group()
def jobs() -> None:
    """The scheduled jobs: forecast refresh, alert scan and digest, quota request reminders."""


@jobs.command("list")
def jobs_list() -> None:
    """Each job, its schedule (cron, UTC; the alerts file's [jobs] may change it) and when
    it runs next."""
    from rich.table import Table

    from bot.jobs import JOBS, next_run, schedules

    services = build_services(None)
    crons = schedules(services.settings)
    table = Table(title="Scheduled jobs (run by `ponte run` with Slack, one process leading)")
    for column in ("job", "schedule (UTC)", "next run", "misfire grace"):
        table.add_column(column, no_wrap=True)
    now = services.clock.now()
    for name, spec in JOBS.items():
        cron = crons[name]
        upcoming = next_run(cron, now) if cron else None
        table.add_row(name, cron or "off", f"{upcoming:%Y-%m-%d %H:%M}" if upcoming else "–",
                      f"{spec.misfire_grace_time // 60} min")  # fmt: skip
    services.console.print(table)
    for name, spec in JOBS.items():
        services.console.print(f"  {name}: {spec.what}", highlight=False)


@jobs.command("run")
@click.argument("name")
@today_option
def jobs_run(name: str, today: dt.datetime | None) -> None:
    """Run one job now, in this process."""
    from bot.jobs import _CONTEXT, JOBS, JobContext, run_job

    if name not in JOBS:
        raise click.UsageError(f"unknown job {name!r}: use {', '.join(JOBS)}")
    services = build_services(_date(today))
    _CONTEXT["current"] = JobContext(services.engine, services.settings, services.clock)
    services.console.print(run_job(name), highlight=False, markup=False, soft_wrap=True)


def build_assistant(services: Services) -> Any:
    """The assistant engine, with the LLM agent when PONTE_LLM is set."""
    from tools.assistant import Assistant

    settings = services.settings
    agent = summarizer = None
    if settings.ponte_llm:
        from tools.agent import LlmAgent, chat_model

        try:
            model = chat_model(settings.ponte_llm, timeout=settings.ponte_llm_timeout)
        except ImportError as exc:
            provider = settings.ponte_llm.partition(":")[0]
            raise PonteError(
                f"PONTE_LLM={settings.ponte_llm}: install the provider package "
                f"(pip install langchain-{provider})"
            ) from exc
        agent = LlmAgent(model, timeout=settings.ponte_llm_timeout, company=settings.ponte_company)
        from tools.summary import Summarizer

        summarizer = Summarizer(model, timeout=settings.ponte_llm_timeout,
                                company=settings.ponte_company)  # fmt: skip
    return Assistant(
        services.engine,
        agent=agent,
        alert_settings=settings.alert_settings(),
        competitors=settings.competitors(),
        summarizer=summarizer,
    )


def _serve_slack(services: Services) -> None:
    """Ponte as a Slack app, in the mode the environment sets up."""
    from bot.slack.app import SlackServices, create_app, web_client
    from bot.slack.server import EVENTS_PATH, HEALTH_PATH, check_token, serve_http, serve_socket

    settings = services.settings
    bot = check_token(web_client(settings), settings)  # one clear line for a bad token
    app = create_app(
        settings, SlackServices(services.engine, build_assistant(services), services.clock)
    )
    single = services.engine.dialect.name == "sqlite"
    from bot.jobs import JobContext, Scheduler

    hands = _answerers(services, app)
    # The scheduled jobs (bot.jobs) run beside the app in whichever process leads.
    scheduler = Scheduler(JobContext(services.engine, settings, services.clock))
    try:
        if hands is not None:  # inside: Ctrl-C while they start still stops them
            hands.start()
        scheduler.start()
        if settings.slack_mode == "socket":
            services.console.print(
                f"Slack Socket Mode (SLACK_APP_TOKEN): connecting to Slack as {bot}."
            )
            _one_process_note(services, single)
            serve_socket(app, settings)
        else:
            services.console.print(
                f"Slack HTTP mode (SLACK_SIGNING_SECRET) as {bot}: listening on port "
                f"{settings.port}, requests at {EVENTS_PATH}, health check at {HEALTH_PATH}.",
                soft_wrap=True,
            )
            _one_process_note(services, single)
            serve_http(app, settings, services.engine)
    finally:
        scheduler.stop()
        if hands is not None:  # stopped already when Ponte drained; not when it failed
            hands.drain(0)


def _answerers(services: Services, app: App) -> Answerers | None:
    """PONTE_ANSWERERS processes to answer for this one, not started yet (None: 0)."""
    from bot.charts.maker import stop_drawing
    from bot.slack.answerers import Answerers
    from bot.slack.app import queue_of

    count = services.settings.ponte_answerers
    queue = queue_of(app)
    if count == 0 or queue is None:
        return None
    hands = Answerers(count, today=services.clock.pinned_today, owner=queue.owner)
    queue.hands = hands
    stop_drawing()  # charts are drawn by the answerers' chart processes, not this one's
    return hands


def _one_process_note(services: Services, sqlite: bool) -> None:
    if sqlite:
        services.console.print(
            "SQLite serves one `ponte run`: to run several (replicas behind a load "
            "balancer), use PostgreSQL (DATABASE_URL=postgresql://…).",
            soft_wrap=True,
        )


def _operator(services: Services, user: str | None) -> str:
    """Who runs a planning command: --as, else PONTE_AS, else the first admin (then ops,
    then manager) in the people list: whoever can see everything."""
    from sqlalchemy import text

    chosen = user or services.settings.ponte_as
    if chosen:
        return chosen
    with services.engine.connect() as conn:
        first = conn.execute(
            text(
                "SELECT slack_user_id FROM person WHERE role IN ('admin', 'ops', 'manager') "
                "ORDER BY CASE role WHEN 'admin' THEN 0 WHEN 'ops' THEN 1 ELSE 2 END, "
                "slack_user_id LIMIT 1"
            )
        ).scalar()
    if first is None:
        raise PonteError(
            "nobody in the people list may plan: import people.csv (an admin) or use --as"
        )
    return str(first)


def _default_user(services: Services, user: str | None) -> str:
    """--as, else PONTE_AS, else the first rep in the people list."""
    from sqlalchemy import text

    chosen = user or services.settings.ponte_as
    if chosen:
        return chosen
    with services.engine.connect() as conn:
        first = conn.execute(
            text("SELECT slack_user_id FROM person ORDER BY role <> 'rep', slack_user_id LIMIT 1")
        ).scalar()
    if first is None:
        raise PonteError("nobody is in the people list yet: import people.csv or run ponte demo")
    return str(first)


def _shell(services: Services, user: str | None) -> None:
    from bot.shell import Shell

    Shell(
        build_assistant(services),
        services.console,
        user=_default_user(services, user),
        today=services.clock.today,
        now=services.clock.now,
        chart_dir=services.settings.ponte_chart_dir,
    ).run()


@cli.command()
@click.option("--as", "user", default=None, help="Slack user id to act as (default: PONTE_AS).")
@today_option
def shell(user: str | None, today: dt.datetime | None) -> None:
    """Chat with Ponte in the terminal, as a person from the people list."""
    _shell(build_services(_date(today)), user)


@cli.command()
@click.argument("question")
@click.option("--as", "user", default=None, help="Slack user id to act as (default: PONTE_AS).")
@click.option("--json", "as_json", is_flag=True, help="Print the outcome as JSON.")
@click.option("--yes", is_flag=True, help="Confirm a write without asking.")
@today_option
def ask(
    question: str, user: str | None, as_json: bool, yes: bool, today: dt.datetime | None
) -> None:
    """Ask one question and print the answer (exit 0 whenever Ponte answered)."""
    from bot.render.cards import card
    from bot.render.console import show
    from bot.render.payload import to_json

    services = build_services(_date(today))
    outcome = build_assistant(services).ask(
        question,
        user=_default_user(services, user),
        today=services.clock.today(),
        now=services.clock.now(),
        confirmed=yes,
    )
    if as_json:
        click.echo(to_json(outcome))
    else:
        show(services.console, card(outcome))


from bot.feedback_cli import feedback  # noqa: E402  (the `ponte feedback` commands)

cli.add_command(feedback)


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
