"""Alembic environment: runs migrations on the engine Ponte passes in."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

import planning.models  # noqa: F401  (registers the tables on SQLModel.metadata)
from planning.db import described_by_models

config = context.config
target_metadata = SQLModel.metadata


def run_migrations_online() -> None:
    engine = config.attributes["engine"]
    with engine.begin() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            include_object=described_by_models,
            render_as_batch=connection.dialect.name == "sqlite",
        )
        context.run_migrations()


run_migrations_online()
