"""Export, writers: rows (plain dicts) -> JSONL, CSV, Parquet or GeoJSON on a stream.

Every writer takes an iterable of rows and an open stream, writes as it reads (nothing but
Parquet holds the whole table), and returns how many rows it wrote.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import IO, Any

# Parquet types a column may be given (anything else is a string column)
PARQUET_TYPES = ("string", "int32", "int64", "float64", "bool")


@dataclass(frozen=True, slots=True)
class Written:
    """What a GeoJSON export wrote, and how many rows it left out for want of coordinates."""

    features: int
    without_coordinates: int


def write_jsonl(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """Write one JSON object per line; return how many."""
    count = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(rows: Iterable[dict[str, Any]], columns: tuple[str, ...], out: IO[str]) -> int:
    """Write rows as CSV with a header of `columns`, in that order; return how many rows.

    Scraped text is untrusted: a text cell that a spreadsheet would run as a formula ("=HYPERLINK(…",
    "+…", "-…", "@…") is written with a leading apostrophe, which spreadsheets show as text.

    >>> import io; out = io.StringIO(); write_csv([{"a": "=1+1", "b": -3.5}], ("a", "b"), out)
    1
    >>> out.getvalue().splitlines()[1]
    "'=1+1,-3.5"
    """
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow({key: _inert(value) for key, value in row.items()})
        count += 1
    return count


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _inert(value: Any) -> Any:
    """A text cell a spreadsheet cannot run: formulas get a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def write_parquet(
    rows: Iterable[dict[str, Any]],
    columns: tuple[str, ...],
    out: IO[bytes],
    types: Mapping[str, str] | None = None,
) -> int:
    """Write rows as one Parquet table of `columns`; `types` names the non-string ones
    ("int64", "float64", …); without it, the article columns' types. Return how many rows."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    if types is None:
        from vigie.export.documents import ARTICLE_TYPES

        types = ARTICLE_TYPES
    arrow = {
        "string": pa.string(), "int32": pa.int32(), "int64": pa.int64(),
        "float64": pa.float64(), "bool": pa.bool_(),
    }  # fmt: skip
    schema = pa.schema([(name, arrow[types.get(name, "string")]) for name in columns])
    table_rows = [{name: row.get(name) for name in columns} for row in rows]
    pq.write_table(pa.Table.from_pylist(table_rows, schema=schema), out)
    return len(table_rows)


def write_geojson(
    rows: Iterable[dict[str, Any]], out: IO[str], latitude: str = "latitude", longitude: str = "longitude"
) -> Written:
    """Write an RFC 7946 FeatureCollection: one Point feature ([longitude, latitude], WGS 84) per
    row that has coordinates, the row as its properties. Rows without coordinates are counted."""
    out.write('{"type": "FeatureCollection", "features": [')
    features = skipped = 0
    for row in rows:
        lat, lon = row.get(latitude), row.get(longitude)
        if lat in (None, "") or lon in (None, ""):
            skipped += 1
            continue
        feature = {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [float(lon), float(lat)]},
            "properties": row,
        }
        out.write(("\n" if features == 0 else ",\n") + json.dumps(feature, ensure_ascii=False))
        features += 1
    out.write("\n]}\n")
    return Written(features, skipped)
