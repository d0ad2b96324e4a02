"""Store, read side of `vigie reextract`: the stored documents read back as they were ingested (their
decoded text, as a RawDoc) with their stored articles."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, cast

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from vigie.records import Article, InputFormat, RawDoc
from vigie.store import Store, _article
from vigie.store.packed import TextCache, unpack
from vigie.store.schema import ArticleRow, DocumentRow

# formats whose one article comes from the page's markup (title, date, author), which is not stored
PAGE_FORMATS = frozenset({"html", "feed", "warc"})


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """A document as stored: its text (as read at ingest) and its articles."""

    raw: RawDoc
    articles: list[Article]
    is_page: bool  # a web page or feed entry: its article came from markup, and is kept as stored


def count_documents(store: Store, since: date | None = None) -> int:
    """How many stored documents `stored_documents` gives."""
    with store.engine.connect() as connection:
        return int(
            connection.scalar(select(func.count()).select_from(DocumentRow).where(*_since(since))) or 0
        )


def stored_documents(store: Store, since: date | None = None, batch: int = 100) -> Iterator[StoredDocument]:
    """The stored documents ingested on or after `since` (all when None), in the order they were
    ingested, with their stored articles; read `batch` documents at a time."""
    query = select(DocumentRow.id).where(*_since(since)).order_by(DocumentRow.ingested_at, DocumentRow.id)
    with store.engine.connect() as connection:
        ids = list(connection.scalars(query))
    for first in range(0, len(ids), batch):
        chunk = ids[first : first + batch]
        with Session(store.engine) as session:
            documents = {
                row.id: row for row in session.scalars(select(DocumentRow).where(DocumentRow.id.in_(chunk)))
            }
            texts = {document_id: unpack(row.packed) for document_id, row in documents.items()}
            articles: dict[str, list[Article]] = {}
            for row in session.scalars(
                select(ArticleRow).where(ArticleRow.document_id.in_(chunk)).order_by(ArticleRow.position)
            ):
                articles.setdefault(row.document_id, []).append(_article(row, texts[row.document_id]))
        for document_id in chunk:
            found = documents.get(document_id)
            if found is not None:  # deleted meanwhile (a document replaced by a newer version)
                yield _stored(found, texts[document_id], articles.get(document_id, []))


def articles_by_id(store: Store, article_ids: Iterable[str]) -> dict[str, Article]:
    """Stored articles by id, with their bodies."""
    wanted = sorted(set(article_ids))
    if not wanted:
        return {}
    query = (
        select(ArticleRow, DocumentRow.packed)
        .join(DocumentRow, ArticleRow.document_id == DocumentRow.id)
        .where(ArticleRow.id.in_(wanted))
    )
    texts = TextCache()
    with Session(store.engine) as session:
        return {row.id: _article(row, texts.text(packed)) for row, packed in session.execute(query)}


def _stored(row: DocumentRow, text: str, articles: list[Article]) -> StoredDocument:
    raw = RawDoc(
        source=row.source,
        name=row.name,
        sha1=row.id,
        size=row.size,
        encoding=row.encoding,
        text=text,
        url=row.url,
        captured=row.captured_at,
        format=cast(InputFormat, row.format),  # written from an InputFormat at ingest
    )
    return StoredDocument(raw, articles, is_page(raw))


def is_page(raw: RawDoc) -> bool:
    """Whether a stored document was a web page (its article cut by markup Vigie does not keep).

    A JSONL record holding text is a dump, cut by the segmenter: its id is the sha1 of its URL and
    text; a JSONL record holding HTML is a page, its id the sha1 of the HTML.

    >>> url, text = "https://x.ml/a", "Ségou : la crue du Bani"
    >>> sha1 = hashlib.sha1(f"{url}\\n{text}".encode()).hexdigest()
    >>> is_page(RawDoc(url, "a", sha1, 1, "utf-8", text, url=url, format="jsonl"))
    False
    """
    if raw.format in PAGE_FORMATS:
        return True
    if raw.format == "jsonl":
        return hashlib.sha1(f"{raw.url}\n{raw.text}".encode()).hexdigest() != raw.sha1
    return False


def _since(since: date | None) -> list[Any]:
    if since is None:
        return []
    return [DocumentRow.ingested_at >= datetime(since.year, since.month, since.day, tzinfo=UTC)]
