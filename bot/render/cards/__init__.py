"""One card per result type: what a person reads, in their language, with the key number first.

A card is plain data (title, headline, fields, a small table, notes, where the numbers come
from, follow-up questions); bot.render.text, bot.render.console and bot.blocks turn it into
plain text, rich output or Block Kit. Every number comes from the result object. One module
per family of results; BUILDERS maps each result type an ability declares to its card
(tests/tools/test_registry.py checks that none is missing).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.render.cards.base import Action, Card, source
from bot.render.cards.forecast import (
    accuracy_answer_card,
    explain_card,
    forecast_card,
    group_forecast_card,
)
from bot.render.cards.messages import help_card, message_card
from bot.render.cards.product import product_card
from bot.render.cards.quota import quota_card
from bot.render.cards.sales import sales_card
from bot.render.cards.stock import group_stock_card, stock_card
from bot.render.cards.supply import (
    atp_card,
    capacity_card,
    group_projection_card,
    projection_card,
)
from planning.answers import (
    AtpAnswer,
    CapacityAnswer,
    GroupProjection,
    ProjectionAnswer,
    QuotaAnswer,
)
from planning.forecast.accuracy import Accuracy
from planning.forecast.views import ForecastExplanation, ForecastView, GroupForecast
from planning.products import ProductFacts
from planning.sales import SalesHistory
from planning.stock import GroupStock, StockStatus
from tools.abilities import HelpAnswer
from tools.assistant import Outcome

__all__ = ["BUILDERS", "Action", "Card", "card", "source"]

BUILDERS: dict[type, Callable[[Any, str], Card]] = {
    StockStatus: stock_card,
    SalesHistory: sales_card,
    GroupStock: group_stock_card,
    ForecastView: forecast_card,
    GroupForecast: group_forecast_card,
    ForecastExplanation: explain_card,
    Accuracy: accuracy_answer_card,
    ProjectionAnswer: projection_card,
    GroupProjection: group_projection_card,
    CapacityAnswer: capacity_card,
    AtpAnswer: atp_card,
    QuotaAnswer: quota_card,
    HelpAnswer: help_card,
    ProductFacts: product_card,
}


def card(outcome: Outcome) -> Card:
    """The card for any outcome: an answer, a question back, a refusal or an error."""
    if outcome.kind == "answer":
        return BUILDERS[type(outcome.result)](outcome.result, outcome.language)
    return message_card(outcome, outcome.language)
