"""Store stage: records -> one SQL database (SQLite by default, PostgreSQL), migrated with Alembic."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, delete, event, func, insert, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session

from vigie.errors import StoreError
from vigie.records import Article, RawDoc
from vigie.store.schema import ArticleRow, DocumentRow


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article as read back from the store, with its cluster and document name."""

    article: Article
    doc_name: str
    source: str
    cluster_id: str


@dataclass(frozen=True, slots=True)
class Signature:
    """What the near-duplicate index needs of a stored article."""

    article_id: str
    cluster_id: str
    title_key: str | None
    minhash: bytes | None


@dataclass(frozen=True, slots=True)
class Lookup:
    """What the store already holds for documents about to be saved."""

    stored: dict[str, str]  # sha1 -> source, for bytes stored already
    holding: dict[str, str]  # source -> id of the document stored from it


@dataclass(frozen=True, slots=True)
class Clustered:
    """An article to save, with its near-duplicate cluster and index keys."""

    article: Article
    cluster_id: str
    title_key: str | None
    minhash: bytes | None


class Store:
    """A Vigie database. Open with Store.open(url); each document is saved in its own transaction."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, url: str) -> Store:
        """Open (creating and migrating as needed) the database at `url`."""
        try:
            parsed = make_url(url)
        except ArgumentError as err:
            raise StoreError(
                f"{url!r} is not a database URL. Use sqlite:///path/to/vigie.db or postgresql://user@host/db"
            ) from err
        if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
            folder = Path(parsed.database).expanduser().resolve().parent
            if not folder.is_dir():
                raise StoreError(f"cannot create database {parsed.database}: folder {folder} does not exist")
        try:
            engine = create_engine(parsed)
        except (ArgumentError, ImportError) as err:
            raise StoreError(
                f"cannot open {url}: {err}. For PostgreSQL install: pip install 'vigie[postgres]'"
            ) from err
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        store = cls(engine)
        store.migrate()
        return store

    def migrate(self) -> None:
        """Bring the schema to the newest migration."""
        config = Config()
        config.set_main_option("script_location", str(resources.files("vigie.store") / "migrations"))
        try:
            with self.engine.begin() as connection:
                current = MigrationContext.configure(connection).get_current_revision()
                head = ScriptDirectory.from_config(config).get_current_head()
                if current == head:
                    return
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
        except OperationalError as err:
            raise StoreError(f"cannot open database {self.engine.url!r}: {err.orig}") from err

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def lookup(self, documents: list[tuple[str, str]]) -> Lookup:
        """For (sha1, source) pairs: which bytes are stored already, and which sources hold a document."""
        sha1s = sorted({sha1 for sha1, _ in documents})
        sources = sorted({source for _, source in documents})
        query = select(DocumentRow.id, DocumentRow.source).where(
            DocumentRow.id.in_(sha1s) | DocumentRow.source.in_(sources)
        )
        with self.engine.connect() as connection:
            rows = connection.execute(query).all()
        return Lookup(
            stored={row.id: row.source for row in rows if row.id in set(sha1s)},
            holding={row.source: row.id for row in rows if row.source in set(sources)},
        )

    def article_ids(self, document_id: str) -> list[str]:
        with self.engine.connect() as connection:
            query = select(ArticleRow.id).where(ArticleRow.document_id == document_id)
            return list(connection.scalars(query))

    def save_document(self, raw: RawDoc, articles: list[Clustered], replaces: str | None = None) -> None:
        """Store one document and its articles atomically, replacing an older version of the source."""
        try:
            with self.engine.begin() as connection:
                if replaces is not None:
                    connection.execute(delete(ArticleRow).where(ArticleRow.document_id == replaces))
                    connection.execute(delete(DocumentRow).where(DocumentRow.id == replaces))
                connection.execute(
                    insert(DocumentRow),
                    {
                        "id": raw.sha1,
                        "source": raw.source,
                        "name": raw.name,
                        "size": raw.size,
                        "encoding": raw.encoding,
                        "ingested_at": datetime.now(UTC),
                        "text": raw.text,
                    },
                )
                if articles:
                    connection.execute(insert(ArticleRow), [_article_values(item) for item in articles])
        except SQLAlchemyError as err:
            raise StoreError(f"cannot save {raw.source}: {err}") from err

    def signatures(self) -> Iterator[Signature]:
        """Every stored article's near-duplicate keys, in id order."""
        query = select(
            ArticleRow.id, ArticleRow.cluster_id, ArticleRow.title_key, ArticleRow.minhash
        ).order_by(ArticleRow.id)
        with self.engine.connect() as connection:
            for row in connection.execute(query):
                yield Signature(row.id, row.cluster_id, row.title_key, row.minhash)

    def articles(self) -> Iterator[StoredArticle]:
        """Every stored article, by document name then position."""
        query = (
            select(ArticleRow, DocumentRow.name, DocumentRow.source)
            .join(DocumentRow, ArticleRow.document_id == DocumentRow.id)
            .order_by(DocumentRow.name, DocumentRow.source, ArticleRow.position)
        )
        with Session(self.engine) as session:
            for row, name, source in session.execute(query):
                yield StoredArticle(_article(row), name, source, row.cluster_id)

    def counts(self) -> dict[str, int]:
        """How many documents and articles (and teasers) the store holds."""
        with Session(self.engine) as session:
            documents = session.scalar(select(func.count()).select_from(DocumentRow)) or 0
            articles = session.scalar(select(func.count()).select_from(ArticleRow)) or 0
            teasers = session.scalar(select(func.count()).where(ArticleRow.kind == "teaser")) or 0
        return {"documents": documents, "articles": articles, "teasers": teasers}


def _sqlite_pragmas(connection: Any, _record: object) -> None:
    # WAL + NORMAL: a commit survives a killed process and does not wait for fsync;
    # foreign keys make deleting a document delete its articles.
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def _article_values(item: Clustered) -> dict[str, Any]:
    article = item.article
    published = article.published
    has_time = isinstance(published, datetime)
    if published is not None and not isinstance(published, datetime):
        published = datetime(published.year, published.month, published.day)
    return {
        "id": article.id,
        "document_id": article.doc_id,
        "position": article.position,
        "start_offset": article.start,
        "end_offset": article.end,
        "spans": json.dumps([list(span) for span in article.spans]),
        "kind": article.kind,
        "title": article.title,
        "title_key": item.title_key,
        "body": article.body,
        "published": published,
        "published_has_time": has_time,
        "author": article.author,
        "cluster_id": item.cluster_id,
        "minhash": item.minhash,
    }


def _article(row: ArticleRow) -> Article:
    published: date | datetime | None = row.published
    if row.published is not None and not row.published_has_time:
        published = row.published.date()
    return Article(
        doc_id=row.document_id,
        position=row.position,
        kind="full" if row.kind == "full" else "teaser",
        title=row.title,
        published=published,
        author=row.author,
        body=row.body,
        start=row.start_offset,
        end=row.end_offset,
        spans=tuple((int(s), int(e)) for s, e in json.loads(row.spans)),
    )
