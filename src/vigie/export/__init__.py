"""Export: stored records -> rows (plain dicts) -> files.

Row builders (one row per stored item, plain dicts; reused by the dashboard's downloads):
  documents.py     document_records (FORMAT.md records), article_rows
  acled.py         event_rows: ACLED's columns (ACLED_COLUMNS), French notes; Style: ACLED's
                   conventions (0 fatalities, full actor names from acled_names.py)
  interactions.py  interaction_rows: PLOVER interactions (INTERACTION_COLUMNS)
Writers (rows -> an open stream, return a count): writers.py, JSONL, CSV, Parquet, GeoJSON.
Stored events and interactions are read by vigie.store.events (read_events, read_interactions).
"""

from __future__ import annotations

from vigie.export.acled import (
    ACLED_COLUMNS,
    ACLED_FILE,
    ACLED_NAMED_TYPES,
    ACLED_TYPES,
    Style,
    event_day,
    event_row,
    event_rows,
    interaction_code,
    notes_by_id,
)
from vigie.export.documents import (
    ARTICLE_COLUMNS,
    ARTICLE_TYPES,
    ArticleFormat,
    Extractions,
    article_rows,
    document_records,
)
from vigie.export.interactions import INTERACTION_COLUMNS, INTERACTION_TYPES, interaction_rows
from vigie.export.writers import Written, write_csv, write_geojson, write_jsonl, write_parquet

__all__ = [
    "ACLED_COLUMNS",
    "ACLED_FILE",
    "ACLED_NAMED_TYPES",
    "ACLED_TYPES",
    "ARTICLE_COLUMNS",
    "ARTICLE_TYPES",
    "INTERACTION_COLUMNS",
    "INTERACTION_TYPES",
    "ArticleFormat",
    "Extractions",
    "Style",
    "Written",
    "article_rows",
    "document_records",
    "event_day",
    "event_row",
    "event_rows",
    "interaction_code",
    "interaction_rows",
    "notes_by_id",
    "write_csv",
    "write_geojson",
    "write_jsonl",
    "write_parquet",
]
