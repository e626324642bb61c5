# The two commands a newcomer needs: `make run` and `make test`.
# Both create the virtualenv and install the project on first use; nothing else to set up.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench-import clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

## Start Ponte on the embedded default (SQLite + demo data; local shell without Slack credentials).
run: $(STAMP)
	$(BIN)/ponte run

## Lint, type-check and run the whole test suite.
test: $(STAMP) lint
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy planning tools bot

bench-import: $(STAMP)
	$(BIN)/python bench/import_bench.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
