"""Shared fixtures: a fresh database per test, on SQLite and on PostgreSQL.

PostgreSQL tests create and drop their own database on the server named by
PONTE_TEST_POSTGRES_URL (default: 127.0.0.1:5432, database `test`, trust auth). Without a
reachable server they skip with the reason, unless PONTE_REQUIRE_POSTGRES=1 (set by CI),
which turns the skip into a failure.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url

from planning.catalogue import Catalogue, other_names
from planning.db import make_engine, normalize_url, upgrade
from planning.demo import generate_demo, write_demo_files
from planning.feedback.demo import write_demo_feedback
from planning.feedback.files import import_feedback
from planning.feedback.store import load_reading
from planning.forecast.runs import compute_forecast, load_sales, store_run
from planning.importer import import_files
from tools.assistant import Assistant, Outcome
from tools.matching import CatalogueIndex
from tools.router import RESERVED, Router

POSTGRES_ADMIN_URL = os.environ.get(
    "PONTE_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"
)
DEMO_TODAY = dt.date(2026, 11, 27)
NOW = dt.datetime(2026, 11, 27, 9, 30, tzinfo=dt.UTC)


def _postgres_admin() -> Engine:
    engine = make_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:
        engine.dispose()
        reason = f"PostgreSQL not reachable at {POSTGRES_ADMIN_URL}: {exc.__class__.__name__}"
        if os.environ.get("PONTE_REQUIRE_POSTGRES") == "1":
            pytest.fail(reason + " (PONTE_REQUIRE_POSTGRES=1)")
        pytest.skip(reason)
    return engine


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A brand-new, empty PostgreSQL database for one test, dropped afterwards."""
    admin = _postgres_admin()
    name = f"ponte_test_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(normalize_url(POSTGRES_ADMIN_URL)).set(database=name)
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'ponte.db'}"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest) -> str:
    """Each test using this runs twice: on SQLite and on PostgreSQL."""
    return str(request.getfixturevalue(f"{request.param}_url"))


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    """A migrated, empty database."""
    engine = make_engine(database_url)
    upgrade(engine)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo company's contract files for DEMO_TODAY (seed 7), written once."""
    folder = tmp_path_factory.mktemp("demo")
    frames = generate_demo(seed=7, today=DEMO_TODAY)
    write_demo_files(frames, folder)
    write_demo_feedback(frames["sales"], folder, today=DEMO_TODAY, seed=7)
    return folder


@pytest.fixture
def loaded(engine: Engine, tmp_path: Path) -> Engine:
    """A database already holding the small company, so 'unchanged' means something."""
    from tests.helpers import SMALL_COMPANY, run_import, write_files

    run_import(engine, write_files(tmp_path / "base", SMALL_COMPANY))
    return engine


# -- the assistant on the demo company (read-only, built once per session) ------------------


def catalogue_of(frames: dict[str, pd.DataFrame]) -> Catalogue:
    return Catalogue(
        version=(0, 0),
        products=tuple(frames["products"][["sku", "name", "family"]].itertuples(index=False)),
        locations=tuple(frames["locations"][["code", "name", "kind"]].itertuples(index=False)),
        territories=tuple(frames["territories"][["code", "name"]].itertuples(index=False)),
        people=tuple(frames["people"][["slack_user_id", "name", "role"]].itertuples(index=False)),
        other_names=tuple(
            other_names(
                frames["products"][["sku", "name_en", "aliases"]].fillna("").itertuples(index=False)
            )
        ),
        customers=tuple(
            frames["sales"].groupby("customer")["territory"].agg(lambda t: t.mode()[0]).items()
        ),
    )


@pytest.fixture(scope="session")
def demo_frames() -> dict[str, pd.DataFrame]:
    return generate_demo(seed=7, today=DEMO_TODAY)


@pytest.fixture(scope="session")
def router(demo_frames: dict[str, pd.DataFrame]) -> Router:
    return Router(CatalogueIndex(catalogue_of(demo_frames), RESERVED))


def load_company(engine: Engine, folder: Path) -> Engine:
    """A company's contract files imported into `engine`, with one weekly forecast run, as
    on DEMO_TODAY."""
    import_files(engine, [folder], now=NOW, actor="test")
    if (feedback := folder / "feedback" / "feedback.csv").exists():
        import_feedback(engine, feedback, now=NOW, actor="test", reading=load_reading(engine))
    result = compute_forecast(load_sales(engine), today=DEMO_TODAY)
    store_run(engine, result, now=NOW, engine_name="local", duration_seconds=1.0)
    return engine


@pytest.fixture(scope="session")
def demo_engine(demo_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """The demo company imported into SQLite, with one weekly forecast run."""
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('assistant') / 'ponte.db'}")
    upgrade(engine)
    yield load_company(engine, demo_dir)
    engine.dispose()


@pytest.fixture(scope="session")
def demo_file(demo_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo company with one forecast run in a SQLite file, built once, for tests that
    write to a copy of it (`writable_demo`)."""
    path = tmp_path_factory.mktemp("writable") / "demo.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    load_company(engine, demo_dir)
    engine.dispose()
    return path


@pytest.fixture
def writable_demo(demo_file: Path, tmp_path: Path) -> Iterator[Engine]:
    """A private copy of the demo company (what a test writes stays in it)."""
    from planning.memo import forget_everything

    shutil.copy(demo_file, tmp_path / "demo.db")
    engine = make_engine(f"sqlite:///{tmp_path / 'demo.db'}")
    yield engine
    engine.dispose()
    forget_everything()


@pytest.fixture(scope="session")
def assistant(demo_engine: Engine) -> Assistant:
    return Assistant(demo_engine)


class Ask:
    """Ask the demo assistant a question as someone, on the demo's today."""

    def __init__(self, assistant: Assistant) -> None:
        self.assistant = assistant

    def __call__(
        self,
        question: str,
        user: str = "U01ROSSI",
        today: dt.date = DEMO_TODAY,
        **kwargs: object,
    ) -> Outcome:
        return self.assistant.ask(
            question,
            user=user,
            today=today,
            now=dt.datetime(2026, 11, 27, 10, 0, tzinfo=dt.UTC),
            **kwargs,  # type: ignore[arg-type]
        )


@pytest.fixture(scope="session")
def ask(assistant: Assistant) -> Ask:
    return Ask(assistant)
