"""Geo stage: toponyms and French location phrases -> places, on the bundled gazetteer.

The sentences are written for these tests in the manner of the Malian press (FAMa communiqués,
L'Essor, Studio Tamani); places are real, incidents invented.
"""

from __future__ import annotations

import hashlib
import json
import random
import sqlite3
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from tests.conftest import EVAL, ROOT, SHARED, _need_shared
from vigie.errors import ConfigError
from vigie.geo import Gazetteer, fold_name
from vigie.records import Place

GAZETTEER = SHARED / "data" / "gazetteer"
BUNDLED = Path(str(resources.files("vigie.data").joinpath("gazetteer.sqlite")))
DATA = ROOT / "src" / "vigie" / "data"
# scoring maps Mali's 2023 regions back to those they came from (eval/FORMAT.md)
FORMER = {
    "Nioro": "Kayes", "Kita": "Kayes", "Dioïla": "Koulikoro", "Nara": "Koulikoro", "Bougouni": "Sikasso",
    "Koutiala": "Sikasso", "San": "Ségou", "Douentza": "Mopti", "Bandiagara": "Mopti",
}  # fmt: skip
COUNTRIES = {"Mali": "MLI", "Niger": "NER", "Burkina Faso": "BFA"}


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


Ring = list[tuple[float, float]]


def _inside(rings: list[Ring], lon: float, lat: float) -> bool:
    """Ray casting, even-odd over all rings of the polygons (holes included)."""
    inside = False
    for ring in rings:
        for (ax, ay), (bx, by) in zip(ring, ring[1:], strict=False):
            if (ay > lat) != (by > lat) and lon < ax + (lat - ay) * (bx - ax) / (by - ay):
                inside = not inside
    return inside


def _cercles() -> dict[str, list[Ring]]:
    """OCHA cercle rings of Mali by region of the pre-2016 frame (folded: "segou")."""
    _need_shared()
    features = json.loads((GAZETTEER / "ocha" / "mli_adm2_cercles_ocha.geojson").read_text(encoding="utf-8"))
    regions: dict[str, list[Ring]] = {}
    for feature in features["features"]:
        rings = [[(x, y) for x, y, *_ in ring] for ring in feature["geometry"]["coordinates"]]
        regions.setdefault(fold_name(feature["properties"]["adm1"]), []).extend(rings)
    return regions


@pytest.mark.parametrize("written", ["Ségou", "SEGOU", "Segou", "ségou"])
def test_locate_ignores_case_and_accents(gazetteer: Gazetteer, written: str) -> None:
    place = gazetteer.locate(written)
    assert place is not None
    assert (place.name, place.source_id, place.geo_precision) == ("Ségou", "geonames:2451478", 1)


@pytest.mark.parametrize(
    ("written", "source_id"),
    [
        ("Tombouctou", "geonames:2449067"),
        ("Timbuktu", "geonames:2449067"),
        ("Ménaka", "geonames:2453514"),
        ("Menaka", "geonames:2453514"),
        ("Nioro du Sahel", "geonames:2452651"),
        ("Nioro", "geonames:2452651"),
        ("Ti-n-Essako", "geonames:8631807"),
        ("Tin Essako", "geonames:8631807"),
        ("Ouagadou", "geonames:11204162"),
        ("Diabaly", "geonames:2458187"),  # GeoNames: "Diabali"
    ],
)
def test_locate_knows_alternate_names_and_spellings(
    gazetteer: Gazetteer, written: str, source_id: str
) -> None:
    place = gazetteer.locate(written)
    assert place is not None and place.source_id == source_id


def test_alternate_french_name_is_the_display_name(gazetteer: Gazetteer) -> None:
    place = gazetteer.locate("Timbuktu")
    assert place is not None
    assert (place.name, place.admin1, place.admin2) == ("Tombouctou", "Tombouctou", "Tombouctou")


@pytest.mark.parametrize("written", ["Commune IV", "commune 4", "COMMUNE iv"])
def test_bamako_communes_read_roman_or_arabic(gazetteer: Gazetteer, written: str) -> None:
    place = gazetteer.resolve(f"en {written} du district de Bamako")
    assert place is not None
    assert (place.name, place.admin1, place.admin2, place.admin3) == (
        "Commune IV",
        "Bamako",
        "Bamako",
        "Commune IV",
    )


def test_mali_is_preferred_then_the_given_region(gazetteer: Gazetteer) -> None:
    default = gazetteer.locate("Bougouni")
    in_timbuktu = gazetteer.locate("Bougouni", admin1="Tombouctou")
    assert default is not None and in_timbuktu is not None
    assert (default.source_id, default.admin1, default.population) == ("geonames:2459775", "Sikasso", 35450)
    assert (in_timbuktu.source_id, in_timbuktu.admin2) == ("geonames:2459774", "Gourma Rharous")


def test_country_hint_picks_a_neighbour(gazetteer: Gazetteer) -> None:
    mali, burkina = gazetteer.locate("Kouri"), gazetteer.locate("Kouri", country="Burkina Faso")
    assert mali is not None and burkina is not None
    assert (mali.country, burkina.country) == ("MLI", "BFA")


def test_a_town_abroad_beats_a_hill_of_mali(gazetteer: Gazetteer) -> None:
    """Issue 10: news names places people live in; Mali's "Bani Bangou" is a hill, Niger's a town."""
    place = gazetteer.resolve(
        "Bani Bangou", "Une patrouille est tombée dans une embuscade près de Bani Bangou."
    )
    assert place is not None and (place.country, place.admin1) == ("NER", "Tillabéri")


def test_a_border_names_the_other_side_not_the_place(gazetteer: Gazetteer) -> None:
    """Issue 10: "localité frontalière du Burkina Faso" is a place of the other country."""
    near = gazetteer.resolve("Kouri", "À Kouri, commune frontalière du Burkina Faso, le marché a brûlé.")
    inside = gazetteer.resolve("Kouri", "À Kouri, dans le nord du Burkina Faso, le marché a brûlé.")
    assert near is not None and inside is not None
    assert (near.country, inside.country) == ("MLI", "BFA")


@pytest.mark.parametrize(
    ("phrase", "source_id", "admin1"),
    [
        ("à Sandaré", "geonames:2451711", "Kayes"),
        ("dans la localité de Lambatara", "geonames:2454184", "Kayes"),
        ("le village de Ouatagouna", "geonames:2452326", "Gao"),
        ("au camp militaire de Tessalit", "geonames:2449893", "Kidal"),
        ("à Faladié", "geonames:2457816", "Bamako"),  # the quarter, not the hamlet of Kati
    ],
)
def test_a_named_town_has_precision_1(gazetteer: Gazetteer, phrase: str, source_id: str, admin1: str) -> None:
    place = gazetteer.resolve(phrase)
    assert place is not None
    assert (place.source_id, place.admin1, place.geo_precision, place.feature_class) == (
        source_id,
        admin1,
        1,
        "P",
    )


@pytest.mark.parametrize(
    ("phrase", "source_id"),
    [
        ("à 30 km à l'est de Tidermène", "geonames:2596478"),  # GeoNames: "Tidarméné"
        ("à 65 Km à l’Est de la ville de Nioro", "geonames:2452651"),
        ("au nord de Ménaka", "geonames:2453514"),
        ("au nord et au nord-est de Kayes", "geonames:2455518"),
        ("près de Bankass", "geonames:2460401"),
        ("non loin de Gao", "geonames:2457163"),
        ("aux environs de Sévaré", "geonames:2451285"),
        ("à une vingtaine de kilomètres de Douentza", "geonames:2458334"),
        ("dans la zone de Faya", "geonames:2457510"),
        ("dans la forêt de Wagadou", "geonames:2448707"),
        ("entre Ménaka et Ansongo", "geonames:2453514"),
        ("sur l'axe Gao-Ansongo", "geonames:2457163"),
        ("aux abords du camp de Tessalit", "geonames:2449893"),
    ],
)
def test_a_relative_expression_gives_the_reference_at_precision_2(
    gazetteer: Gazetteer, phrase: str, source_id: str
) -> None:
    place = gazetteer.resolve(phrase)
    assert place is not None
    assert (place.source_id, place.geo_precision) == (source_id, 2)


def test_a_relative_expression_in_the_context_frames_a_bare_name(gazetteer: Gazetteer) -> None:
    sentence = (
        "Les vecteurs aériens des FAMa ont frappé mardi un regroupement de terroristes situé à une "
        "quarantaine de kilomètres au sud de Hombori, dans le cercle de Douentza."
    )
    place = gazetteer.resolve("Hombori", context=sentence)
    assert place is not None
    assert (place.name, place.admin1, place.admin1_2023, place.geo_precision) == (
        "Hombori",
        "Mopti",
        "Douentza",
        2,
    )
    second = gazetteer.resolve("Saraféré", context="Un engin explosif a sauté entre Léré et Saraféré, jeudi.")
    assert second is not None and (second.admin2, second.geo_precision) == ("Niafunké", 2)


@pytest.mark.parametrize(
    ("phrase", "cercle", "admin1", "admin1_2023"),
    [
        ("cercle de Koro", "Koro", "Mopti", "Bandiagara"),
        ("dans le cercle de Niafunké", "Niafunké", "Tombouctou", "Tombouctou"),
        ("le cercle d'Abeïbara", "Abeïbara", "Kidal", "Kidal"),
    ],
)
def test_a_cercle_gives_its_seat_at_precision_2(
    gazetteer: Gazetteer, phrase: str, cercle: str, admin1: str, admin1_2023: str
) -> None:
    place = gazetteer.resolve(phrase)
    assert place is not None
    assert (place.source_id, place.admin2, place.admin1, place.admin1_2023) == (
        f"cercle:{cercle}",
        cercle,
        admin1,
        admin1_2023,
    )
    assert (place.geo_precision, place.feature_class) == (2, "A")


@pytest.mark.parametrize(
    ("phrase", "region"),
    [
        ("dans la région de Kayes", "Kayes"),
        ("Région de Mopti", "Mopti"),
        ("la région de Ménaka", "Ménaka"),
        ("dans la région de Tombouctou", "Tombouctou"),
    ],
)
def test_a_region_alone_gives_its_centroid_at_precision_3(
    gazetteer: Gazetteer, phrase: str, region: str
) -> None:
    place = gazetteer.resolve(phrase)
    assert place is not None
    assert (place.source_id, place.admin1, place.admin2, place.geo_precision) == (
        f"region:{region}",
        region,
        None,
        3,
    )
    cercles = _cercles()
    rings = (
        cercles["gao"] if region == "Ménaka" else cercles[fold_name(region)]
    )  # a cercle of Gao before 2016
    assert _inside(rings, place.longitude, place.latitude)


@pytest.mark.parametrize(
    ("phrase", "source_id", "precision"),
    [
        ("région de Bourem", "cercle:Bourem", 3),  # no such region: the cercle, at region precision
        ("cercle de Tessit", "geonames:10343856", 2),  # no such cercle: the town, at cercle precision
        ("dans la commune de Sincina", "geonames:2451086", 1),  # GeoNames: "Sinsina"
    ],
)
def test_the_phrase_sets_the_least_precision(
    gazetteer: Gazetteer, phrase: str, source_id: str, precision: int
) -> None:
    place = gazetteer.resolve(phrase)
    assert place is not None
    assert (place.source_id, place.geo_precision) == (source_id, precision)


def test_a_2023_region_is_known(gazetteer: Gazetteer) -> None:
    place = gazetteer.resolve("dans la région de Bougouni")
    assert place is not None
    assert (place.source_id, place.admin1, place.admin1_2023, place.geo_precision) == (
        "region:Bougouni",
        "Sikasso",
        "Bougouni",
        3,
    )


@pytest.mark.parametrize(
    ("name", "sentence", "source_id", "admin2"),
    [
        (
            "Ouéssébougou",
            "Des hommes armés ont incendié des greniers à Ouéssébougou, dans le cercle de Kolokani, "
            "dans la nuit de samedi à dimanche.",
            "geonames:2448607",
            "Kolokani",
        ),
        (
            "Ouéssébougou",
            "Une patrouille de la garde nationale a été prise à partie à Ouéssébougou, dans la région "
            "de Ségou, a indiqué le gouvernorat.",
            "geonames:6910911",
            "Ségou",
        ),
        (
            "Ouéssébougou",  # no area named: the place of the context nearby decides
            "Les FAMa ont détruit un dépôt logistique près de Ouéssébougou, à une quarantaine de "
            "kilomètres de Kolokani.",
            "geonames:2448607",
            "Kolokani",
        ),
        (
            "Sébabougou",
            "Un camion-citerne a été incendié dans la localité de Sébabougou, cercle de Kati, mercredi.",
            "geonames:2451530",
            "Kati",
        ),
        (
            "Sébabougou",
            "Les habitants de Sébabougou, dans le cercle de Diéma, ont signalé le passage de motos.",
            "geonames:2451529",
            "Diéma",
        ),
        (
            "Bougouni",
            "Le village de Bougouni, dans la région de Tombouctou, a reçu la visite du gouverneur.",
            "geonames:2459774",
            "Gourma Rharous",
        ),
        (
            "Bougouni",
            "La foire hebdomadaire de Bougouni a repris, a constaté notre correspondant à Sikasso.",
            "geonames:2459775",
            "Bougouni",
        ),
    ],
)
def test_homonyms_are_told_apart_by_the_context(
    gazetteer: Gazetteer, name: str, sentence: str, source_id: str, admin2: str
) -> None:
    place = gazetteer.resolve(name, context=sentence)
    assert place is not None
    assert (place.source_id, place.admin2) == (source_id, admin2)


def test_a_2023_region_in_the_context_is_a_region(gazetteer: Gazetteer) -> None:
    sentence = "Le convoi de carburant a été attaqué à Kolondiéba, Région de Bougouni, dimanche."
    town = gazetteer.resolve("Kolondiéba", context=sentence)
    region = gazetteer.resolve("Bougouni", context=sentence)
    assert town is not None and region is not None
    assert (town.source_id, town.admin1, town.admin1_2023, town.geo_precision) == (
        "geonames:2454934",
        "Sikasso",
        "Bougouni",
        1,
    )
    assert (region.source_id, region.geo_precision) == ("region:Bougouni", 3)


@pytest.mark.parametrize("phrase", ["Tibezas", "dans la localité de Tibezas", "à 20 km au nord de Tibezas"])
def test_an_unknown_place_without_context_is_none(gazetteer: Gazetteer, phrase: str) -> None:
    assert gazetteer.resolve(phrase) is None
    assert gazetteer.resolve(phrase, context="Les FAMa ont neutralisé plusieurs terroristes.") is None


@pytest.mark.parametrize(
    ("mention", "context"),
    [
        (
            "Tibezas",
            "Un pick-up a été détruit jeudi dans la localité de Tibezas (Région de Kidal), selon l'armée.",
        ),
        ("dans la localité de Tibezas (Région de Kidal)", ""),
        ("près de Tibezas", "Des tirs ont visé un poste près de Tibezas, dans la région de Kidal."),
    ],
)
def test_an_unknown_place_with_its_region_gives_the_region(
    gazetteer: Gazetteer, mention: str, context: str
) -> None:
    place = gazetteer.resolve(mention, context=context)
    assert place is not None
    assert (place.source_id, place.admin1, place.geo_precision) == ("region:Kidal", "Kidal", 3)


def test_an_unknown_place_with_its_cercle_gives_the_cercle(gazetteer: Gazetteer) -> None:
    sentence = "Le hameau de Tahabanatène, cercle de Tessalit, a été survolé par des drones."
    place = gazetteer.resolve("Tahabanatène", context=sentence)
    assert place is not None
    assert (place.source_id, place.admin1, place.geo_precision) == ("cercle:Tessalit", "Kidal", 2)


def test_a_user_place_is_resolved_and_wins_on_equal_names() -> None:
    tibezas = Place("Tibezas", 19.84, 1.12, "MLI", "Kidal", "Kidal", "Tessalit", None, 1, "P", 0, "user:12")
    bougouni = Place(
        "Bougouni", 12.0, -7.0, "MLI", "Sikasso", "Bougouni", "Bougouni", None, 1, "P", 0, "user:13"
    )
    gazetteer = Gazetteer.load(extra=[tibezas, bougouni])
    assert gazetteer.resolve("dans la localité de Tibezas") == tibezas
    near = gazetteer.resolve("à 20 km au nord de Tibezas")
    assert near is not None and (near.source_id, near.geo_precision) == ("user:12", 2)
    found = gazetteer.locate("BOUGOUNI")
    assert found is not None and found.source_id == "user:13"


@pytest.mark.parametrize(
    ("written", "source_id"),
    [
        ("Kidal-Nord", "geonames:2455290"),
        ("Gao ville", "geonames:2457163"),
        ("Bamako Coura", "geonames:2460596"),
        ("Tin Hamma", None),  # not "Tin", a village of Kidal: the rest of the name is unknown
    ],
)
def test_a_name_is_matched_whole(gazetteer: Gazetteer, written: str, source_id: str | None) -> None:
    place = gazetteer.resolve(f"à {written}")
    assert (place.source_id if place else None) == source_id


@pytest.mark.parametrize("phrase", ["au Mali", "au Niger", "le Burkina Faso", "dans le nord du pays"])
def test_countries_and_vague_areas_are_not_places(gazetteer: Gazetteer, phrase: str) -> None:
    assert gazetteer.resolve(phrase) is None


@pytest.mark.parametrize(
    ("phrase", "country", "admin1", "admin2"),
    [
        ("à Solhan, dans la province du Yagha", "BFA", "Sahel", "Yagha"),
        ("la ville de Djibo", "BFA", "Sahel", "Djelgodji"),
        ("à Ayorou", "NER", "Tillabéri", None),
        ("dans la région de Tillabéri", "NER", "Tillabéri", None),
    ],
)
def test_neighbours_places_and_areas(
    gazetteer: Gazetteer, phrase: str, country: str, admin1: str, admin2: str | None
) -> None:
    place = gazetteer.resolve(phrase)
    assert place is not None
    assert (place.country, place.admin1, place.admin2) == (country, admin1, admin2)


@pytest.mark.parametrize(
    ("written", "admin1", "admin1_2023"),
    [
        ("Nioro du Sahel", "Kayes", "Nioro"),
        ("Koutiala", "Sikasso", "Koutiala"),
        ("Kita", "Kayes", "Kita"),
        ("Dioïla", "Koulikoro", "Dioïla"),
        ("Bankass", "Mopti", "Bandiagara"),
        ("Tominian", "Ségou", "San"),
        ("Kidal", "Kidal", "Kidal"),
        ("Ménaka", "Ménaka", "Ménaka"),
    ],
)
def test_the_2023_layout(gazetteer: Gazetteer, written: str, admin1: str, admin1_2023: str) -> None:
    place = gazetteer.locate(written)
    assert place is not None
    assert (place.admin1, place.admin1_2023) == (admin1, admin1_2023)


def test_every_cercle_of_the_2023_table_is_a_cercle_of_the_gazetteer(gazetteer: Gazetteer) -> None:
    import tomllib

    table = tomllib.loads((DATA / "regions_2023.toml").read_text(encoding="utf-8"))["cercles"]
    cercles = {p.admin2: p.admin1_2023 for p in gazetteer.places if p.source_id.startswith("cercle:")}
    assert len(cercles) == 50
    assert {cercle: cercles.get(cercle) for cercle in table} == table


def test_mali_places_lie_inside_mali(gazetteer: Gazetteer) -> None:
    """A few hundred random places of Mali, every region and cercle: inside the OCHA cercles and,
    for the areas, inside Natural Earth's outline of Mali (an independent source)."""
    cercles = _cercles()
    mali = [ring for rings in cercles.values() for ring in rings]
    places = [p for p in gazetteer.places if p.country == "MLI"]
    areas = [p for p in places if p.source_id.startswith(("region:", "cercle:"))]
    sample = random.Random(2024).sample(places, 400) + areas
    outside = [p.source_id for p in sample if not _inside(mali, p.longitude, p.latitude)]
    assert outside == []
    countries = json.loads(
        (GAZETTEER / "naturalearth" / "ne_110m_admin_0_countries_westafrica.geojson").read_text(
            encoding="utf-8"
        )
    )
    outline = next(f for f in countries["features"] if f["properties"]["ISO_A3"] == "MLI")["geometry"]
    rings = [[(x, y) for x, y in ring] for ring in outline["coordinates"]]
    assert [p.source_id for p in areas if not _inside(rings, p.longitude, p.latitude)] == []
    assert len(areas) == 50 + 20


def test_the_bundled_file_records_its_sources_and_rules() -> None:
    with sqlite3.connect(BUNDLED) as con:
        meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
        places = con.execute("SELECT count(*) FROM place").fetchone()[0]
    assert meta["schema"] == "1"
    assert meta["version"] == "geonames-ML-2023-10-22+ocha-cercles-2017"
    assert "GeoNames, geonames.org (CC BY 4.0)" in meta["attribution"]
    assert int(meta["places"]) == places == 48158
    for rules in ("geo_patterns", "regions_2023"):  # stale after editing them: rebuild
        digest = hashlib.sha256((DATA / f"{rules}.toml").read_bytes()).hexdigest()
        assert meta[f"{rules}_sha256"] == digest, f"{rules}.toml changed: rebuild gazetteer.sqlite"
    sources = {s["file"]: s for s in json.loads(meta["sources"])}
    assert sources["geonames/ML.txt"]["dump_date"] == "2023-10-22"


@pytest.mark.slow
def test_the_bundled_file_is_what_the_build_script_makes(tmp_path: Path) -> None:
    """About 8 s: the build is deterministic, so a rebuild gives the same bytes."""
    _need_shared()
    out = tmp_path / "gazetteer.sqlite"
    script = ROOT / "scripts" / "build_gazetteer.py"
    done = subprocess.run(
        [sys.executable, str(script), "--shared", str(SHARED), "--out", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "48158 places, 54614 names" in done.stdout
    assert hashlib.sha256(out.read_bytes()).hexdigest() == hashlib.sha256(BUNDLED.read_bytes()).hexdigest()
    outlines = BUNDLED.parent / "boundaries.json"
    assert (tmp_path / "boundaries.json").read_bytes() == outlines.read_bytes()


def test_a_missing_or_foreign_file_says_how_to_rebuild(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="is missing. Rebuild it: python scripts/build_gazetteer.py"):
        Gazetteer.load(tmp_path / "gazetteer.sqlite")
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(ConfigError, match="is not a Vigie gazetteer"):
        Gazetteer.load(other)


def test_gold_locations_resolve_to_their_region(gazetteer: Gazetteer) -> None:
    """Quality floor on the seeds and dev gold events: resolve(location, evidence) gives the gold
    admin1 (2023 regions mapped back) and country. Known misses: Boulkessi and Aldiouma-like
    places missing from GeoNames, a "Maribougou" of Mopti that GeoNames does not list."""
    _need_shared()
    total, region, country = 0, 0, 0
    misses = []
    for name in ("seeds", "dev"):
        for line in (EVAL / f"{name}.gold.jsonl").read_text(encoding="utf-8").splitlines():
            for event in json.loads(line)["events"]:
                place = gazetteer.resolve(event["location"], context=event["evidence"])
                total += 1
                wanted = FORMER.get(event["admin1"], event["admin1"])
                got = place and FORMER.get(place.admin1 or "", place.admin1)
                region += got == wanted
                country += place is not None and place.country == COUNTRIES[event["country"]]
                if got != wanted:
                    misses.append(event["location"])
    assert total == 67
    assert region / total >= 0.95, misses
    assert country / total >= 0.98, misses
