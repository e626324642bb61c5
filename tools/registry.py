"""Every ability declared once: who may use it, its arguments, what it runs and returns, how
the router finds it, and how help presents it.

Access (planning.access.authorize with the declared audience), the router's priority and
product slots, help, examples, the greeting's suggested prompts, the LLM's tool list and the
"coming later" list are all read from these records; tests/tools/test_registry.py fails when
a record lacks a piece (examples in both languages, a card for each result type, router
words), so an incomplete ability fails the test suite, not production.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from planning.access import Audience
from planning.models import Role
from tools.matching import CatalogueIndex

# Placeholders an example may hold, filled from the company's own catalogue when shown.
SAMPLE_KEYS = ("product", "family")


@dataclass(frozen=True)
class Ability:
    name: str
    audience: Audience  # who may use it (enforced in planning.access, on the verified caller)
    label: tuple[str, str]  # what it is, in a list of abilities: (English, Italian)
    examples: tuple[str, str]  # a question that reaches it ({product}, {family}): (en, it)
    schema: type[BaseModel] | None = None
    description: str = ""  # written for the model that chooses the tool
    run: Callable[[Any, Any], Any] | None = None  # (RunContext, parsed args) -> result
    results: tuple[type, ...] = ()  # what `run` returns: each type has a card in bot.render
    writes: bool = False  # changes data: `run` runs only after the person's yes
    # For a write: the same checks as `run`, writing nothing, returning what it would do
    # (shown with the question that asks for the yes). Without one, the question shows the
    # call's arguments.
    preview: Callable[[Any, Any], Any] | None = None
    # How the router reaches it: the entities it takes (router's name -> argument), whether
    # a product must be named, and, when two abilities score the same, the lower rank wins.
    takes: Mapping[str, str] = field(default_factory=dict)
    # Arguments read from the question's own words: {argument: {value: (phrases, folded)}};
    # the first value whose phrase the question holds is passed ("lead time" -> lead_time).
    keywords: Mapping[str, Mapping[str, tuple[str, ...]]] = field(default_factory=dict)
    needs_product: bool = False
    # Answers for several products together (a family, products named, all): GroupArgs.
    groups: bool = False
    # Arguments that may name several values to answer side by side ("Rossi vs Walker"):
    # the ability runs once per value and the answers come back as one Comparison.
    compares: tuple[str, ...] = ()
    # Asked with no product at all ("what runs out soon?"), the question is a list across
    # products, which this ability answers (it may be one still to come).
    across_products: str | None = None
    rank: int = 100

    @property
    def delivered(self) -> bool:
        """False for an ability Ponte recognises but that arrives with a later release."""
        return self.run is not None

    def allows(self, role: Role | None) -> bool:
        return role is not None and role in self.audience.value


class Registry:
    """The declared abilities, in declaration order (which is help's order)."""

    def __init__(self) -> None:
        self._by_name: dict[str, Ability] = {}

    def declare(self, ability: Ability) -> Ability:
        if ability.name in self._by_name:
            raise ValueError(f"ability {ability.name!r} declared twice")
        self._by_name[ability.name] = ability
        return ability

    def get(self, name: str) -> Ability | None:
        return self._by_name.get(name)

    def __iter__(self) -> Iterator[Ability]:
        return iter(tuple(self._by_name.values()))

    def __contains__(self, name: object) -> bool:
        return name in self._by_name

    def delivered(self) -> tuple[Ability, ...]:
        return tuple(a for a in self if a.delivered)

    def coming(self) -> tuple[Ability, ...]:
        return tuple(a for a in self if not a.delivered)

    def for_role(self, role: Role | None) -> tuple[Ability, ...]:
        """What a person in `role` can ask now (help aside)."""
        return tuple(a for a in self.delivered() if a.allows(role) and a.name != "help")

    def priority(self) -> tuple[str, ...]:
        """Delivered abilities, the one to prefer on a tie first."""
        return tuple(a.name for a in sorted(self.delivered(), key=lambda a: a.rank))

    def remove(self, name: str) -> None:  # for tests that declare a throw-away ability
        self._by_name.pop(name, None)


REGISTRY = Registry()


def example(ability: Ability, lang: str, sample: Mapping[str, str] | None = None) -> str:
    """The ability's example question in `lang`, naming the company's own products."""
    english, italian = ability.examples
    text = italian if lang == "it" else english
    values = {"product": "ABC-100", "family": "FAMILY", **(sample or {})}
    return text.format(**{k: values[k] for k in SAMPLE_KEYS})


def label(name: str, lang: str) -> str:
    ability = REGISTRY.get(name)
    if ability is None:
        return name
    english, italian = ability.label
    return italian if lang == "it" else english


def sample_of(index: CatalogueIndex) -> dict[str, str]:
    """A product and a family of the company's own catalogue, for examples."""
    sample: dict[str, str] = {}
    skus = sorted(index.names)
    if skus:
        sample["product"] = skus[0]
    families = sorted(set(index.family_of.values()))
    if families:
        sample["family"] = families[0]
    return sample
