"""Sales history over the demo company: totals, comparisons, splits, last purchase, scope."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import Engine

from planning.access import identify
from planning.errors import PermissionDenied, PonteError
from planning.sales import SalesFilter, sales_history, sales_scope
from tests.conftest import DEMO_TODAY, NOW
from tests.helpers import run_import, write_files


def _sold(frames: dict[str, pd.DataFrame], start: str, end: str, **where: str) -> float:
    """Units shipped in [start, end]: the demo's rows are weeks from their Monday, and a
    week straddling either end counts for its days inside (as quotas count it)."""
    first, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    rows = frames["sales"]
    for column, value in where.items():
        rows = rows[rows[column].isin(value) if isinstance(value, list) else rows[column] == value]
    total = 0.0
    for monday, quantity in zip(rows["date"].dt.date, rows["quantity"], strict=True):
        days = (min(monday + dt.timedelta(days=6), last) - max(monday, first)).days + 1
        total += quantity * max(0, days) / 7
    return total


def _scope(engine: Engine, user: str):  # type: ignore[no-untyped-def]
    return sales_scope(engine, identify(engine, user))


def test_a_month_is_the_sum_of_its_shipments(
    demo_engine: Engine, demo_frames: dict[str, pd.DataFrame]
) -> None:
    h = sales_history(
        demo_engine,
        _scope(demo_engine, "U01DEANGELIS"),
        SalesFilter(product="PAD-28"),
        period="2026-10",
        today=DEMO_TODAY,
    )
    expected = _sold(demo_frames, "2026-10-01", "2026-10-31", sku="PAD-28")
    assert h.current.units == pytest.approx(expected) and expected > 0
    assert h.territories is None  # an admin sees every territory


def test_a_rep_sees_their_territory_and_is_told_so(
    demo_engine: Engine, demo_frames: dict[str, pd.DataFrame]
) -> None:
    h = sales_history(
        demo_engine,
        _scope(demo_engine, "U01ROSSI"),
        SalesFilter(family="MOKA"),
        period="2026-Q3",
        today=DEMO_TODAY,
    )
    moka = list(demo_frames["products"].query("family == 'MOKA'")["sku"])
    expected = _sold(demo_frames, "2026-07-01", "2026-09-30", sku=moka, territory="NO")
    assert h.current.units == pytest.approx(expected)
    assert h.territories == ("NO",)


@pytest.mark.parametrize(("period", "compare"), [("2026", "last_year"), ("2026-11", "previous")])
def test_an_unfinished_period_is_compared_day_for_day(
    demo_engine: Engine, demo_frames: dict[str, pd.DataFrame], period: str, compare: str
) -> None:
    # Sales are weekly rows dated on Mondays, counted for their days inside each span: 1-22
    # November against 1-22 October, never three weeks against two.
    h = sales_history(
        demo_engine,
        _scope(demo_engine, "U01HARRIS"),
        SalesFilter(territory="EX"),
        period=period,
        today=DEMO_TODAY,
        compare=compare,  # type: ignore[arg-type]
    )
    assert h.previous is not None and h.current.end <= DEMO_TODAY
    span = h.current.end - h.current.start
    assert h.previous.end - h.previous.start == span
    assert h.previous.units == pytest.approx(
        _sold(demo_frames, str(h.previous.start), str(h.previous.end), territory="EX")
    )
    assert h.previous.start == (dt.date(2025, 1, 1) if period == "2026" else dt.date(2026, 10, 1))
    assert h.change_pct == pytest.approx(
        100 * (h.current.units - h.previous.units) / h.previous.units
    )


def test_a_finished_month_is_compared_with_the_whole_month_before(demo_engine: Engine) -> None:
    h = sales_history(
        demo_engine,
        _scope(demo_engine, "U01HARRIS"),
        SalesFilter(territory="EX"),
        period="2026-10",
        today=DEMO_TODAY,
        compare="previous",
    )
    assert h.previous is not None
    assert (h.previous.start, h.previous.end) == (dt.date(2026, 9, 1), dt.date(2026, 9, 30))


def test_the_top_customers_come_largest_first_with_their_share(demo_engine: Engine) -> None:
    h = sales_history(
        demo_engine,
        _scope(demo_engine, "U01HARRIS"),
        SalesFilter(territory="CE"),
        period="2026",
        today=DEMO_TODAY,
        group_by="customer",
        top=3,
    )
    assert len(h.rows) == 3
    assert [r.units for r in h.rows] == sorted((r.units for r in h.rows), reverse=True)
    assert sum(r.share for r in h.rows) <= 1.0
    assert h.rows[0].share == pytest.approx(h.rows[0].units / h.current.units)


def test_a_quiet_customer_shows_when_it_last_bought(
    demo_engine: Engine, demo_frames: dict[str, pd.DataFrame]
) -> None:
    h = sales_history(
        demo_engine,
        _scope(demo_engine, "U01HARRIS"),
        SalesFilter(customer="Emporio Sardo"),
        period="2026",
        today=DEMO_TODAY,
        last_purchase=True,
    )
    sales = demo_frames["sales"]
    last = sales[sales["customer"] == "Emporio Sardo"]["date"].max().date()
    assert h.last_purchase == last
    assert h.days_since_last_purchase == (DEMO_TODAY - last).days


@pytest.mark.parametrize(
    ("user", "what", "group_by", "code"),
    [
        ("U01ROSSI", SalesFilter(customer="Casalinghi Vesuvio"), None, "sales_not_yours"),
        ("U01ZANETTI", SalesFilter(person="U01MARCHI"), None, "sales_not_yours"),
        ("U01BIANCHI", SalesFilter(territory="SU"), None, "sales_not_yours"),
        ("U01COLOMBO", SalesFilter(customer="Casalinghi Colombo"), None, "sales_customers_hidden"),
        ("U01RICCI", SalesFilter(family="MOKA"), "customer", "sales_customers_hidden"),
    ],
)
def test_what_a_role_may_not_see_is_refused(
    demo_engine: Engine, user: str, what: SalesFilter, group_by: str | None, code: str
) -> None:
    with pytest.raises(PermissionDenied) as refused:
        sales_history(
            demo_engine,
            _scope(demo_engine, user),
            what,
            period="2026",
            today=DEMO_TODAY,
            group_by=group_by,  # type: ignore[arg-type]
        )
    assert refused.value.code == code


def test_ops_and_marketing_see_product_totals_of_every_territory(demo_engine: Engine) -> None:
    h = sales_history(
        demo_engine,
        _scope(demo_engine, "U01RICCI"),
        SalesFilter(family="COLTELLI"),
        period="2026-Q3",
        today=DEMO_TODAY,
        group_by="territory",
    )
    assert {r.key for r in h.rows} >= {"NO", "EX"} and h.territories is None


def test_a_period_that_has_not_started_is_a_forecast_question(demo_engine: Engine) -> None:
    with pytest.raises(PonteError) as error:
        sales_history(
            demo_engine,
            _scope(demo_engine, "U01DEANGELIS"),
            SalesFilter(),
            period="2027-Q1",
            today=DEMO_TODAY,
        )
    assert error.value.code == "period_in_future"


def test_sales_to_date_agree_with_the_quota_of_the_same_rep(
    demo_engine: Engine,
) -> None:
    from planning.quotas import quota_status

    (quota,) = quota_status(demo_engine, today=DEMO_TODAY, rep="U01ROSSI", period="2026-Q4")
    h = sales_history(
        demo_engine,
        _scope(demo_engine, "U01ROSSI"),
        SalesFilter(person="U01ROSSI"),
        period="2026-Q4",
        today=DEMO_TODAY,
    )
    assert h.current.units == pytest.approx(quota.sold_units)
    assert h.current.end == quota.measured_until


def test_a_split_by_family_adds_up_to_the_total(demo_engine: Engine) -> None:
    h = sales_history(
        demo_engine,
        _scope(demo_engine, "U01DEANGELIS"),
        SalesFilter(),
        period="2026-Q3",
        today=DEMO_TODAY,
        group_by="family",
    )
    families = {r.key for r in h.rows}
    assert "PADELLE" in families and "MOKA" in families
    assert sum(r.units for r in h.rows) == pytest.approx(h.current.units)


def test_a_split_compared_with_last_year_gives_each_row_its_own_last_year(
    demo_engine: Engine, demo_frames: dict[str, pd.DataFrame]
) -> None:
    """ "Sales by family this year vs last year" (trial 18) gave last year's total only; each
    family now has its own figure for the same days of 2025, counted from the shipments."""
    h = sales_history(
        demo_engine,
        _scope(demo_engine, "U01DEANGELIS"),
        SalesFilter(),
        period="2026",
        today=DEMO_TODAY,
        compare="last_year",
        group_by="family",
    )
    assert h.previous is not None
    products = demo_frames["products"]
    for row in h.rows:
        skus = products.loc[products["family"] == row.key, "sku"].tolist()
        sold = _sold(demo_frames, str(h.previous.start), str(h.previous.end), sku=skus)
        assert row.previous_units == pytest.approx(sold, abs=0.5)
    assert sum(r.previous_units or 0 for r in h.rows) == pytest.approx(h.previous.units)
    from bot.render.cards import card_for
    from bot.render.text import plain

    text = plain(card_for(h, "en"))
    first = h.rows[0]
    assert "Units last year" in text and f"{first.previous_units:,.0f}" in text


def test_a_manager_named_is_their_teams_sales(
    demo_engine: Engine, demo_frames: dict[str, pd.DataFrame]
) -> None:
    people = demo_frames["people"]
    team = list(people.loc[people["manager_slack_user_id"] == "U01BIANCHI", "slack_user_id"])
    h = sales_history(
        demo_engine,
        _scope(demo_engine, "U01DEANGELIS"),
        SalesFilter(person="U01BIANCHI"),
        period="2026-Q3",
        today=DEMO_TODAY,
    )
    assert len(team) == 3
    assert h.current.units == pytest.approx(
        _sold(demo_frames, "2026-07-01", "2026-09-30", rep=team)
    )


def test_a_quiet_customer_is_counted_to_where_the_data_ends(demo_engine: Engine) -> None:
    """Its last purchase is weeks ago: the period still runs to the data's end, and says so."""
    h = sales_history(
        demo_engine,
        _scope(demo_engine, "U01DEANGELIS"),
        SalesFilter(customer="Grandi Magazzini Partenope"),
        period="2026-09-28..2026-11-27",
        today=DEMO_TODAY,
        last_purchase=True,
    )
    assert h.current.end == h.data_through == dt.date(2026, 11, 22)
    assert h.last_purchase is not None and h.last_purchase < dt.date(2026, 10, 1)


def test_a_split_by_revenue_is_ordered_and_shared_by_revenue(demo_engine: Engine) -> None:
    h = sales_history(
        demo_engine,
        _scope(demo_engine, "U01DEANGELIS"),
        SalesFilter(),
        period="2026",
        today=DEMO_TODAY,
        group_by="product",
        top=5,
        rank_by="revenue",
    )
    revenues = [r.revenue for r in h.rows]
    assert revenues == sorted(revenues, reverse=True)
    assert h.rows[0].share == pytest.approx(h.rows[0].revenue / h.current.revenue)


def test_month_by_month_adds_up_to_the_period(
    demo_engine: Engine, demo_frames: dict[str, pd.DataFrame]
) -> None:
    h = sales_history(
        demo_engine,
        _scope(demo_engine, "U01DEANGELIS"),
        SalesFilter(product="PAD-G28"),
        period="2026-Q3",
        today=DEMO_TODAY,
        group_by="month",
    )
    assert [r.key for r in h.rows] == ["2026-07", "2026-08", "2026-09"]
    assert sum(r.units for r in h.rows) == pytest.approx(h.current.units)
    august = _sold(demo_frames, "2026-08-01", "2026-08-31", sku="PAD-G28")
    assert h.rows[1].units == pytest.approx(august)


def test_a_corrected_and_a_later_sales_file_change_the_customers_figures(
    loaded: Engine, tmp_path: Path
) -> None:
    """Questions that name no product read sales summed per customer and day: a file that
    corrects a line, adds a customer and adds a week changes those sums as it changes the
    lines (the small company sold Casalinghi Colombo 300 and 310 moka in November)."""
    write_files(
        tmp_path / "update",
        {
            "sales.csv": """
                date,sku,quantity,location,territory,customer,rep,revenue
                2026-11-16,MOK-003,250,WH-MIL,NO,Casalinghi Colombo,U01ROSSI,6000
                2026-11-16,PAD-28,40,WH-MIL,NO,Ferramenta Nord,U01ROSSI,1196
                2026-11-23,MOK-003,100,WH-MIL,NO,Casalinghi Colombo,U01ROSSI,
            """
        },
    )
    run_import(loaded, tmp_path / "update" / "sales.csv")
    scope = _scope(loaded, "U01BIANCHI")
    today = dt.date(2026, 11, 30)
    by_customer = sales_history(
        loaded, scope, SalesFilter(), period="2026-11", today=today, group_by="customer"
    )
    assert [(r.name, r.units, r.revenue) for r in by_customer.rows] == [
        ("Casalinghi Colombo", 650, 13000),
        ("Ferramenta Nord", 40, 1196),
    ]
    assert by_customer.current.units == 690  # the unassigned padelle are no team's
    new_customer = sales_history(
        loaded, scope, SalesFilter(customer="Ferramenta Nord"), period="2026-11", today=today
    )
    assert (new_customer.current.units, new_customer.last_purchase) == (40, None)
    weekly = sales_history(
        loaded, scope, SalesFilter(person="U01ROSSI"), period="2026-11", today=today,
        compare="previous",
    )  # fmt: skip
    assert (weekly.current.units, weekly.data_through) == (690, dt.date(2026, 11, 29))


def test_the_order_book_is_the_open_orders_at_list_price_within_scope(
    demo_engine: Engine,
) -> None:
    """ "Quanto vale il backlog dei miei clienti?" (trial 18) was not understood: the open
    orders, valued at list price, late and due soon, for the caller's territories."""
    from planning.sales import order_book

    today = dt.date(2026, 12, 10)  # some of the demo's orders are due before it: late
    with demo_engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT o.customer, o.quantity, o.due_date, p.unit_price, o.territory "
            "FROM open_order o JOIN product p ON p.sku = o.sku"
        ).all()
    everything = order_book(demo_engine, _scope(demo_engine, "U01DEANGELIS"), SalesFilter(),
                            today=today)  # fmt: skip
    assert everything.lines == len(rows) > 0
    assert everything.units == pytest.approx(sum(r[1] for r in rows))
    assert everything.value == pytest.approx(sum(r[1] * r[3] for r in rows))
    late = [r for r in rows if dt.date.fromisoformat(str(r[2])[:10]) < today]
    assert everything.overdue_lines == len(late) > 0
    assert everything.overdue_units == pytest.approx(sum(r[1] for r in late))
    assert everything.by == "customer" and everything.groups[0].value == max(
        g.value or 0 for g in everything.groups
    )
    # A rep: their territory's orders only, and said so.
    rossi = order_book(demo_engine, _scope(demo_engine, "U01ROSSI"), SalesFilter(), today=today)
    theirs = [r for r in rows if r[4] == "NO"]
    assert rossi.lines == len(theirs) and rossi.territories == ("NO",)
    with pytest.raises(PermissionDenied):
        order_book(demo_engine, _scope(demo_engine, "U01ROSSI"), SalesFilter(territory="SU"),
                   today=today)  # fmt: skip
    # Operations see the orders by product, without customers.
    ops = order_book(demo_engine, _scope(demo_engine, "U01COLOMBO"), SalesFilter(), today=today)
    assert ops.by == "product" and ops.customers is None and ops.lines == len(rows)


def test_an_order_book_splits_by_family_rep_or_territory_and_keeps_to_a_due_period(
    demo_engine: Engine,
) -> None:
    """ "Backlog by family" came back by product and "orders shipping in December" as every
    open order (trial 18): a split is what was asked for, and a due period keeps only the
    orders due in it (a bad period is refused, not read as every order)."""
    from planning.sales import order_book

    today = dt.date(2026, 11, 27)
    with demo_engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT p.family, o.rep, o.quantity, o.due_date, p.unit_price "
            "FROM open_order o JOIN product p ON p.sku = o.sku"
        ).all()
    everyone = _scope(demo_engine, "U01DEANGELIS")
    by_family = order_book(demo_engine, everyone, SalesFilter(), today=today, by="family")
    families = {r[0] for r in rows}
    assert by_family.by == "family" and {g.key for g in by_family.groups} == families
    for g in by_family.groups:
        assert g.units == pytest.approx(sum(r[2] for r in rows if r[0] == g.key))
    assert sum(g.units for g in by_family.groups) == pytest.approx(by_family.units)
    by_rep = order_book(demo_engine, everyone, SalesFilter(), today=today, by="person")
    with demo_engine.connect() as conn:
        names = dict(conn.exec_driver_sql("SELECT slack_user_id, name FROM person").all())
    assert {g.name for g in by_rep.groups} <= set(names.values())  # names, not Slack ids
    december = [r for r in rows if str(r[3])[:7] == "2026-12"]
    due = order_book(demo_engine, everyone, SalesFilter(), today=today, due="2026-12")
    assert 0 < due.lines == len(december) < len(rows)
    assert due.units == pytest.approx(sum(r[2] for r in december)) and due.due == "2026-12"
    with pytest.raises(PonteError):
        order_book(demo_engine, everyone, SalesFilter(), today=today, due="2026-13")
    # Operations see no reps' or customers' books.
    with pytest.raises(PermissionDenied):
        order_book(demo_engine, _scope(demo_engine, "U01COLOMBO"), SalesFilter(), today=today,
                   by="person")  # fmt: skip
    # "Ordini in ritardo?": only those past their due date (none on 27 Nov; some by 10 Dec).
    assert order_book(demo_engine, everyone, SalesFilter(), today=today, late=True).lines == 0
    later = dt.date(2026, 12, 10)
    late = order_book(demo_engine, everyone, SalesFilter(), today=later, late=True)
    past = [r for r in rows if dt.date.fromisoformat(str(r[3])[:10]) < later]
    assert 0 < late.lines == len(past) == late.overdue_lines and late.late


def test_orders_and_sales_split_by_the_location_they_ship_from(
    demo_engine: Engine, demo_frames: dict[str, pd.DataFrame]
) -> None:
    """ "Open orders by location" had no split by place (trial 22), and "vendite moka per
    stabilimento" was the plants' capacity: orders and sales split by the location they
    ship from, by the place's name, adding up to the whole, as the files have them."""
    from planning.sales import order_book
    from tools.assistant import Assistant

    everyone = _scope(demo_engine, "U01COLOMBO")  # operations see every place's
    book = order_book(demo_engine, everyone, SalesFilter(), today=DEMO_TODAY, by="location")
    orders = demo_frames["open_orders"]
    per_place = orders.groupby("location")["quantity"].sum()
    assert {g.key: g.units for g in book.groups} == pytest.approx(per_place.to_dict())
    names = dict(zip(demo_frames["locations"]["code"], demo_frames["locations"]["name"],
                     strict=True))  # fmt: skip
    assert {g.name for g in book.groups} == {names[k] for k in per_place.index}
    sold = sales_history(demo_engine, everyone, SalesFilter(family="MOKA"), period="2026-Q3",
                         today=DEMO_TODAY, group_by="location")  # fmt: skip
    moka = demo_frames["products"].query("family == 'MOKA'")["sku"].tolist()
    for row in sold.rows:
        expected = _sold(demo_frames, "2026-07-01", "2026-09-30", location=row.key, sku=moka)
        assert row.units == pytest.approx(expected, rel=1e-6), row.key
    assert sum(r.units for r in sold.rows) == pytest.approx(sold.current.units)
    ask = Assistant(demo_engine).ask
    asked = ask("vendite moka per stabilimento nel Q3", user="U01COLOMBO", today=DEMO_TODAY,
                now=NOW)  # fmt: skip
    assert (asked.tool, asked.args.get("group_by")) == ("sales_history", "location")
    assert asked.result.rows == sold.rows
    backlog = ask("open orders by warehouse", user="U01COLOMBO", today=DEMO_TODAY, now=NOW)
    assert (backlog.tool, backlog.result.groups) == ("open_orders", book.groups)


def test_sales_split_by_promotion_as_the_files_promo_column_has_them(
    demo_engine: Engine, demo_frames: dict[str, pd.DataFrame]
) -> None:
    """ "Quanto vendono le moka quando sono in promo rispetto a quando non lo sono,
    quest'anno?" gave the year's total alone (trial 23): the split by the sales file's promo
    column, each part as the file has it, adding up to the total."""
    from bot.render.cards import card
    from bot.render.text import plain
    from tools.assistant import Assistant

    asked = Assistant(demo_engine).ask(
        "quanto vendono le moka quando sono in promo rispetto a quando non lo sono, quest'anno?",
        user="U01RICCI", today=DEMO_TODAY, now=NOW,
    )  # fmt: skip
    assert (asked.tool, asked.args.get("group_by")) == ("sales_history", "promo")
    moka = list(demo_frames["products"].query("family == 'MOKA'")["sku"])
    sales = demo_frames["sales"]
    parts = {row.key: row.units for row in asked.result.rows}
    for key, flag in (("promo", True), ("regular", False)):
        rows = sales[sales["promo"].astype(bool) == flag]
        expected = _sold({"sales": rows}, "2026-01-01", str(DEMO_TODAY), sku=moka)
        assert parts[key] == pytest.approx(expected, rel=1e-6), key
    assert sum(parts.values()) == pytest.approx(asked.result.current.units)
    assert "in promozione" in plain(card(asked))
