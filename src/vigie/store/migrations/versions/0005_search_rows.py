"""search rows: the FTS5 index keyed by a narrow table of article id, year and site; event sentences

Revision ID: 0005_search_rows
Revises: 0004_search
Create Date: 2026-11-23 20:00:00

SQLite: `search_rows` holds, per article, a stable integer id (the FTS5 rowid), the
article id, the publication year and the site (the document name's first word), so that
counting, faceting and ranking the matches of a common word never reads article bodies.
Triggers keep both in sync with `articles`. `events_fts` indexes the sentences that report
each event (rowid = events.id), kept in sync with `event_sources`, for the events' word filter.
PostgreSQL keeps the GIN index of 0004. Both get an index for the weekly counts.
"""
from typing import Sequence, Union

from alembic import op

revision: str = "0005_search_rows"
down_revision: Union[str, Sequence[str], None] = "0004_search"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

SITE = (
    "(SELECT CASE WHEN instr(d.name, '-') > 0 THEN substr(d.name, 1, instr(d.name, '-') - 1) "
    "ELSE d.name END FROM documents d WHERE d.id = {row}.document_id)"
)
YEAR = "CAST(strftime('%Y', {row}.published) AS INTEGER)"


def _add(row: str) -> str:
    return (
        f"INSERT INTO search_rows (article_id, year, site) VALUES ({row}.id, {YEAR.format(row=row)}, "
        f"{SITE.format(row=row)}); "
        "INSERT INTO articles_fts (rowid, title, body) "
        f"SELECT id, coalesce({row}.title, ''), {row}.body FROM search_rows WHERE article_id = {row}.id; "
    )


def _remove(row: str) -> str:
    return (
        f"DELETE FROM articles_fts WHERE rowid = (SELECT id FROM search_rows WHERE article_id = {row}.id); "
        f"DELETE FROM search_rows WHERE article_id = {row}.id; "
    )


def _event_sentences(row: str) -> str:
    return (
        f"DELETE FROM events_fts WHERE rowid = {row}.event_id; "
        "INSERT INTO events_fts (rowid, sentences) "
        f"SELECT event_id, group_concat(sentence, ' ') FROM event_sources WHERE event_id = {row}.event_id "
        "GROUP BY event_id; "
    )


def upgrade() -> None:
    # covers the dashboard's weekly counts by type and region without reading event rows
    op.create_index("ix_events_date_type_region", "events", ["event_date", "event_type", "admin1"])
    if op.get_bind().dialect.name != "sqlite":
        return
    for trigger in ("articles_fts_insert", "articles_fts_delete", "articles_fts_update"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS articles_fts")
    op.execute(
        "CREATE TABLE search_rows (id INTEGER PRIMARY KEY, article_id VARCHAR(60) NOT NULL UNIQUE, "
        "year INTEGER, site VARCHAR(300))"
    )
    op.execute("CREATE INDEX ix_search_rows_year_site ON search_rows (year, site)")
    op.execute(
        "CREATE VIRTUAL TABLE articles_fts USING fts5("
        "title, body, tokenize = 'unicode61 remove_diacritics 2')"
    )
    op.execute(
        f"INSERT INTO search_rows (article_id, year, site) SELECT a.id, {YEAR.format(row='a')}, "
        f"{SITE.format(row='a')} FROM articles a ORDER BY a.rowid"
    )
    op.execute(
        "INSERT INTO articles_fts (rowid, title, body) SELECT s.id, coalesce(a.title, ''), a.body "
        "FROM search_rows s JOIN articles a ON a.id = s.article_id"
    )
    op.execute(f"CREATE TRIGGER search_insert AFTER INSERT ON articles BEGIN {_add('new')}END")
    op.execute(f"CREATE TRIGGER search_delete AFTER DELETE ON articles BEGIN {_remove('old')}END")
    op.execute(
        "CREATE TRIGGER search_update AFTER UPDATE OF id, title, body, published ON articles "
        f"BEGIN {_remove('old')}{_add('new')}END"
    )
    op.execute("CREATE VIRTUAL TABLE events_fts USING fts5(sentences, tokenize = 'unicode61 remove_diacritics 2')")
    op.execute(
        "INSERT INTO events_fts (rowid, sentences) "
        "SELECT event_id, group_concat(sentence, ' ') FROM event_sources GROUP BY event_id"
    )
    op.execute(f"CREATE TRIGGER events_fts_insert AFTER INSERT ON event_sources BEGIN {_event_sentences('new')}END")
    op.execute(f"CREATE TRIGGER events_fts_delete AFTER DELETE ON event_sources BEGIN {_event_sentences('old')}END")


def downgrade() -> None:
    op.drop_index("ix_events_date_type_region", table_name="events")
    if op.get_bind().dialect.name != "sqlite":
        return
    for trigger in ("search_insert", "search_delete", "search_update", "events_fts_insert", "events_fts_delete"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS events_fts")
    op.execute("DROP TABLE IF EXISTS articles_fts")
    op.execute("DROP TABLE IF EXISTS search_rows")
    op.execute(
        "CREATE VIRTUAL TABLE articles_fts USING fts5("
        "article_id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2')"
    )
    op.execute(
        "INSERT INTO articles_fts (rowid, article_id, title, body) "
        "SELECT rowid, id, coalesce(title, ''), body FROM articles"
    )
    op.execute(
        "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN "
        "INSERT INTO articles_fts (rowid, article_id, title, body) "
        "VALUES (new.rowid, new.id, coalesce(new.title, ''), new.body); END"
    )
    op.execute(
        "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN "
        "DELETE FROM articles_fts WHERE rowid = old.rowid; END"
    )
