"""The documented file contract: every example in docs/file-contract.md imports as shown."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import Engine

from planning.contract import FILES
from tests.helpers import run_import, write_files

DOC = Path(__file__).resolve().parents[2] / "docs" / "file-contract.md"


def documented_examples() -> dict[str, str]:
    text = DOC.read_text(encoding="utf-8")
    found = re.findall(r"^### (\w+\.csv)\b.*?```csv\n(.*?)```", text, flags=re.M | re.S)
    return dict(found)


def test_every_file_kind_is_documented_with_an_example() -> None:
    assert sorted(documented_examples()) == sorted(f"{spec.entity}.csv" for spec in FILES)


def test_the_documented_columns_are_the_contract_columns() -> None:
    for name, body in documented_examples().items():
        spec = next(s for s in FILES if f"{s.entity}.csv" == name)
        assert body.splitlines()[0].split(",") == list(spec.column_names), name


def test_the_documented_examples_import(engine: Engine, tmp_path: Path) -> None:
    summary = run_import(engine, write_files(tmp_path / "docs", documented_examples()))
    assert {entity for entity, c in summary.counts.items() if c.inserted} == {
        spec.entity for spec in FILES
    }
