"""The abilities as LangChain tools, for an LLM agent (tools.agent).

Each tool is bound to the run's context (the verified caller, language, date), which the model
cannot pass or change, and calls `run_tool` like every other front door.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from planning.errors import PermissionDenied, PonteError
from tools.abilities import REGISTRY, run_tool
from tools.context import RunContext
from tools.jsonable import plain
from tools.registry import Ability


@dataclass
class ToolCalls:
    """What the LangChain tools did during one agent run, for the agent to report."""

    results: list[tuple[str, dict[str, Any], Any]] = field(default_factory=list)
    proposed: tuple[str, dict[str, Any]] | None = None  # a write waiting for the user's yes
    preview: Any = None  # what that write would do, shown with the question
    refusal: PermissionDenied | None = None
    error: tuple[str, dict[str, Any], PonteError] | None = None
    crash: BaseException | None = None  # a fault in Ponte's own code: raised, never hidden


def build_tools(ctx: RunContext, calls: ToolCalls | None = None) -> list[Any]:
    """The abilities as LangChain tools bound to `ctx`.

    Each returns content for the model (the result as JSON) and, as its artifact, the typed
    result that Ponte renders. Errors become content the model can read (so it can correct
    a bad argument) and are recorded in `calls`.
    """
    from langchain_core.tools import StructuredTool

    calls = calls if calls is not None else ToolCalls()

    def bind(ability: Ability) -> Any:
        assert ability.schema is not None

        def call(**kwargs: Any) -> tuple[str, Any]:
            args = {k: v for k, v in kwargs.items() if v is not None}
            unconfirmed = ability.writes and not ctx.confirmed
            try:
                result = run_tool(ctx, ability.name, args, preview=unconfirmed)
            except PermissionDenied as denied:
                calls.refusal = denied
                return f"not allowed: {denied}", None
            except PonteError as error:
                calls.error = (ability.name, args, error)
                return f"error: {error}", None
            except Exception as crash:
                calls.crash = crash
                raise
            if unconfirmed:  # checked by its preview, shown, waiting for the person's yes
                calls.proposed, calls.preview = (ability.name, plain(args)), result
                return "Ponte asks the person to confirm this before it is done.", None
            calls.results.append((ability.name, plain(args), result))
            return json.dumps(plain(result), default=str)[:6000], result

        return StructuredTool.from_function(
            func=call,
            name=ability.name,
            description=ability.description,
            args_schema=ability.schema,
            response_format="content_and_artifact",
        )

    return [bind(a) for a in REGISTRY.delivered()]
