"""Validating contract files: text cells in, typed frames out, every problem recorded.

Checks are vectorised over whole columns (a million sales rows validate in about a second);
only the problems that will be shown are formatted.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from planning.contract import (
    FIRST_YEAR,
    FLAG_NO,
    FLAG_YES,
    LAST_YEAR,
    OPEN_END,
    ColumnSpec,
    FileSpec,
    Reference,
)
from planning.problems import Problems

SLACK_USER_ID = r"[UW][A-Z0-9]+"
ISO_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}")
INT_MAX = 2**31 - 1  # the database's INTEGER
SHOWN_CHARS = 60  # of a bad value, in a problem line
PERIOD = r"\d{4}(?:-(?:0[1-9]|1[0-2])|-Q[1-4])?"
_REFERENCE_NOUN: dict[Reference, str] = {
    "product": "product",
    "location": "location",
    "plant": "plant",
    "territory": "territory",
    "person": "person (slack_user_id in people)",
    "family": "product family",
}


@dataclass
class KnownKeys:
    """What references may point at: keys in the database plus those in this import."""

    keys: dict[Reference, set[str]] = field(
        default_factory=lambda: {
            "product": set(),
            "location": set(),
            "plant": set(),
            "territory": set(),
            "person": set(),
            "family": set(),
        }
    )

    # Who reports to whom, and the capacity periods, as the database holds them now.
    managers: dict[str, str | None] = field(default_factory=dict)
    capacity: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(
            columns=["plant", "family", "start_date", "end_date"], dtype=object
        )
    )

    def learn(self, spec: FileSpec, frame: pd.DataFrame) -> None:
        """Make the rows of a validated file available to the files that follow it."""
        if spec.entity == "products":
            self.keys["product"].update(frame["sku"])
            self.keys["family"].update(frame["family"])
        elif spec.entity == "locations":
            self.keys["location"].update(frame["code"])
            self.keys["plant"].update(frame.loc[frame["kind"] == "plant", "code"])
        elif spec.entity == "territories":
            self.keys["territory"].update(frame["code"])
        elif spec.entity == "people":
            self.keys["person"].update(frame["slack_user_id"])


def check_header(spec: FileSpec, columns: list[str], label: str, problems: Problems) -> bool:
    """Required columns present, no unknown ones (a typo would silently drop data)."""
    ok = True
    present = set(columns)
    for name in sorted({c for c in columns if columns.count(c) > 1}):
        problems.add(label, 1, name or "?", "column appears more than once in the header")
        ok = False
    for name in spec.required:
        if name not in present:
            problems.add(label, 1, name, "missing required column")
            ok = False
    for name in columns:
        if name not in spec.column_names:
            expected = ", ".join(spec.column_names)
            problems.add(label, 1, name or "?", f"unknown column (expected: {expected})")
            ok = False
    return ok


def type_chunk(spec: FileSpec, text: pd.DataFrame, label: str, problems: Problems) -> pd.DataFrame:
    """Convert one chunk of text cells to typed columns, recording every bad cell."""
    typed: dict[str, pd.Series] = {}
    rows = text.index.to_numpy()
    for column in spec.columns:
        if column.name in text.columns:
            values = text[column.name]
        else:
            values = pd.Series("", index=text.index, dtype=object)
        blank = (values == "").to_numpy()
        if column.required and blank.any():
            problems.add_rows(label, rows[blank], column.name, "required value is missing")
        typed[column.name] = _convert(column, spec.sql_table, values, blank, rows, label, problems)
    return pd.DataFrame(typed, index=text.index)


def _convert(
    column: ColumnSpec,
    spec_table: Any,
    values: pd.Series,
    blank: np.ndarray,
    rows: np.ndarray,
    label: str,
    problems: Problems,
) -> pd.Series:
    name = column.name
    broken = (~blank) & _contains_distinct(values, "\n|\r")
    if broken.any():
        # Only a quote left open makes a cell span lines in these files; the cell then holds
        # the rows that follow, so say where it starts and ends, not all of it.
        _report_spanning(problems, label, rows, broken, values, name)
        blank = blank | broken  # reported: no second problem about the same cell
    if column.kind in ("number", "int"):
        numbers = pd.to_numeric(values.where(~blank, None), errors="coerce")
        # "inf" and "nan" parse as floats but are no quantity anyone can plan with.
        numbers = numbers.where(np.isfinite(numbers.to_numpy(dtype=float)))
        bad = (~blank) & numbers.isna().to_numpy()
        _report_values(problems, label, rows, bad, values, name, "is not a number")
        if column.kind == "int":
            fractional = (~bad) & (~blank) & (numbers.fillna(0) % 1 != 0).to_numpy()
            _report_values(problems, label, rows, fractional, values, name, "is not a whole number")
            numbers = numbers.where(~fractional)  # reported; keep the frame castable
            huge = (numbers.abs() > INT_MAX).to_numpy()
            _report_values(problems, label, rows, huge, values, name, "is too large")
            numbers = numbers.where(~huge)
        if column.minimum is not None:
            if column.strictly_positive:
                low = (numbers <= column.minimum).to_numpy()
                _report_values(problems, label, rows, low, values, name, "must be greater than 0")
            else:
                low = (numbers < column.minimum).to_numpy()
                _report_values(problems, label, rows, low, values, name, "must not be negative")
        if column.maximum is not None:
            high = (numbers > column.maximum).to_numpy()
            reason = f"is above the limit of {column.maximum:,.0f} (see the file contract)"
            _report_values(problems, label, rows, high, values, name, reason)
        if column.default is not None:
            numbers = numbers.fillna(column.default)
        return numbers.astype("Int64") if column.kind == "int" else numbers.astype(float)
    if column.kind == "flag":
        # Each distinct spelling once: a million rows hold two or three.
        yes = _distinct(values, lambda d: d.str.strip().str.lower().isin(FLAG_YES))
        no = _distinct(values, lambda d: d.str.strip().str.lower().isin(FLAG_NO))
        bad = (~blank) & ~yes & ~no
        reason = "is not yes or no (also: true/false, 1/0, y/n, sì)"
        _report_values(problems, label, rows, bad, values, name, reason)
        return pd.Series(yes & ~blank, index=values.index, dtype=bool)
    if column.kind == "date":
        # Files repeat the same few dates (and ids) a million times: check each distinct
        # value once, then spread the answer back over the rows.
        codes, distinct = pd.factorize(values)
        iso = np.array([_iso_date(v) for v in distinct], dtype=object)
        result = pd.Series(iso[codes] if len(iso) else [], index=values.index, dtype=object)
        bad = (~blank) & result.isna().to_numpy()
        _report_values(problems, label, rows, bad, values, name, "is not a date (use YYYY-MM-DD)")
        years = result.str.slice(0, 4).astype(float)
        no_end = (result == OPEN_END) if column.open_end else False
        odd = ((years < FIRST_YEAR) | ((years > LAST_YEAR) & ~no_end)).to_numpy()
        reason = f"is outside the years {FIRST_YEAR}-{LAST_YEAR} (a typing mistake?)"
        _report_values(problems, label, rows, odd, values, name, reason)
        return result.where(~odd, None)
    text = values
    limit = max_length(spec_table, name)
    if limit is not None:
        too_long = (~blank) & _distinct(values, lambda d: d.str.len() > limit)
        if too_long.any():
            shown = values.str.slice(0, 40) + "…"
            reason = f"is longer than {limit} characters"
            _report_values(problems, label, rows, too_long, shown, name, reason)
    if column.kind == "choice":
        bad = (~blank) & ~values.isin(column.choices).to_numpy()
        choices = ", ".join(column.choices)
        _report_values(problems, label, rows, bad, values, name, f"is not one of {choices}")
    elif column.kind == "slack_user_id":
        bad = (~blank) & ~_fullmatch_distinct(values, SLACK_USER_ID)
        reason = "is not a Slack user id (U or W followed by capital letters/digits)"
        _report_values(problems, label, rows, bad, values, name, reason)
    elif column.kind == "period":
        text = values.str.upper()
        bad = (~blank) & ~_fullmatch_distinct(text, PERIOD)
        reason = "is not a period (use YYYY-MM, YYYY-Qn or YYYY)"
        _report_values(problems, label, rows, bad, values, name, reason)
        years = pd.to_numeric(text.str.slice(0, 4), errors="coerce")
        odd = (~blank) & (~bad) & ((years < FIRST_YEAR) | (years > LAST_YEAR)).to_numpy()
        reason = f"is outside the years {FIRST_YEAR}-{LAST_YEAR} (a typing mistake?)"
        _report_values(problems, label, rows, odd, values, name, reason)
    if column.default is not None:
        return text.where(~blank, column.default).astype(object)
    return text.where(~blank, None).astype(object)


def _distinct(values: pd.Series, test: Callable[[pd.Series], pd.Series]) -> np.ndarray:
    """Apply `test` to each distinct value once; spread the answer back over the rows."""
    codes, distinct = pd.factorize(values)
    answers = test(pd.Series(distinct, dtype=object)).to_numpy(dtype=bool)
    return answers[codes] if len(answers) else np.zeros(len(values), dtype=bool)


def _fullmatch_distinct(values: pd.Series, pattern: str) -> np.ndarray:
    return _distinct(values, lambda d: d.str.fullmatch(pattern))


def _contains_distinct(values: pd.Series, pattern: str) -> np.ndarray:
    return _distinct(values, lambda d: d.str.contains(pattern))


def _iso_date(text: str) -> str | None:
    if not ISO_DATE.fullmatch(text):
        return None
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        return None


def max_length(table: Any, column: str) -> int | None:
    """The database's limit on a text column (PostgreSQL enforces it; SQLite would not)."""
    length = getattr(table.c[column].type, "length", None)
    return int(length) if length else None


def _report_values(
    problems: Problems,
    label: str,
    rows: np.ndarray,
    mask: np.ndarray,
    values: pd.Series,
    column: str,
    reason: str,
) -> None:
    if not mask.any():
        return
    hit = np.flatnonzero(mask)
    shown = values.to_numpy()[hit[: problems.keep]]
    problems.add_rows(label, rows[hit], column, (f"{_shown(v)!r} {reason}" for v in shown))


def _shown(value: object) -> object:
    """A value as a problem line quotes it: the start of a long one."""
    if isinstance(value, str) and len(value) > SHOWN_CHARS:
        return value[:SHOWN_CHARS] + "…"
    return value


def _report_spanning(
    problems: Problems,
    label: str,
    rows: np.ndarray,
    mask: np.ndarray,
    values: pd.Series,
    column: str,
) -> None:
    hit = np.flatnonzero(mask)
    reasons = []
    for row, value in zip(rows[hit[: problems.keep]], values.to_numpy()[hit[: problems.keep]],
                          strict=True):  # fmt: skip
        start = re.split(r"\r\n|\r|\n", value, maxsplit=1)[0][:40] + "…"
        last = int(row) + len(re.findall(r"\r\n|\r|\n", value))
        reasons.append(f"{start!r} spans rows {int(row)}-{last} (is a quote left open on row "
                       f"{int(row)}?)")  # fmt: skip
    problems.add_rows(label, rows[hit], column, reasons)


def check_file(
    spec: FileSpec,
    frame: pd.DataFrame,
    label: str,
    known: KnownKeys,
    problems: Problems,
    *,
    today: dt.date,
    warnings: Problems,
) -> pd.DataFrame:
    """Whole-file checks: references, duplicate keys, rules across columns, dates that
    cannot lie in the future (`today` is the import's day). What the contract allows but a
    person should hear about (rows summed into one) goes to `warnings`.

    Returns the frame ready to write (rows sharing a key summed where the contract says so).
    """
    if spec.entity == "people":
        # A manager may be listed in the same file, on any row.
        known.keys["person"].update(frame["slack_user_id"].dropna())
    rows = frame.index.to_numpy()
    for column in spec.columns:
        if column.references is not None:
            _check_reference(column, frame[column.name], rows, label, known, problems)
        if column.not_future:
            _check_not_future(frame[column.name], rows, label, today, problems)
    if spec.entity == "quotas":
        _check_quota_rules(frame, rows, label, problems)
    if spec.entity == "commission_plans":
        has_person, has_role = frame["person"].notna(), frame["role"].notna()
        both = (has_person & has_role).to_numpy()
        problems.add_rows(label, rows[both], "person", "give a person or a role, not both")
        neither = (~has_person & ~has_role).to_numpy()
        problems.add_rows(label, rows[neither], "person", "a person or a role is required")
    if spec.entity == "capacity":
        starts, ends = frame["start_date"], frame["end_date"]
        bad = (ends.notna() & starts.notna() & (ends < starts)).to_numpy()
        problems.add_rows(label, rows[bad], "end_date", "is before start_date")
    return _handle_duplicates(spec, frame, label, problems, warnings)


def _check_not_future(
    values: pd.Series, rows: np.ndarray, label: str, today: dt.date, problems: Problems
) -> None:
    # A day's grace: a file written this evening in a time zone ahead of the server's.
    latest = (today + dt.timedelta(days=1)).isoformat()
    future = (values.notna() & (values > latest)).to_numpy()
    reason = f"is after the day of the import ({today.isoformat()}): it cannot have happened yet"
    _report_values(problems, label, rows, future, values, str(values.name), reason)


def _check_reference(
    column: ColumnSpec,
    values: pd.Series,
    rows: np.ndarray,
    label: str,
    known: KnownKeys,
    problems: Problems,
) -> None:
    assert column.references is not None
    target = known.keys[column.references]
    missing = (values.notna() & ~values.isin(target)).to_numpy()
    if not missing.any():
        return
    hit = np.flatnonzero(missing)
    noun = _REFERENCE_NOUN[column.references]
    reasons = []
    for value in values.to_numpy()[hit[: problems.keep]]:
        if column.references == "plant" and value in known.keys["location"]:
            reasons.append(f"{value!r} is a warehouse, not a plant")
        else:
            reasons.append(f"unknown {noun} {value!r}")
    problems.add_rows(label, rows[hit], column.name, reasons)


def _check_quota_rules(
    frame: pd.DataFrame, rows: np.ndarray, label: str, problems: Problems
) -> None:
    has_rep, has_territory = frame["rep"].notna(), frame["territory"].notna()
    both = (has_rep & has_territory).to_numpy()
    problems.add_rows(label, rows[both], "rep", "give a rep or a territory, not both")
    neither = (~has_rep & ~has_territory).to_numpy()
    problems.add_rows(label, rows[neither], "rep", "a rep or a territory is required")
    no_target = (frame["target_units"].isna() & frame["target_revenue"].isna()).to_numpy()
    problems.add_rows(
        label, rows[no_target], "target_units", "target_units or target_revenue is required"
    )


def _handle_duplicates(
    spec: FileSpec, frame: pd.DataFrame, label: str, problems: Problems, warnings: Problems
) -> pd.DataFrame:
    key = list(spec.key)
    required = [k for k in key if spec.column(k).required]
    # A key part that failed validation is None: those rows are already reported, and
    # comparing them would only invent duplicates.
    complete = frame[required].notna().all(axis=1)
    frame_ok = frame if complete.all() else frame[complete]
    repeated = frame_ok.duplicated(subset=key, keep="first")
    if not repeated.any():
        return frame
    first_rows = frame_ok.loc[~repeated, key].reset_index(names="first")
    copies = frame_ok.duplicated(keep="first")[repeated]  # every column equal: an exact copy
    dups = frame_ok.loc[repeated, key].assign(_copy=copies.to_numpy()).reset_index(names="row")
    matched = dups.merge(first_rows, on=key, how="left").sort_values("row")
    shown = matched.head(problems.keep)
    if spec.duplicates == "sum":
        # Allowed (two lines of one order on one day), but a whole file exported twice
        # doubles the history without a word: say so, row by row.
        summed = " and ".join(spec.summed)
        reasons = [
            f"an exact copy of row {int(r['first'])}: its {summed} were added to that row's "
            "(was the file exported twice?)"
            if r["_copy"]
            else f"same key as row {int(r['first'])} ({_describe_key(key, r)}): its {summed} "
            "were added to that row's"
            for _, r in shown.iterrows()
        ]
        warnings.add_rows(label, matched["row"].to_numpy(), key[0], reasons)
        groups = frame.groupby(key, dropna=False, sort=False)
        combined = groups[list(spec.summed)].sum(min_count=1)
        flags = [c.name for c in spec.columns if c.kind == "flag" and c.name in frame.columns]
        if flags:  # a line of a promotion makes the summed row one
            combined = combined.join(groups[flags].max())
        others = [
            c for c in frame.columns if c not in key and c not in spec.summed and c not in flags
        ]
        if others:
            combined = combined.join(groups[others].first())
        out = combined.reset_index()[list(frame.columns)]
        # Each summed row keeps the line of its first row: what later problems report.
        lines = pd.Series(frame.index, index=frame.index)
        firsts = lines.groupby([frame[k] for k in key], dropna=False, sort=False).first()
        out.index = pd.Index(firsts.to_numpy())
        for name in spec.summed:
            _check_summed_bound(spec.column(name), out, label, problems)
        return out
    reasons = [
        f"duplicate key {_describe_key(key, r)} (first on row {int(r['first'])})"
        for _, r in shown.iterrows()
    ]
    problems.add_rows(label, matched["row"].to_numpy(), key[0], reasons)
    return frame


def _check_summed_bound(
    column: ColumnSpec, summed: pd.DataFrame, label: str, problems: Problems
) -> None:
    if column.maximum is None:
        return
    high = (summed[column.name] > column.maximum).to_numpy()
    reason = (f"rows with this key add up to more than the limit of {column.maximum:,.0f} "
              "for one row (see the file contract)")  # fmt: skip
    problems.add_rows(label, summed.index.to_numpy()[high], column.name, reason)


def _describe_key(key: list[str], row: pd.Series) -> str:
    parts = [f"{k}={row[k]!r}" for k in key if row[k] is not None and row[k] == row[k]]
    return ", ".join(parts)


def check_entity(
    spec: FileSpec, parts: list[tuple[str, pd.DataFrame]], known: KnownKeys, problems: Problems
) -> pd.DataFrame:
    """Checks across every file of one kind in an import; returns the rows to write.

    Each part is (file label, validated frame indexed by line).
    """
    key = list(spec.key)
    if len(parts) > 1:
        _check_across_files(key, parts, problems)
    combined = pd.concat([frame for _, frame in parts]) if len(parts) > 1 else parts[0][1]
    if spec.entity == "people":
        _check_management_chains(parts, known, problems)
    if spec.entity == "capacity":
        _check_capacity_overlaps(parts, known, problems)
    return combined


def _check_across_files(
    key: list[str], parts: list[tuple[str, pd.DataFrame]], problems: Problems
) -> None:
    tagged = pd.concat(
        [frame[key].assign(_file=label, _row=frame.index) for label, frame in parts],
        ignore_index=True,
    )
    repeated = tagged.duplicated(subset=key, keep="first")
    if not repeated.any():
        return
    firsts = tagged[~repeated].rename(columns={"_file": "_first_file", "_row": "_first_row"})
    for _, row in tagged[repeated].merge(firsts, on=key, how="left").iterrows():
        problems.add(
            row["_file"],
            int(row["_row"]),
            key[0],
            f"duplicate key {_describe_key(key, row)} (also in {row['_first_file']} "
            f"row {int(row['_first_row'])})",
        )


def _check_management_chains(
    parts: list[tuple[str, pd.DataFrame]], known: KnownKeys, problems: Problems
) -> None:
    """Nobody manages themselves, directly or round a loop: approvals would go nowhere."""
    managers = dict(known.managers)
    where: dict[str, tuple[str, int]] = {}
    for label, frame in parts:
        for line, person, manager in zip(
            frame.index, frame["slack_user_id"], frame["manager_slack_user_id"], strict=True
        ):
            if person is not None:
                managers[person] = manager
                where[person] = (label, int(line))
    for person, (label, line) in where.items():
        chain, current = [person], managers.get(person)
        while current is not None and current not in chain and len(chain) <= len(managers):
            chain.append(current)
            current = managers.get(current)
        if current == person:
            loop = " → ".join([*chain, person])
            reason = (
                "a person cannot be their own manager"
                if len(chain) == 1
                else f"the manager chain loops back ({loop})"
            )
            problems.add(label, line, "manager_slack_user_id", reason)


def _check_capacity_overlaps(
    parts: list[tuple[str, pd.DataFrame]], known: KnownKeys, problems: Problems
) -> None:
    """Two capacity rows for one plant and family must not cover the same week twice."""
    rows: list[tuple[dict[Hashable, Any], str, str, int]] = []
    for label, frame in parts:
        for line, record in zip(frame.index, frame.to_dict("records"), strict=True):
            rows.append((record, f"{label} row {int(line)}", label, int(line)))
    imported = {(r["plant"], r["family"], r["start_date"]) for r, *_ in rows}
    for record in known.capacity.to_dict("records"):
        if (record["plant"], record["family"], record["start_date"]) not in imported:
            rows.append((record, "the database", "", 0))
    by_line: dict[tuple[str, str], list[tuple[dict[Hashable, Any], str, str, int]]] = {}
    for item in rows:
        if item[0]["start_date"] is not None:
            by_line.setdefault((item[0]["plant"], item[0]["family"]), []).append(item)
    for periods in by_line.values():
        periods.sort(key=lambda item: str(item[0]["start_date"]))
        for earlier, later in itertools.pairwise(periods):
            end = earlier[0]["end_date"]
            if (end is None or str(end) >= str(later[0]["start_date"])) and (
                later[2] or earlier[2]
            ):
                record, _, label, line = later if later[2] else earlier
                other = earlier[1] if later[2] else later[1]
                problems.add(
                    label,
                    line,
                    "start_date",
                    f"capacity for {record['plant']}/{record['family']} overlaps the period "
                    f"starting {_date_text(earlier[0] if later[2] else later[0])} ({other})",
                )


def _date_text(record: dict[Hashable, Any]) -> str:
    return str(record["start_date"])[:10]
