"""Validating contract files: text cells in, typed frames out, every problem recorded.

Checks are vectorised over whole columns (a million sales rows validate in about a second);
only the problems that will be shown are formatted.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from planning.contract import ColumnSpec, FileSpec, Reference
from planning.problems import Problems

SLACK_USER_ID = r"[UW][A-Z0-9]+"
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
        typed[column.name] = _convert(column, values, blank, rows, label, problems)
    return pd.DataFrame(typed, index=text.index)


def _convert(
    column: ColumnSpec,
    values: pd.Series,
    blank: np.ndarray,
    rows: np.ndarray,
    label: str,
    problems: Problems,
) -> pd.Series:
    name = column.name
    if column.kind in ("number", "int"):
        numbers = pd.to_numeric(values.where(~blank, None), errors="coerce")
        bad = (~blank) & numbers.isna().to_numpy()
        _report_values(problems, label, rows, bad, values, name, "is not a number")
        if column.kind == "int":
            fractional = (~bad) & (~blank) & (numbers.fillna(0) % 1 != 0).to_numpy()
            _report_values(problems, label, rows, fractional, values, name, "is not a whole number")
            numbers = numbers.where(~fractional)  # reported; keep the frame castable
        if column.minimum is not None:
            if column.strictly_positive:
                low = (numbers <= column.minimum).to_numpy()
                _report_values(problems, label, rows, low, values, name, "must be greater than 0")
            else:
                low = (numbers < column.minimum).to_numpy()
                _report_values(problems, label, rows, low, values, name, "must not be negative")
        if column.default is not None:
            numbers = numbers.fillna(column.default)
        return numbers.astype("Int64") if column.kind == "int" else numbers.astype(float)
    if column.kind == "date":
        # Files repeat the same few dates (and ids) a million times: check each distinct
        # value once, then spread the answer back over the rows.
        codes, distinct = pd.factorize(values)
        parsed = pd.to_datetime(pd.Series(distinct), format="%Y-%m-%d", errors="coerce")
        iso = parsed.to_numpy().astype("datetime64[D]").astype(str).astype(object)
        iso[parsed.isna().to_numpy()] = None
        result = pd.Series(iso[codes], index=values.index)
        bad = (~blank) & result.isna().to_numpy()
        _report_values(problems, label, rows, bad, values, name, "is not a date (use YYYY-MM-DD)")
        return result
    text = values
    broken = (~blank) & _contains_distinct(values, "\n|\r")
    if broken.any():
        # Only an unclosed quote makes a cell span lines in these files.
        reason = "spans several lines (is a quote left open on this row?)"
        _report_values(problems, label, rows, broken, values, name, reason)
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
    if column.default is not None:
        return text.where(~blank, column.default).astype(object)
    return text.where(~blank, None).astype(object)


def _fullmatch_distinct(values: pd.Series, pattern: str) -> np.ndarray:
    codes, distinct = pd.factorize(values)
    matches = pd.Series(distinct).str.fullmatch(pattern).to_numpy(dtype=bool)
    return matches[codes]


def _contains_distinct(values: pd.Series, pattern: str) -> np.ndarray:
    codes, distinct = pd.factorize(values)
    found = pd.Series(distinct).str.contains(pattern).to_numpy(dtype=bool)
    return found[codes]


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
    problems.add_rows(label, rows[hit], column, (f"{v!r} {reason}" for v in shown))


def check_file(
    spec: FileSpec, frame: pd.DataFrame, label: str, known: KnownKeys, problems: Problems
) -> pd.DataFrame:
    """Whole-file checks: references, duplicate keys, rules across columns.

    Returns the frame ready to write (rows sharing a key summed where the contract says so).
    """
    if spec.entity == "people":
        # A manager may be listed in the same file, on any row.
        known.keys["person"].update(frame["slack_user_id"].dropna())
    rows = frame.index.to_numpy()
    for column in spec.columns:
        if column.references is not None:
            _check_reference(column, frame[column.name], rows, label, known, problems)
    if spec.entity == "quotas":
        _check_quota_rules(frame, rows, label, problems)
    if spec.entity == "capacity":
        starts, ends = frame["start_date"], frame["end_date"]
        bad = (ends.notna() & starts.notna() & (ends < starts)).to_numpy()
        problems.add_rows(label, rows[bad], "end_date", "is before start_date")
    return _handle_duplicates(spec, frame, label, problems)


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
    spec: FileSpec, frame: pd.DataFrame, label: str, problems: Problems
) -> pd.DataFrame:
    key = list(spec.key)
    repeated = frame.duplicated(subset=key, keep="first")
    if not repeated.any():
        return frame
    if spec.duplicates == "sum":
        groups = frame.groupby(key, dropna=False, sort=False)
        combined = groups[list(spec.summed)].sum(min_count=1)
        others = [c for c in frame.columns if c not in key and c not in spec.summed]
        if others:
            combined = combined.join(groups[others].first())
        return combined.reset_index()[list(frame.columns)]
    first_rows = frame.loc[~frame.duplicated(subset=key, keep="first"), key].reset_index(
        names="first"
    )
    dups = frame.loc[repeated, key].reset_index(names="row")
    matched = dups.merge(first_rows, on=key, how="left").sort_values("row")
    shown = matched.head(problems.keep)
    reasons = [
        f"duplicate key {_describe_key(key, r)} (first on row {int(r['first'])})"
        for _, r in shown.iterrows()
    ]
    problems.add_rows(label, matched["row"].to_numpy(), key[0], reasons)
    return frame


def _describe_key(key: list[str], row: pd.Series) -> str:
    parts = [f"{k}={row[k]!r}" for k in key if row[k] is not None and row[k] == row[k]]
    return ", ".join(parts)
