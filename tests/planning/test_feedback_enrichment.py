"""Offline enrichment on two labelled sets written for these tests by people who had not
seen the word lists: 100 items from cookware, bicycle parts, food and tiles, and 80 from
garden tools, stationery, wine and fasteners, half English and half Italian.

The thresholds are what a planner needs from a first reading (most items filed right,
themes that are there found, few invented), not the figures of the day: the second set's
first reading (before any word was added for it) was 69% sentiment, theme precision 85%,
recall 66%; both sets now read 86-89% sentiment, theme precision 87-89%, recall 76-78%
(bench/feedback_bench.py prints them)."""

from __future__ import annotations

import pytest

from planning.feedback.enrich import THEMES, enrich
from planning.feedback.links import Linker
from tests.planning.feedback_heldout import HELDOUT
from tests.planning.feedback_labelled import LABELLED, Labelled

SETS = {"first": LABELLED, "second": HELDOUT}


def scores(items: list[Labelled]) -> dict[str, float]:
    language = sentiment = found = invented = missed = 0
    for item in items:
        read = enrich(item.text)
        language += read.language == item.language
        sentiment += read.sentiment == item.sentiment
        got = set(read.themes)
        found += len(got & item.themes)
        invented += len(got - item.themes)
        missed += len(item.themes - got)
    return {
        "language": language / len(items),
        "sentiment": sentiment / len(items),
        "precision": found / (found + invented),
        "recall": found / (found + missed),
    }


@pytest.mark.parametrize("name", SETS)
def test_labelled_feedback_is_mostly_read_right(name: str) -> None:
    got = scores(SETS[name])
    assert got["language"] >= 0.95, got
    assert got["sentiment"] >= 0.80, got
    assert got["precision"] >= 0.80, got
    assert got["recall"] >= 0.70, got


def test_the_labels_use_the_themes_ponte_knows() -> None:
    for item in LABELLED + HELDOUT:
        assert item.themes <= set(THEMES), item.text


@pytest.mark.parametrize(
    ("said", "sentiment"),
    [
        ("not happy with the coating", "negative"),
        ("non sono contenti della consegna", "negative"),
        ("no complaints, it sells well", "positive"),
        ("nessun problema con la qualità", "positive"),
        ("il cliente chiede consegne più rapide", "neutral"),  # asked for, not praised
        ("good product but the jars keep arriving broken", "negative"),
    ],
)
def test_negation_and_wishes_turn_the_reading(said: str, sentiment: str) -> None:
    assert enrich(said).sentiment == sentiment


def test_competitors_are_named_but_the_companys_own_customers_are_not() -> None:
    read = enrich(
        "Troppo care rispetto a Lagostina, Bottega Etnea passa a Tefal",
        own_names={"Bottega Etnea"},
    )
    assert set(read.competitors) == {"Lagostina", "Tefal"}
    assert "competitor" in read.themes and "price" in read.themes
    listed = enrich("they now buy from acme tools", competitors=["ACME Tools"])
    assert listed.competitors == ("ACME Tools",)


def test_a_word_of_a_product_s_name_is_not_a_theme() -> None:
    """ "crepe pan" is the product, not cracks ("crepe" in Italian); cracks stay damage."""
    linker = Linker(["Bottega Italiana Ltd"], [("PAD-C24", "Non-stick crepe pan 24 cm")])
    asked = "Bottega Italiana asked whether we could make the crepe pan in 28 cm as well"
    assert "damage" not in enrich(asked, is_own=linker.own).themes
    cracked = "le padelle arrivano con crepe sul fondo"
    assert "damage" in enrich(cracked, is_own=linker.own).themes


def test_a_price_written_out_is_the_price_theme_and_a_size_is_not() -> None:
    said = "dice che Ballarini vende la padella da 24 a 21,90 contro i nostri 24,90"
    assert "price" in enrich(said).themes
    assert "price" not in enrich("la pentola da 2.5 l arriva rotta").themes
    assert "price" not in enrich("ordine di 12.000 pezzi per marzo").themes


def test_a_discount_said_as_a_share_is_a_price_mention() -> None:
    """Trial 13: "Bialetti offered them 15% off" read no price theme (and names a
    competitor when the company lists it: a capitalised name offering a deal may as well be
    a colleague)."""
    offered = enrich("Harrods says Bialetti offered them 15% off on the induction moka")
    assert "price" in offered.themes and offered.competitors == ()
    listed = enrich(
        "Harrods says Bialetti offered them 15% off on the induction moka",
        competitors=["Bialetti"],
    )
    assert listed.competitors == ("Bialetti",) and {"price", "competitor"} <= set(listed.themes)
    assert "price" in enrich("Lagostina ha offerto il 10% di sconto sulle pentole").themes
    assert "price" in enrich("ci chiedono uno sconto del 5% sulle moka").themes
    # A share that is not a discount is no price.
    assert "price" not in enrich("il 30% delle padelle arriva graffiato").themes
    assert "price" not in enrich("the lid fits 100% officially").themes


def test_a_product_that_gets_too_hot_is_a_quality_theme() -> None:
    """Trial 34: "the handle of the 28 cm pan gets too hot" was saved with no theme; heat
    is a quality complaint. "A hot seller" is not."""
    for said in ("Casa Bella says the handle of the 28cm pan gets too hot",
                 "il manico della moka si scalda troppo", "la maniglia scotta"):  # fmt: skip
        assert "quality" in enrich(said).themes, said
    assert "quality" not in enrich("the red moka is a hot seller this month").themes
