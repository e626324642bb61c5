"""Prompt templates as files, loaded by name: `load("system", today=...)`."""

from __future__ import annotations

from importlib import resources
from typing import Any


def load(template: str, /, **values: Any) -> str:
    """The template `prompts/<template>.md` with `{placeholders}` filled from `values`."""
    template = resources.files(__package__).joinpath(f"{template}.md").read_text(encoding="utf-8")
    return template.format(**values)
