"""Rendering of assistant outcomes: localized cards, then terminal, plain text, Block Kit."""
