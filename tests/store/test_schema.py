"""The declared schema and the migrations agree: autogenerate would neither drop nor add anything."""

from __future__ import annotations

from importlib import resources
from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from vigie.store import REVISION, Store
from vigie.store.schema import Base, is_compared


def test_a_migrated_database_matches_the_declared_schema(store: Store) -> None:
    """Issue 5: the indexes of migrations 0005, 0007 and 0008 are declared, FTS5 tables left alone."""

    def include_object(item: Any, name: str | None, kind: str, reflected: bool, compare_to: Any) -> bool:
        return is_compared("sqlite", name, kind)

    with store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_object": include_object})
        assert compare_metadata(context, Base.metadata) == []
        indexes = {
            row[0]
            for row in connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'index'")
        }
    assert {"ix_events_date_type_region", "ix_events_region_date_type", "ix_events_actor2_place", "ix_events_type_date_place",
            "ix_search_rows_facets"} <= indexes  # fmt: skip


def test_migrations_keep_the_triggers_of_the_search_index(store: Store) -> None:
    """Migration 0009 added a column by copying the articles table, which dropped its search triggers."""
    with store.engine.connect() as connection:
        triggers = {
            row[0]
            for row in connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        }
    assert {
        "search_insert",
        "search_delete",
        "search_update",
        "events_fts_insert",
        "event_weeks_insert",
    } <= triggers


def test_the_revision_a_store_opens_without_alembic_is_the_head() -> None:
    """Issue 14: Store.open skips Alembic for a database at REVISION; a new migration must move it."""
    config = Config()
    config.set_main_option("script_location", str(resources.files("vigie.store") / "migrations"))
    assert ScriptDirectory.from_config(config).get_current_head() == REVISION
