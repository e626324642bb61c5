"""Every ability is declared whole: the lists derived from the declarations cannot disagree.

In the spirit of sqlite-utils' tests/test_docs.py: an ability registered without examples,
card, audience or router words fails here, not in production (help, the Slack greeting, the
router's tie-break and the LLM's tool list all read the declarations).
"""

from __future__ import annotations

import string
from collections.abc import Iterable
from dataclasses import dataclass

import pytest
from pydantic import BaseModel

from bot.render.cards import BUILDERS
from planning.access import Audience
from planning.models import Role
from tests.conftest import DEMO_TODAY
from tools import vocabulary as v
from tools.abilities import REGISTRY
from tools.registry import SAMPLE_KEYS, Ability, Registry, example, sample_of
from tools.router import Route, Router


def problems(abilities: Iterable[Ability], router: Router | None = None) -> list[str]:
    """What each declaration lacks, as '<ability>: <what>'."""
    found: list[str] = []
    for a in abilities:
        say = found.append
        if not isinstance(a.audience, Audience):
            say(f"{a.name}: no audience")
        for lang, text in zip(("English", "Italian"), a.label, strict=True):
            if not text.strip():
                say(f"{a.name}: no {lang} label")
        for lang, text in zip(("English", "Italian"), a.examples, strict=True):
            if not text.strip():
                say(f"{a.name}: no {lang} example")
            names = {n for _, n, _, _ in string.Formatter().parse(text) if n is not None}
            if names - set(SAMPLE_KEYS):
                say(f"{a.name}: {lang} example names {sorted(names - set(SAMPLE_KEYS))}")
        if not a.delivered:  # recognised, and answered "not yet"
            for lang in ("en", "it") if router is not None else ():
                route = _route(router, a, lang)
                if route.tool != a.name:
                    say(f"{a.name}: its {lang} example reaches {route.tool or route.kind}")
            continue
        if a.schema is None or not a.description.strip():
            say(f"{a.name}: no argument schema or description for the model")
        if not a.results:
            say(f"{a.name}: no result type")
        for result in a.results:
            if result not in BUILDERS:
                say(f"{a.name}: no card for {result.__name__}")
        english, italian = v.INTENTS.get(a.name, ((), ()))
        if not english or not italian:
            say(f"{a.name}: no router words in both languages (tools/vocabulary.py INTENTS)")
        if router is not None and (english and italian):
            for lang in ("en", "it"):
                route = _route(router, a, lang)
                if route.tool != a.name:
                    say(f"{a.name}: its {lang} example reaches {route.tool or route.kind}")
    return found


def _route(router: Router, ability: Ability, lang: str) -> Route:
    question = example(ability, lang, sample_of(router.index))
    return router.route(question, user="U01ROSSI", language=lang, today=DEMO_TODAY)


def test_every_declared_ability_is_whole(router: Router) -> None:
    assert problems(REGISTRY, router) == []


def test_the_router_words_belong_to_declared_abilities() -> None:
    assert set(v.INTENTS) <= {a.name for a in REGISTRY.delivered()}


class _Args(BaseModel):
    product: str


@dataclass(frozen=True)
class _Unrendered:
    units: float


def test_an_incomplete_ability_fails_the_check() -> None:
    half_done = Ability(
        "product_rumours",
        Audience.EVERYONE,
        label=("rumours", ""),
        examples=("What do people say about {product} in {city}?", ""),
        schema=_Args,
        description="",
        run=lambda ctx, args: _Unrendered(1.0),
        results=(_Unrendered,),
    )
    assert problems([half_done]) == [
        "product_rumours: no Italian label",
        "product_rumours: English example names ['city']",
        "product_rumours: no Italian example",
        "product_rumours: no argument schema or description for the model",
        "product_rumours: no card for _Unrendered",
        "product_rumours: no router words in both languages (tools/vocabulary.py INTENTS)",
    ]


def test_an_ability_cannot_be_declared_twice() -> None:
    registry = Registry()
    ability = REGISTRY.get("help")
    assert ability is not None
    registry.declare(ability)
    with pytest.raises(ValueError, match="declared twice"):
        registry.declare(ability)


@pytest.mark.parametrize("role", list(Role))
def test_help_lists_exactly_what_the_role_may_use(role: Role) -> None:
    mine = {a.name for a in REGISTRY.for_role(role)}
    assert mine == {
        a.name for a in REGISTRY.delivered() if a.name != "help" and role in a.audience.value
    }
    assert not {a.name for a in REGISTRY.coming()} & mine


def test_ties_go_to_the_more_specific_question() -> None:
    order = REGISTRY.priority()
    assert order.index("available_to_promise") < order.index("stock_status")
    assert order.index("explain_forecast") < order.index("demand_forecast")
    assert order[-1] == "help"
