"""text once: documents compressed, article bodies cut out of them, a full-text index without a copy

Revision ID: 0014_text_once
Revises: 0013_article_keys
Create Date: 2026-12-07 10:50:00

The text was stored three times (documents.text, articles.body, the FTS5 table's own copy).
- `documents.packed` replaces `documents.text`: the zlib-compressed UTF-8 text (vigie.store.packed);
- SQLite: `articles.body` is dropped, an article's body being its paragraphs (`spans`) of the
  document's text. `articles_fts` becomes an external-content FTS5 table over the view
  `article_texts` (rowid = search_rows.id, title, body), which cuts bodies with the SQL function
  `vigie_article_text(packed, spans)` that vigie.store registers on its connections. The triggers
  give the index the old values when an article is deleted ("delete" command), and a document's
  articles are deleted before it (trigger documents_delete), while its text is there to read;
- PostgreSQL keeps `articles.body`, which its GIN index (0004) and ts_headline read.

Plain ALTER TABLE statements, never a batch copy of a table (see 0012).
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

from vigie.store.packed import SQL_FUNCTION, pack, register, unpack

revision: str = "0014_text_once"
down_revision: Union[str, Sequence[str], None] = "0013_article_keys"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

PAGE = 1_000  # documents packed per statement
# as 0006_search_sections: the site and section of a document
REST = "substr(d.url, instr(d.url, '://') + 3)"
HOST = f"substr({REST}, 1, instr({REST} || '/', '/') - 1)"
PATH = f"substr({REST}, instr({REST} || '/', '/') + 1)"
SITE = (
    "(SELECT CASE WHEN d.url LIKE '%://%' THEN "
    f"CASE WHEN {HOST} LIKE 'www.%' THEN substr({HOST}, 5) ELSE {HOST} END "
    "WHEN instr(d.name, '-') > 0 THEN substr(d.name, 1, instr(d.name, '-') - 1) ELSE d.name END "
    "FROM documents d WHERE d.id = {row}.document_id)"
)
SECTION = (
    f"(SELECT CASE WHEN d.url LIKE '%://%' AND instr({PATH}, '/') > 1 "
    f"THEN substr({PATH}, 1, instr({PATH}, '/') - 1) END "
    "FROM documents d WHERE d.id = {row}.document_id)"
)
YEAR = "CAST(strftime('%Y', {row}.published) AS INTEGER)"
TOKENIZE = "tokenize = 'unicode61 remove_diacritics 2'"
SEARCH_TRIGGERS = ("search_insert", "search_delete", "search_update")


def _indexed(row: str) -> str:
    """The rowid, title and body the index holds for an article row."""
    return (
        f"s.id, coalesce({row}.title, ''), {SQL_FUNCTION}(d.packed, {row}.spans) "
        f"FROM search_rows s JOIN documents d ON d.id = {row}.document_id WHERE s.article_id = {row}.id; "
    )


def _add(row: str) -> str:
    return (
        f"INSERT INTO search_rows (article_id, year, site, section) VALUES ({row}.id, {YEAR.format(row=row)}, "
        f"{SITE.format(row=row)}, {SECTION.format(row=row)}); "
        f"INSERT INTO articles_fts (rowid, title, body) SELECT {_indexed(row)}"
    )


def _remove(row: str) -> str:
    return (
        f"INSERT INTO articles_fts (articles_fts, rowid, title, body) SELECT 'delete', {_indexed(row)}"
        f"DELETE FROM search_rows WHERE article_id = {row}.id; "
    )


def _pack_documents(source: str, target: str, convert: object) -> None:
    """Copy every document's text from one column to the other, a page at a time."""
    bind = op.get_bind()
    last = ""
    while True:
        rows = bind.execute(
            sa.text(f"SELECT id, {source} FROM documents WHERE id > :last ORDER BY id LIMIT {PAGE}"),
            {"last": last},
        ).all()
        if not rows:
            return
        bind.execute(
            sa.text(f"UPDATE documents SET {target} = :value WHERE id = :id"),
            [{"id": row[0], "value": convert(row[1])} for row in rows],  # type: ignore[operator]
        )
        last = rows[-1][0]


def upgrade() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    if sqlite:
        register(bind.connection.driver_connection)  # also when run by the alembic command
        for trigger in SEARCH_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS articles_fts")
    if sqlite:  # NOT NULL needs a default in SQLite's ADD COLUMN
        op.execute("ALTER TABLE documents ADD COLUMN packed BLOB NOT NULL DEFAULT x''")
    else:
        op.add_column("documents", sa.Column("packed", sa.LargeBinary(), nullable=True))
    _pack_documents("text", "packed", pack)
    if sqlite:
        op.execute("ALTER TABLE documents DROP COLUMN text")
        op.execute("ALTER TABLE articles DROP COLUMN body")
    else:
        op.drop_column("documents", "text")
        op.alter_column("documents", "packed", nullable=False)
    if not sqlite:
        return
    op.execute(
        "CREATE VIEW article_texts (id, title, body) AS "
        f"SELECT s.id, coalesce(a.title, ''), {SQL_FUNCTION}(d.packed, a.spans) "
        "FROM search_rows s JOIN articles a ON a.id = s.article_id JOIN documents d ON d.id = a.document_id"
    )
    op.execute(
        f"CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content = 'article_texts', "
        f"content_rowid = 'id', {TOKENIZE})"
    )
    op.execute("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")
    op.execute(f"CREATE TRIGGER search_insert AFTER INSERT ON articles BEGIN {_add('new')}END")
    op.execute(f"CREATE TRIGGER search_delete AFTER DELETE ON articles BEGIN {_remove('old')}END")
    op.execute(
        "CREATE TRIGGER search_update AFTER UPDATE OF id, document_id, title, spans, published ON articles "
        f"BEGIN {_remove('old')}{_add('new')}END"
    )
    op.execute(
        "CREATE TRIGGER documents_delete BEFORE DELETE ON documents BEGIN "
        "DELETE FROM articles WHERE document_id = old.id; END"
    )


def downgrade() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    op.add_column("documents", sa.Column("text", sa.Text(), nullable=True))
    _pack_documents("packed", "text", unpack)
    if not sqlite:
        op.drop_column("documents", "packed")
        op.alter_column("documents", "text", nullable=False)
        return
    register(bind.connection.driver_connection)
    for trigger in (*SEARCH_TRIGGERS, "documents_delete"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS articles_fts")
    op.execute("DROP VIEW IF EXISTS article_texts")
    op.execute("ALTER TABLE articles ADD COLUMN body TEXT NOT NULL DEFAULT ''")
    op.execute(
        f"UPDATE articles SET body = {SQL_FUNCTION}(d.packed, articles.spans) FROM documents d "
        "WHERE d.id = articles.document_id"
    )
    op.execute("ALTER TABLE documents DROP COLUMN packed")
    # the index of 0006_search_sections, with its own copy of the text
    op.execute(f"CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, {TOKENIZE})")
    op.execute(
        "INSERT INTO articles_fts (rowid, title, body) SELECT s.id, coalesce(a.title, ''), a.body "
        "FROM search_rows s JOIN articles a ON a.id = s.article_id"
    )
    old_add = (
        f"INSERT INTO search_rows (article_id, year, site, section) VALUES (new.id, {YEAR.format(row='new')}, "
        f"{SITE.format(row='new')}, {SECTION.format(row='new')}); "
        "INSERT INTO articles_fts (rowid, title, body) "
        "SELECT id, coalesce(new.title, ''), new.body FROM search_rows WHERE article_id = new.id; "
    )
    old_remove = (
        "DELETE FROM articles_fts WHERE rowid = (SELECT id FROM search_rows WHERE article_id = {row}.id); "
        "DELETE FROM search_rows WHERE article_id = {row}.id; "
    )
    op.execute(f"CREATE TRIGGER search_insert AFTER INSERT ON articles BEGIN {old_add}END")
    op.execute(f"CREATE TRIGGER search_delete AFTER DELETE ON articles BEGIN {old_remove.format(row='old')}END")
    op.execute(
        "CREATE TRIGGER search_update AFTER UPDATE OF id, title, body, published ON articles "
        f"BEGIN {old_remove.format(row='old')}{old_add}END"
    )
