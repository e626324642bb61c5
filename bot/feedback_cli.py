"""`ponte feedback`: the feedback store from the command line (import, export, digest); a
few lines each over planning.feedback."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from planning.errors import PonteError

if TYPE_CHECKING:
    from bot.cli import Services


@click.group()
def feedback() -> None:
    """Customer feedback: import, export, weekly digests."""


@feedback.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def import_command(path: Path) -> None:
    """Import a feedback file (date, author, customer, products, text): all rows or none."""
    from bot.cli import build_services

    import_file(build_services(None), path)


def import_file(services: Services, path: Path) -> None:
    from planning.feedback.files import import_feedback
    from planning.feedback.store import load_reading

    reading = load_reading(services.engine, services.settings.competitors())
    done = import_feedback(
        services.engine, path, now=services.clock.now(), actor=services.actor, reading=reading
    )
    services.console.print(
        f"Imported {done.stored} feedback item(s) from {path.name}"
        + (f" ({done.rows - done.stored} imported before)" if done.rows > done.stored else ""),
        highlight=False,
    )


@feedback.command("export")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    default=None,
    help="Write to this CSV file (default: standard output).",
)
def export_command(out: Path | None) -> None:
    """Every feedback item as CSV, oldest first (what `ponte feedback import` reads)."""
    from bot.cli import build_services
    from planning.feedback.files import export_feedback

    services = build_services(None)
    if out is None:
        export_feedback(services.engine, sys.stdout)
        return
    try:
        with out.open("w", encoding="utf-8", newline="") as handle:
            written = export_feedback(services.engine, handle)
    except OSError as exc:
        raise PonteError(f"cannot write {out}: {exc.strerror}") from exc
    click.echo(f"Wrote {written} feedback item(s) to {out}", err=True)


@feedback.command("digest")
@click.option(
    "--audience", type=click.Choice(["operations", "marketing"]), default="operations",
    show_default=True, help="By product and plant (operations) or by theme (marketing).",
)  # fmt: skip
@click.option("--lang", type=click.Choice(["en", "it"]), default="en", show_default=True)
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="The digest of the seven days before this date (default: today).")  # fmt: skip
def digest_command(audience: str, lang: str, today: dt.datetime | None) -> None:
    """Print the weekly digest (the feedback_digest job posts it to the configured channel)."""
    from bot.cli import build_services
    from bot.render.cards import card_for
    from bot.render.console import show
    from planning.feedback.digest import weekly_digest

    services = build_services(today.date() if today else None)
    digest = weekly_digest(services.engine, audience, today=services.clock.today())  # type: ignore[arg-type]
    show(services.console, card_for(digest, lang))
