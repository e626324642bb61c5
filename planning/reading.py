"""Finding contract files and reading them as text frames, chunk by chunk.

Every cell is read as text and validated later, so a bad cell becomes a precise problem
(`file:row:column`) instead of a parser crash. Each frame's index is the row's line number
in the file (1 = header), which is what problems report; rows whose cells are all blank are
skipped without shifting the numbering.
"""

from __future__ import annotations

import csv
import datetime as dt
import sys
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from planning.contract import ENTITY_ORDER, FILES_BY_ENTITY
from planning.problems import Problems

SUPPORTED = (".csv", ".xlsx")
CHUNK_ROWS = 200_000
# Python's csv module refuses fields over 128 KiB by default; our own scans must not.
csv.field_size_limit(sys.maxsize)


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
    """Expand folders and workbooks into source files, in dependency order, each once."""
    found: dict[tuple[Path, str | None], SourceFile] = {}
    for path in paths:
        if path.is_dir():
            children = sorted(p for p in path.iterdir() if p.suffix.lower() in SUPPORTED)
            if not children:
                problems.add(str(path), 0, "-", "no .csv or .xlsx files in this folder")
            for child in children:
                for source in _sources_of(child, problems):
                    found.setdefault((source.path.resolve(), source.sheet), source)
        elif path.is_file():
            for source in _sources_of(path, problems):
                found.setdefault((source.path.resolve(), source.sheet), source)
        else:
            problems.add(str(path), 0, "-", "no such file or folder")
    expected = ", ".join(FILES_BY_ENTITY)
    if not found and not problems:
        problems.add("-", 0, "-", f"nothing to import: expected files named {expected}")
    return sorted(
        found.values(), key=lambda s: (ENTITY_ORDER[s.entity], str(s.path), s.sheet or "")
    )


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


def read_header(source: SourceFile) -> list[str]:
    """The file's column names, lower-cased and trimmed (trailing unnamed ones dropped)."""
    if source.sheet is None:
        try:
            with source.path.open(encoding="utf-8-sig", newline="") as handle:
                header = next(csv.reader(handle), None)
        except UnicodeDecodeError as exc:
            raise _not_utf8(source.path) from exc
        except csv.Error as exc:
            raise UnreadableFile(f"malformed CSV header: {exc}", row=1) from exc
    else:
        header = _sheet_header(source.path, source.sheet)
    names = [str(name).strip().lower() for name in header or []]
    while names and names[-1] == "":
        names.pop()
    if not names:
        raise UnreadableFile("the file is empty (a header row is required)")
    return names


def read_chunks(
    source: SourceFile, header: list[str], chunk_rows: int = CHUNK_ROWS
) -> Iterator[pd.DataFrame]:
    """Yield text frames with `header`'s columns ('' for blank cells; index = line)."""
    if source.sheet is None:
        yield from _read_csv(source.path, header, chunk_rows)
        return
    for frame in _read_sheet(source.path, source.sheet, header, chunk_rows):
        blank = (frame == "").all(axis=1)
        yield frame[~blank] if blank.any() else frame


def _read_csv(path: Path, header: list[str], chunk_rows: int) -> Iterator[pd.DataFrame]:
    try:
        yield from _arrow_chunks(path, header, chunk_rows)
    except UnicodeDecodeError as exc:  # met by one of the exact (Python) passes
        raise _not_utf8(path) from exc


def _arrow_chunks(path: Path, header: list[str], chunk_rows: int) -> Iterator[pd.DataFrame]:
    """Arrow's streaming reader: multi-threaded parsing, C++ whitespace trimming."""
    import pyarrow as pa
    import pyarrow.compute as pc
    from pyarrow import csv as pacsv

    width = _raw_width(path)
    names = [f"column_{i}" for i in range(width)]
    # Arrow skips empty lines, which would shift line numbers after them: only then is the
    # true line of every record worked out (with Python's csv module, slower but exact).
    lines = _record_lines(path) if _has_blank_lines(path) else None
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
        record = 0
        spanned = 0  # lines taken by cells that span several lines (an unclosed quote)
        for batch in reader:
            for start in range(0, batch.num_rows, chunk_rows):
                part = batch.slice(start, chunk_rows)
                trimmed = [pc.utf8_trim_whitespace(part.column(i)) for i in range(len(header))]
                frame = pd.DataFrame(
                    {name: column.to_pandas() for name, column in zip(header, trimmed, strict=True)}
                )
                if lines is None:
                    first = record + 2 + spanned
                    inside = _newlines_inside(part)
                    if inside is None:
                        frame.index = pd.RangeIndex(first, first + part.num_rows)
                    else:  # each record starts after the lines the records before it took
                        before = np.concatenate(([0], np.cumsum(inside)[:-1]))
                        frame.index = pd.Index(first + np.arange(part.num_rows) + before)
                        spanned += int(inside.sum())
                else:
                    frame.index = pd.Index(lines[record : record + part.num_rows])
                extra = _cells_beyond_header(part, len(header))
                if extra:
                    raise UnreadableFile(
                        "a value lies beyond the last named column (name the column or "
                        "delete the value)",
                        row=int(frame.index[extra - 1]),
                    )
                record += part.num_rows
                # Rows blank in every cell (",,," from spreadsheets) carry nothing; Arrow
                # finds them far faster than a comparison of Python strings would.
                blank = pc.equal(pc.binary_length(trimmed[0]), 0)
                for column in trimmed[1:]:
                    blank = pc.and_(blank, pc.equal(pc.binary_length(column), 0))
                if pc.any(blank).as_py():
                    frame = frame[~blank.to_numpy(zero_copy_only=False)]
                yield frame
    except pa.ArrowInvalid as exc:
        message = str(exc).split("\n")[0]
        if "utf8" in message.lower():
            raise _not_utf8(path) from exc
        ragged = _first_ragged_record(path, width)
        if ragged is None:
            raise UnreadableFile(f"malformed CSV: {message}") from exc
        detail = f"expected {width} fields like the header, found {ragged.fields}"
        if ragged.spaces_only:
            detail = "the line holds only spaces (delete it, or fill in the row)"
        elif ragged.last > ragged.first:  # only a quote left open makes a record span lines
            closed = (
                "is never closed" if ragged.never_closed else f"closes only on row {ragged.last}"
            )
            detail = f"a quote opened on this row {closed} ({detail})"
        raise UnreadableFile(f"malformed CSV: {detail}", row=ragged.first) from exc


def _raw_width(path: Path) -> int:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return len(next(csv.reader(handle), []))


def _cells_beyond_header(part: Any, named: int) -> int:
    """1-based index of the first record with a value in an unnamed column, or 0."""
    import pyarrow.compute as pc

    for i in range(named, part.num_columns):
        filled = pc.not_equal(pc.utf8_trim_whitespace(part.column(i)), "")
        if pc.any(filled).as_py():
            return int(pc.index(filled, True).as_py()) + 1
    return 0


def _newlines_inside(part: Any) -> npt.NDArray[np.int64] | None:
    """Per record, the line breaks inside its cells (None when there are none, as usual)."""
    import pyarrow.compute as pc

    counts = [pc.count_substring(part.column(i), "\n") for i in range(part.num_columns)]
    if not any(pc.sum(c).as_py() for c in counts):
        return None
    return np.sum([c.to_numpy(zero_copy_only=False) for c in counts], axis=0).astype(np.int64)


def _not_utf8(path: Path) -> UnreadableFile:
    """Where the first byte that is not UTF-8 text lies, so it can be found and fixed."""
    with path.open("rb") as handle:
        for line, raw in enumerate(handle, start=1):
            try:
                raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                before = raw[: exc.start].decode("utf-8", errors="replace")[-20:]
                return UnreadableFile(
                    f"byte 0x{raw[exc.start]:02X} after {before!r} is not UTF-8 text "
                    "(save the file as CSV UTF-8)",
                    row=line,
                )
    return UnreadableFile("the file is not UTF-8 text (save it as CSV UTF-8)")


def _has_blank_lines(path: Path) -> bool:
    """Blank lines inside the data (not at its end) would shift the fast reader's numbering."""
    previous = b""
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 22), b""):
            # Windows (CRLF) and old Mac (CR) line ends both count as line ends.
            window = (previous + block).replace(b"\r\n", b"\n").replace(b"\r", b"\n")
            if b"\n\n" in window.rstrip(b"\r\n\t "):
                return True
            previous = block[-2:]
    return False


def _record_lines(path: Path) -> npt.NDArray[np.int64]:
    """The line each non-empty record starts on, in the order Arrow returns them."""
    starts = []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        next(reader, None)
        previous_end = reader.line_num
        for record in reader:
            if record:
                starts.append(previous_end + 1)
            previous_end = reader.line_num
    return np.asarray(starts, dtype=np.int64)


@dataclass(frozen=True)
class Ragged:
    first: int  # the line the record starts on
    last: int  # the line it ends on (later than `first` when a quote was left open)
    fields: int
    never_closed: bool  # the quote that opened it is still open at the end of the file
    spaces_only: bool = False  # a line of blanks: not a blank line to a CSV reader


def _first_ragged_record(path: Path, width: int) -> Ragged | None:
    """Where the parser gave up: the first record whose field count differs from the header's.

    Only runs on the error path, so plain Python speed is fine.
    """
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        next(reader, None)
        previous_end = reader.line_num
        for record in reader:
            if record and len(record) != width:
                last = reader.line_num
                first = previous_end + 1
                spaces = all(not cell.strip() for cell in record)
                return Ragged(first, last, len(record), _quote_left_open(path, first, last),
                              spaces)  # fmt: skip
            previous_end = reader.line_num
    return None


def _quote_left_open(path: Path, first: int, last: int) -> bool:
    """An odd number of quote characters from `first` to `last`: one never closes."""
    quotes = 0
    with path.open("rb") as handle:
        for line, raw in enumerate(handle, start=1):
            if line > last:
                break
            if line >= first:
                quotes += raw.count(b'"')
    return quotes % 2 == 1


def _sheet_header(path: Path, sheet: str) -> list[str]:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        row = next(workbook[sheet].iter_rows(values_only=True), None)
        return [_cell_text(v) for v in row or []]
    finally:
        workbook.close()


def _read_sheet(
    path: Path, sheet: str, header: list[str], chunk_rows: int
) -> Iterator[pd.DataFrame]:
    from openpyxl import load_workbook

    # Two views of the same cells: the saved values, and the formulas behind them. A formula
    # whose value was never saved (a file written by a script, never opened in Excel) would
    # otherwise read as a blank cell and quietly take the column's default.
    values_book = load_workbook(path, read_only=True, data_only=True)
    formula_book = load_workbook(path, read_only=True, data_only=False)
    try:
        values = values_book[sheet].iter_rows(values_only=True)
        formulas = formula_book[sheet].iter_rows(values_only=True)
        next(values, None)
        next(formulas, None)
        width = len(header)
        batch: list[list[str]] = []
        start = line = 2
        for row, raw in zip(values, formulas, strict=False):
            for i, (value, formula) in enumerate(zip(row, raw, strict=False)):
                if value is None and isinstance(formula, str) and formula.startswith("="):
                    column = header[i] if i < width else f"column {i + 1}"
                    raise UnreadableFile(
                        f"cell in column {column!r} holds a formula with no saved value "
                        "(open the file in Excel and save it)",
                        row=line,
                    )
                if i >= width and value is not None and str(value).strip():
                    raise UnreadableFile(
                        "a value lies beyond the last named column (name the column or "
                        "delete the value)",
                        row=line,
                    )
            batch.append([_cell_text(v) for v in row[:width]] + [""] * (width - len(row)))
            line += 1
            if len(batch) >= chunk_rows:
                yield _sheet_frame(batch, header, start)
                start += len(batch)
                batch = []
        if batch:
            yield _sheet_frame(batch, header, start)
    finally:
        values_book.close()
        formula_book.close()


def _sheet_frame(batch: list[list[str]], names: list[str], start: int) -> pd.DataFrame:
    frame = pd.DataFrame(batch, columns=range(len(names)), dtype=str)
    frame.columns = pd.Index(names)
    frame.index = pd.RangeIndex(start, start + len(batch))
    for i in range(len(names)):
        frame.iloc[:, i] = frame.iloc[:, i].str.strip()
    return frame


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
