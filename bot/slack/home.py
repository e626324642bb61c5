"""App Home for one person, by role: a rep sees their quota and the stock of the products
they sell most; a manager their team's attainment and the quota requests waiting for them
(an admin every waiting request); operations the open alerts (assigned to
them first), the plants' utilization and the products nearest to stockout. Everything goes
through the same tools (and the same access checks) as a question would; the alerts are the
ones the last scan kept (planning.alerts.answers.kept_alerts, with the same rule filter)."""

from __future__ import annotations

from typing import Any

from bot.blocks.home import home_view
from bot.render import i18n
from bot.render.cards import Card, card
from bot.render.cards.alerts import alerts_card
from bot.render.home_cards import stockouts_card, top_stock_card
from bot.render.i18n import t
from bot.slack.app import SlackServices
from planning.alerts.answers import kept_alerts
from planning.errors import PonteError
from planning.models import Role
from planning.overview import nearest_stockouts, top_products
from tools.abilities import check_access
from tools.assistant import call, unknown_user

TEXT: dict[str, tuple[str, str]] = {
    "home.home_for.footer": (
        "As of {now:%Y-%m-%d %H:%M} UTC, reasoning from {today:%Y-%m-%d}. Ask me anything "
        "in a DM or with /ponte.",
        "Aggiornato {now:%Y-%m-%d %H:%M} UTC, con data di riferimento {today:%Y-%m-%d}. "
        "Chiedimi qualsiasi cosa in DM o con /ponte.",
    ),
}
i18n.register(TEXT)

TOP_PRODUCTS = 5
STOCKOUT_WEEKS = 13
CAPACITY_WEEKS = 8


def home_for(services: SlackServices, user: str) -> dict[str, Any]:
    """The Home tab view for the Slack user `user`."""
    engine, clock = services.engine, services.clock
    today, now = clock.today(), clock.now()
    try:
        ctx = services.assistant.context(user, today=today, now=now)
    except PonteError as exc:
        return home_view("Ponte", [card(unknown_user(exc, "en"))])
    caller, lang = ctx.caller, ctx.language

    def tool(name: str, **args: Any) -> Card:
        return card(call(ctx, name, args, language=lang))

    cards: list[Card] = []
    if caller.role == Role.rep:
        cards.append(tool("quota_status"))
        statuses = []
        for sku in top_products(engine, caller.slack_user_id, today=today, limit=TOP_PRODUCTS):
            outcome = call(ctx, "stock_status", {"product": sku}, language=lang)
            if outcome.kind == "answer":
                statuses.append(outcome.result)
        cards.append(top_stock_card(statuses, lang))
    elif caller.role == Role.manager:
        cards.append(tool("quota_status"))
        cards.append(tool("quota_requests"))  # what waits for their decision
    elif caller.role == Role.ops:
        # The alerts the last scan kept: the ones assigned to them first, then by severity.
        cards.append(alerts_card(kept_alerts(engine, caller, today=today), lang))
        cards.append(tool("capacity_check", weeks=CAPACITY_WEEKS))
        check_access(caller, "inventory_projection")  # every product's projection: ops may
        at_risk = nearest_stockouts(engine, today=today, weeks=STOCKOUT_WEEKS)
        cards.append(stockouts_card(at_risk, lang, STOCKOUT_WEEKS))
    elif caller.role == Role.admin:
        cards.append(tool("quota_requests"))  # an admin may decide any request
        cards.append(tool("help"))
    else:
        cards.append(tool("help"))
    title = f"Ponte · {caller.name}"
    footer = t(lang, "home.home_for.footer", now=now, today=today)
    return home_view(title, cards, footer)
