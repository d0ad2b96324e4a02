"""User places (geo/user.py): both region layouts from what a CSV row names; country outlines."""

from __future__ import annotations

import pytest

from vigie.errors import InputError
from vigie.geo import Gazetteer
from vigie.geo.boundary import Boundaries
from vigie.geo.user import read_user_places


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.parametrize(
    ("row", "admin1", "admin1_2023"),
    [
        ("Sébéna,14.91,-10.62,MLI,Nioro,", "Kayes", "Nioro"),  # a 2023 region, and its region before
        ("Sébéna,14.91,-10.62,MLI,Kayes,Diéma", "Kayes", "Nioro"),  # the cercle gives the 2023 region
        ("Sébéna,14.91,-10.62,MLI,,Diéma", "Kayes", "Nioro"),
        ("Sébéna,14.91,-10.62,MLI,Kayes,", "Kayes", "Kayes"),
        ("Intahaka,16.93,-0.41,MLI,Gao,Gao", "Gao", "Gao"),
        ("Kaya,13.09,-1.08,BFA,Centre-Nord,Sanmatenga", "Centre-Nord", None),
    ],
)
def test_both_region_layouts_from_the_row(
    gazetteer: Gazetteer, row: str, admin1: str, admin1_2023: str
) -> None:
    text = f"name,latitude,longitude,country,admin1,admin2\n{row}\n"
    [place] = read_user_places(text, "places.csv", gazetteer, Boundaries.load())
    assert (place.admin1, place.admin1_2023) == (admin1, admin1_2023)


def test_a_border_village_a_little_outside_the_outline_is_accepted(gazetteer: Gazetteer) -> None:
    """Kourémalé, on the Guinea border: 4 km west of the town, the point is outside Mali's outline
    but within the 5 km margin; 8 km west it lies in Guinea and is refused."""
    text = "name,latitude,longitude,country\nKourémalé,11.949,-8.82,MLI\n"
    [place] = read_user_places(text, "places.csv", gazetteer, Boundaries.load())
    assert place.country == "MLI" and place.feature_class == "P" and place.geo_precision == 1
    with pytest.raises(InputError, match="line 2: Kourémalé .* is not in MLI: it lies in GIN"):
        read_user_places(text.replace("-8.82", "-8.85"), "places.csv", gazetteer, Boundaries.load())


@pytest.mark.parametrize(
    ("latitude", "longitude", "iso"),
    [(12.6392, -8.0029, "MLI"), (12.3714, -1.5197, "BFA"), (13.5116, 2.1254, "NER"), (18.0858, -15.9785, "MRT"),
     (14.6937, -17.4441, "SEN"), (9.5370, -13.6773, "GIN"), (5.3600, -4.0083, "CIV"), (36.75, 3.06, "DZA")],
)  # fmt: skip
def test_capitals_lie_in_their_country(latitude: float, longitude: float, iso: str) -> None:
    assert Boundaries.load().country_at(latitude, longitude) == iso


def test_a_french_spreadsheet_with_semicolons_and_decimal_commas(gazetteer: Gazetteer) -> None:
    text = "name;latitude;longitude;country;admin1\nIntahaka;16,93;-0,41;Mali;Gao\n"
    [place] = read_user_places(text, "lieux.csv", gazetteer, Boundaries.load())
    assert (place.name, place.latitude, place.longitude, place.country, place.admin1) == (
        "Intahaka",
        16.93,
        -0.41,
        "MLI",
        "Gao",
    )
