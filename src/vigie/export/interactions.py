"""Export, interactions: stored PLOVER interactions -> flat rows (type, parties, direction, place, sources).

`party1`/`party2` are the sorted pair of the gold format; `source_party` acts on `target_party`
(PLOVER's source and target); `quad_class` is the type's PLOVER quad class (vigie.plover);
`source` is the outlet, as in ACLED's columns.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from vigie.export.acled import SPACES, vocabulary
from vigie.plover import quad_class
from vigie.store.events import StoredInteraction

INTERACTION_COLUMNS = (
    "id", "date", "type", "party1", "party2", "source_party", "target_party", "quad_class",
    "location", "latitude", "longitude", "evidence", "source", "documents", "article_ids",
)  # fmt: skip
# Parquet type of each non-string interaction column (see writers.write_parquet)
INTERACTION_TYPES = {"id": "int64", "date": "date", "latitude": "float64", "longitude": "float64"}


def interaction_rows(interactions: Iterable[StoredInteraction]) -> Iterator[dict[str, Any]]:
    """One row per stored interaction, keys INTERACTION_COLUMNS; several sources joined by "; "."""
    words = vocabulary()
    for item in interactions:
        outlets: dict[str, None] = {}
        for source in item.sources:
            outlet = words.outlet_of(source)
            outlets[outlet.name if outlet else source.document] = None
        yield {
            "id": item.id,
            "date": item.date.isoformat() if item.date else None,
            "type": item.type,
            "party1": item.parties[0],
            "party2": item.parties[1],
            "source_party": item.source_party,
            "target_party": item.target_party,
            "quad_class": quad_class(item.type),
            "location": item.location,
            "latitude": item.latitude,
            "longitude": item.longitude,
            "evidence": SPACES.sub(" ", item.evidence).strip(),
            "source": "; ".join(outlets) or None,
            "documents": "; ".join(dict.fromkeys(s.document for s in item.sources)) or None,
            "article_ids": "; ".join(dict.fromkeys(s.article_id for s in item.sources)) or None,
        }
