"""Results as JSON-ready data: the one encoder behind every --json and the LLM's tool content."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, is_dataclass
from typing import Any


def plain(value: Any) -> Any:
    """Results as JSON-ready data (dataclasses, dates, DataFrames)."""
    if is_dataclass(value) and not isinstance(value, type):
        return {k: plain(v) for k, v in asdict(value).items()}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if hasattr(value, "to_dict") and hasattr(value, "columns"):
        return plain(value.to_dict("records"))
    if isinstance(value, float) and value != value:  # NaN
        return None
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def dumps(value: Any, *, indent: int | None = 2) -> str:
    return json.dumps(plain(value), ensure_ascii=False, indent=indent, default=str)
