"""Export, writers: rows (plain dicts) -> JSONL, CSV, Parquet or GeoJSON on a stream.

Every writer takes an iterable of rows and an open stream, writes as it reads (nothing but
Parquet holds the whole table), and returns how many rows it wrote.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import IO, Any

# Parquet types a column may be given (anything else is a string column); "date" takes ISO days
# ("2023-09-13"), "timestamp" ISO date-times or Unix seconds, written as UTC without a zone
PARQUET_TYPES = ("string", "int32", "int64", "float64", "bool", "date", "timestamp")
BOM = "\ufeff"  # Excel reads a CSV file as UTF-8 only when it starts with one


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


def write_csv(
    rows: Iterable[dict[str, Any]], columns: tuple[str, ...], out: IO[str], excel: bool = False
) -> int:
    """Write rows as CSV with a header of `columns`, in that order; return how many rows.

    Scraped text is untrusted: a text cell that a spreadsheet would run as a formula ("=HYPERLINK(…",
    "+…", "-…", "@…") is written with a leading apostrophe, which spreadsheets show as text.
    `excel`: as French Excel opens a file by a double click: a UTF-8 byte order mark, ";" between
    cells and a decimal comma (with "." Excel reads "14.5" as a date, 14 May).

    >>> import io; out = io.StringIO(); write_csv([{"a": "=1+1", "b": -3.5}], ("a", "b"), out)
    1
    >>> out.getvalue().splitlines()[1]
    "'=1+1,-3.5"
    >>> out = io.StringIO(); write_csv([{"a": "Ségou", "b": 13.43}], ("a", "b"), out, excel=True)
    1
    >>> out.getvalue().splitlines()
    ['\\ufeffa;b', 'Ségou;13,43']
    """
    if excel:
        out.write(BOM)
    writer = csv.DictWriter(
        out, fieldnames=list(columns), extrasaction="ignore", delimiter=";" if excel else ","
    )
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow({key: _inert(value, excel) for key, value in row.items()})
        count += 1
    return count


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _inert(value: Any, excel: bool = False) -> Any:
    """A text cell a spreadsheet cannot run: formulas get a leading apostrophe; for French Excel, a
    decimal comma."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    if excel and isinstance(value, float):
        return repr(value).replace(".", ",")
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
        "float64": pa.float64(), "bool": pa.bool_(), "date": pa.date32(), "timestamp": pa.timestamp("s"),
    }  # fmt: skip
    kinds = {name: types.get(name, "string") for name in columns}
    schema = pa.schema([(name, arrow[kinds[name]]) for name in columns])
    table_rows = [{name: _typed(row.get(name), kinds[name]) for name in columns} for row in rows]
    pq.write_table(pa.Table.from_pylist(table_rows, schema=schema), out)
    return len(table_rows)


def _typed(value: Any, kind: str) -> Any:
    """A cell as Parquet's type wants it: an ISO day as a date, Unix seconds as a UTC date-time."""
    if value is None or value == "":
        return None
    if kind == "date" and isinstance(value, str):
        return date.fromisoformat(value[:10])
    if kind == "timestamp":
        if isinstance(value, int | float):
            return datetime.fromtimestamp(value, UTC).replace(tzinfo=None)
        if isinstance(value, str):
            if len(value) == len("2024-08"):  # a month: its first day, as ACLED dates a month
                value += "-01"
            parsed = datetime.fromisoformat(value)
            return parsed.astimezone(UTC).replace(tzinfo=None) if parsed.tzinfo else parsed
    return value


def write_geojson(
    rows: Iterable[dict[str, Any]],
    out: IO[str],
    latitude: str = "latitude",
    longitude: str = "longitude",
    id_key: str | None = None,
) -> Written:
    """Write an RFC 7946 FeatureCollection: one Point feature ([longitude, latitude], WGS 84) per
    row that has coordinates, the row as its properties and `row[id_key]` as its `id` (stable: QGIS
    and web maps join on it). Rows without coordinates are counted."""
    out.write('{"type": "FeatureCollection", "features": [')
    features = skipped = 0
    for row in rows:
        lat, lon = row.get(latitude), row.get(longitude)
        if lat in (None, "") or lon in (None, ""):
            skipped += 1
            continue
        feature: dict[str, Any] = {"type": "Feature"}
        if id_key is not None and row.get(id_key) is not None:
            feature["id"] = row[id_key]
        feature["geometry"] = {"type": "Point", "coordinates": [float(lon), float(lat)]}
        feature["properties"] = row
        out.write(("\n" if features == 0 else ",\n") + json.dumps(feature, ensure_ascii=False))
        features += 1
    out.write("\n]}\n")
    return Written(features, skipped)
