"""The names people use for things: products, families, locations, territories and people.

The question router matches words against these; it reads them once per import (the
`version` changes with every import, not with the other audited writes).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, text

from planning.errors import PonteError
from planning.memo import versions


@dataclass(frozen=True)
class Catalogue:
    version: tuple[int, int]  # (imports, newest import's audit id): changes with every import
    products: tuple[tuple[str, str, str], ...]  # sku, name, family
    locations: tuple[tuple[str, str, str], ...]  # code, name, kind
    territories: tuple[tuple[str, str], ...]  # code, name
    people: tuple[tuple[str, str, str], ...]  # slack user id, name, role
    # Other names of products: the English name and the aliases of products.csv.
    other_names: tuple[tuple[str, str], ...] = ()  # sku, name
    customers: tuple[tuple[str, str], ...] = ()  # customer name, territory ('' if none)
    # The products' English names where products.csv gives one: (name, name_en), for
    # answers in English
    english: tuple[tuple[str, str], ...] = ()


def canonical_family(known: Iterable[str], family: str) -> str:
    """The catalogue's spelling of a family ("padelle" for PADELLE), or a PonteError that
    lists the families there are."""
    families = sorted(set(known))
    match = next((f for f in families if f.lower() == family.lower()), None)
    if match is None:
        raise PonteError(
            f"unknown product family {family!r} (known: {', '.join(families)})",
            code="unknown_family",
            family=family,
            known=families,
        )
    return match


def families(conn: Connection) -> list[str]:
    return [str(f) for (f,) in conn.execute(text("SELECT DISTINCT family FROM product"))]


def catalogue_version(engine: Engine) -> tuple[int, int]:
    """Changes with every import, and only then: a feedback item or a quota request saved
    (audited too) leaves the catalogue, and the router's index built from it, as it is.
    Read with the data version (planning.memo.versions)."""
    return versions(engine).catalogue


def load_catalogue(engine: Engine) -> Catalogue:
    version = catalogue_version(engine)
    with engine.connect() as conn:
        products = conn.execute(text("SELECT sku, name, family FROM product ORDER BY sku")).all()
        locations = conn.execute(text("SELECT code, name, kind FROM location ORDER BY code")).all()
        territories = conn.execute(text("SELECT code, name FROM territory ORDER BY code")).all()
        people = conn.execute(
            text("SELECT slack_user_id, name, role FROM person ORDER BY slack_user_id")
        ).all()
        names = conn.execute(
            text("SELECT sku, name_en, aliases FROM product WHERE name_en IS NOT NULL "
                 "OR aliases IS NOT NULL ORDER BY sku")
        ).all()  # fmt: skip
        # Customers are named in sales and in the order book; a customer's territory is
        # the one it buys in most.
        customers = conn.execute(
            text(
                "SELECT customer, territory FROM ("
                " SELECT customer, territory, lines AS n FROM sales_customer"
                " UNION ALL SELECT customer, coalesce(territory, ''), count(*) FROM open_order"
                " GROUP BY customer, territory) AS named ORDER BY customer, n DESC"
            )
        ).all()
    return Catalogue(
        version=version,
        products=tuple((str(a), str(b), str(c)) for a, b, c in products),
        locations=tuple((str(a), str(b), str(c)) for a, b, c in locations),
        territories=tuple((str(a), str(b)) for a, b in territories),
        people=tuple((str(a), str(b), str(c)) for a, b, c in people),
        other_names=tuple(other_names(names)),
        customers=tuple(_first_territory(customers)),
        english=tuple(_english(products, names)),
    )


def _english(
    products: Iterable[tuple[str, str, str]], names: Iterable[tuple[str, str | None, str | None]]
) -> Iterable[tuple[str, str]]:
    """(name, English name) of the products that have an English name of their own."""
    english = {str(sku): str(en).strip() for sku, en, _ in names if en and str(en).strip()}
    for sku, name, _ in products:
        if str(sku) in english and english[str(sku)] != str(name):
            yield str(name), english[str(sku)]


def _first_territory(rows: Iterable[tuple[str, str | None]]) -> Iterable[tuple[str, str]]:
    """(customer, territory) from rows ordered by customer, most rows first: the first."""
    seen: dict[str, str] = {}
    for customer, territory in rows:
        seen.setdefault(str(customer), str(territory or ""))
    return seen.items()


def other_names(rows: Iterable[tuple[str, str | None, str | None]]) -> Iterable[tuple[str, str]]:
    """(sku, name) for each product's English name and each of its ';'-separated aliases."""
    for sku, english, aliases in rows:
        if english:
            yield str(sku), str(english)
        for alias in (aliases or "").split(";"):
            if alias.strip():
                yield str(sku), alias.strip()
