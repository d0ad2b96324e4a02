"""Store stage: records -> one SQL database (SQLite by default, PostgreSQL), migrated with Alembic."""

from __future__ import annotations

import fcntl
import json
import os
import re
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache, partial
from importlib import resources
from pathlib import Path
from typing import IO, Any

from sqlalchemy import (
    Connection,
    Engine,
    create_engine,
    delete,
    event,
    func,
    insert,
    inspect,
    select,
    text,
)
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DataError, IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session

from vigie.errors import DocumentError, StoreError
from vigie.plover import quad_class
from vigie.records import Article, Event, Evidence, Interaction, PlaceName, RawDoc
from vigie.store import ids, merging
from vigie.store.batch import BATCH_DOCUMENTS, BATCH_SECONDS, Batch, Write
from vigie.store.keys import Clustered, Signatures, key_rows
from vigie.store.packed import SHARED, TextCache, article_text, pack, raise_interrupt, register
from vigie.store.schema import (
    ArticleKeyRow,
    ArticleRow,
    DocumentRow,
    EventRow,
    EventSourceRow,
    InteractionRow,
    InteractionSourceRow,
    ToponymRow,
)

# The newest migration (tested equal to Alembic's head): a database at it is opened without
# importing Alembic, which takes longer than everything else a light command does
REVISION = "0021_timeline_index"
# The PostgreSQL advisory lock of writers (ingest, crawl, places add): one at a time per database
WRITER_LOCK = 0x5649474945  # "VIGIE"
# "postgresql://vigie:secret@host/db": the password part of a URL that does not parse
PASSWORD = re.compile(r"(://[^:/@]*:)[^@]*@")
PROGRESS_STEPS = 10_000
OPEN_WAIT_SECONDS = 60.0  # how long opening waits for an SQLite file another process holds locked
MMAP_BYTES = 1 << 30
CACHE_KIB = 16_000
ID_QUERY = 500  # ids asked for in one query (SQLite binds at most 32,766 values)


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article as read back from the store, with its cluster and document name."""

    article: Article
    doc_name: str
    source: str
    cluster_id: str


@dataclass(frozen=True, slots=True)
class Lookup:
    """What the store already holds for documents about to be saved."""

    stored: dict[str, str]  # sha1 -> source, for bytes stored already
    holding: dict[str, str]  # source -> id of the document stored from it


class Store:
    """A Vigie database. Open with Store.open(url); each document is saved in its own transaction,
    or within `batched()` in a transaction shared with the documents saved before it."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._writing = False
        self._batch: Batch | None = None

    @classmethod
    def open(cls, url: str, create: bool = True) -> Store:
        """Open (creating and migrating as needed) the database at `url`.

        `create=False`: refuse a database that does not exist yet (a mistyped path must not
        give an empty database that answers nothing).
        """
        try:
            parsed = database_url(url)
        except ArgumentError as err:
            raise StoreError(
                f"{masked(url)!r} is not a database URL. Use sqlite:///path/to/vigie.db or "
                "postgresql://user@host/db"
            ) from err
        if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
            path = Path(parsed.database).expanduser()
            if not create and not path.is_file():
                raise StoreError(
                    f"no database at {parsed.database}: check the path, or create one with vigie ingest"
                )
            folder = path.resolve().parent
            if not folder.is_dir():
                raise StoreError(f"cannot create database {parsed.database}: folder {folder} does not exist")
        try:
            engine = create_engine(parsed)
        except (ArgumentError, ImportError) as err:
            raise StoreError(f"cannot open {masked(url)}: {_one_line(err)}{_driver_hint(parsed)}") from err
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        store = cls(engine)
        try:
            store._ready(url, create)
        except BaseException:
            engine.dispose()
            raise
        return store

    def _ready(self, url: str, create: bool) -> None:
        """Check and migrate the database; an SQLite file another process holds locked beyond the
        busy timeout (one creating or migrating it, a backup) is tried again until OPEN_WAIT_SECONDS."""
        deadline = time.monotonic() + OPEN_WAIT_SECONDS
        while True:
            try:
                if not create and not self.is_created():
                    raise StoreError(
                        f"{masked(url)} holds no Vigie database yet: check the URL, or create one with vigie ingest"
                    )
                self.migrate()
                return
            except StoreError as err:
                cause = err.__cause__
                locked = isinstance(cause, OperationalError) and "database is locked" in str(cause.orig)
                if not locked or time.monotonic() >= deadline:
                    raise
            time.sleep(0.25)

    def is_created(self) -> bool:
        """Whether the database was created by Vigie (its migrations table exists)."""
        try:
            return self.revision() is not None
        except OperationalError as err:
            raise StoreError(
                f"cannot open database {masked(str(self.engine.url))}: {_one_line(err.orig)}"
            ) from err

    def migrate(self) -> None:
        """Bring the schema to the newest migration; a process creating the same database at the
        same moment is waited for, not raced ("table documents already exists")."""
        try:
            if self.revision() == REVISION:
                return
            from alembic import command
            from alembic.config import Config
            from alembic.runtime.migration import MigrationContext
            from alembic.script import ScriptDirectory

            config = Config()
            config.set_main_option("script_location", str(resources.files("vigie.store") / "migrations"))
            head = ScriptDirectory.from_config(config).get_current_head()
            with self.writing(), self.engine.begin() as connection:
                if MigrationContext.configure(connection).get_current_revision() == head:
                    return  # another process migrated it while this one waited
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
        except OperationalError as err:
            raise StoreError(
                f"cannot open database {masked(str(self.engine.url))}: {_one_line(err.orig)}"
            ) from err

    def revision(self) -> str | None:
        """The migration the database is at; None for a database Vigie did not create."""
        with self.engine.connect() as connection:
            if not inspect(connection).has_table("alembic_version"):
                return None
            found = connection.scalar(text("SELECT version_num FROM alembic_version"))
            return None if found is None else str(found)

    @contextmanager
    def writing(self, on_wait: Callable[[str], None] = lambda message: None) -> Iterator[None]:
        """Hold the database's write lock while ingesting or crawling: writers take turns, so that two
        ingests at once store what they would one after the other (near-duplicates of each other's
        articles found, events told by both merged); a writer that has to wait says so through `on_wait`.
        """
        if self._writing:
            yield  # this store holds it already
            return
        holder = self._lock_postgres(on_wait) if self.engine.dialect.name == "postgresql" else None
        handle = self._lock_file(on_wait) if self.engine.dialect.name == "sqlite" else None
        self._writing = True
        try:
            yield
        finally:
            self._writing = False
            if handle is not None:
                handle.close()  # closing the file releases the lock
            if holder is not None:
                holder.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": WRITER_LOCK})
                holder.commit()
                holder.close()

    def _lock_file(self, on_wait: Callable[[str], None]) -> IO[str] | None:
        database = self.engine.url.database
        if database in (None, "", ":memory:") or "mode=memory" in str(self.engine.url):
            return None  # nobody else can open it
        path = Path(f"{database}-lock")
        try:
            handle = path.open("a+", encoding="utf-8")
        except OSError as err:
            raise StoreError(f"cannot write beside the database: {path}: {err.strerror or err}") from err
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            who = handle.read().strip() or "another Vigie process"
            on_wait(f"waiting: {who} is writing to {database}; this one goes on when it is done")
            fcntl.flock(handle, fcntl.LOCK_EX)
        handle.seek(0)
        handle.truncate()
        handle.write(f"vigie {_command()} (process {os.getpid()})")
        handle.flush()
        return handle

    def _lock_postgres(self, on_wait: Callable[[str], None]) -> Connection:
        holder = self.engine.connect()
        try:
            if not holder.scalar(text("SELECT pg_try_advisory_lock(:key)"), {"key": WRITER_LOCK}):
                on_wait(
                    f"waiting: another Vigie process is writing to {masked(str(self.engine.url))}; "
                    "this one goes on when it is done"
                )
                holder.execute(text("SELECT pg_advisory_lock(:key)"), {"key": WRITER_LOCK})
            holder.commit()  # the lock belongs to the session: no transaction stays open
        except BaseException:
            holder.close()
            raise
        return holder

    def bound_queries(self, seconds: float) -> None:
        """Stop any query of this store that runs longer than `seconds` (for `vigie serve`: one costly
        search must not hold a worker for long). SQLite: a progress handler set at each checkout;
        PostgreSQL: statement_timeout on each new connection. A stopped query raises
        OperationalError, which `is_stopped_query` recognises."""
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "checkout", _deadline(seconds))
            event.listen(self.engine, "checkin", _no_deadline)
        elif self.engine.dialect.name == "postgresql":
            milliseconds = max(1, int(seconds * 1000))
            event.listen(self.engine, "connect", _statement_timeout(milliseconds))
        self.engine.dispose()  # connections opened before get the bound as they are opened again

    @contextmanager
    def batched(self, documents: int = BATCH_DOCUMENTS, seconds: float = BATCH_SECONDS) -> Iterator[None]:
        """Save the documents of the block in a few transactions (`vigie.store.batch`): committed
        every `documents` documents, after the document that ends `seconds` of a transaction, and at
        the end of the block whatever ends it (Ctrl-C included). The store's reads inside the block
        (look-ups, near-duplicate keys) see the documents saved before them."""
        if self._batch is not None:
            yield
            return
        with self.engine.connect() as connection:
            batch = self._batch = Batch(connection, documents, seconds)
            try:
                yield
            except BaseException:
                try:
                    batch.commit()  # the documents saved whole before the error are kept
                except Exception:
                    pass  # the database itself failed: the first error tells why
                raise
            else:
                try:
                    batch.commit()
                except SQLAlchemyError as err:
                    raise_interrupt()
                    raise StoreError(f"cannot save: {_one_line(getattr(err, 'orig', None) or err)}") from err
            finally:
                self._batch = None

    @contextmanager
    def _reading(self) -> Iterator[Connection]:
        """A connection to read with: the open batch's, which sees what it saved, else a new one."""
        if self._batch is not None:
            yield self._batch.connection
            return
        with self.engine.connect() as connection:
            yield connection

    def _write(self, write: Write) -> None:
        """Run one document's statements: in the open batch, else in a transaction of their own."""
        if self._batch is not None:
            self._batch.write(write)
            return
        with self.engine.begin() as connection:
            write(connection)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def lookup(self, documents: list[tuple[str, str]]) -> Lookup:
        """For (sha1, source) pairs: which bytes are stored already, and which sources hold a document."""
        sha1s = {sha1 for sha1, _ in documents}
        sources = {source for _, source in documents}
        query = select(DocumentRow.id, DocumentRow.source).where(
            DocumentRow.id.in_(sorted(sha1s)) | DocumentRow.source.in_(sorted(sources))
        )
        with self._reading() as connection:
            rows = connection.execute(query).all()
        return Lookup(
            stored={row.id: row.source for row in rows if row.id in sha1s},
            holding={row.source: row.id for row in rows if row.source in sources},
        )

    def article_ids(self, document_id: str) -> list[str]:
        with self._reading() as connection:
            query = select(ArticleRow.id).where(ArticleRow.document_id == document_id)
            return list(connection.scalars(query))

    def save_document(
        self,
        raw: RawDoc,
        articles: list[Clustered],
        replaces: str | None = None,
        events: Sequence[Event] = (),
        interactions: Sequence[Interaction] = (),
        toponyms: Sequence[PlaceName] = (),
    ) -> None:
        """Store one document, its articles, events, interactions and place names atomically.

        An older version of the same source is replaced, with the events only it reported.
        """
        for item in articles:  # the body is stored as offsets into the text: they must give it back
            if article_text(raw.text, item.article.spans) != item.article.body:
                raise DocumentError(
                    f"{_shown(raw.source)}: article {item.article.position} cannot be saved: its paragraph "
                    "offsets do not give its body back (a bug: please report it)"
                )
        packed = pack(raw.text)
        SHARED.remember(packed, raw.text)  # the search index reads the articles' bodies out of it
        write = partial(
            _write_document,
            raw=raw,
            articles=articles,
            replaces=replaces,
            found=(events, interactions, toponyms),
            packed=packed,
            ingested_at=datetime.now(UTC),
        )
        try:
            self._write(write)
        except (IntegrityError, DataError) as err:
            # this document's rows: a value the database refuses, or a row stored meanwhile
            raise DocumentError(f"{_shown(raw.source)}: cannot be saved: {_one_line(err.orig)}") from err
        except ValueError as err:  # the driver refuses a value: PostgreSQL text cannot hold NUL
            raise DocumentError(f"{_shown(raw.source)}: cannot be saved: {_one_line(err)}") from err
        except SQLAlchemyError as err:
            raise_interrupt()  # a Ctrl-C inside SQLite's call of vigie_article_text
            raise StoreError(
                f"cannot save {_shown(raw.source)}: {_one_line(getattr(err, 'orig', None) or err)}"
            ) from err

    def save_documents(self, batch: Sequence[tuple[RawDoc, list[Clustered]]]) -> None:
        """Store new documents and their articles (no events, nothing replaced) in one transaction:
        a bulk load, as a benchmark builds a large database; `save_document` is the ingest's path."""
        if not batch:
            return
        bodies = self.engine.dialect.name == "postgresql"
        now = datetime.now(UTC)
        try:
            with self.engine.begin() as connection:
                connection.execute(
                    insert(DocumentRow),
                    [
                        {"id": raw.sha1, "source": raw.source, "name": raw.name, "size": raw.size,
                         "encoding": raw.encoding, "ingested_at": now, "packed": pack(raw.text), "url": raw.url,
                         "captured_at": raw.captured, "format": raw.format}
                        for raw, _ in batch
                    ],
                )  # fmt: skip
                articles = [item for _, items in batch for item in items]
                if articles:
                    connection.execute(
                        insert(ArticleRow), [_article_values(item, bodies) for item in articles]
                    )
                keys = key_rows(articles)
                if keys:
                    connection.execute(insert(ArticleKeyRow), keys)
        except SQLAlchemyError as err:
            raise_interrupt()  # a Ctrl-C inside SQLite's call of vigie_article_text
            raise StoreError(
                f"cannot save {len(batch)} documents: {_one_line(getattr(err, 'orig', None) or err)}"
            ) from err

    def signatures(self) -> Signatures:
        """The stored articles' near-duplicate keys, looked up by key (for `vigie.cluster.Clusterer`)."""
        return Signatures(self.engine, lambda: None if self._batch is None else self._batch.connection)

    def articles(self) -> Iterator[StoredArticle]:
        """Every stored article, by document name then position."""
        query = (
            select(ArticleRow, DocumentRow.name, DocumentRow.source, DocumentRow.packed)
            .join(DocumentRow, ArticleRow.document_id == DocumentRow.id)
            .order_by(DocumentRow.name, DocumentRow.source, ArticleRow.position)
        )
        texts = TextCache()
        with Session(self.engine) as session:
            for row, name, source, packed in session.execute(query):
                yield StoredArticle(_article(row, texts.text(packed)), name, source, row.cluster_id)

    def document_extractions(self) -> dict[str, tuple[list[dict[str, Any]], list[dict[str, Any]]]]:
        """For each document id: its events and interactions in the gold format (plus ids and sources)."""
        events: dict[str, dict[int, dict[str, Any]]] = {}
        interactions: dict[str, dict[int, dict[str, Any]]] = {}
        with Session(self.engine) as session:
            for event_row, event_source, document_id in session.execute(
                select(EventRow, EventSourceRow, ArticleRow.document_id)
                .join(EventSourceRow, EventSourceRow.event_id == EventRow.id)
                .join(ArticleRow, ArticleRow.id == EventSourceRow.article_id)
                .order_by(
                    ArticleRow.document_id, ArticleRow.position, EventSourceRow.start_offset, EventRow.id
                )
            ):
                record = events.setdefault(document_id, {}).setdefault(
                    event_row.id, {**_event_record(event_row), "sources": []}
                )
                record["sources"].append(_source(event_source))
            for told, told_source, document_id in session.execute(
                select(InteractionRow, InteractionSourceRow, ArticleRow.document_id)
                .join(InteractionSourceRow, InteractionSourceRow.interaction_id == InteractionRow.id)
                .join(ArticleRow, ArticleRow.id == InteractionSourceRow.article_id)
                .order_by(ArticleRow.document_id, ArticleRow.position, InteractionSourceRow.start_offset)
            ):
                record = interactions.setdefault(document_id, {}).setdefault(
                    told.id, {**_interaction_record(told), "sources": []}
                )
                record["sources"].append(_source(told_source))
        return {
            document_id: (
                list(events.get(document_id, {}).values()),
                list(interactions.get(document_id, {}).values()),
            )
            for document_id in events.keys() | interactions.keys()
        }

    def counts(self) -> dict[str, int]:
        """How many documents and articles (and teasers) the store holds."""
        with Session(self.engine) as session:
            documents = session.scalar(select(func.count()).select_from(DocumentRow)) or 0
            articles = session.scalar(select(func.count()).select_from(ArticleRow)) or 0
            teasers = session.scalar(select(func.count()).where(ArticleRow.kind == "teaser")) or 0
        return {"documents": documents, "articles": articles, "teasers": teasers}


@cache
def country_names() -> dict[str, str]:
    """ISO code -> country name, as events store it ("MLI" -> "Mali")."""
    from vigie.events.lexicon import load_country_names

    return load_country_names()


def database_url(url: str) -> URL:
    """A database URL as SQLAlchemy takes it: "postgres://" and "postgresql://" use psycopg 3 (the
    driver `pip install 'vigie[postgres]'` installs).

    >>> database_url("postgres://vigie@localhost/veille").render_as_string()
    'postgresql+psycopg://vigie@localhost/veille'
    """
    parsed = make_url(url)
    if parsed.drivername in ("postgres", "postgresql"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def masked(url: str) -> str:
    """A database URL fit to print: its password replaced by ***.

    >>> masked("postgresql://vigie:s3cr3t@db.example.org/veille"), masked("sqlite:///vigie.db")
    ('postgresql://vigie:***@db.example.org/veille', 'sqlite:///vigie.db')
    >>> PASSWORD.sub(r"\\1***@", "postgres://vigie:s3cr3t@db.example.org/veille")
    'postgres://vigie:***@db.example.org/veille'
    """
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return PASSWORD.sub(r"\1***@", url)


def _driver_hint(url: URL) -> str:
    if url.get_backend_name() == "postgresql":
        return ". For PostgreSQL install psycopg: pip install 'vigie[postgres]'"
    return ""


def _one_line(err: object) -> str:
    """The first line of an error: a driver's message, without the SQL and the values that follow it.

    >>> _one_line("UNIQUE constraint failed: documents.id\\n[SQL: INSERT INTO documents …]")
    'UNIQUE constraint failed: documents.id'
    """
    lines = str(err).strip().splitlines()
    return lines[0].strip() if lines else type(err).__name__


def _shown(source: str) -> str:
    return source if source.isprintable() else repr(source)


def _command() -> str:
    """What this process is, for the message of a writer that waits: "ingest", "crawl"."""
    words = [
        arg
        for arg in sys.argv[1:]
        if arg in ("ingest", "demo", "crawl", "watch", "places", "eval", "serve", "reextract")
    ]
    return words[0] if words else Path(sys.argv[0]).name


def is_stopped_query(err: BaseException) -> bool:
    """Whether a database error is a query stopped by `Store.bound_queries`."""
    orig = getattr(err, "orig", None)
    return isinstance(err, OperationalError) and (
        "interrupted" in str(orig) or type(orig).__name__ == "QueryCanceled"
    )


def _deadline(seconds: float) -> Callable[[Any, Any, Any], None]:
    # The handler runs every PROGRESS_STEPS virtual machine instructions: about every millisecond
    def on_checkout(connection: Any, _record: object, _proxy: object) -> None:
        deadline = time.monotonic() + seconds
        connection.set_progress_handler(lambda: time.monotonic() > deadline, PROGRESS_STEPS)

    return on_checkout


def _no_deadline(connection: Any, _record: object) -> None:
    connection.set_progress_handler(None, 0)


def _statement_timeout(milliseconds: int) -> Callable[[Any, Any], None]:
    def on_connect(connection: Any, _record: object) -> None:
        cursor = connection.cursor()
        cursor.execute(f"SET statement_timeout = {milliseconds}")
        cursor.close()
        connection.commit()

    return on_connect


def _sqlite_pragmas(connection: Any, _record: object) -> None:
    # WAL + NORMAL: a commit survives a killed process and does not wait for fsync;
    # foreign keys make deleting a document delete its articles.
    # busy_timeout first: switching a new database to WAL waits for another process creating it.
    cursor = connection.cursor()
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    # reads through a memory map (shared by every connection and process) and a 16 MB page cache per
    # connection: a query of the dashboard reads its pages 2-4 times faster than through the 2 MB default
    cursor.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
    cursor.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
    cursor.close()
    register(connection)  # vigie_article_text(packed, spans): the bodies the search index reads


def _source(row: EventSourceRow | InteractionSourceRow) -> dict[str, Any]:
    return {"article_id": row.article_id, "start": row.start_offset, "end": row.end_offset}


def _event_record(row: EventRow) -> dict[str, Any]:
    """An event in the gold format's fields, then ACLED's extra ones."""
    return {
        "date": row.event_date.isoformat() if row.event_date else None,
        "date_precision": row.time_precision,
        "event_type": row.event_type,
        "sub_event_type": row.sub_event_type,
        "actor1": row.actor1,
        "actor2": row.actor2,
        "location": row.location,
        "admin1": row.admin1,
        "country": row.country,
        "geo_precision": row.geo_precision,
        "fatalities": row.fatalities,
        "evidence": row.evidence,
        "id": row.id,
        "admin2": row.admin2,
        "admin3": row.admin3,
        "iso": row.iso,
        "latitude": row.latitude,
        "longitude": row.longitude,
    }


def _interaction_record(row: InteractionRow) -> dict[str, Any]:
    """An interaction in the gold format's fields (parties sorted), then who acted on whom and the
    type's PLOVER quad class."""
    return {
        "date": row.interaction_date.isoformat() if row.interaction_date else None,
        "type": row.type,
        "parties": [row.party1, row.party2],
        "location": row.location,
        "evidence": row.evidence,
        "id": row.id,
        "source_party": row.source_party,
        "target_party": row.target_party,
        "quad_class": quad_class(row.type),
    }


def _write_document(
    connection: Connection,
    raw: RawDoc,
    articles: list[Clustered],
    replaces: str | None,
    found: tuple[Sequence[Event], Sequence[Interaction], Sequence[PlaceName]],
    packed: bytes,
    ingested_at: datetime,
) -> None:
    """The statements that save one document (`Store.save_document`)."""
    events, interactions, toponyms = found
    if replaces is not None:
        connection.execute(delete(ArticleRow).where(ArticleRow.document_id == replaces))
        connection.execute(delete(DocumentRow).where(DocumentRow.id == replaces))
        _delete_orphans(connection)
    connection.execute(
        insert(DocumentRow),
        {
            "id": raw.sha1,
            "source": raw.source,
            "name": raw.name,
            "size": raw.size,
            "encoding": raw.encoding,
            "ingested_at": ingested_at,
            "packed": packed,
            "url": raw.url,
            "captured_at": raw.captured,
            "format": raw.format,
        },
    )
    if articles:
        bodies = connection.dialect.name == "postgresql"  # SQLite cuts them out of the document
        connection.execute(insert(ArticleRow), [_article_values(item, bodies) for item in articles])
        keys = key_rows(articles)
        if keys:
            connection.execute(insert(ArticleKeyRow), keys)
    clusters = {item.cluster_id for item in articles}
    _save_events(connection, events, clusters, raw.sha1)
    _save_interactions(connection, interactions, clusters, raw.sha1)
    if toponyms:
        connection.execute(insert(ToponymRow), _toponym_values(toponyms))


def _save_events(
    connection: Connection, events: Sequence[Event], clusters: set[str], document_id: str
) -> None:
    """Store a document's events: one told by near-duplicates of other documents is stored once,
    the new ones with their stable ids; a few statements per document, not a few per event."""
    if not events:
        return
    stored = merging.stored_events(connection, clusters, document_id)
    joined: list[int | None] = []
    for found in events:
        event_id = merging.joined_event(stored, found, {i for i in joined if i is not None})
        joined.append(event_id)
    _insert_new(connection, events, joined, ItemTables(EventRow, EventSourceRow, "event_id"))


def _save_interactions(
    connection: Connection, interactions: Sequence[Interaction], clusters: set[str], document_id: str
) -> None:
    """Store a document's interactions as `_save_events` stores its events; one that joins a stored
    interaction gives it its direction when it had none (`merging.keep_direction`)."""
    if not interactions:
        return
    stored = merging.stored_interactions(connection, clusters, document_id)
    joined: list[int | None] = []
    for told in interactions:
        owner = merging.joined_interaction(stored, told, {i for i in joined if i is not None})
        joined.append(owner)
        if owner is not None:
            merging.keep_direction(connection, owner, told)
    _insert_new(
        connection, interactions, joined, ItemTables(InteractionRow, InteractionSourceRow, "interaction_id")
    )


@dataclass(frozen=True, slots=True)
class ItemTables:
    """Where items of one kind are stored: their table, their sources' table, the sources' key."""

    table: type[EventRow] | type[InteractionRow]
    sources: type[EventSourceRow] | type[InteractionSourceRow]
    key: str


def _insert_new(
    connection: Connection,
    items: Sequence[Event | Interaction],
    joined: Sequence[int | None],
    tables: ItemTables,
) -> None:
    """Store the items that joined no stored one (`joined` None) under new stable ids, and the
    sources of all of them under their own or the joined item's id, in a few statements."""
    fresh = iter(
        _free_ids(
            connection,
            tables.table,
            [partial(_id_of, item) for item, known in zip(items, joined, strict=True) if known is None],
        )
    )
    rows, sources = [], []
    for item, known in zip(items, joined, strict=True):
        owner = known if known is not None else next(fresh)
        if known is None:
            rows.append({"id": owner, **_values(item)})
        sources += _source_values(item.evidence, tables.key, owner)
    if rows:
        connection.execute(insert(tables.table), rows)
    if sources:
        connection.execute(insert(tables.sources), sources)


def _id_of(item: Event | Interaction, salt: int = 0) -> int:
    if isinstance(item, Event):
        return ids.id_of_event(item, salt)
    return ids.id_of_interaction(item, salt)


def _values(item: Event | Interaction) -> dict[str, Any]:
    return _event_values(item) if isinstance(item, Event) else _interaction_values(item)


def _free_id(
    connection: Connection, table: type[EventRow] | type[InteractionRow], derive: Callable[[int], int]
) -> int:
    """The stable id of a new event or interaction (`vigie.store.ids`); on the rare collision with a
    stored one (two items of one sentence with the same key), the next salt's."""
    return _free_ids(connection, table, [derive])[0]


def _free_ids(
    connection: Connection,
    table: type[EventRow] | type[InteractionRow],
    derives: Sequence[Callable[[int], int]],
) -> list[int]:
    """`_free_id` of several new items stored in this order: the first salts of all asked in one
    query; an id given to an item before is taken, as if it were stored already."""
    firsts = [derive(0) for derive in derives]
    stored: set[int] = set()
    for start in range(0, len(firsts), ID_QUERY):
        chunk = firsts[start : start + ID_QUERY]
        stored.update(connection.scalars(select(table.id).where(table.id.in_(chunk))))
    given: set[int] = set()
    out = []
    for derive, first in zip(derives, firsts, strict=True):
        for salt in range(1000):
            candidate = first if salt == 0 else derive(salt)
            if candidate in given:
                continue
            if salt == 0 and candidate not in stored:
                break
            if salt > 0 and connection.scalar(select(table.id).where(table.id == candidate)) is None:
                break
        else:
            raise StoreError("no free id for a new event or interaction after 1000 tries")
        given.add(candidate)
        out.append(candidate)
    return out


def _delete_orphans(connection: Connection) -> None:
    """Events and interactions no stored sentence reports any more."""
    connection.execute(delete(EventRow).where(~EventRow.id.in_(select(EventSourceRow.event_id))))
    connection.execute(
        delete(InteractionRow).where(~InteractionRow.id.in_(select(InteractionSourceRow.interaction_id)))
    )


def _source_values(evidence: Sequence[Evidence], key: str, owner: int) -> list[dict[str, Any]]:
    seen: set[tuple[str, int]] = set()
    rows = []
    for item in evidence:
        if (item.article_id, item.start) in seen:
            continue
        seen.add((item.article_id, item.start))
        rows.append(
            {key: owner, "article_id": item.article_id, "start_offset": item.start, "end_offset": item.end,
             "sentence": item.sentence}
        )  # fmt: skip
    return rows


def _toponym_values(toponyms: Sequence[PlaceName]) -> list[dict[str, Any]]:
    """The rows of the place names an article's extraction asked the gazetteer about."""
    from vigie.geo.names import fold_name  # the geo stage, imported when a place is stored

    return [
        {"article_id": t.article_id, "name": t.name[:200], "name_key": fold_name(t.name)[:200],
         "sentence": t.sentence, "resolved": t.resolved}
        for t in toponyms
    ]  # fmt: skip


def _event_values(event: Event) -> dict[str, Any]:
    place = event.place
    return {
        "event_date": event.date,
        "time_precision": event.date_precision,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1,
        "assoc_actor_1": event.assoc_actor_1,
        "actor2": event.actor2,
        "assoc_actor_2": event.assoc_actor_2,
        "location": event.location,
        "country": country_names().get(place.country, place.country) if place else None,
        "iso": place.country if place else None,
        "admin1": place.admin1 if place else None,
        "admin2": place.admin2 if place else None,
        "admin3": place.admin3 if place else None,
        "latitude": place.latitude if place else None,
        "longitude": place.longitude if place else None,
        "geo_precision": place.geo_precision if place else None,
        "fatalities": event.fatalities,
        "evidence": event.evidence[0].sentence,
        "notes": None,
    }


def _interaction_values(item: Interaction) -> dict[str, Any]:
    return {
        "interaction_date": item.date,
        "type": item.type,
        "party1": item.parties[0],
        "party2": item.parties[1],
        "location": item.location,
        "latitude": item.place.latitude if item.place else None,
        "longitude": item.place.longitude if item.place else None,
        "evidence": item.evidence[0].sentence,
        "source_party": item.source,
        "target_party": item.target,
    }


def _article_values(item: Clustered, body: bool) -> dict[str, Any]:
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
        "published": published,
        "published_has_time": has_time,
        "published_month": article.published_month,
        "author": article.author,
        "cluster_id": item.cluster_id,
        "minhash": item.minhash,
        **({"body": article.body} if body else {}),
    }


def _article(row: ArticleRow, document_text: str) -> Article:
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
        body=article_text(document_text, row.spans),
        start=row.start_offset,
        end=row.end_offset,
        spans=tuple((int(s), int(e)) for s, e in json.loads(row.spans)),
        published_month=bool(row.published_month),
    )
