"""Terminal and JSON rendering of projection, capacity and available-to-promise results."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from rich.console import Console
from rich.table import Table

from planning.atp import AtpResult
from planning.capacity import CapacityWeek, first_shortfall
from planning.projection import InventoryProjection
from planning.quotas import QuotaStatus
from planning.supply import Provenance


def provenance_line(provenance: Provenance) -> str:
    parts = []
    if provenance.stock_as_of is not None:
        parts.append(f"stock as of {provenance.stock_as_of}")
    run = provenance.run
    if run is not None:
        parts.append(
            f"forecast run {run.run_id} of {run.created_at:%Y-%m-%d %H:%M} UTC "
            f"(sales up to the week of {run.data_as_of})"
        )
    else:
        parts.append("no forecast run yet: forecast counted as 0 (run `ponte forecast`)")
    return "Source: " + ", ".join(parts) + "."


def print_projection(
    console: Console, projections: list[InventoryProjection], provenance: Provenance
) -> None:
    for p in projections:
        if p.stockout_date is not None:
            headline = f"runs out on {p.stockout_date} ({p.days_of_cover:.0f} days of cover)"
        elif p.covers_horizon:
            headline = f"covers the whole {len(p.weeks)}-week horizon"
        else:
            headline = f"{p.days_of_cover:.0f} days of cover"
        table = Table(title=f"{p.sku} at {p.location}: {headline}", title_justify="left")
        for name in ("week", "opening", "receipts", "forecast", "orders", "demand", "closing"):
            table.add_column(name, justify="right")
        for w in p.weeks:
            style = "red" if w.projected_on_hand < 0 else ("yellow" if w.below_safety_stock else "")
            table.add_row(
                str(w.week),
                f"{w.opening:,.0f}",
                f"{w.receipts:,.0f}",
                f"{w.forecast:,.0f}",
                f"{w.open_orders:,.0f}",
                f"{w.demand:,.0f}",
                f"{w.projected_on_hand:,.0f}",
                style=style,
            )
        console.print(table)
        notes = [f"on hand {p.on_hand:,.0f}, allocated {p.allocated:,.0f}"]
        notes.append(f"safety stock {p.safety_stock:,.0f}")
        if p.first_below_safety_stock:
            notes.append(f"below safety stock from the week of {p.first_below_safety_stock}")
        console.print("; ".join(notes) + ".", highlight=False)
    console.print(provenance_line(provenance), highlight=False)


def print_capacity(console: Console, weeks: list[CapacityWeek], provenance: Provenance) -> None:
    firsts = first_shortfall(weeks)
    table = Table(title="Capacity vs forecast demand (units/week)", title_justify="left")
    for name in ("plant", "family", "week", "demand", "demand 95%", "capacity", "load", "short"):
        table.add_column(
            name, justify="right" if name not in ("plant", "family") else "left", no_wrap=True
        )
    for w in weeks:
        load = f"{w.utilization:.0%}" if w.utilization is not None else "no capacity"
        table.add_row(
            w.plant,
            w.family,
            str(w.week),
            f"{w.demand:,.0f}",
            f"{w.demand_upper:,.0f}",
            f"{w.capacity_units:,.0f}",
            load,
            f"{w.shortfall_units:,.0f}" if w.shortfall_units else "",
            style="red" if w.shortfall_units else "",
        )
    console.print(table)
    for (plant, family), week in sorted(firsts.items()):
        console.print(
            f"{family} at {plant}: demand exceeds capacity from the week of {week.week} "
            f"(short {week.shortfall_units:,.0f} units, ≈ €{week.shortfall_revenue:,.0f}).",
            highlight=False,
        )
    if not firsts:
        console.print("Every plant and family has enough capacity over the horizon.")
    console.print(provenance_line(provenance), highlight=False)


def print_atp(console: Console, result: AtpResult, provenance: Provenance) -> None:
    verdict = "[green]Yes[/]" if result.feasible else "[red]No[/]"
    console.print(
        f"{verdict}: {result.quantity:,.0f} × {result.sku} from {result.location} "
        f"by {result.requested_date}",
        highlight=False,
    )
    if result.earliest_date is not None:
        console.print(f"Earliest date for the full quantity: {result.earliest_date}")
    else:
        console.print("The full quantity is not available within the planning horizon.")
    for step in result.reasoning:
        console.print(f"  • {step.detail}", highlight=False)
    console.print(provenance_line(provenance), highlight=False)


def print_quotas(console: Console, statuses: list[QuotaStatus]) -> None:
    if not statuses:
        console.print("No quota for that period and owner.")
        return
    first = statuses[0]
    span = f"{first.start} – {first.end}"
    table = Table(
        title=f"Quotas {first.period} ({span}), sales to {first.measured_until}",
        title_justify="left",
    )
    for name in (
        "owner",
        "target",
        "sold",
        "attained",
        "expected",
        "pace",
        "needed",
    ):
        table.add_column(
            name,
            justify="left" if name == "owner" else "right",
            no_wrap=name != "owner",
            min_width=12 if name == "owner" else None,
        )
    for s in statuses:
        target = s.target_units if s.target_units is not None else s.target_revenue
        sold = s.sold_units if s.target_units is not None else s.sold_revenue
        attainment = s.attainment_pct if s.attainment_pct is not None else s.revenue_attainment_pct
        euro = "" if s.target_units is not None else "€"
        table.add_row(
            f"{s.owner_name} ({s.family})" if s.family else s.owner_name,
            f"{euro}{target:,.0f}" if target is not None else "–",
            f"{euro}{sold:,.0f}",
            f"{attainment:.0f}%" if attainment is not None else "–",
            f"{100 * s.elapsed_share:.0f}%",
            f"{s.current_weekly_pace:,.0f}",
            f"{s.required_weekly_pace:,.0f}" if s.required_weekly_pace is not None else "–",
            style="" if s.on_track is None else ("green" if s.on_track else "yellow"),
        )
    console.print(table)
    console.print(
        "Expected = share of the period the imported sales cover; pace = units per week so "
        "far, needed = units per week from here to reach the target.",
        highlight=False,
    )


def to_json(value: Any, provenance: Provenance | None) -> str:
    payload = {"result": _plain(value), "provenance": _plain(provenance) if provenance else None}
    return json.dumps(payload, default=str, indent=2)


def _plain(value: Any) -> Any:
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if value is None:
        return None
    return asdict(value)
