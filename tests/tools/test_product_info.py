"""Product facts from the product master, asked the way people ask, checked against the
imported products and stock files; refused for roles outside sales and operations."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import Engine

from bot.render.cards import card
from bot.render.text import plain
from planning.errors import PonteError
from planning.products import product_facts
from tests.conftest import Ask
from tests.helpers import SMALL_COMPANY, run_import, write_files


def product(demo_dir: Path, sku: str) -> pd.Series:
    products = pd.read_csv(demo_dir / "products.csv", keep_default_na=False, na_values=[""])
    return products.set_index("sku").loc[sku]


@pytest.mark.parametrize(
    ("question", "sku", "fact", "column", "shown"),
    [
        ("what's the lead time on MOK-I06?", "MOK-I06", "lead_time", "lead_time_days", "{} days"),
        ("list price of MOK-I06", "MOK-I06", "price", "unit_price", "€{:.2f}"),
        ("whats the leadtime for pad-g28", "PAD-G28", "lead_time", "lead_time_days", "{} days"),
        ("minimum order for PAD-G28?", "PAD-G28", "min_order", "min_order_qty", "{:.0f} pcs"),
        ("safety stock of the padella 28 cm", "PAD-28", "safety_stock", "safety_stock", "{}"),
    ],
)
def test_the_fact_asked_comes_first_from_the_product_master(
    ask: Ask, demo_dir: Path, question: str, sku: str, fact: str, column: str, shown: str
) -> None:
    outcome = ask(question, user="U01WALKER")  # a rep who works in English
    assert (outcome.kind, outcome.tool) == ("answer", "product_info")
    facts = outcome.result
    assert (facts.sku, facts.asked) == (sku, fact)
    expected = product(demo_dir, sku)[column]
    headline = card(outcome).headline
    assert shown.format(expected) in headline.replace(",", "")


def test_italian_questions_get_italian_answers(ask: Ask, demo_dir: Path) -> None:
    price = ask("prezzo della padella 28", user="U01ROSSI")
    assert (price.result.sku, price.result.asked) == ("PAD-28", "price")
    expected = product(demo_dir, "PAD-28")["unit_price"]
    assert card(price).headline == f"Prezzo di listino: {expected:.2f} € / pz".replace(".", ",")
    safety = ask("scorta di sicurezza del COL-FIL", user="U01ROSSI")
    safety_stock = int(product(demo_dir, "COL-FIL")["safety_stock"])
    assert card(safety).headline == f"Scorta di sicurezza: {safety_stock:,} pz".replace(",", ".")


def test_family_and_locations_come_from_the_files(ask: Ask, demo_dir: Path) -> None:
    outcome = ask("what family is RIC-G06 in", user="U01WALKER")
    products = pd.read_csv(demo_dir / "products.csv")
    family = product(demo_dir, "RIC-G06")["family"]
    size = int((products["family"] == family).sum())
    assert card(outcome).headline == f"Family: {family} ({size} products)"
    stock = pd.read_csv(demo_dir / "stock.csv")
    latest = stock.sort_values("as_of").groupby(["sku", "location"]).last().reset_index()
    held = latest[(latest["sku"] == "RIC-G06") & (latest["on_hand"] > 0)]
    where = ask("where is RIC-G06 stocked?", user="U01WALKER").result
    assert {s.location: s.on_hand for s in where.stocked_at} == dict(
        zip(held["location"], held["on_hand"].astype(float), strict=True)
    )


def test_the_whole_sheet_names_its_source(ask: Ask) -> None:
    text = plain(card(ask("product details of MOK-003", user="U01WALKER")))
    for label in ("List price", "Lead time", "Safety stock", "Minimum order", "Family"):
        assert label in text
    assert "Source: product master, imported" in text and "stock as of" in text


def test_marketing_reads_the_product_master_too(ask: Ask) -> None:
    # Marketing sets promotions on list prices: the product sheet is everyone's.
    outcome = ask("prezzo della padella 28", user="U01RICCI")
    assert (outcome.kind, outcome.tool, outcome.args["product"]) == (
        "answer",
        "product_info",
        "PAD-28",
    )
    assert plain(card(outcome)).startswith("PAD-28")


def test_marketing_is_refused_customer_sales_politely_in_their_language(ask: Ask) -> None:
    outcome = ask("chi compra più moka elettriche?", user="U01RICCI")
    assert (outcome.kind, outcome.code, outcome.result) == (
        "refused",
        "sales_customers_hidden",
        None,
    )
    assert "team commerciale" in plain(card(outcome))


def test_an_unknown_product_is_asked_back(ask: Ask) -> None:
    outcome = ask("lead time of ZZT-404?", user="U01WALKER")
    assert (outcome.kind, outcome.tool, outcome.missing) == ("clarify", "product_info", "product")


def test_facts_missing_from_the_master_say_so(engine: Engine, tmp_path: Path) -> None:
    run_import(engine, write_files(tmp_path, SMALL_COMPANY))  # no min_order_qty column
    facts = product_facts(engine, "mok-003", asked="min_order")
    assert (facts.sku, facts.min_order_qty, facts.unit_price) == ("MOK-003", None, 24.90)
    assert facts.imported_by == "test"
    with pytest.raises(PonteError) as unknown:
        product_facts(engine, "MOK-999")
    assert unknown.value.code == "unknown_product"
