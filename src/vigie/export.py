"""Export: stored articles -> FORMAT.md document records (JSONL) and article tables (CSV, JSONL, Parquet)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from itertools import groupby
from typing import IO, Any, Literal

from vigie.frdate import iso
from vigie.store import StoredArticle

ArticleFormat = Literal["csv", "jsonl", "parquet"]

ARTICLE_COLUMNS = (
    "id", "doc", "source", "position", "kind", "title", "published", "author",
    "cluster_id", "start", "end", "first_words", "body",
)  # fmt: skip


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
        "published": iso(article.published),
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
            "published": iso(article.published),
            "author": article.author,
            "cluster_id": item.cluster_id,
            "start": article.start,
            "end": article.end,
            "first_words": article.first_words,
            "body": article.body,
        }


def write_jsonl(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """Write one JSON object per line; return how many."""
    count = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(rows: Iterable[dict[str, Any]], columns: tuple[str, ...], out: IO[str]) -> int:
    """Write rows as CSV with a header; return how many rows."""
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow(row)
        count += 1
    return count


def write_parquet(rows: Iterable[dict[str, Any]], columns: tuple[str, ...], out: IO[bytes]) -> int:
    """Write rows as one Parquet table; return how many rows."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table_rows = list(rows)
    table = (
        pa.Table.from_pylist(table_rows, schema=_article_schema(pa))
        if table_rows
        else pa.table({name: pa.array([], type=_article_schema(pa).field(name).type) for name in columns})
    )
    pq.write_table(table, out)
    return len(table_rows)


def _article_schema(pa: Any) -> Any:
    return pa.schema(
        [
            ("id", pa.string()), ("doc", pa.string()), ("source", pa.string()), ("position", pa.int32()),
            ("kind", pa.string()), ("title", pa.string()), ("published", pa.string()),
            ("author", pa.string()), ("cluster_id", pa.string()), ("start", pa.int64()),
            ("end", pa.int64()), ("first_words", pa.string()), ("body", pa.string()),
        ]
    )  # fmt: skip
