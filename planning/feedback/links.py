"""The company's own names found in a feedback text: its customers (from the sales data and
the order book) and its products (codes, names, English names and aliases from
products.csv), plus the competitors it lists.

Names are matched whole, as folded word sequences, in one pass over the text's words; a
customer's legal form may be left out ("Bottega Etnea" for "Bottega Etnea S.r.l.").
Nothing here is tuned to one catalogue: every name comes from the company's files.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Engine

from planning.catalogue import Catalogue, load_catalogue
from planning.feedback.enrich import words_of

LEGAL_FORMS = frozenset(words_of("srl s r l spa s p a snc sas sarl sa ltd inc gmbh llc bv co e c"))


@dataclass(frozen=True)
class Links:
    customer: str | None  # the first customer named
    products: tuple[str, ...]  # SKUs, in the order named


class Linker:
    """Customers and products by the folded words of their names."""

    def __init__(
        self,
        customers: Iterable[str],
        products: Iterable[tuple[str, str]],  # (sku, a name of it: code, name, alias)
        families: Iterable[str] = (),
    ) -> None:
        self.customers = tuple(sorted(set(customers)))
        self._customers: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for customer in self.customers:
            for words in _forms(customer):
                self._customers.setdefault(words[0], []).append((words, customer))
        self._products: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self.skus: set[str] = set()
        for sku, name in products:
            self.skus.add(sku)
            words = tuple(words_of(name))
            if words:
                self._products.setdefault(words[0], []).append((words, sku))
        for table in (self._customers, self._products):
            for options in table.values():
                options.sort(key=lambda option: -len(option[0]))  # longest name first
        self.families = frozenset(families)
        # Each word of a customer's or product's name -> the names' word sets it is in.
        self._own: dict[str, list[frozenset[str]]] = {}
        for table in (self._customers, self._products):
            for options in table.values():
                for named, _ in options:
                    for word in named:
                        self._own.setdefault(word, []).append(frozenset(named))

    def own(self, name: str) -> bool:
        """Whether `name` is (part of) a customer's or a product's name: "Cucina Sabauda"
        of Casa & Cucina Sabauda is not a competitor."""
        words = set(words_of(name))
        return bool(words) and any(words <= known for known in self._own.get(min(words), ()))

    def find(self, text_: str) -> Links:
        words = words_of(text_)
        customers = _scan(words, self._customers)
        products = _scan(words, self._products)
        return Links(customers[0] if customers else None, tuple(dict.fromkeys(products)))

    def customer(self, typed: str) -> str | None:
        """The customer `typed` names: the whole name, or without its legal form."""
        words = tuple(words_of(typed))
        for name, customer in self._customers.get(words[0] if words else "", ()):
            if name == words:
                return customer
        return None


def _forms(name: str) -> list[tuple[str, ...]]:
    words = tuple(words_of(name))
    forms = [words] if words else []
    short = words
    while len(short) > 1 and short[-1] in LEGAL_FORMS:
        short = short[:-1]
    if short != words:
        forms.append(short)
    return forms


def _scan(words: list[str], table: dict[str, list[tuple[tuple[str, ...], str]]]) -> list[str]:
    found = []
    i = 0
    while i < len(words):
        for name, value in table.get(words[i], ()):
            if tuple(words[i : i + len(name)]) == name:
                found.append(value)
                i += len(name) - 1
                break
        i += 1
    return found


def linker_of(catalogue: Catalogue) -> Linker:
    """The linker of a catalogue: its customers, and each product by its code, its name and
    its other names (the English name and the aliases of products.csv)."""
    names = [(sku, sku) for sku, _, _ in catalogue.products]
    names += [(sku, name) for sku, name, _ in catalogue.products]
    names += list(catalogue.other_names)
    return Linker((c for c, _ in catalogue.customers), names, (f for _, _, f in catalogue.products))


def load_linker(engine: Engine) -> Linker:
    """The company's customers and product names, as the database holds them now."""
    return linker_of(load_catalogue(engine))
