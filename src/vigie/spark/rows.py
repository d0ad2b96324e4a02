"""Spark rows: one document's read, segment and extraction results <-> one flat Parquet row.

A row holds the document's fields as columns (readable by any Parquet tool) and its articles,
events, interactions and place names as JSON arrays of the records' fields. Decoding gives back
equal records, so the store saves from a row exactly what `vigie ingest` saves from the stages.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

from vigie.records import Article, Event, Interaction, Page, PlaceName, RawDoc

RowKind = Literal["document", "skipped", "warning", "passed_over"]
# The columns of a result row, in order, with their Spark SQL types
COLUMNS = (
    ("source_index", "bigint"),  # the input's place in the run's sorted list of sources
    ("item_index", "bigint"),  # the document's place inside its input (a WARC, a feed, a JSONL file)
    ("kind", "string"),  # document, skipped, warning (document kept), passed_over (file not read)
    ("location", "string"),  # the input, as messages and the report name it
    ("message", "string"),  # the reason of a skip or the text of a warning
    ("sha1", "string"),
    ("source", "string"),
    ("name", "string"),
    ("size", "bigint"),
    ("encoding", "string"),
    ("text", "string"),
    ("url", "string"),
    ("captured", "string"),  # ISO 8601
    ("format", "string"),
    ("page", "string"),  # JSON object, or null for a page dump
    ("articles", "string"),  # JSON array of Article fields
    ("extracted", "boolean"),  # false when extraction was off (--setting extract false)
    ("events", "string"),  # JSON arrays of Event, Interaction and PlaceName fields
    ("interactions", "string"),
    ("toponyms", "string"),
)
SCHEMA = ", ".join(f"{name} {kind}" for name, kind in COLUMNS)
Found = tuple[list[Event], list[Interaction], list[PlaceName]]


@dataclass(frozen=True, slots=True)
class Result:
    """One row read back: a document ready to store, or a line of the report."""

    source_index: int
    item_index: int
    kind: RowKind
    location: str
    message: str | None = None
    raw: RawDoc | None = None  # for a document, and for a skip whose bytes were read (sha1 known)
    articles: list[Article] | None = None
    found: Found | None = None


def document_row(source_index: int, item_index: int, location: str, raw: RawDoc,
                 articles: list[Article], found: Found | None) -> tuple[Any, ...]:  # fmt: skip
    """A stored-to-be document as a row of COLUMNS."""
    events, interactions, toponyms = found if found is not None else ([], [], [])
    return (
        *_head(source_index, item_index, "document", location, None, raw),
        _dumps(articles),
        found is not None,
        _dumps(events),
        _dumps(interactions),
        _dumps(toponyms),
    )


def report_row(source_index: int, item_index: int, kind: RowKind, location: str, message: str,
               raw: RawDoc | None = None) -> tuple[Any, ...]:  # fmt: skip
    """A skip, warning or passed-over file as a row of COLUMNS (with the document's fields when
    its bytes were read: a document stored already is unchanged, not skipped)."""
    return (*_head(source_index, item_index, kind, location, message, raw), None, None, None, None, None)


def _head(source_index: int, item_index: int, kind: RowKind, location: str, message: str | None,
          raw: RawDoc | None) -> tuple[Any, ...]:  # fmt: skip
    if raw is None:
        return (source_index, item_index, kind, location, message, *([None] * 10))
    return (
        source_index, item_index, kind, location, message, raw.sha1, raw.source, raw.name, raw.size,
        raw.encoding, raw.text, raw.url, None if raw.captured is None else raw.captured.isoformat(),
        raw.format, None if raw.page is None else _dumps(raw.page),
    )  # fmt: skip


def read_row(row: typing.Mapping[str, Any]) -> Result:
    """A row of COLUMNS (a Spark Row's asDict(), or a dict) back as records."""
    raw = None
    if row["sha1"] is not None:
        raw = RawDoc(
            source=row["source"],
            name=row["name"],
            sha1=row["sha1"],
            size=row["size"],
            encoding=row["encoding"],
            text=row["text"],
            url=row["url"],
            captured=None if row["captured"] is None else datetime.fromisoformat(row["captured"]),
            format=row["format"],
            page=None if row["page"] is None else decode(Page, json.loads(row["page"])),
        )
    if row["kind"] != "document":
        return Result(
            row["source_index"], row["item_index"], row["kind"], row["location"], row["message"], raw
        )
    found = None
    if row["extracted"]:
        found = (
            decode(list[Event], json.loads(row["events"])),
            decode(list[Interaction], json.loads(row["interactions"])),
            decode(list[PlaceName], json.loads(row["toponyms"])),
        )
    articles = decode(list[Article], json.loads(row["articles"]))
    return Result(
        row["source_index"], row["item_index"], "document", row["location"], None, raw, articles, found
    )


def _dumps(value: object) -> str:
    return json.dumps(encode(value), ensure_ascii=False, separators=(",", ":"))


def encode(value: object) -> Any:
    """A record as JSON values: dataclasses as objects, tuples as arrays, dates in ISO 8601.

    >>> encode(PlaceName("d:0", "Tibezas", "Un véhicule neutralisé à Tibezas.", False))
    {'article_id': 'd:0', 'name': 'Tibezas', 'sentence': 'Un véhicule neutralisé à Tibezas.', 'resolved': False}
    """
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {field.name: encode(getattr(value, field.name)) for field in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [encode(item) for item in value]
    if isinstance(value, date):  # a datetime too
        return value.isoformat()
    return value


def decode(kind: Any, value: Any) -> Any:
    """JSON values back as `kind`, following the record's annotations.

    >>> decode(Page, {"title": "Gao", "published": "2024-02-08T09:30:00", "author": None})
    Page(title='Gao', published=datetime.datetime(2024, 2, 8, 9, 30), author=None, kind='full', sitename=None)
    """
    origin = typing.get_origin(kind)
    if origin in (types.UnionType, typing.Union):
        options = [option for option in typing.get_args(kind) if option is not type(None)]
        if value is None:
            return None
        if date in options and datetime in options:  # a datetime prints its time: "2024-02-08T09:30:00"
            return datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
        return decode(options[0], value)
    if origin is list:
        (item,) = typing.get_args(kind)
        return [decode(item, part) for part in value]
    if origin is tuple:
        args = typing.get_args(kind)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(decode(args[0], part) for part in value)
        return tuple(decode(arg, part) for arg, part in zip(args, value, strict=True))
    if dataclasses.is_dataclass(kind) and isinstance(kind, type):
        hints = typing.get_type_hints(kind)
        return kind(**{name: decode(hints[name], part) for name, part in value.items()})
    if kind is datetime:
        return datetime.fromisoformat(value)
    if kind is date:
        return date.fromisoformat(value)
    if kind is float:
        return float(value)
    return value  # str, int, bool and Literal vocabularies are JSON values already
