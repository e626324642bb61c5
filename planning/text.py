"""Text as people type it, folded for comparison: shared by planning (feedback enrichment,
search) and tools (the question router)."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Lower case without accents: "Disponibilità" -> "disponibilita"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
