"""stable ids: events and interactions numbered from the sentence that first told them

Revision ID: 0015_stable_ids
Revises: 0017_search_facets
Create Date: 2026-12-07 10:30:00

An event's or an interaction's id is no longer a row number but `vigie.store.ids`: a hash of the
article and offset of the sentence that first told it and of its key fields, in [2^32, 2^53). The
same documents ingested into a new database give the same ids (the API, the exports' `id` and
`event_id_cnty`, the dashboard's links).

This migration widens the ids to BIGINT on PostgreSQL (SQLite's INTEGER holds 64 bits) and
renumbers the stored rows: each event or interaction takes the id a new database would give it,
from the earliest sentence of the first document that told it (earliest ingested). Rows are copied
under their new id, their sources after them, then the old rows deleted: the search triggers
(events_fts, event_weeks) follow inserts and deletes, and no foreign key is ever left dangling.
Flags and every other column are kept. Downgrading keeps the new numbers (they fit SQLite's
INTEGER; on PostgreSQL the columns stay BIGINT).
"""
from collections import defaultdict
from collections.abc import Callable
from functools import partial
from typing import Any, Sequence, Union

import sqlalchemy as sa
from alembic import op

from vigie.store import ids

revision: str = "0015_stable_ids"
down_revision: Union[str, Sequence[str], None] = "0017_search_facets"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

KEYS = (("events", "id"), ("event_sources", "event_id"), ("interactions", "id"),
        ("interaction_sources", "interaction_id"))  # fmt: skip


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        for table, column in KEYS:
            op.alter_column(table, column, type_=sa.BigInteger(), existing_type=sa.Integer(),
                            existing_nullable=False)  # fmt: skip
    firsts = _first_told(bind, "event_sources", "event_id")
    derive: dict[int, Derive] = {}
    for row in bind.execute(sa.text("SELECT id, event_type, location FROM events")).all():
        derive[row.id] = partial(_event, firsts.get(row.id), row.id, row.event_type, row.location)
    _renumber(bind, "events", "event_sources", "event_id", derive)
    firsts = _first_told(bind, "interaction_sources", "interaction_id")
    derive = {}
    for row in bind.execute(sa.text("SELECT id, type, party1, party2 FROM interactions")).all():
        parties = (row.party1, row.party2)
        derive[row.id] = partial(_interaction, firsts.get(row.id), row.id, row.type, parties)
    _renumber(bind, "interactions", "interaction_sources", "interaction_id", derive)


def downgrade() -> None:
    """The new numbers stay: they are valid ids of the older schema."""


Derive = Callable[[int], int]  # salt -> id


def _event(first: tuple[str, int] | None, old: int, event_type: str, location: str | None, salt: int) -> int:
    if first is None:  # no sentence reports it any more (an orphan the next save deletes)
        return ids.stable_id("orphan event", str(old), salt=salt)
    return ids.event_id(first[0], first[1], event_type, location, salt)


def _interaction(first: tuple[str, int] | None, old: int, kind: str, parties: tuple[str, str], salt: int) -> int:
    if first is None:
        return ids.stable_id("orphan interaction", str(old), salt=salt)
    return ids.interaction_id(first[0], first[1], kind, parties, salt)


def _first_told(bind: Any, sources: str, owner: str) -> dict[int, tuple[str, int]]:
    """Each owner's earliest sentence (article, offset) in the first document that told it."""
    query = sa.text(
        f"SELECT s.{owner} AS owner, s.article_id, s.start_offset, a.position, d.id AS document, "
        f"d.ingested_at FROM {sources} s JOIN articles a ON a.id = s.article_id "
        "JOIN documents d ON d.id = a.document_id"
    )
    told: dict[int, list[Any]] = defaultdict(list)
    for row in bind.execute(query):
        told[row.owner].append(row)
    firsts = {}
    for owner_id, rows in told.items():
        first_doc = min(rows, key=lambda r: (str(r.ingested_at), r.document)).document
        first = min((r for r in rows if r.document == first_doc),
                    key=lambda r: (r.position, r.article_id, r.start_offset))  # fmt: skip
        firsts[owner_id] = (first.article_id, first.start_offset)
    return firsts


def _renumber(bind: Any, table: str, sources: str, owner: str, derive: dict[int, Derive]) -> None:
    """Copy each row of `table` under its new id, its sources after it, then delete the old rows."""
    mapping, used = [], set()
    for old in sorted(derive):
        salt = 0
        while (new := derive[old](salt)) in used:
            salt += 1
        used.add(new)
        mapping.append({"old_id": old, "new_id": new})
    if not mapping:
        return
    bind.execute(sa.text("CREATE TEMPORARY TABLE vigie_renumber (old_id BIGINT PRIMARY KEY, new_id BIGINT)"))
    bind.execute(sa.text("INSERT INTO vigie_renumber (old_id, new_id) VALUES (:old_id, :new_id)"), mapping)
    inspector = sa.inspect(bind)
    columns = [c["name"] for c in inspector.get_columns(table) if c["name"] != "id"]
    listed = ", ".join(columns)
    copied = ", ".join(f"t.{name}" for name in columns)
    bind.execute(sa.text(
        f"INSERT INTO {table} (id, {listed}) SELECT m.new_id, {copied} FROM {table} t "
        "JOIN vigie_renumber m ON m.old_id = t.id"
    ))  # fmt: skip
    columns = [c["name"] for c in inspector.get_columns(sources) if c["name"] != owner]
    listed = ", ".join(columns)
    copied = ", ".join(f"t.{name}" for name in columns)
    bind.execute(sa.text(
        f"INSERT INTO {sources} ({owner}, {listed}) SELECT m.new_id, {copied} FROM {sources} t "
        f"JOIN vigie_renumber m ON m.old_id = t.{owner}"
    ))  # fmt: skip
    bind.execute(sa.text(f"DELETE FROM {sources} WHERE {owner} IN (SELECT old_id FROM vigie_renumber)"))
    bind.execute(sa.text(f"DELETE FROM {table} WHERE id IN (SELECT old_id FROM vigie_renumber)"))
    bind.execute(sa.text("DROP TABLE vigie_renumber"))
