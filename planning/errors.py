"""Errors a user can cause. Their message is written for the person who caused them.

`code` and `params` let a front door say the same thing in the user's language (the
English message is the fallback); errors without a code are shown as their message.
"""

from __future__ import annotations

from typing import Any


class PonteError(Exception):
    """A problem with the user's input or set-up, not a bug: shown as one friendly line."""

    def __init__(self, message: str, *, code: str | None = None, **params: Any) -> None:
        super().__init__(message)
        self.code = code
        self.params = params


class PermissionDenied(PonteError):
    """The verified user may not use this ability, or not on this person's or area's data."""
