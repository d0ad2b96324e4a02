"""Geo stage, user places: the text of a places CSV -> validated Place records (`vigie places add`).

Columns (a header line names them, in any order; separated by commas, semicolons or tabs): name,
latitude, longitude, country (ISO3 or name), then optionally admin1, admin2, admin3, feature_class (GeoNames class, P by default) and
population. Every row is checked: coordinates are numbers in range and lie inside the country
named; all the errors of a file are reported at once, with their line numbers.
"""

from __future__ import annotations

import csv
import io
import tomllib
from dataclasses import replace
from functools import lru_cache
from importlib import resources

from vigie.errors import InputError
from vigie.geo.boundary import Boundaries
from vigie.geo.gazetteer import Gazetteer
from vigie.geo.names import fold_name
from vigie.geo.patterns import PATTERNS
from vigie.records import Place

REQUIRED = ("name", "latitude", "longitude", "country")
OPTIONAL = ("admin1", "admin2", "admin3", "feature_class", "population")
FEATURE_CLASSES = "AHLPRSTUV"  # GeoNames: admin area, water, area, populated place, road, spot, terrain…
# The outlines are simplified (Natural Earth 1:110m beyond the Sahel neighbours): a border village
# may fall a little outside its country's outline, so a point this close to it still counts as in it.
BORDER_MARGIN_KM = 5.0
MAX_ERRORS = 20  # reported at once; the rest are counted
EXAMPLE = "name,latitude,longitude,country,admin1,admin2\nTibezas,19.1,1.2,MLI,Kidal,Tin-Essako"


def read_user_places(text: str, source: str, gazetteer: Gazetteer, boundaries: Boundaries) -> list[Place]:
    """The places of a CSV text, checked; an InputError lists every bad line.

    >>> places = read_user_places(
    ...     "name,latitude,longitude,country,admin1\\nSébéna,14.91,-10.62,Mali,Nioro\\n",
    ...     "places.csv", Gazetteer.load(), Boundaries.load())
    >>> [(p.name, p.country, p.admin1, p.admin1_2023, p.geo_precision, p.feature_class) for p in places]
    [('Sébéna', 'MLI', 'Kayes', 'Nioro', 1, 'P')]
    """
    text = text.lstrip("\ufeff")
    first = text.split("\n", 1)[0]
    # a French spreadsheet saves "CSV" with semicolons (and decimal commas): "Intahaka;16,93;-0,41;MLI"
    delimiter = max(",;\t", key=first.count)
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = [(column or "").strip().lower() for column in reader.fieldnames or []]
    missing = [column for column in REQUIRED if column not in header]
    if missing:
        raise InputError(
            f"{source}: the header line must name the columns {', '.join(REQUIRED)} "
            f"(missing: {', '.join(missing)}); optional: {', '.join(OPTIONAL)}. Example:\n{EXAMPLE}"
        )
    reader.fieldnames = header
    places: list[Place] = []
    errors: list[str] = []
    for row in reader:
        line = reader.line_num
        values = {k: (v or "").strip() for k, v in row.items() if isinstance(k, str)}
        if not any(values.values()):
            continue
        try:
            places.append(_place(values, gazetteer, boundaries))
        except ValueError as err:
            errors.append(f"{source} line {line}: {err}")
    if errors:
        more = f"\n… and {len(errors) - MAX_ERRORS} more" if len(errors) > MAX_ERRORS else ""
        raise InputError(f"{len(errors)} bad rows, nothing added:\n" + "\n".join(errors[:MAX_ERRORS]) + more)
    if not places:
        raise InputError(f"{source}: no places in the file (one place a line after the header)")
    return places


def _place(values: dict[str, str], gazetteer: Gazetteer, boundaries: Boundaries) -> Place:
    """One row as a Place; a ValueError says what is wrong with it."""
    name = values.get("name", "")
    if not name:
        raise ValueError("the name is empty")
    latitude = _number(values.get("latitude", ""), "latitude", 90)
    longitude = _number(values.get("longitude", ""), "longitude", 180)
    country = _country(values.get("country", ""), boundaries)
    if not boundaries.contains(country, latitude, longitude, BORDER_MARGIN_KM):
        found = boundaries.country_at(latitude, longitude)
        where = f"it lies in {found}" if found else "it lies outside every country Vigie knows"
        raise ValueError(
            f"{name} ({latitude}, {longitude}) is not in {country}: {where}. "
            "Check the order (latitude, then longitude) and the signs (west of Greenwich is negative)"
        )
    feature_class = (values.get("feature_class") or "P").upper()
    if feature_class not in FEATURE_CLASSES or len(feature_class) != 1:
        raise ValueError(
            f"feature_class {feature_class!r} is not a GeoNames class ({', '.join(FEATURE_CLASSES)})"
        )
    population = values.get("population") or "0"
    if not population.isdigit():
        raise ValueError(f"population {population!r} is not a whole number")
    place = Place(
        name=name,
        latitude=latitude,
        longitude=longitude,
        country=country,
        admin1=values.get("admin1") or None,
        admin1_2023=None,
        admin2=values.get("admin2") or None,
        admin3=values.get("admin3") or None,
        geo_precision=PATTERNS.precision_of(feature_class, ""),
        feature_class=feature_class,
        population=int(population),
        source_id="user:",
    )
    return _with_regions(place, gazetteer)


def _with_regions(place: Place, gazetteer: Gazetteer) -> Place:
    """Both region layouts for a Mali place, from the region and cercle the row names: "Nioro"
    (a 2023 region) is "Kayes" before 2023; the cercle of Diéma is in Nioro from 2023."""
    if place.country != "MLI":
        return place
    admin1, admin1_2023 = place.admin1, place.admin1
    region = _area(gazetteer, f"région de {place.admin1}", "region:") if place.admin1 else None
    if region is not None and place.admin1 is not None:
        admin1 = region.admin1
        is_2023 = fold_name(place.admin1) == fold_name(region.admin1_2023 or "")
        admin1_2023 = region.admin1_2023 if is_2023 else region.admin1
    cercle = _area(gazetteer, f"cercle de {place.admin2}", "cercle:") if place.admin2 else None
    if cercle is not None and admin1 in (None, cercle.admin1):
        admin1, admin1_2023 = cercle.admin1, cercle.admin1_2023
    return replace(place, admin1=admin1, admin1_2023=admin1_2023)


def region_2023(admin1: str | None, admin2: str | None) -> str | None:
    """Mali's 2023 region of a place stored with its region before 2023 and its cercle.

    >>> region_2023("Kayes", "Diéma"), region_2023("Kayes", None)
    ('Nioro', 'Kayes')
    """
    if admin2:
        region = _cercle_regions().get(fold_name(admin2))
        if region is not None:
            return region
    return admin1


@lru_cache(maxsize=1)
def _cercle_regions() -> dict[str, str]:
    """Folded cercle -> 2023 region, from data/regions_2023.toml."""
    text = resources.files("vigie.data").joinpath("regions_2023.toml").read_text(encoding="utf-8")
    return {fold_name(cercle): region for cercle, region in tomllib.loads(text)["cercles"].items()}


def _area(gazetteer: Gazetteer, phrase: str, kind: str) -> Place | None:
    """The region or cercle a phrase names, if the gazetteer knows it as such."""
    found = gazetteer.lookup(phrase)
    if found.known and found.place is not None and found.place.source_id.startswith(kind):
        return found.place
    return None


def _number(text: str, what: str, limit: float) -> float:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise ValueError(f"{what} {text!r} is not a number (decimal degrees: 14.91)") from None
    if not -limit <= value <= limit:
        raise ValueError(f"{what} {value} is out of range (-{limit:g} to {limit:g})")
    return value


def _country(text: str, boundaries: Boundaries) -> str:
    """An ISO3 code, from the code or a country name ("Mali", "Burkina Faso", "Côte d'Ivoire")."""
    if text.upper() in boundaries.countries:
        return text.upper()
    iso = PATTERNS.countries.get(fold_name(text))
    if iso is None or iso not in boundaries.countries:
        known = ", ".join(sorted(boundaries.countries))
        raise ValueError(f"country {text!r} is unknown: give an ISO3 code ({known})")
    return iso
