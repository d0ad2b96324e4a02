"""Geo stage: a place name or phrase of French news -> Place (coordinates, regions, ACLED precision).

names.py      folded look-up keys: "Nioro-du-Sahel" -> "nioro du sahel", "Commune IV" -> "commune 4"
patterns.py   the phrase rules and rankings of data/geo_patterns.toml, compiled once
context.py    what a sentence says about where: areas, countries, toponyms (Hint, Reading)
index.py      PlaceIndex: the gazetteer file and user places in memory; `locate` a bare name
gazetteer.py  Gazetteer: `resolve` a phrase in its context ("à 30 km au nord de Ménaka")
distance.py   great-circle distance, nearness
supplement.py places GeoNames lacks (data/gazetteer_supplement.toml) and venues abroad (data/world_places.csv)
"""

from __future__ import annotations

from vigie.geo.context import Hint, Parsed, Reading
from vigie.geo.distance import EARTH_KM, KM_PER_DEGREE, distance_km
from vigie.geo.gazetteer import Gazetteer, Recording, Resolution
from vigie.geo.index import REBUILD, SCHEMA, PlaceIndex
from vigie.geo.names import fold_name, fold_words
from vigie.geo.patterns import PATTERNS, Patterns, loose_key, skeleton_key
from vigie.geo.supplement import locate_abroad, world_places

__all__ = [
    "EARTH_KM",
    "KM_PER_DEGREE",
    "PATTERNS",
    "REBUILD",
    "SCHEMA",
    "Gazetteer",
    "Hint",
    "Parsed",
    "Patterns",
    "PlaceIndex",
    "Reading",
    "Recording",
    "Resolution",
    "distance_km",
    "fold_name",
    "fold_words",
    "locate_abroad",
    "loose_key",
    "skeleton_key",
    "world_places",
]
