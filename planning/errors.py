"""Errors a user can cause. Their message is written for the person who caused them."""

from __future__ import annotations


class PonteError(Exception):
    """A problem with the user's input or set-up, not a bug: shown as one friendly line."""
