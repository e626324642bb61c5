"""The documented file contract: every example in docs/file-contract.md imports as shown."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from sqlalchemy import Engine

from planning.contract import FILES
from planning.feedback.files import import_feedback
from planning.feedback.search import search_feedback
from planning.feedback.store import load_reading
from tests.conftest import NOW
from tests.helpers import run_import, write_files

DOC = Path(__file__).resolve().parents[2] / "docs" / "file-contract.md"
FEEDBACK = "feedback.csv"  # documented there too, imported on its own (ponte feedback import)


def documented_examples() -> dict[str, str]:
    text = DOC.read_text(encoding="utf-8")
    found = re.findall(r"^### (\w+\.csv)\b.*?```csv\n(.*?)```", text, flags=re.M | re.S)
    return {name: body for name, body in found if name != FEEDBACK}


def feedback_example() -> str:
    text = DOC.read_text(encoding="utf-8")
    return re.findall(rf"^### {FEEDBACK}\b.*?```csv\n(.*?)```", text, flags=re.M | re.S)[0]


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


def test_the_documented_feedback_file_imports(engine: Engine, tmp_path: Path) -> None:
    run_import(engine, write_files(tmp_path / "docs", documented_examples()))
    path = tmp_path / FEEDBACK
    path.write_text(feedback_example(), encoding="utf-8")
    done = import_feedback(engine, path, now=NOW, actor="test", reading=load_reading(engine))
    assert (done.rows, done.stored) == (2, 2)
    found = search_feedback(engine, today=NOW.date(), start=dt.date(2026, 11, 1))
    assert found.count == 2 and found.unmatched == 1  # Ferramenta Nuova buys nothing yet
    assert found.products == (("MOK-003", 1),)
