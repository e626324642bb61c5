"""Problems found in imported files, reported as `file:row:column: reason`."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from planning.errors import PonteError


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    row: int  # line in the file (1 = header); 0 = the file as a whole
    column: str
    reason: str

    def __str__(self) -> str:
        row = str(self.row) if self.row else "-"
        return f"{self.file}:{row}:{self.column}: {self.reason}"


class Problems:
    """Collects problems; keeps the first `keep` of them in memory but counts them all."""

    def __init__(self, keep: int = 1000) -> None:
        self.keep = keep
        self.total = 0
        self._items: list[Problem] = []

    def add(self, file: str, row: int, column: str, reason: str) -> None:
        self.total += 1
        if len(self._items) < self.keep:
            self._items.append(Problem(file, row, column, reason))

    def add_rows(
        self,
        file: str,
        rows: npt.NDArray[np.int64] | Sequence[int],
        column: str,
        reasons: Iterable[str] | str,
    ) -> None:
        """Record one problem per row; only the rows that will be kept are formatted."""
        room = max(self.keep - len(self._items), 0)
        if isinstance(reasons, str):
            reasons = [reasons] * min(len(rows), room)
        for row, reason in zip(rows[:room], reasons, strict=False):
            self._items.append(Problem(file, int(row), column, reason))
        self.total += len(rows)

    def __bool__(self) -> bool:
        return self.total > 0

    def __len__(self) -> int:
        return self.total

    def first(self, limit: int, file_order: Sequence[str] = ()) -> list[Problem]:
        """The first `limit` problems, in file order, then row order."""
        rank = {name: i for i, name in enumerate(file_order)}
        items = sorted(self._items, key=lambda p: (rank.get(p.file, len(rank)), p.file, p.row))
        return items[:limit]


class ImportRejected(PonteError):
    """The import was refused: nothing was written. `problems` says everything that is wrong."""

    def __init__(self, problems: Problems, files: Sequence[str], *, strict: bool = False) -> None:
        self.problems = problems
        self.files = list(files)
        self.strict = strict  # the problems are warnings that strict mode refuses
        super().__init__(f"import rejected: {problems.total} problem(s); nothing was imported")

    def lines(self, limit: int = 50) -> list[str]:
        shown = self.problems.first(limit, self.files)
        lines = [str(p) for p in shown]
        rest = self.problems.total - len(shown)
        if rest > 0:
            lines.append(f"... and {rest} more problem(s)")
        return lines
