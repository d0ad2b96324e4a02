"""Places GeoNames lacks (data/gazetteer_supplement.toml) and venues abroad (data/world_places.csv):
issue 13, items 5 and 6."""

from __future__ import annotations

import csv
import io
import tomllib
from importlib import resources
from pathlib import Path

import pytest

from vigie.geo import Gazetteer, locate_abroad, world_places
from vigie.geo.boundary import Boundaries
from vigie.pipeline import run
from vigie.settings import Settings
from vigie.store import Store
from vigie.store.events import read_interactions

VENUES = Path(__file__).resolve().parents[1] / "fixtures" / "venues"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def _supplement() -> list[dict[str, object]]:
    text = resources.files("vigie.data").joinpath("gazetteer_supplement.toml").read_text(encoding="utf-8")
    return list(tomllib.loads(text)["place"])


@pytest.mark.parametrize(
    ("name", "context", "expected"),
    [
        ("Boulkessi", "Le poste de Mondoro a été attaqué, puis le camp de Boulkessi, près de la frontière.",
         ("Boulkessi", "Mopti", "Douentza", 2)),
        ("Boulkessy", "", ("Boulkessi", "Mopti", "Douentza", 2)),
        ("Djingareyber", "les destructions se sont poursuivies dans le cimetière de Djingareyber",
         ("Djingareyber", "Tombouctou", "Tombouctou", 1)),
    ],
)  # fmt: skip
def test_supplement_places_are_known_where_their_sources_put_them(
    gazetteer: Gazetteer, name: str, context: str, expected: tuple[str, str, str, int]
) -> None:
    found = gazetteer.lookup(name, context)
    assert found.known and found.place is not None
    place = found.place
    assert (place.name, place.admin1, place.admin2, place.geo_precision) == expected
    assert place.country == "MLI" and place.source_id == f"supplement:{expected[0]}"


def test_every_supplement_place_has_sources_and_lies_in_its_country(gazetteer: Gazetteer) -> None:
    borders = Boundaries.load()
    for item in _supplement():
        assert item["sources"], item["name"]
        place = gazetteer.locate(str(item["name"]), country=str(item["country"]))
        assert place is not None and place.source_id == f"supplement:{item['name']}"
        assert borders.contains(place.country, place.latitude, place.longitude), item["name"]


def test_a_place_with_no_source_stays_unknown(gazetteer: Gazetteer) -> None:
    """Tibezas is in no source that says where it is: still the Kidal region, and listed unknown."""
    found = gazetteer.lookup("Tibezas", "dans la localité de Tibezas (Région de Kidal)")
    assert not found.known and found.place is not None and found.place.source_id == "region:Kidal"


@pytest.mark.parametrize(
    "phrase",
    ["à 25 km de Tombouctou", "à environ 25 km de Tombouctou", "à 25 kilomètres au sud de Tombouctou",
     "à une trentaine de kilomètres de la ville de Tombouctou"],
)  # fmt: skip
def test_n_km_from_a_town_is_the_town_at_precision_2(gazetteer: Gazetteer, phrase: str) -> None:
    """Issue 13: "à 25 km de Tombouctou" is kept at Tombouctou (geo precision 2), not moved."""
    for context in ("", f"Un convoi a été attaqué {phrase}, sur l'axe Tombouctou-Goundam."):
        place = gazetteer.resolve(phrase, context)
        assert place is not None
        assert (place.source_id, place.latitude, place.longitude, place.geo_precision) == (
            "geonames:2449067", 16.77348, -3.00742, 2
        )  # fmt: skip


def test_world_places_are_in_their_countries() -> None:
    """Each venue abroad lies in its country, where data/boundaries.json has the outline (within 25 km:
    the outlines beyond the Sahel are Natural Earth 1:110m, coarse on coasts)."""
    borders = Boundaries.load()
    text = resources.files("vigie.data").joinpath("world_places.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) >= 80 and len({r["name"] for r in rows}) == len(rows)
    checked = [r for r in rows if r["country"] in borders.countries]
    assert len(checked) >= 15
    misplaced = [
        r["name"] for r in checked
        if not borders.contains(r["country"], float(r["latitude"]), float(r["longitude"]), margin_km=25)
    ]  # fmt: skip
    assert misplaced == []
    assert all(-90 <= float(r["latitude"]) <= 90 and -180 <= float(r["longitude"]) <= 180 for r in rows)


@pytest.mark.parametrize(
    ("written", "name", "country"),
    [("Moscou", "Moscou", "RUS"), ("Alger", "Alger", "DZA"), ("Abu Dhabi", "Abu Dhabi", "ARE"),
     ("Abou Dhabi", "Abu Dhabi", "ARE"), ("New York", "New York", "USA"), ("Addis Abeba", "Addis-Abeba", "ETH"),
     ("Kigali", "Kigali", "RWA"), ("Accra", "Accra", "GHA")],
)  # fmt: skip
def test_venues_abroad_by_their_french_names(written: str, name: str, country: str) -> None:
    place = locate_abroad(written)
    assert place is not None and (place.name, place.country, place.geo_precision) == (name, country, 1)
    assert locate_abroad("Barkhane") is None and "barkhane" not in world_places()


def test_interactions_held_abroad_get_coordinates_and_barkhane_is_no_venue(tmp_path: Path) -> None:
    with Store.open(f"sqlite:///{tmp_path / 'venues.db'}") as store:
        run([str(p) for p in sorted(VENUES.glob("*.txt"))], store, Settings())
        told = list(read_interactions(store))
    held = {(i.type, i.location, i.latitude, i.longitude) for i in told if i.location}
    assert ("CONSULT", "Moscou", 55.76, 37.62) in held
    assert ("AGREE", "Abu Dhabi", 24.45, 54.38) in held
    rejected = [i for i in told if i.type == "REJECT"]
    assert [(i.source_party, i.target_party, i.location) for i in rejected] == [("FRA", "MLI", None)]
    assert all(i.location != "Barkhane" for i in told)
