"""Export, documents: stored articles -> FORMAT.md document records and flat article rows."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import groupby
from typing import Any, Literal

from vigie.frdate import iso
from vigie.store import StoredArticle

ArticleFormat = Literal["csv", "jsonl", "parquet"]

ARTICLE_COLUMNS = (
    "id", "doc", "source", "position", "kind", "title", "published", "author",
    "cluster_id", "start", "end", "first_words", "body",
)  # fmt: skip
# Parquet type of each article column (see writers.write_parquet); `published` is a TIMESTAMP
# (a day alone at midnight, a month alone at its first day)
ARTICLE_TYPES = {"position": "int32", "start": "int64", "end": "int64", "published": "timestamp"}


Extractions = dict[str, tuple[list[dict[str, Any]], list[dict[str, Any]]]]


def document_records(
    stored: Iterable[StoredArticle], extractions: Extractions | None = None
) -> Iterator[dict[str, Any]]:
    """One FORMAT.md record per document: doc, articles, events, interactions (plus ids and offsets)."""
    found = extractions or {}
    for (name, source), group in groupby(stored, key=lambda s: (s.doc_name, s.source)):
        items = list(group)
        doc_id = items[0].article.doc_id
        events, interactions = found.get(doc_id, ([], []))
        yield {
            "doc": name,
            "source": source,
            "doc_id": doc_id,
            "articles": [_format_article(item) for item in items],
            "events": events,
            "interactions": interactions,
        }


def _format_article(item: StoredArticle) -> dict[str, Any]:
    article = item.article
    return {
        "title": article.title,
        "published": iso(article.published, article.published_month),
        "author": article.author,
        "kind": article.kind,
        "first_words": article.first_words,
        "id": article.id,
        "start": article.start,
        "end": article.end,
        "cluster_id": item.cluster_id,
    }


def article_rows(stored: Iterable[StoredArticle]) -> Iterator[dict[str, Any]]:
    """One flat row per article, columns as ARTICLE_COLUMNS."""
    for item in stored:
        article = item.article
        yield {
            "id": article.id,
            "doc": item.doc_name,
            "source": item.source,
            "position": article.position,
            "kind": article.kind,
            "title": article.title,
            "published": iso(article.published, article.published_month),
            "author": article.author,
            "cluster_id": item.cluster_id,
            "start": article.start,
            "end": article.end,
            "first_words": article.first_words,
            "body": article.body,
        }
