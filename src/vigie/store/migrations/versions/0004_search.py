"""full-text index of articles: FTS5 on SQLite, French text search on PostgreSQL

Revision ID: 0004_search
Revises: 0002_web_sources
Create Date: 2026-11-23 19:50:00

SQLite: an FTS5 table holding each article's id, title and body, folded to lower case and
without accents ("Ségou" finds "SEGOU"), kept in sync with `articles` by triggers.
PostgreSQL: a GIN index on the French tsvector of title and body.
"""
from typing import Sequence, Union

from alembic import op

revision: str = "0004_search"
down_revision: Union[str, Sequence[str], None] = "0002_web_sources"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

PG_DOCUMENT = "to_tsvector('french', coalesce(title, '') || ' ' || body)"


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute(f"CREATE INDEX ix_articles_fts ON articles USING gin ({PG_DOCUMENT})")
        return
    if dialect != "sqlite":
        return
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
    op.execute(
        "CREATE TRIGGER articles_fts_update AFTER UPDATE OF id, title, body ON articles BEGIN "
        "DELETE FROM articles_fts WHERE rowid = old.rowid; "
        "INSERT INTO articles_fts (rowid, article_id, title, body) "
        "VALUES (new.rowid, new.id, coalesce(new.title, ''), new.body); END"
    )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_articles_fts")
        return
    if dialect != "sqlite":
        return
    for trigger in ("articles_fts_insert", "articles_fts_delete", "articles_fts_update"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS articles_fts")
