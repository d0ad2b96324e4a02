"""Geo stage, supplement: places GeoNames lacks (data/gazetteer_supplement.toml) and venues abroad
(data/world_places.csv), read beside the bundled gazetteer.

The supplement holds Sahel camps and villages the press names ("le camp de Boulkessi") with their
sources; each is placed at the place or area its sources give (`at`), with that ACLED precision.
Venues abroad are world capitals and major cities where interactions are held ("à Moscou", "à
Abu Dhabi"): they place an interaction's venue only, never an event (a capital named in an event's
sentence is a government, "Paris a condamné", not where it happened).
"""

from __future__ import annotations

import csv
import io
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any

from vigie.geo.names import fold_name
from vigie.records import Place

SUPPLEMENT = "gazetteer_supplement.toml"
WORLD = "world_places.csv"


@dataclass(frozen=True, slots=True)
class Supplemented:
    """A supplement place, the names it is known by and its GeoNames feature code."""

    place: Place
    names: tuple[str, ...]
    feature_code: str


def read_supplement(find: Callable[[str, str], Place | None]) -> list[Supplemented]:
    """The supplement's places; `find(at, country)` gives the gazetteer place each is placed at
    (a name, or an area's source id such as "cercle:Douentza"). A reference the gazetteer does not
    know is a broken data file: it raises."""
    text = resources.files("vigie.data").joinpath(SUPPLEMENT).read_text(encoding="utf-8")
    table: dict[str, Any] = tomllib.loads(text)
    found = []
    for item in table["place"]:
        at = find(str(item["at"]), str(item["country"]))
        if at is None:
            raise ValueError(
                f"{SUPPLEMENT}: {item['name']} is placed at {item['at']!r}, which the gazetteer lacks"
            )
        place = replace(
            at,
            name=str(item["name"]),
            geo_precision=int(item["geo_precision"]),
            feature_class="S" if item["feature_code"] in ("MILB", "MSQE") else "P",
            population=0,
            source_id=f"supplement:{item['name']}",
        )
        found.append(Supplemented(place, (item["name"], *item.get("aliases", [])), str(item["feature_code"])))
    return found


@lru_cache(maxsize=1)
def world_places() -> dict[str, Place]:
    """Venues abroad by folded name: "moscou" and "moscow" -> Moscou (RUS)."""
    text = resources.files("vigie.data").joinpath(WORLD).read_text(encoding="utf-8")
    places: dict[str, Place] = {}
    for row in csv.DictReader(io.StringIO(text)):
        place = Place(
            name=row["name"], latitude=float(row["latitude"]), longitude=float(row["longitude"]),
            country=row["country"], admin1=None, admin1_2023=None, admin2=None, admin3=None,
            geo_precision=1, feature_class="P", population=0, source_id=f"world:{row['name']}",
        )  # fmt: skip
        for name in [row["name"], *filter(None, row["names"].split("|"))]:
            places.setdefault(fold_name(name), place)
    return places


def locate_abroad(name: str) -> Place | None:
    """A world capital or major city by its French (or English) name, for an interaction's venue.

    >>> locate_abroad("Abou Dhabi").country, locate_abroad("MOSCOU").name, locate_abroad("Barkhane")
    ('ARE', 'Moscou', None)
    """
    return world_places().get(fold_name(name))
