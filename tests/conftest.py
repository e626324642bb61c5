"""Shared fixtures: a fresh database per test, on SQLite and on PostgreSQL.

PostgreSQL tests create and drop their own database on the server named by
PONTE_TEST_POSTGRES_URL (default: 127.0.0.1:5432, database `test`, trust auth). Without a
reachable server they skip with the reason, unless PONTE_REQUIRE_POSTGRES=1 (set by CI),
which turns the skip into a failure.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url

from planning.db import make_engine, normalize_url, upgrade
from planning.demo import generate_demo, write_demo_files

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
    write_demo_files(generate_demo(seed=7, today=DEMO_TODAY), folder)
    return folder


@pytest.fixture
def loaded(engine: Engine, tmp_path: Path) -> Engine:
    """A database already holding the small company, so 'unchanged' means something."""
    from tests.helpers import SMALL_COMPANY, run_import, write_files

    run_import(engine, write_files(tmp_path / "base", SMALL_COMPANY))
    return engine
