"""Words as people type them: accents folded, apostrophes split, typos forgiven.

The typo index is a small SymSpell: every known word is stored with the variants one deletion
away, so a typed word finds the known words within one edit (two for long words) with a few
dictionary lookups instead of a scan of the vocabulary.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from planning.text import fold

# Letters, digits and the joiners that live inside codes (MOK-003, PLT_LUM, 1.5k, 15/03).
MEASURE = re.compile(r"^(\d+(?:[.,]\d+)?)(cm|mm|lt|l|kg|pz|pcs|units|pezzi)$")
TOKEN = re.compile(r"[a-z0-9]+(?:(?:[-_./]|,(?=\d))[a-z0-9]+)*")


@dataclass(frozen=True)
class Token:
    text: str  # folded
    raw: str  # as typed
    start: int
    end: int


def tokens(text: str) -> list[Token]:
    """Folded tokens with their position in the original text (same length after folding)."""
    folded = fold(text)
    if len(folded) != len(text):  # ligatures and the like: positions would drift
        text = folded
    folded = folded.replace("'", " ").replace("’", " ")
    out = []
    for m in TOKEN.finditer(folded):
        glued = MEASURE.match(m.group())
        if glued:  # "28cm" is "28 cm", "500pz" is "500 pz"
            cut = m.start() + glued.end(1)
            out.append(Token(glued.group(1), text[m.start() : cut], m.start(), cut))
            out.append(Token(glued.group(2), text[cut : m.end()], cut, m.end()))
        else:
            out.append(Token(m.group(), text[m.start() : m.end()], m.start(), m.end()))
    return out


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def max_edits(word: str, shortest: int = 4) -> int:
    """Short words must be typed right: "qty" vs "try" is not a typo worth guessing."""
    if len(word) < shortest or word.isdigit():
        return 0
    return 1 if len(word) < 8 else 2


class TypoIndex:
    """Known words, found again when typed with a letter missing, extra, changed or swapped."""

    def __init__(self, words: Iterable[str], *, shortest: int = 4) -> None:
        self.shortest = shortest  # words shorter than this are only found exactly
        self.words: set[str] = set()
        self._by_delete: dict[str, set[str]] = {}
        for word in words:
            self.add(word)

    def add(self, word: str) -> None:
        if word in self.words:
            return
        self.words.add(word)
        if self._edits(word) == 0:
            return
        for variant in _deletes(word):
            self._by_delete.setdefault(variant, set()).add(word)

    def lookup(self, typed: str) -> str | None:
        """The known word `typed` most likely means (itself if known), or None."""
        if typed in self.words:
            return typed
        budget = self._edits(typed)
        if budget == 0:
            return None
        candidates: set[str] = set(self._by_delete.get(typed, ()))  # one letter extra
        for variant in _deletes(typed):
            candidates |= self._by_delete.get(variant, set())  # changed or swapped
            if variant in self.words:
                candidates.add(variant)  # one letter extra in what was typed
        best = [
            (distance(typed, c), c)
            for c in candidates
            if self._edits(c) > 0 and distance(typed, c) <= min(budget, self._edits(c))
        ]
        if not best:
            return None
        best.sort()
        if len(best) > 1 and best[0][0] == best[1][0]:
            # Two known words equally close: prefer one sharing the first letter, else give up.
            same_start = [c for d, c in best if d == best[0][0] and c[0] == typed[0]]
            return same_start[0] if len(same_start) == 1 else None
        return best[0][1]

    def _edits(self, word: str) -> int:
        return max_edits(word, self.shortest)


def distance(a: str, b: str) -> int:
    """Damerau-Levenshtein (optimal string alignment) distance."""
    if a == b:
        return 0
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]
