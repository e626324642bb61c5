"""Fixtures for the assistant: the demo company as a catalogue, and as a database with a
forecast run (built once per session: the assistant's tests only read it)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import Engine

from planning.catalogue import Catalogue
from planning.db import make_engine, upgrade
from planning.demo import generate_demo
from planning.forecast.runs import compute_forecast, load_sales, store_run
from planning.importer import import_files
from tests.conftest import DEMO_TODAY, NOW
from tools.assistant import Assistant, Outcome
from tools.matching import CatalogueIndex
from tools.router import RESERVED, Router


def catalogue_of(frames: dict[str, pd.DataFrame]) -> Catalogue:
    return Catalogue(
        version=(0, 0),
        products=tuple(frames["products"][["sku", "name", "family"]].itertuples(index=False)),
        locations=tuple(frames["locations"][["code", "name", "kind"]].itertuples(index=False)),
        territories=tuple(frames["territories"][["code", "name"]].itertuples(index=False)),
        people=tuple(frames["people"][["slack_user_id", "name", "role"]].itertuples(index=False)),
    )


@pytest.fixture(scope="session")
def demo_frames() -> dict[str, pd.DataFrame]:
    return generate_demo(seed=7, today=DEMO_TODAY)


@pytest.fixture(scope="session")
def router(demo_frames: dict[str, pd.DataFrame]) -> Router:
    return Router(CatalogueIndex(catalogue_of(demo_frames), RESERVED))


@pytest.fixture(scope="session")
def demo_engine(demo_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """The demo company imported into SQLite, with one weekly forecast run."""
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('assistant') / 'ponte.db'}")
    upgrade(engine)
    import_files(engine, [demo_dir], now=NOW, actor="test")
    result = compute_forecast(load_sales(engine), today=DEMO_TODAY)
    store_run(engine, result, now=NOW, engine_name="local", duration_seconds=1.0)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def assistant(demo_engine: Engine) -> Assistant:
    return Assistant(demo_engine)


class Ask:
    """Ask the demo assistant a question as someone, on the demo's today."""

    def __init__(self, assistant: Assistant) -> None:
        self.assistant = assistant

    def __call__(self, question: str, user: str = "U01ROSSI", **kwargs: object) -> Outcome:
        return self.assistant.ask(
            question,
            user=user,
            today=DEMO_TODAY,
            now=dt.datetime(2026, 11, 27, 10, 0, tzinfo=dt.UTC),
            **kwargs,  # type: ignore[arg-type]
        )


@pytest.fixture(scope="session")
def ask(assistant: Assistant) -> Ask:
    return Ask(assistant)
