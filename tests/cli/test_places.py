"""`vigie places`: unknown place names listed, user places added from a CSV, stored events re-placed.

Issue 4: "unresolved toponyms are stored and `vigie places --unresolved` lists them with counts
and example sentences; users add places from a CSV (`vigie places add FILE`)".
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.conftest import FIXTURES
from vigie.cli import cli

PLACES = FIXTURES / "places"
ATTACK = PLACES / "studiotamani-2024-02-12-intahaka.txt"
RETURN = PLACES / "studiotamani-2024-02-20-intahaka-retour.txt"
SENTENCE = (
    "Des hommes armés ont attaqué le samedi 10 février 2024 la localité d'Intahaka, dans le cercle de "
    "Gao, tuant trois orpailleurs."
)


def vigie(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def events(db: Path) -> list[dict[str, str]]:
    result = vigie("export", "events", "--db", str(db))
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout)))


@pytest.mark.parametrize("command", [["places"], ["places", "add"]], ids=" ".join)
def test_places_commands_have_help_with_an_example(command: list[str]) -> None:
    result = vigie(*command, "--help")
    assert result.exit_code == 0
    assert "Example: vigie places" in result.output


def test_an_unknown_place_is_listed_then_added_then_resolved(tmp_path: Path) -> None:
    db = str(tmp_path / "v.db")
    assert vigie("ingest", str(ATTACK), "--db", db).exit_code == 0

    listed = vigie("places", "--unresolved", "--db", db)
    assert listed.exit_code == 0
    assert listed.stdout == f"    1  Intahaka\n       « {SENTENCE} »\n"
    assert listed.stderr == "1 unresolved place names\n"
    as_json = vigie("places", "--unresolved", "--json", "--db", db).stdout
    assert json.loads(as_json) == {"name": "Intahaka", "count": 1, "sentences": [SENTENCE]}
    before = events(db)
    # unknown, the village is put in its cercle (the cercle's seat, precision 2)
    assert [(e["location"], e["admin2"], e["geo_precision"], e["latitude"]) for e in before] == [
        ("Intahaka", "Gao", "2", "16.27167")
    ]

    places = tmp_path / "places.csv"
    places.write_text(
        "name,latitude,longitude,country,admin1,admin2\nIntahaka,16.93,-0.41,Mali,Gao,Gao\n", encoding="utf-8"
    )
    added = vigie("places", "add", str(places), "--db", db)
    assert added.exit_code == 0, added.output
    assert added.stderr == (
        "1 places added from places.csv; 1 place names now resolved, 1 events and 0 interactions placed\n"
    )
    assert vigie("places", "--unresolved", "--db", db).stdout == ""
    after = events(db)
    assert [(e["event_id_cnty"], e["location"], e["latitude"], e["longitude"], e["geo_precision"],
             e["admin1"], e["country"]) for e in after] == [
        (before[0]["event_id_cnty"], "Intahaka", "16.93", "-0.41", "1", "Gao", "Mali")
    ]  # fmt: skip
    assert vigie("places", "--db", db).stdout == "Intahaka\t16.93000\t-0.41000\tMLI\tGao\tGao\tuser:1\n"

    # a later ingest resolves the name at once
    assert vigie("ingest", str(RETURN), "--db", db).exit_code == 0
    later = [e for e in events(db) if e["event_date"] == "2024-02-19"]
    assert [(e["location"], e["latitude"], e["geo_precision"]) for e in later] == [("Intahaka", "16.93", "1")]
    assert vigie("places", "--unresolved", "--db", db).stdout == ""


def test_bad_rows_are_reported_with_their_line_numbers_and_nothing_is_added(tmp_path: Path) -> None:
    db = str(tmp_path / "v.db")
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "name,latitude,longitude,country\n"
        "Intahaka,16.93,-0.41,MLI\n"
        "Tibezas,95,1.2,Mali\n"
        "Tin-Hama,15.7,1.0,BFA\n"
        "Ber,abc,-3.3,MLI\n"
        "Tarkint,17.4,0.1,Narnia\n",
        encoding="utf-8",
    )
    result = vigie("places", "add", str(bad), "--db", db)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "Error: 4 bad rows, nothing added:",
        "bad.csv line 3: latitude 95.0 is out of range (-90 to 90)",
        "bad.csv line 4: Tin-Hama (15.7, 1.0) is not in BFA: it lies in MLI. Check the order (latitude, "
        "then longitude) and the signs (west of Greenwich is negative)",
        "bad.csv line 5: latitude 'abc' is not a number (decimal degrees: 14.91)",
        "bad.csv line 6: country 'Narnia' is unknown: give an ISO3 code (BEN, BFA, CIV, CMR, DZA, GHA, "
        "GIN, GMB, GNB, LBR, LBY, MAR, MLI, MRT, NER, NGA, SEN, SLE, TCD, TGO)",
    ]
    assert vigie("places", "--db", db).stdout == ""


def test_a_file_without_the_needed_columns_says_which(tmp_path: Path) -> None:
    bad = tmp_path / "lieux.csv"
    bad.write_text("nom,lat,lon\nIntahaka,16.93,-0.41\n", encoding="utf-8")
    result = vigie("places", "add", str(bad), "--db", str(tmp_path / "v.db"))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        "Error: lieux.csv: the header line must name the columns name, latitude, longitude, country "
        "(missing: name, latitude, longitude, country); optional: admin1, admin2, admin3, feature_class, "
        "population. Example:"
    )
