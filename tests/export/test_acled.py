"""ACLED rows (export/acled.py) and the GeoJSON writer, on stored events built by hand."""

from __future__ import annotations

import io
import json
from datetime import UTC, date, datetime

import pytest

from vigie.export import ACLED_COLUMNS, event_row, write_geojson
from vigie.export.acled import vocabulary
from vigie.store.events import StoredEvent, StoredSource

SENTENCE = "Des hommes armés ont incendié\nle marché de Mondoro, faisant deux morts."


def stored(event_type: str, sub_event_type: str, actor1: str, actor2: str | None, source: str) -> StoredEvent:
    where = StoredSource(
        "a" * 40 + ":0", "page.html", source, SENTENCE, 0, 60, datetime(2024, 3, 1, tzinfo=UTC)
    )
    return StoredEvent(
        7, date(2024, 2, 29), 1, event_type, sub_event_type, actor1, None, actor2, None, "Mondoro", "Mali",
        "MLI", "Mopti", "Douentza", None, 14.57, -1.95, 1, 2, SENTENCE, (where,),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("event_type", "sub_event_type", "actor1", "actor2", "disorder", "inter", "civilian"),
    [
        ("Riots", "Mob violence", "Other", "Civilians", "Political violence", (5, 7, 57), "Civilian targeting"),
        ("Protests", "Peaceful protest", "Other", None, "Demonstrations", (6, 0, 60), None),
        ("Protests", "Excessive force against protesters", "Police Forces of Mali", "Other",
         "Political violence; Demonstrations", (1, 6, 16), None),
        ("Battles", "Armed clash", "JNIM", "Military Forces of Mali", "Political violence", (2, 1, 12), None),
        ("Violence against civilians", "Attack", "Dozo militia", "Civilians", "Political violence", (4, 7, 47),
         "Civilian targeting"),
    ],
)  # fmt: skip
def test_acled_codes(
    event_type: str,
    sub_event_type: str,
    actor1: str,
    actor2: str | None,
    disorder: str,
    inter: tuple[int, int, int],
    civilian: str | None,
) -> None:
    row = event_row(stored(event_type, sub_event_type, actor1, actor2, "page.html"), vocabulary())
    assert tuple(row) == ACLED_COLUMNS
    assert row["disorder_type"] == disorder
    assert (row["inter1"], row["inter2"], row["interaction"]) == inter
    assert row["civilian_targeting"] == civilian
    assert row["tags"] == ("crowd size=no report" if event_type in {"Protests", "Riots"} else None)


def test_outlet_from_the_url_and_a_one_line_note() -> None:
    event = stored(
        "Riots", "Mob violence", "Other", "Civilians", "https://www.maliweb.net/societe/mondoro.html"
    )
    row = event_row(event, vocabulary())
    assert (row["source"], row["source_scale"]) == ("Maliweb", "National")
    assert row["notes"] == (
        "Le 29 février 2024, à Mondoro (Mopti) : violence collective (Other contre Civilians), bilan : 2 mort(s). "
        "« Des hommes armés ont incendié le marché de Mondoro, faisant deux morts. » (Maliweb)"
    )
    assert (row["event_id_cnty"], row["iso"], row["year"], row["timestamp"]) == (
        "MLI7",
        466,
        2024,
        1709251200,
    )
    unknown = event_row(stored("Riots", "Mob violence", "Other", None, "https://example.org/a"), vocabulary())
    assert (unknown["source"], unknown["source_scale"]) == ("example.org", None)


def test_geojson_leaves_out_rows_without_coordinates() -> None:
    rows = [{"id": 1, "latitude": 14.57, "longitude": -1.95}, {"id": 2, "latitude": None, "longitude": None}]
    out = io.StringIO()
    written = write_geojson(rows, out)
    assert (written.features, written.without_coordinates) == (1, 1)
    collection = json.loads(out.getvalue())
    assert collection == {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [-1.95, 14.57]},
                "properties": {"id": 1, "latitude": 14.57, "longitude": -1.95},
            }
        ],
    }
