"""A third, made-up company from the food industry (tests/fixtures/foodco: Pastificio
Valtorre, pasta and sauces, whose files give no English names or aliases) and the questions its
people would type: a new user's trial of thirty, then everyday phrasings with two-word families
("pasta fresca", "dry pasta", "PASTA_SECCA"), weights in the names ("penne 500g", "fusilli
3 kg") and English words for the Italian names ("tomato sauce", "egg tagliatelle"). Nothing in
Ponte may be tuned to this company: what it understands here comes from the company's files
and the general lexicon alone.

Misses are strict expected failures with the reason (the list only shrinks).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from sqlalchemy import Engine

from bot.render.cards import card
from bot.render.text import plain
from planning.db import make_engine, upgrade
from tests.conftest import DEMO_TODAY, load_company
from tests.fixtures.foodco.questions import QUESTIONS, Q
from tests.tools.role_questions import judge
from tools.assistant import Assistant, Conversation, Outcome

FILES = Path(__file__).parents[1] / "fixtures" / "foodco"
NOW = dt.datetime(2026, 11, 27, 10, 0, tzinfo=dt.UTC)
NOT_YET: dict[str, str] = {}


@pytest.fixture(scope="module")
def food(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('food') / 'ponte.db'}")
    upgrade(engine)
    yield load_company(engine, FILES)
    engine.dispose()


def _ask(engine: Engine, text: str, user: str) -> Outcome:
    return Assistant(engine).ask(text, user=user, today=DEMO_TODAY, now=NOW)


def _case(q: Q) -> object:
    marks = [pytest.mark.xfail(reason=NOT_YET[q.text], strict=True)] if q.text in NOT_YET else []
    return pytest.param(q, id=f"{q.asker}:{q.text[:50]}", marks=marks)


def test_the_list_of_misses_names_real_questions() -> None:
    texts = [q.text for q in QUESTIONS]
    assert len(set(texts)) == len(texts), "a question is in the set twice"
    assert set(NOT_YET) <= set(texts), set(NOT_YET) - set(texts)


def _asked_back(question: Q, outcome: Outcome) -> str | None:
    """For a question asked back: the candidates offered, and what was read before asking
    (the quantity, date, move or target is not lost, nor a weight taken for it)."""
    if not question.expect.startswith("clarify:"):
        return None
    args: dict[str, Any] = dict(question.args)
    candidates = set(args.pop("candidates", ()))
    if not candidates <= set(outcome.choices):
        return f"expected {sorted(candidates)} among the choices, got {outcome.choices}"
    for key, value in args.items():
        if outcome.args.get(key) != value:
            return f"{key}: expected {value!r} read before asking, got {outcome.args.get(key)!r}"
    return None


@pytest.mark.parametrize("question", [_case(q) for q in QUESTIONS])
def test_a_food_company_is_understood(food: Engine, question: Q) -> None:
    outcome = _ask(food, question.text, question.asker)
    problem = judge(question, outcome) or _asked_back(question, outcome)
    assert problem is None, problem


# -- a few figures, from the company's files -------------------------------------------------


def _read(name: str) -> pd.DataFrame:
    return pd.read_csv(FILES / f"{name}.csv")


def _sold(sales: pd.DataFrame, start: dt.date, end: dt.date) -> float:
    """Units of weekly rows (dated Mondays) in [start, end] up to today, each counting its
    days inside."""
    total = 0.0
    for day, quantity in zip(pd.to_datetime(sales["date"]).dt.date, sales["quantity"], strict=True):
        first, last = max(day, start), min(day + dt.timedelta(days=6), end, DEMO_TODAY)
        if last >= first:
            total += quantity * ((last - first).days + 1) / 7
    return total


def test_a_two_word_familys_sales_are_compared_with_last_year(food: Engine) -> None:
    """ "Fresh pasta" is PASTA FRESCA: its October against the October before, not every
    product's (the trial's answer)."""
    sales = _read("sales")
    family = dict(zip(_read("products")["sku"], _read("products")["family"], strict=True))
    fresh = sales[sales["sku"].map(family) == "PASTA FRESCA"]
    outcome = _ask(food, "fresh pasta sales october 2026 vs october 2025", "U03DEANGELIS")
    assert (outcome.kind, outcome.tool) == ("answer", "sales_history")
    now = _sold(fresh, dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    before = _sold(fresh, dt.date(2025, 10, 1), dt.date(2025, 10, 31))
    assert now < _sold(sales, dt.date(2026, 10, 1), dt.date(2026, 10, 31)) / 2
    assert outcome.result.current.units == pytest.approx(now, rel=1e-6)
    assert outcome.result.previous.units == pytest.approx(before, rel=1e-6)


def test_several_products_together_are_named_and_their_promotion_reviewed(food: Engine) -> None:
    """ "sauce sales this year" is the four tomato sauces together, and its title said "all
    products"; the pesto's last promotion is its flagged week against the four before
    (figures from sales.csv: its promo column, weekly rows)."""
    sauces = _ask(food, "sauce sales this year", "U03HUGHES")
    assert card(sauces).title.startswith(f"Sales · {', '.join(sauces.args['products'])} · ")
    sales = _read("sales")
    pesto = sales[sales["sku"] == "SU-PES-190"].copy()
    pesto["on"] = pesto["promo"].astype(str).str.lower() == "true"
    weeks = sorted(pd.to_datetime(pesto[pesto["on"]]["date"]).dt.date)
    outcome = _ask(food, "com'è andata l'ultima promo del pesto genovese?", "U03DEANGELIS")
    r = outcome.result
    assert (outcome.tool, r.start, r.weeks) == ("promo_review", weeks[-1], 1)
    days = pd.to_datetime(pesto["date"]).dt.date
    before = [weeks[-1] - dt.timedelta(weeks=k) for k in range(1, 5)]
    assert r.before == pytest.approx(pesto[days.isin(before)]["quantity"].sum() / 4)
    assert r.during == pytest.approx(pesto[days == weeks[-1]]["quantity"].sum())
    assert r.discount is not None and r.discount > 0  # sold cheaper on promotion


def test_a_reps_quota_counts_what_they_sold(food: Engine) -> None:
    """Giuseppe Esposito, ahead of his 2026-Q4 quota: the target from quotas.csv, what he sold
    from sales.csv."""
    rep = "U03ESPOSITO"
    quotas = _read("quotas")
    target = quotas[(quotas["rep"] == rep) & (quotas["period"] == "2026-Q4")]["target_units"]
    sales = _read("sales")
    sold = _sold(sales[sales["rep"] == rep], dt.date(2026, 10, 1), dt.date(2026, 12, 31))
    outcome = _ask(food, "come sto andando con la quota?", rep)
    (status,) = outcome.result.statuses
    assert (status.owner, status.period) == (rep, "2026-Q4")
    assert status.target_units == float(target.iloc[-1])
    assert status.sold_units == pytest.approx(sold, rel=1e-6)
    assert status.on_track is True


def test_a_weight_in_the_name_is_the_pack(food: Engine) -> None:
    """ "Fusilli 3kg" is the 3 kg catering pack, everywhere it is kept; 3 is no quantity."""
    stock = _read("stock")
    fusilli = stock[stock["sku"] == "PS-FUS-3K"]
    outcome = _ask(food, "stock of fusilli 3kg?", "U03CLARKE")
    assert outcome.args == {"product": "PS-FUS-3K"}
    assert outcome.result.on_hand == fusilli["on_hand"].sum()
    assert outcome.result.available == (fusilli["on_hand"] - fusilli["allocated"]).sum()


def test_a_territory_a_team_sells_in_opens_its_quota_not_others_sales(food: Engine) -> None:
    """Emma Hughes sees the USA's quota, where Olivia Clarke of her team alone sells (the
    people file gives Clarke the UK); the sales side's scope stays the team's homes and its
    own sales, so no other team's customers in such a territory would show."""
    from planning.access import identify, quota_scope
    from planning.sales import sales_scope

    hughes = identify(food, "U03HUGHES")
    assert "USA" in (quota_scope(food, hughes).territories or ())
    sales = sales_scope(food, hughes)
    assert "USA" not in (sales.territories or ()) and "U03CLARKE" in (sales.reps or ())
    ricci = identify(food, "U03RICCI")
    assert "USA" not in (quota_scope(food, ricci).territories or ())


def test_a_rep_sees_her_own_sales_to_a_customer_outside_her_territory(food: Engine) -> None:
    """Trial 29: Olivia Clarke (home UK) sells to Tavola Foods LLC in the USA, and was told
    she may not see its sales: a rep sees her own sales wherever she sold (a customer or a
    territory she sold to), and only hers; a rep of another team is still refused."""
    sales = _read("sales")
    year = (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    tavola = sales[sales["customer"] == "Tavola Foods LLC"]
    assert set(tavola["rep"]) == {"U03CLARKE"}  # hers alone
    for question in ("hw much did Tavola Foods buy this yr?",
                     "how much did I sell to Tavola Foods this year?"):  # fmt: skip
        outcome = _ask(food, question, "U03CLARKE")
        assert outcome.kind == "answer", question
        assert outcome.result.current.units == pytest.approx(_sold(tavola, *year), rel=1e-9)
    usa = _ask(food, "my sales in USA this year", "U03CLARKE")
    hers = sales[(sales["territory"] == "USA") & (sales["rep"] == "U03CLARKE")]
    assert usa.result.current.units == pytest.approx(_sold(hers, *year), rel=1e-9)
    other = _ask(food, "how much did Tavola Foods buy this year?", "U03MARINO")
    assert (other.kind, other.code) == ("refused", "sales_not_yours")


def test_one_products_stock_at_two_places_is_each_and_the_total(food: Engine) -> None:
    """Trial 29: "quanti gnocchi 500g abbiamo tra bologna e nola?" showed each warehouse
    without the total, and without naming the product: both, the total (stock.csv's latest
    rows), and the product in the title."""
    stock = _read("stock")
    latest = stock.sort_values("as_of").groupby(["sku", "location"], as_index=False).last()
    mine = latest[(latest["sku"] == "PF-GNO-500") & latest["location"].isin(["MAG-BO", "MAG-NA"])]
    outcome = _ask(food, "quanti gnocchi 500g abbiamo tra bologna e nola?", "U03MARINO")
    total = outcome.result.total
    assert (total.on_hand, total.available) == (
        mine["on_hand"].sum(), (mine["on_hand"] - mine["allocated"]).sum()
    )  # fmt: skip
    shown = card(outcome)
    assert "PF-GNO-500" in shown.title
    assert f"{total.available:,.0f}".replace(",", ".") in dict(shown.rows)["Totale"]


def test_why_a_plants_capacity_drops_is_its_capacity_week_by_week(food: Engine) -> None:
    """Trial 29: "why is dry pasta capacity dropping end of december?" explained the demand
    forecast. It is the capacity check, which says where the weekly capacity changes
    (capacity.csv: Gragnano's dry pasta line at 12,000 a week over the holidays)."""
    capacity = _read("capacity")
    dry = capacity[capacity["family"] == "PASTA SECCA"].sort_values("start_date")
    usual, holiday = dry["units_per_week"].iloc[0], dry["units_per_week"].iloc[1]
    outcome = _ask(food, "why is dry pasta capacity dropping end of december?", "U03NOVAK")
    assert (outcome.tool, outcome.args.get("family")) == ("capacity_check", "PASTA SECCA")
    said = " ".join(plain(card(outcome)).split())
    start = dt.date.fromisoformat(dry["start_date"].iloc[1])
    assert (
        f"Capacity for PASTA SECCA at STAB-GR: {usual:,.0f} a week, then {holiday:,.0f} from "
        f"the week of {start.day} Dec 2026" in said
    )
    # The demand forecast's reasons are still asked with the forecast's words.
    assert _ask(food, "why is the dry pasta forecast so high?", "U03NOVAK").tool == (
        "explain_forecast"
    )


def test_a_promotion_of_a_shared_name_is_titled_by_the_products_on_it(food: Engine) -> None:
    """Trial 29: "how did the pesto promo in june go?" named the red pesto in its title,
    though only the genovese was on promotion (sales.csv's promo column)."""
    sales = _read("sales")
    pesto = sales["sku"].isin(["SU-PES-190", "SU-PRS-190"])
    june = sales[sales["date"].str.startswith("2026-06") & pesto]
    on = set(june[june["promo"].astype(str).str.lower() == "true"]["sku"])
    assert on == {"SU-PES-190"}
    outcome = _ask(food, "how did the pesto promo in june go?", "U03DEANGELIS")
    assert "SU-PES-190" in card(outcome).title and "SU-PRS-190" not in card(outcome).title


def test_a_promise_the_customers_warehouse_cannot_keep_names_one_that_can(food: Engine) -> None:
    """Trial 30: 800 jars of pesto for Supermercati Brambilla by 10 December were a plain no
    from Bologna, where its orders ship from, while Nola held thousands: the no stays, with
    the warehouse that could ship all of it from its own stock (stock.csv's latest rows)."""
    stock = _read("stock")
    latest = stock.sort_values("as_of").groupby(["sku", "location"], as_index=False).last()
    pesto = latest[latest["sku"] == "SU-PES-190"].set_index("location")
    outcome = _ask(
        food,
        "posso promettere 800 vasetti di pesto alla genovese a Supermercati Brambilla entro "
        "il 10 dicembre?",
        "U03MARINO",
    )
    answer = outcome.result
    assert (answer.location, answer.feasible) == ("MAG-BO", False)
    assert answer.elsewhere is not None
    place, available = answer.elsewhere
    free = pesto["on_hand"] - pesto["allocated"]
    assert place == free.drop("MAG-BO").idxmax() and 800 <= available <= free[place]
    said = " ".join(plain(card(outcome)).split())
    assert f"{place} ha {available:,.0f}".replace(",", ".") in said
    # Bologna runs out at the forecast's pace before then, so even 100 is a yes at a risk
    # there, and Nola is named; from Nola itself (most stock) it is a plain yes, alone.
    risky = _ask(food, "posso promettere 100 vasetti di pesto alla genovese a Supermercati "
                 "Brambilla entro il 10 dicembre?", "U03MARINO")  # fmt: skip
    assert (
        risky.result.feasible
        and risky.result.risky
        and risky.result.elsewhere == (place, available)
    )
    kept = _ask(food, "posso promettere 100 vasetti di pesto alla genovese entro il 10 "
                "dicembre?", "U03MARINO")  # fmt: skip
    assert kept.result.location == place and not kept.result.risky
    assert kept.result.elsewhere is None
    # "sennò da Nola?" after the no is the same promise from Nola (trial 32: not understood).
    chat = Conversation()
    assistant = Assistant(food)
    first = assistant.ask(
        "posso promettere 800 vasetti di pesto alla genovese a Supermercati Brambilla entro "
        "il 10 dicembre?", user="U03MARINO", today=DEMO_TODAY, now=NOW, conversation=chat,
    )  # fmt: skip
    assert (first.result.location, first.result.feasible) == ("MAG-BO", False)
    for follow_up in ("sennò da Nola?", "otherwise from MAG-NA?"):
        other = assistant.ask(follow_up, user="U03MARINO", today=DEMO_TODAY, now=NOW,
                              conversation=chat)  # fmt: skip
        assert (other.tool, other.args["quantity"], other.args["customer"]) == (
            "available_to_promise", 800.0, "Supermercati Brambilla"
        )  # fmt: skip
        assert (other.result.location, other.result.feasible) == ("MAG-NA", True)


def test_a_promotion_on_products_named_alike_changes_their_demand_alone(food: Engine) -> None:
    """Trial 30: "se facciamo una promo gnocchi a gennaio +30% reggiamo?" asked which
    gnocchi; a scenario takes every pack the name covers (three of PASTA FRESCA's), and
    says whether the fresh pasta plant holds."""
    products = _read("products")
    gnocchi = sorted(products[products["sku"].str.startswith("PF-GNO")]["sku"])
    outcome = _ask(food, "se facciamo una promo gnocchi a gennaio +30% reggiamo?", "U03RICCI")
    assert outcome.tool == "what_if" and sorted(outcome.args["products"]) == gnocchi
    answer = outcome.result
    assert {x.family for x in answer.lines} == {"PASTA FRESCA"}
    assert answer.added_units > 0
    assert card(outcome).headline.startswith(("Sì", "No"))
    assert "+30%" in card(outcome).headline
