"""Geo stage, boundaries: (latitude, longitude) -> the country it lies in, from simplified outlines.

data/boundaries.json is written by scripts/build_gazetteer.py (Mali from the OCHA cercles, Sahel
neighbours from OCHA ROWCA, farther ones from Natural Earth 1:110m); read once by `Boundaries.load`.
It checks user places ("Tibezas" said to be in Mali must lie in Mali) and the exports.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from importlib import resources

from vigie.geo.distance import KM_PER_DEGREE

# directions tried around a point near a border: a point within `margin_km` of a country counts as in it
AROUND = tuple((math.cos(math.radians(a)), math.sin(math.radians(a))) for a in range(0, 360, 30))


@dataclass(frozen=True, slots=True)
class Polygon:
    """One polygon: bounding box, then rings as flat (lon, lat, lon, lat, …) tuples, holes included."""

    west: float
    south: float
    east: float
    north: float
    rings: tuple[tuple[float, ...], ...]

    def contains(self, lon: float, lat: float) -> bool:
        """Ray casting, even-odd over every ring."""
        if not (self.west <= lon <= self.east and self.south <= lat <= self.north):
            return False
        inside = False
        for ring in self.rings:
            ax, ay = ring[-2], ring[-1]
            for i in range(0, len(ring), 2):
                bx, by = ring[i], ring[i + 1]
                if (ay > lat) != (by > lat) and lon < ax + (lat - ay) * (bx - ax) / (by - ay):
                    inside = not inside
                ax, ay = bx, by
        return inside


class Boundaries:
    """Country outlines by ISO3 code."""

    def __init__(self, countries: dict[str, tuple[Polygon, ...]], attribution: str) -> None:
        self.countries = countries
        self.attribution = attribution

    @classmethod
    def load(cls) -> Boundaries:
        """Read data/boundaries.json."""
        text = resources.files("vigie.data").joinpath("boundaries.json").read_text(encoding="utf-8")
        document = json.loads(text)
        countries = {
            iso: tuple(_polygon(rings) for rings in polygons)
            for iso, polygons in document["countries"].items()
        }
        return cls(countries, document["attribution"])

    def contains(self, iso: str, latitude: float, longitude: float, margin_km: float = 0.0) -> bool:
        """Whether the point lies in the country, or within `margin_km` of it.

        >>> borders = Boundaries.load()
        >>> borders.contains("MLI", 12.6392, -8.0029), borders.contains("NER", 12.6392, -8.0029)  # Bamako
        (True, False)
        """
        polygons = self.countries.get(iso, ())
        if any(p.contains(longitude, latitude) for p in polygons):
            return True
        if margin_km <= 0:
            return False
        step = margin_km / KM_PER_DEGREE
        cos = max(math.cos(math.radians(latitude)), 0.01)
        for fraction in (0.5, 1.0):
            for dx, dy in AROUND:
                lon, lat = longitude + dx * step * fraction / cos, latitude + dy * step * fraction
                if any(p.contains(lon, lat) for p in polygons):
                    return True
        return False

    def centre(self, iso: str) -> tuple[float, float] | None:
        """A point standing for the whole country (latitude, longitude): the middle of its bounding
        box when it lies inside, else the middle of its largest part; None without outline.

        >>> [round(x) for x in Boundaries.load().centre("MLI")]
        [18, -4]
        """
        polygons = self.countries.get(iso, ())
        if not polygons:
            return None
        west, east = min(p.west for p in polygons), max(p.east for p in polygons)
        south, north = min(p.south for p in polygons), max(p.north for p in polygons)
        latitude, longitude = (south + north) / 2, (west + east) / 2
        if self.contains(iso, latitude, longitude):
            return latitude, longitude
        largest = max(polygons, key=lambda p: (p.east - p.west) * (p.north - p.south))
        return (largest.south + largest.north) / 2, (largest.west + largest.east) / 2

    def country_at(self, latitude: float, longitude: float) -> str | None:
        """The ISO3 code of the country a point lies in, None outside every outline.

        >>> Boundaries.load().country_at(13.5116, 2.1254)  # Niamey
        'NER'
        """
        return next(
            (
                iso
                for iso, polygons in self.countries.items()
                if any(p.contains(longitude, latitude) for p in polygons)
            ),
            None,
        )


def _polygon(rings: list[list[float]]) -> Polygon:
    lons = [v for ring in rings for v in ring[0::2]]
    lats = [v for ring in rings for v in ring[1::2]]
    return Polygon(min(lons), min(lats), max(lons), max(lats), tuple(tuple(ring) for ring in rings))
