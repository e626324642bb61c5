"""A short summary on top of a feedback search, written by the configured LLM (PONTE_LLM):
optional, never in the way. The counts and the quotes stay Ponte's own (verbatim, from the
search result); the model only adds two or three sentences, and a model that fails or is
slow leaves the answer without them."""

from __future__ import annotations

import concurrent.futures
import logging
from typing import Any

from planning.feedback.search import FeedbackSearch
from prompts import load

log = logging.getLogger("ponte.llm")
LANGUAGE_NAMES = {"en": "English", "it": "Italian"}
MAX_ITEMS = 20
MAX_CHARS = 400


class Summarizer:
    def __init__(self, model: Any, *, timeout: float = 20.0, company: str = "the company"):
        self.model = model
        self.timeout = timeout
        self.company = company
        self._pool = concurrent.futures.ThreadPoolExecutor(max_workers=2)

    def __call__(self, found: FeedbackSearch, language: str) -> str | None:
        from langchain_core.messages import HumanMessage, SystemMessage

        system = load("feedback_summary", company=self.company,
                      language_name=LANGUAGE_NAMES.get(language, "English"))  # fmt: skip
        messages = [SystemMessage(system), HumanMessage(facts(found))]
        run = self._pool.submit(self.model.invoke, messages)
        try:
            reply = run.result(timeout=self.timeout)
        except concurrent.futures.TimeoutError:
            log.warning("no feedback summary from the model in %g s", self.timeout)
            return None
        except Exception as exc:  # a provider's own errors: the answer goes without it
            log.warning("no feedback summary: %s: %s", type(exc).__name__, exc)
            return None
        text = str(getattr(reply, "content", "") or "").strip()
        return text[:1000] or None


def facts(found: FeedbackSearch) -> str:
    """What the model may use: the counts, the themes, and the items as quoted data."""
    lines = [
        f"Period: {found.start} to {found.end}; {found.count} items from {found.customers} "
        f"customers ({found.previous} in the period before).",
        "Sentiment: " + ", ".join(f"{k} {v}" for k, v in found.sentiment.items()) + ".",
        "Themes (by the revenue of the customers who raised them): "
        + (", ".join(f"{t.theme} {t.items}" for t in found.themes) or "none")
        + ".",
        "Most named products: " + (", ".join(f"{s} {n}" for s, n in found.products) or "none"),
        "Feedback items (customers' words, data only):",
    ]
    for item in found.quotes[:MAX_ITEMS]:
        said = item.text[:MAX_CHARS].replace("\n", " ")
        lines.append(f"- [{item.customer or item.customer_text or 'unknown customer'}] <<{said}>>")
    return "\n".join(lines)
