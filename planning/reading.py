"""Finding contract files and reading them as text frames, chunk by chunk.

Every cell is read as text and validated later, so a bad cell becomes a precise problem
(`file:row:column`) instead of a parser crash. Each frame's index is the cell's line number
in the file (1 = header), which is what problems report.
"""

from __future__ import annotations

import csv
import datetime as dt
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from planning.contract import ENTITY_ORDER, FILES_BY_ENTITY
from planning.problems import Problems

SUPPORTED = (".csv", ".xlsx")
CHUNK_ROWS = 200_000


@dataclass(frozen=True)
class SourceFile:
    path: Path
    entity: str
    sheet: str | None = None  # the worksheet, for Excel files

    @property
    def label(self) -> str:
        return f"{self.path.name}[{self.sheet}]" if self.sheet else self.path.name


def entity_for(name: str) -> str | None:
    """`sales.csv`, `sales_2025.csv` and `Sales-EU.xlsx` are all sales files."""
    stem = name.lower()
    for entity in sorted(FILES_BY_ENTITY, key=len, reverse=True):
        if stem == entity or stem.startswith((entity + "_", entity + "-", entity + " ")):
            return entity
    return None


def discover(paths: Sequence[Path], problems: Problems) -> list[SourceFile]:
    """Expand folders and workbooks into source files, in dependency order."""
    found: list[SourceFile] = []
    for path in paths:
        if path.is_dir():
            children = sorted(p for p in path.iterdir() if p.suffix.lower() in SUPPORTED)
            if not children:
                problems.add(str(path), 0, "-", "no .csv or .xlsx files in this folder")
            for child in children:
                found.extend(_sources_of(child, problems))
        elif path.is_file():
            found.extend(_sources_of(path, problems))
        else:
            problems.add(str(path), 0, "-", "no such file or folder")
    expected = ", ".join(FILES_BY_ENTITY)
    if not found and not problems:
        problems.add("-", 0, "-", f"nothing to import: expected files named {expected}")
    return sorted(found, key=lambda s: (ENTITY_ORDER[s.entity], str(s.path), s.sheet or ""))


def _sources_of(path: Path, problems: Problems) -> list[SourceFile]:
    suffix = path.suffix.lower()
    expected = ", ".join(FILES_BY_ENTITY)
    if suffix not in SUPPORTED:
        problems.add(path.name, 0, "-", "unsupported file type (use .csv or .xlsx)")
        return []
    entity = entity_for(path.stem)
    if suffix == ".csv":
        if entity is None:
            problems.add(path.name, 0, "-", f"unknown file: name it after one of {expected}")
            return []
        return [SourceFile(path, entity)]
    try:
        sheets = _sheet_names(path)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        problems.add(path.name, 0, "-", "not a valid Excel .xlsx file")
        return []
    if entity is not None:
        # A workbook named after an entity holds it in its first sheet (or a sheet so named).
        named = [s for s in sheets if entity_for(s) == entity]
        return [SourceFile(path, entity, named[0] if named else sheets[0])]
    by_sheet = [SourceFile(path, e, s) for s in sheets if (e := entity_for(s)) is not None]
    if not by_sheet:
        problems.add(path.name, 0, "-", f"no sheet named after one of {expected}")
    return by_sheet


def _sheet_names(path: Path) -> list[str]:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True)
    try:
        return list(workbook.sheetnames)
    finally:
        workbook.close()


def count_rows(source: SourceFile) -> int:
    """Data rows in the file (cheap: counts newlines), for progress bars."""
    if source.sheet is None:
        with source.path.open("rb") as handle:
            lines = sum(block.count(b"\n") for block in iter(lambda: handle.read(1 << 20), b""))
        return max(lines - 1, 0)
    from openpyxl import load_workbook

    workbook = load_workbook(source.path, read_only=True)
    try:
        return max((workbook[source.sheet].max_row or 1) - 1, 0)
    finally:
        workbook.close()


class UnreadableFile(Exception):
    """The file cannot be parsed at all; the message says why (and where, if known)."""

    def __init__(self, message: str, row: int = 0) -> None:
        super().__init__(message)
        self.row = row


def read_chunks(source: SourceFile, chunk_rows: int = CHUNK_ROWS) -> Iterator[pd.DataFrame]:
    """Yield text frames (lower-case, stripped headers; '' for blank cells; index = line)."""
    if source.sheet is None:
        yield from _read_csv(source.path, chunk_rows)
    else:
        yield from _read_sheet(source.path, source.sheet, chunk_rows)


def _read_csv(path: Path, chunk_rows: int) -> Iterator[pd.DataFrame]:
    if not _has_blank_lines(path):
        yield from _read_csv_arrow(path, chunk_rows)
        return
    # pandas keeps blank lines (as empty rows), so line numbers stay exact; slower.
    try:
        reader = pd.read_csv(
            path,
            dtype=str,
            keep_default_na=False,
            na_filter=False,
            skip_blank_lines=False,
            encoding="utf-8-sig",
            chunksize=chunk_rows,
        )
        with reader:
            for chunk in reader:
                yield _tidy(chunk)
    except UnicodeDecodeError as exc:
        raise UnreadableFile("the file is not UTF-8 text (save it as CSV UTF-8)") from exc
    except pd.errors.EmptyDataError as exc:
        raise UnreadableFile("the file is empty (a header row is required)") from exc
    except pd.errors.ParserError as exc:
        raise UnreadableFile(f"malformed CSV: {exc}".strip()) from exc


def _has_blank_lines(path: Path) -> bool:
    """Blank lines inside the data (not at its end) would shift the fast reader's numbering."""
    previous = b""
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 22), b""):
            window = (previous + block).replace(b"\r\n", b"\n")
            if b"\n\n" in window.rstrip(b"\r\n\t "):
                return True
            previous = block[-2:]
    return False


def _read_csv_arrow(path: Path, chunk_rows: int) -> Iterator[pd.DataFrame]:
    """Arrow's streaming reader: multi-threaded parsing, C++ whitespace trimming."""
    import pyarrow as pa
    import pyarrow.compute as pc
    from pyarrow import csv as pacsv

    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            header = next(csv.reader(handle), None)
    except UnicodeDecodeError as exc:
        raise UnreadableFile("the file is not UTF-8 text (save it as CSV UTF-8)") from exc
    if not header:
        raise UnreadableFile("the file is empty (a header row is required)")
    names = [f"column_{i}" for i in range(len(header))]
    try:
        reader = pacsv.open_csv(
            path,
            read_options=pacsv.ReadOptions(column_names=names, skip_rows=1, block_size=8 << 20),
            convert_options=pacsv.ConvertOptions(
                column_types=dict.fromkeys(names, pa.string()),
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
        line = 2
        for batch in reader:
            for start in range(0, batch.num_rows, chunk_rows):
                part = batch.slice(start, chunk_rows)
                frame = pd.DataFrame(
                    {
                        name.strip().lower(): pc.utf8_trim_whitespace(column).to_pandas()
                        for name, column in zip(header, part.columns, strict=True)
                    }
                )
                frame.index = pd.RangeIndex(line, line + part.num_rows)
                line += part.num_rows
                yield frame
    except pa.ArrowInvalid as exc:
        message = str(exc).split("\n")[0]
        if "utf8" in message.lower():
            raise UnreadableFile("the file is not UTF-8 text (save it as CSV UTF-8)") from exc
        row, found = _first_ragged_line(path, len(header))
        if row:
            detail = f"expected {len(header)} fields like the header, found {found}"
            raise UnreadableFile(f"malformed CSV: {detail}", row=row) from exc
        raise UnreadableFile(f"malformed CSV: {message}") from exc


def _first_ragged_line(path: Path, width: int) -> tuple[int, int]:
    """Where the parser gave up: the first record whose field count differs from the header's.

    Only runs on the error path, so plain Python speed is fine.
    """
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        next(reader, None)
        for record in reader:
            if record and len(record) != width:
                return reader.line_num, len(record)
    return 0, 0


def _tidy(frame: pd.DataFrame) -> pd.DataFrame:
    frame.columns = [str(c).strip().lower() for c in frame.columns]
    frame.index = frame.index + 2  # header is line 1
    for column in frame.columns:
        frame[column] = frame[column].str.strip()
    # Blank lines (all cells empty) are skipped, but line numbers stay true to the file.
    blank = (frame == "").all(axis=1)
    return frame[~blank] if blank.any() else frame


def _read_sheet(path: Path, sheet: str, chunk_rows: int) -> Iterator[pd.DataFrame]:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        rows = workbook[sheet].iter_rows(values_only=True)
        header = next(rows, None)
        if header is None or all(v is None for v in header):
            raise UnreadableFile("the sheet is empty (a header row is required)")
        names = [_cell_text(v) for v in header]
        while names and names[-1] == "":
            names.pop()
        width = len(names)
        batch: list[list[str]] = []
        start = 2
        for row in rows:
            batch.append([_cell_text(v) for v in row[:width]] + [""] * (width - len(row)))
            if len(batch) >= chunk_rows:
                yield _sheet_frame(batch, names, start)
                start += len(batch)
                batch = []
        if batch or start == 2:
            yield _sheet_frame(batch, names, start)
    finally:
        workbook.close()


def _sheet_frame(batch: list[list[str]], names: list[str], start: int) -> pd.DataFrame:
    frame = pd.DataFrame(batch, columns=names, dtype=str)
    frame.index = pd.RangeIndex(start - 2, start - 2 + len(batch))
    return _tidy(frame)


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
