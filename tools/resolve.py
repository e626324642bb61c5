"""From what a person typed to the codes planning works with: products, locations, families,
people, territories, periods. A name that fits none, or several, is a PonteError carrying
the suggestions or choices the front door offers back."""

from __future__ import annotations

import datetime as dt

from planning.errors import PonteError
from planning.quotas import ahead
from tools.context import RunContext
from tools.text import fold


def resolve_product(ctx: RunContext, typed: str) -> str:
    """The SKU a code or name means; a PonteError with suggestions when none or several do."""
    index = ctx.index
    sku = index.sku(fold(typed.strip()))
    if sku is not None:
        return sku
    words = fold(typed).replace("-", " ").split()
    match = index.match_product(words, set(range(len(words))))
    if match is not None and len(match.skus) == 1:
        return match.skus[0]
    if match is not None:
        raise PonteError(
            f"{typed!r} matches several products: {', '.join(match.skus)}",
            code="ambiguous_product",
            product=typed,
            choices=list(match.skus),
        )
    raise PonteError(
        f"unknown product {typed!r}",
        code="unknown_product",
        sku=typed,
        suggestions=index.similar_skus(fold(typed)),
    )


def resolve_location(ctx: RunContext, typed: str | None) -> str | None:
    if typed is None:
        return None
    words = fold(typed).split()
    for word in [fold(typed).strip(), *words]:
        code = ctx.index.location(word)
        if code is not None:
            return code
    raise PonteError(f"unknown location {typed!r}", code="unknown_location", location=typed)


def resolve_family(ctx: RunContext, typed: str | None) -> str | None:
    if typed is None:
        return None
    family = ctx.index.family(fold(typed).strip())
    if family is None:
        raise PonteError(
            f"unknown product family {typed!r}",
            code="unknown_family",
            family=typed,
            known=sorted(set(ctx.index.families.values())),
        )
    return family


def resolve_customer(ctx: RunContext, typed: str | None) -> str | None:
    """The customer a name means: as written in the sales file, or enough of it to tell it
    from the others; a PonteError with the choices when several fit or none does."""
    if typed is None:
        return None
    index = ctx.index
    if fold(typed).strip() in index.customer_exact:
        return index.customer_exact[fold(typed).strip()]
    words = tuple(w for w in fold(typed).replace("&", " ").split() if w)
    found = index.customer(words)
    if found is not None:
        return found
    fits = set(index.customer_territory)
    for word in words:
        if index.customers_with(word):
            fits &= index.customers_with(word)
    if len(fits) == 1:
        return next(iter(fits))
    if fits and len(fits) < len(index.customer_territory):
        raise PonteError(
            f"{typed!r} could be {', '.join(sorted(fits))}",
            code="ambiguous_customer",
            customer=typed,
            choices=sorted(fits),
        )
    raise PonteError(f"unknown customer {typed!r}", code="unknown_customer", customer=typed)


def product_name(ctx: RunContext, sku: str) -> str:
    return ctx.index.names.get(sku, sku)


def resolve_person(ctx: RunContext, typed: str | None) -> str | None:
    if typed is None:
        return None
    index = ctx.index
    key = typed.strip().lstrip("<@").rstrip(">").split("|")[0]
    if key.upper() in index.people_upper:
        return index.people_upper[key.upper()]
    people = index.people_named(tuple(fold(typed).split()))
    if len(people) == 1:
        return next(iter(people))
    if people:
        raise PonteError(
            f"{typed!r} could be {', '.join(sorted(people))}",
            code="ambiguous_person",
            person=typed,
            choices=sorted(people),
        )
    raise PonteError(f"unknown person {typed!r}", code="unknown_person", person=typed)


def resolve_territory(ctx: RunContext, typed: str | None) -> str | None:
    if typed is None:
        return None
    index = ctx.index
    if typed.strip().upper() in index.territory_codes:
        return index.territory_codes[typed.strip().upper()]
    words = tuple(fold(typed).replace("-", " ").split())
    found = index.territory(words)
    if found is not None:
        return found
    like = index.territories_with(words)  # "ovest": Nord-Ovest, the only one it can be
    if len(like) == 1:
        return like[0]
    if like:  # "nord": Nord-Ovest or Nord-Est
        names = ", ".join(index.territory_name(code) or code for code in like)
        raise PonteError(
            f"{typed!r} could be {names}",
            code="ambiguous_territory",
            territory=typed,
            territories=names,
        )
    raise PonteError(f"unknown territory {typed!r}", code="unknown_territory", territory=typed)


def resolve_period(ctx: RunContext, period: str | None) -> tuple[dt.date, dt.date] | None:
    """First and last day of a period that must not be over yet (forecasts look ahead)."""
    return None if period is None else ahead(period, ctx.today)
