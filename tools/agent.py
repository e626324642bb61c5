"""The optional LLM agent: the same tools, chosen by a model instead of the router.

`PONTE_LLM=provider:model` (e.g. `openai:gpt-4o-mini`, `anthropic:claude-3-5-haiku-latest`,
`ollama:llama3.1`) builds a chat model with LangChain's `init_chat_model` and runs LangChain's
agent loop with Ponte's tools. The answer shown is always the typed result of the last tool
the model called, rendered by Ponte: the model picks the tool and its arguments, it does not
write the numbers. A model that fails, times out or calls no tool raises, and the assistant
answers with the router instead; a tool the caller may not use ends in a clear refusal.
"""

from __future__ import annotations

import concurrent.futures
from typing import Any

from planning.errors import PonteError
from prompts import load
from tools.assistant import AgentUnavailable, Conversation, Outcome
from tools.binding import ToolCalls, build_tools
from tools.context import RunContext
from tools.router import Route

LANGUAGE_NAMES = {"en": "English", "it": "Italian"}


class NoToolCalled(AgentUnavailable):
    """The model answered in its own words: the router answers instead."""


def chat_model(spec: str, *, timeout: float) -> Any:
    """A chat model from `provider:model` (LangChain's init_chat_model)."""
    from langchain.chat_models import init_chat_model

    provider, _, model = spec.partition(":")
    if not model:
        raise PonteError(
            f"PONTE_LLM={spec!r}: use provider:model, e.g. openai:gpt-4o-mini",
            code="bad_llm_setting",
        )
    return init_chat_model(model, model_provider=provider, timeout=timeout, temperature=0)


class LlmAgent:
    def __init__(self, model: Any, *, timeout: float = 30.0, company: str = "the company") -> None:
        self.model = model
        self.timeout = timeout
        self.company = company
        self._pool = concurrent.futures.ThreadPoolExecutor(max_workers=4)

    def ask(self, question: str, ctx: RunContext, conversation: Conversation) -> Outcome:
        from langchain.agents import create_agent
        from langchain_core.messages import HumanMessage

        calls = ToolCalls()
        agent = create_agent(
            self.model,
            build_tools(ctx, calls),
            system_prompt=load(
                "system",
                company=self.company,
                name=ctx.caller.name,
                role=ctx.caller.role,
                today=ctx.today.isoformat(),
                language_name=LANGUAGE_NAMES.get(ctx.language, "English"),
            ),
        )
        run = self._pool.submit(lambda: agent.invoke({"messages": [HumanMessage(question)]}))
        try:
            state: dict[str, Any] = run.result(timeout=self.timeout)
        except TimeoutError as exc:
            raise AgentUnavailable(f"no answer from the model in {self.timeout:g} s") from exc
        except Exception as exc:
            if calls.crash is not None:  # Ponte's own fault inside a tool: not hidden
                raise
            # Providers raise their own types (HTTP, quota, bad key): any is the model failing.
            raise AgentUnavailable(f"{type(exc).__name__}: {exc}") from exc
        language = ctx.language
        base: dict[str, Any] = {"language": language, "caller": ctx.caller, "via": "llm"}
        if calls.refusal is not None:
            denied = calls.refusal
            return Outcome("refused", code=denied.code, params=denied.params, **base)
        final = state["messages"][-1].content if state.get("messages") else None
        if calls.proposed is not None:
            tool, args = calls.proposed
            conversation.awaiting = Route(language=language, kind="call", tool=tool, args=args)
            return Outcome("confirm", tool=tool, args=args, result=calls.preview, **base)
        if calls.results:
            tool, args, result = calls.results[-1]
            return Outcome("answer", tool=tool, args=args, result=result, **base)
        if calls.error is not None and calls.error[2].code == "ambiguous_product":
            # Ask back like the router does, so that "2" or "PAD-28" next answers it.
            tool, args, error = calls.error
            choices = tuple(error.params["choices"])
            rest = {k: v for k, v in args.items() if k != "product"}
            conversation.pending = Route(
                language=language,
                kind="clarify",
                tool=tool,
                args=rest,
                missing="product",
                choices=choices,
            )
            names = {c: ctx.index.label(c) for c in choices}
            return Outcome(
                "clarify",
                tool=tool,
                args=rest,
                missing="product",
                choices=choices,
                params={"unknown": None, "names": names},
                **base,
            )
        if calls.error is not None:
            tool, args, error = calls.error
            params = {**error.params, "message": str(error)}
            return Outcome("error", tool=tool, args=args, code=error.code, params=params, **base)
        raise NoToolCalled(final)
