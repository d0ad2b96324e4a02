"""ACLED rows (export/acled.py) and the GeoJSON writer, on stored events built by hand."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from vigie.export import ACLED_COLUMNS, ACLED_FILE, Style, event_row, write_csv, write_geojson
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
    # an outlet not in data/acled_export.toml: the scale of the national press (unknown_outlet_scale)
    assert (unknown["source"], unknown["source_scale"]) == ("example.org", "National")


def _unknowns(published: date | None) -> StoredEvent:
    """An event told without a date, a toll or a place the gazetteer knew (issue 13, item 2)."""
    where = StoredSource("b" * 40 + ":0", "dev_002.txt", "/eval/dev_002.txt", SENTENCE, 0, 60,
                         datetime(2026, 12, 7, 9, 0, tzinfo=UTC), published)  # fmt: skip
    return StoredEvent(
        11, None, 1, "Battles", "Armed clash", "JNIM", None, "Military Forces of Mali", None, "Boulkessi",
        None, None, None, None, None, None, None, None, None, SENTENCE, (where,),
    )  # fmt: skip


def test_acled_files_have_no_empty_date_year_country_iso_fatalities_or_scale() -> None:
    """ACLED has no undated event, no event without a country, and 0 where no toll is reported."""
    row = event_row(_unknowns(date(2019, 10, 2)), vocabulary(), ACLED_FILE)
    assert {k: row[k] for k in ("event_date", "year", "time_precision", "country", "iso", "fatalities",
                                "source", "source_scale", "event_id_cnty")} == {
        "event_date": "2019-10-02", "year": 2019, "time_precision": 3, "country": "Mali", "iso": 466,
        "fatalities": 0, "source": "dev_002.txt", "source_scale": "National",
        "event_id_cnty": "MLI11",
    }  # fmt: skip
    # Vigie's own rows (JSONL, API) keep null: no number reported is not "nobody died"
    assert event_row(_unknowns(date(2019, 10, 2)), vocabulary())["fatalities"] is None
    # placed only at a country's level: that country
    at_country = replace(_unknowns(date(2019, 10, 2)), location="Burkina Faso")
    assert {k: event_row(at_country, vocabulary(), ACLED_FILE)[k] for k in ("country", "iso", "event_id_cnty")} == {
        "country": "Burkina Faso", "iso": 854, "event_id_cnty": "BFA11"
    }  # fmt: skip
    # no publication day: the day the page was ingested, still precision 3
    assert event_row(_unknowns(None), vocabulary())["event_date"] == "2026-12-07"


def test_acled_actor_names_and_labels() -> None:
    """--actor-names acled: ACLED's full names in force on the event's day, and text labels."""
    acled = Style(zero_fatalities=True, actor_names="acled")
    battle = event_row(stored("Battles", "Armed clash", "JNIM", "Military Forces of Mali", "page.html"),
                       vocabulary(), acled)  # fmt: skip
    assert (battle["actor1"], battle["actor2"]) == (
        "JNIM: Group for Support of Islam and Muslims", "Military Forces of Mali (2021-)"
    )  # fmt: skip
    assert (battle["inter1"], battle["inter2"], battle["interaction"]) == (
        "Rebel Groups", "State Forces", "State Forces-Rebel Groups"
    )  # fmt: skip
    protest = event_row(
        stored("Protests", "Peaceful protest", "Other", None, "page.html"), vocabulary(), acled
    )
    assert (protest["actor1"], protest["actor2"], protest["interaction"]) == (
        "Protesters (Mali)", None, "Sole Protesters"
    )  # fmt: skip
    undated = event_row(_unknowns(date(2019, 10, 2)), vocabulary(), acled)  # dated by its report: 2019
    assert (undated["actor2"], undated["inter2"]) == ("Military Forces of Mali (2013-2020)", "State Forces")


def test_excel_csv_has_a_bom_semicolons_and_decimal_commas() -> None:
    out = io.StringIO()
    row = event_row(stored("Battles", "Armed clash", "JNIM", None, "page.html"), vocabulary(), ACLED_FILE)
    assert write_csv([row], ACLED_COLUMNS, out, excel=True) == 1
    header, line = out.getvalue().split("\r\n")[:2]
    assert header.startswith("\ufeffevent_id_cnty;event_date;year;")
    cells = dict(zip(ACLED_COLUMNS, next(csv.reader([line], delimiter=";")), strict=True))
    assert (cells["latitude"], cells["longitude"], cells["location"]) == ("14,57", "-1,95", "Mondoro")


def test_geojson_features_carry_a_stable_id() -> None:
    out = io.StringIO()
    write_geojson([{"event_id_cnty": "MLI4821", "latitude": 14.57, "longitude": -1.95}], out,
                  id_key="event_id_cnty")  # fmt: skip
    [feature] = json.loads(out.getvalue())["features"]
    assert feature["id"] == "MLI4821"


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
