"""Alembic environment: runs migrations on the connection that vigie.store hands over."""

from __future__ import annotations

from typing import Any

from alembic import context
from sqlalchemy import Connection, engine_from_config, pool

from vigie.store.schema import Base, is_compared

target_metadata = Base.metadata


def configure(connection: Connection) -> None:
    """Migrate on `connection`; autogenerate leaves alone what the schema cannot declare (FTS5 tables)."""

    def include_object(item: Any, name: str | None, kind: str, reflected: bool, compare_to: Any) -> bool:
        return is_compared(connection.dialect.name, name, kind)

    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        include_object=include_object,
    )


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = engine_from_config(
        context.config.get_section(context.config.config_ini_section, {}),
        prefix="sqlalchemy.",
        poolclass=pool.NullPool,
    )
    with engine.connect() as connection:
        configure(connection)
        with context.begin_transaction():
            context.run_migrations()


run_migrations()
