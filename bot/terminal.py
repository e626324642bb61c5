"""Terminal rendering (rich) of what the admin commands report: import progress, summaries
and problems, forecast runs. Answers and reports are cards (bot.render.cards)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
)
from rich.table import Table

if TYPE_CHECKING:  # the `ponte` start-up pays only for what a command uses
    from planning.alerts.replay import Replay
    from planning.alerts.rules import Scan
    from planning.alerts.store import StoredAlert
    from planning.forecast.runs import RunSummary
    from planning.importer import ImportSummary
    from planning.importer import Progress as ProgressCallback
    from planning.problems import ImportRejected

# Files smaller than this import in a blink; a bar would only flicker.
PROGRESS_MIN_ROWS = 50_000


@contextmanager
def progress_bar(console: Console) -> Iterator[ProgressCallback]:
    """A progress callback drawing one bar per large file (nothing for small ones)."""
    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
    )
    tasks: dict[str, TaskID] = {}

    def update(label: str, done: int, total: int) -> None:
        if total < PROGRESS_MIN_ROWS:
            return
        if not tasks:
            progress.start()  # only now: an idle live display would still print a line
        if label not in tasks:
            tasks[label] = progress.add_task(label, total=total)
        progress.update(tasks[label], completed=done, total=total)

    try:
        yield update
    finally:
        if tasks:
            progress.stop()


def import_summary_table(summary: ImportSummary) -> Table:
    table = Table(title="Import summary", title_justify="left")
    table.add_column("entity")
    for name in ("rows", "inserted", "updated", "unchanged", "removed"):
        table.add_column(name, justify="right")
    for entity, counts in summary.counts.items():
        table.add_row(
            entity,
            f"{counts.rows:,}",
            f"{counts.inserted:,}",
            f"{counts.updated:,}",
            f"{counts.unchanged:,}",
            f"{counts.removed:,}",
        )
    return table


def print_import_summary(console: Console, summary: ImportSummary) -> None:
    console.print(import_summary_table(summary))
    if not summary.changed:
        console.print("Nothing changed: the database already held exactly these rows.")
    if summary.warnings:
        console.print(
            f"[bold yellow]{summary.warnings.total} warning(s)[/]: imported as the contract "
            "says, but check them (--strict rejects an import with warnings).",
            highlight=False,
        )
        for line in summary.warning_lines():
            console.print(line, highlight=False, markup=False, emoji=False, soft_wrap=True)


def print_rejection(console: Console, rejected: ImportRejected) -> None:
    found = "warning(s) found with --strict" if rejected.strict else "problem(s) found"
    console.print(
        f"[bold red]Import rejected[/]: {rejected.problems.total} {found}; nothing was imported.",
        highlight=False,
    )
    for line in rejected.lines():
        console.print(line, highlight=False, markup=False, emoji=False, soft_wrap=True)


def print_run_summary(console: Console, run: RunSummary) -> None:
    console.print(
        f"Forecast run {run.run_id}: {run.series_count} series, {run.horizon} {run.grain}s "
        f"ahead from data as of {run.data_as_of}, engine {run.engine}, "
        f"{run.duration_seconds:.1f} s",
        highlight=False,
    )
    table = Table(title="Demand patterns and models chosen", title_justify="left")
    table.add_column("pattern")
    table.add_column("series", justify="right")
    for pattern, count in run.patterns.items():
        table.add_row(pattern, str(count))
    console.print(table)
    models = Table(show_header=True)
    models.add_column("model (+ = mean of)")
    models.add_column("series", justify="right")
    for model, count in run.models.items():
        models.add_row(model, str(count))
    console.print(models)
    if run.fallbacks:
        console.print(
            f"{run.fallbacks} series had too little history or no demand: flagged fallback.",
            highlight=False,
        )


CHANGES = {"new": "new", "worse": "worse: notified again", "back": "snooze over", "known": ""}


def print_alert_replay(console: Console, replay: Replay) -> None:
    """The replay: a row per rule, then each problem that happened and its warning."""
    table = Table(
        title=f"Alert replay, weeks of {replay.start} to {replay.end} ({replay.weeks} scans, "
        f"{replay.seconds:.0f} s)"
    )
    table.add_column("rule", no_wrap=True)
    table.add_column("happened", justify="right", no_wrap=True)
    table.add_column("warned", justify="right", no_wrap=True)
    for column in ("median weeks ahead", "alerts", "came true", "false alarms (posted)",
                   "false per week", "too recent"):  # fmt: skip
        table.add_column(column, justify="right")
    for f in replay.figures:
        share = f" ({f.warned_share:.0%})" if f.warned_share is not None else ""
        weeks = f"{f.median_weeks:g}" if f.median_weeks is not None else "–"
        if f.checked:
            cells = [str(f.happened), f"{f.warned}{share}", weeks, str(f.raised),
                     str(f.came_true), f"{f.false_alarms} ({f.false_posted})",
                     f"{f.false_per_week:.2f}", str(f.too_recent)]  # fmt: skip
        else:
            cells = ["–", "–", "–", str(f.raised), "–", "–", "–", "–"]
        table.add_row(f.rule, *cells)
    console.print(table)
    console.print(
        "Stockout and capacity alerts are checked against what happened (stock at zero at a "
        "week's end; a week over capacity within four weeks over it); excess, drift and quota "
        "have nothing in the history to check against. Posted: high and medium alerts, a "
        "message each (low ones wait for the digest).",
        highlight=False,
    )
    for h in replay.happened:
        said = (
            f"warned {h.warned_weeks} weeks ahead"
            if h.warned_weeks
            else "warned that week"
            if h.warned_weeks == 0
            else "not warned"
        )
        console.print(f"  {h.rule}: {h.entity} in the week of {h.week}: {said}", highlight=False)
    for rule, count in replay.skipped.items():
        console.print(f"  {rule} could not run in {count} of the weeks", highlight=False)


def print_alert_scan(
    console: Console,
    scan: Scan,
    change: dict[str, str],
    cleared: list[StoredAlert],
    ids: dict[str, int],
    lang: str,
    *,
    dry_run: bool,
) -> None:
    """One alert scan: every finding with what the scan does to it, then the alerts that
    cleared, then the rules that could not run."""
    from bot.render.cards.alerts import describe, skipped_note
    from bot.render.i18n import money
    from planning.alerts.answers import AlertLine

    title = f"Alert scan of {scan.today}" + (" (dry run: nothing stored)" if dry_run else "")
    table = Table(title=title)
    for column in ("severity", "alert", "problem", "at stake", "scan"):
        table.add_column(column, justify="right" if column == "at stake" else "left")
    for finding in scan.findings:
        what = describe(lang, AlertLine(finding, None))
        stake = money(lang, finding.money) if finding.money else "–"
        alert = f"#{ids[finding.fingerprint]}" if finding.fingerprint in ids else "–"
        table.add_row(finding.severity, alert, what, stake,
                      CHANGES.get(change.get(finding.fingerprint, ""), ""))  # fmt: skip
    console.print(table)
    opened = sum(1 for c in change.values() if c == "new")
    worse = sum(1 for c in change.values() if c in ("worse", "back"))
    verb = "would be" if dry_run else "were"
    console.print(
        f"{len(scan.findings)} problems: {opened} new, {worse} to notify again; "
        f"{len(cleared)} alerts cleared and {verb} resolved.",
        highlight=False,
    )
    for gone in cleared:
        console.print(f"  resolved: #{gone.id} {gone.fingerprint}", highlight=False)
    for rule, why in scan.skipped.items():
        console.print(f"  {skipped_note(lang, rule, why)}", highlight=False)


def print_alert_state(
    console: Console, alert: StoredAlert, people: dict[str, str] | None = None
) -> None:
    """An alert's state, people by name (`people`: Slack user id -> name)."""
    named = people or {}
    extra = []
    if alert.acknowledged_by:
        extra.append(f"acknowledged by {named.get(alert.acknowledged_by, alert.acknowledged_by)}")
    if alert.snoozed_until:
        extra.append(f"snoozed until {alert.snoozed_until}")
    if alert.assigned_to:
        extra.append(f"assigned to {named.get(alert.assigned_to, alert.assigned_to)}")
    console.print(
        f"Alert #{alert.id} {alert.fingerprint}: {alert.status}"
        + (f" ({', '.join(extra)})" if extra else ""),
        highlight=False,
        soft_wrap=True,
    )


def print_alert_events(
    console: Console,
    events: list[tuple[Any, str, str, dict[str, Any]]],
    people: dict[str, str] | None = None,
) -> None:
    named = people or {}
    table = Table(title="History")
    for column in ("when (UTC)", "who", "what", "details"):
        table.add_column(column)
    for at, actor, action, details in events:
        shown = ", ".join(
            f"{k} {round(v) if isinstance(v, float) else named.get(str(v), v)}"
            for k, v in details.items()
        )
        table.add_row(str(at)[:16], named.get(actor, actor), action, shown)
    console.print(table)
