"""What is due to arrive (planned receipts), as the files have it: "quanto arriva di padelle
entro fine anno? e bastano fino a gennaio?" and "cosa arriva a Verona a dicembre?" (trials
23, 24) were answered with the stock on hand, or not understood."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import pytest
from sqlalchemy import Engine

from bot.render.cards import card, card_for
from bot.render.text import plain
from planning.errors import PonteError
from planning.groups import ProductGroup
from planning.incoming import incoming
from tests.conftest import DEMO_TODAY, NOW
from tools.assistant import Assistant


def _due(frames: dict[str, pd.DataFrame], first: dt.date, last: dt.date) -> pd.DataFrame:
    receipts = frames["receipts"].merge(frames["products"][["sku", "family"]], on="sku")
    days = pd.to_datetime(receipts["date"]).dt.date
    return receipts[(days >= first) & (days <= last)]


def test_a_familys_receipts_to_the_end_of_the_year_as_the_file_has_them(
    demo_engine: Engine, demo_frames: dict[str, pd.DataFrame]
) -> None:
    asked = Assistant(demo_engine).ask("quanto arriva di padelle entro fine anno?",
                                       user="U01BIANCHI", today=DEMO_TODAY, now=NOW)  # fmt: skip
    assert (asked.tool, asked.args["family"]) == ("incoming_receipts", "PADELLE")
    due = _due(demo_frames, DEMO_TODAY, dt.date(2026, 12, 31)).query("family == 'PADELLE'")
    found = asked.result
    assert (found.count, found.units) == (len(due), pytest.approx(due["quantity"].sum()))
    assert [r.day for r in found.receipts] == sorted(r.day for r in found.receipts)
    # The members getting nothing meanwhile are said, with their next receipt.
    family = demo_frames["products"].query("family == 'PADELLE'")["sku"]
    idle = sorted(set(family) - set(due["sku"]))
    assert [sku for sku, _ in found.without] == idle and idle
    later = _due(demo_frames, dt.date(2027, 1, 1), dt.date(2099, 1, 1))
    for sku, day in found.without:
        dates = pd.to_datetime(later[later["sku"] == sku]["date"]).dt.date
        assert day == (min(dates) if len(dates) else None)
    said = plain(card(asked)).replace("\n", " ")
    assert f"{found.units:,.0f}".replace(",", ".") + " pezzi in arrivo" in said
    assert "Nessun arrivo nel periodo per " + idle[0] in said


def test_a_places_month_and_a_past_period_and_a_bad_one(
    demo_engine: Engine, demo_frames: dict[str, pd.DataFrame]
) -> None:
    december = incoming(demo_engine, ProductGroup(), today=DEMO_TODAY, location="WH-MIL",
                        period="2026-12")  # fmt: skip
    due = _due(demo_frames, dt.date(2026, 12, 1), dt.date(2026, 12, 31))
    here = due[due["location"] == "WH-MIL"]
    assert december.units == pytest.approx(here["quantity"].sum()) and december.count == len(here)
    assert december.without == ()  # everything: not listed member by member
    gone = incoming(demo_engine, ProductGroup(), today=DEMO_TODAY, period="2026-10")
    assert gone.count == 0  # receipts are plans: what arrived is in the stock file
    ask = Assistant(demo_engine).ask
    none = ask("what arrives at Maniago in december?", user="U01GALLI", today=DEMO_TODAY, now=NOW)
    assert none.result.count == (due["location"] == "PLT-MAN").sum() == 0
    assert "Nothing planned to arrive from 1 Dec 2026 to 31 Dec 2026" in plain(card(none))
    with pytest.raises(PonteError):
        incoming(demo_engine, ProductGroup(), today=DEMO_TODAY, period="2026-13")
    one = ask("when does PAD-28 arrive?", user="U01GALLI", today=DEMO_TODAY, now=NOW)
    rows = demo_frames["receipts"].query("sku == 'PAD-28'")
    soonest = min(pd.to_datetime(rows["date"]).dt.date)
    assert one.result.soonest == soonest and one.result.units == rows["quantity"].sum()


def test_how_fresh_the_data_is_asked_in_chat(
    demo_engine: Engine, demo_frames: dict[str, pd.DataFrame]
) -> None:
    """ "Quando sono aggiornati i dati di stock e vendite?" asked for a product (trial 23):
    it is what `ponte status` says, the stock's day and the latest sales row's."""
    ask = Assistant(demo_engine).ask
    asked = ask("quando sono aggiornati i dati di stock e vendite?", user="U01DEANGELIS",
                today=DEMO_TODAY, now=NOW)  # fmt: skip
    assert asked.tool == "data_status"
    stock_day = max(pd.to_datetime(demo_frames["stock"]["as_of"]).dt.date)
    sales_day = max(pd.to_datetime(demo_frames["sales"]["date"]).dt.date)
    said = plain(card(asked)).replace("\n", " ")
    assert f"giacenze al {stock_day.day} nov 2026" in said
    assert f"ultima riga di vendite del {sales_day.day} nov 2026" in said
    # Days said as a person would: "ieri", not "1 giorni fa"; one warehouse is one.
    ago = (DEMO_TODAY - stock_day).days
    assert f"({ {0: 'oggi', 1: 'ieri'}.get(ago, f'{ago} giorni fa') })" in said
    assert not re.search(r"(?<![\d.])1 (giorni|magazzini|stabilimenti)", said)
    english = ask("how fresh is the data?", user="U01WALKER", today=DEMO_TODAY, now=NOW)
    assert english.tool == "data_status" and english.result == asked.result
    shown = plain(card(english)).replace("\n", " ")
    assert "1 warehouse" in shown and "day(s)" not in shown


def test_a_receipt_past_its_day_and_still_planned_is_late_not_gone(
    demo_engine: Engine, demo_frames: dict[str, pd.DataFrame]
) -> None:
    """Projections count a planned receipt whose day has passed as arriving in the first
    week; the list of what arrives does too, and says they are late."""
    later = dt.date(2026, 12, 5)
    found = incoming(demo_engine, ProductGroup(family="PADELLE"), today=later,
                     period="2026-12")  # fmt: skip
    padelle = _due(demo_frames, dt.date(2000, 1, 1), dt.date(2026, 12, 31)).query(
        "family == 'PADELLE'"
    )
    days = pd.to_datetime(padelle["date"]).dt.date
    late = padelle[days < later]
    assert found.late == len(late) > 0
    assert found.late_units == pytest.approx(late["quantity"].sum())
    assert found.units == pytest.approx(padelle["quantity"].sum())
    assert "were due before today and are still planned" in plain(card_for_incoming(found, "en"))


def card_for_incoming(found: object, lang: str) -> object:

    return card_for(found, lang)


def test_one_products_arrival_says_whether_its_stock_lasts_until_then(
    demo_engine: Engine, demo_frames: dict[str, pd.DataFrame]
) -> None:
    """Trial 30: "quando arrivano le catene 12v? ho ordini a gennaio" got the day alone. The
    rep's question is whether what is there lasts: the stock where the receipt lands (stock
    file's latest row), the open orders due before, and the day it runs out at the
    forecast's pace when that is before the receipt (the projection's)."""
    from planning.supply import inventory_projection

    asked = Assistant(demo_engine).ask("when does PAD-28 arrive?", user="U01ROSSI",
                                       today=DEMO_TODAY, now=NOW)  # fmt: skip
    found = asked.result
    lasts = found.until_then
    assert lasts is not None and (lasts.location, lasts.day) == (
        found.receipts[0].location,
        found.soonest,
    )
    stock = demo_frames["stock"].query("sku == 'PAD-28' and location == @lasts.location")
    newest = stock.sort_values("as_of").iloc[-1]
    assert lasts.available == newest["on_hand"] - newest["allocated"]
    (projection,), _ = inventory_projection(demo_engine, "PAD-28", today=DEMO_TODAY, weeks=26,
                                            location=lasts.location)  # fmt: skip
    assert projection.stockout_date is not None and projection.stockout_date < lasts.day
    assert lasts.runs_out == projection.stockout_date
    orders = demo_frames["open_orders"].query("sku == 'PAD-28' and location == @lasts.location")
    due = pd.to_datetime(orders["due_date"]).dt.date
    monday = lasts.day - dt.timedelta(days=lasts.day.weekday())
    assert lasts.orders_due == pytest.approx(orders.loc[due < monday, "quantity"].sum())
    said = " ".join(plain(card(asked)).split())
    assert f"runs out on {projection.stockout_date.day} Dec 2026, before it arrives" in said
    # A family's arrivals say nothing of one product's stock.
    assert (
        incoming(demo_engine, ProductGroup(family="PADELLE"), today=DEMO_TODAY).until_then is None
    )
