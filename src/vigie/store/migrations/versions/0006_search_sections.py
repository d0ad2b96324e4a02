"""search sections: site and section of web pages from their URL, for the search facets

Revision ID: 0006_search_sections
Revises: 0005_search_rows
Create Date: 2026-11-23 20:20:00

SQLite: `search_rows` gains `section`. For a document read from the web (documents.url) the
site is the URL's host without "www." and the section the first folder of its path
("https://www.maliweb.net/securite/attaque-123.html" -> "maliweb.net", "securite"); for a
file the site stays the name's first word and the section is empty.
"""
from typing import Sequence, Union

from alembic import op

revision: str = "0006_search_sections"
down_revision: Union[str, Sequence[str], None] = "0005_search_rows"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# d.url without its scheme: "www.maliweb.net/securite/attaque-123.html"
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


def _add(row: str) -> str:
    return (
        f"INSERT INTO search_rows (article_id, year, site, section) VALUES ({row}.id, {YEAR.format(row=row)}, "
        f"{SITE.format(row=row)}, {SECTION.format(row=row)}); "
        "INSERT INTO articles_fts (rowid, title, body) "
        f"SELECT id, coalesce({row}.title, ''), {row}.body FROM search_rows WHERE article_id = {row}.id; "
    )


def _remove(row: str) -> str:
    return (
        f"DELETE FROM articles_fts WHERE rowid = (SELECT id FROM search_rows WHERE article_id = {row}.id); "
        f"DELETE FROM search_rows WHERE article_id = {row}.id; "
    )


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("ALTER TABLE search_rows ADD COLUMN section VARCHAR(200)")
    op.execute(f"UPDATE search_rows SET site = {SITE.format(row='a')}, section = {SECTION.format(row='a')} "
               "FROM articles a WHERE a.id = search_rows.article_id")  # fmt: skip
    for trigger in ("search_insert", "search_update"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute(f"CREATE TRIGGER search_insert AFTER INSERT ON articles BEGIN {_add('new')}END")
    op.execute(
        "CREATE TRIGGER search_update AFTER UPDATE OF id, title, body, published ON articles "
        f"BEGIN {_remove('old')}{_add('new')}END"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for trigger in ("search_insert", "search_update"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("ALTER TABLE search_rows DROP COLUMN section")
    year = YEAR
    site = (
        "(SELECT CASE WHEN instr(d.name, '-') > 0 THEN substr(d.name, 1, instr(d.name, '-') - 1) "
        "ELSE d.name END FROM documents d WHERE d.id = {row}.document_id)"
    )
    add = (
        "INSERT INTO search_rows (article_id, year, site) VALUES (new.id, "
        f"{year.format(row='new')}, {site.format(row='new')}); "
        "INSERT INTO articles_fts (rowid, title, body) "
        "SELECT id, coalesce(new.title, ''), new.body FROM search_rows WHERE article_id = new.id; "
    )
    op.execute(f"CREATE TRIGGER search_insert AFTER INSERT ON articles BEGIN {add}END")
    op.execute(
        "CREATE TRIGGER search_update AFTER UPDATE OF id, title, body, published ON articles "
        f"BEGIN {_remove('old')}{add}END"
    )
