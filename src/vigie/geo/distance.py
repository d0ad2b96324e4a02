"""Geo stage, distances: great-circle distance, and how near a place is to others of a context."""

from __future__ import annotations

import math
from collections.abc import Sequence

from vigie.records import Place

KM_PER_DEGREE = 111.2  # of latitude: "à 30 km au nord de Ménaka" is 0.27 degree north
EARTH_KM = 6371.0


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (latitude, longitude) points, in km.

    >>> round(distance_km((12.6392, -8.0029), (14.4469, -11.4445)))  # Bamako -> Kayes
    423
    """
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_KM * math.asin(math.sqrt(h))


def nearness(place: Place, others: Sequence[tuple[float, float]], near_km: float, around_km: float) -> int:
    """2 when another place of the context is within near_km, 1 within around_km, else 0."""
    cos = math.cos(math.radians(place.latitude))
    closest = min(
        math.hypot(place.latitude - lat, (place.longitude - lon) * cos) * KM_PER_DEGREE for lat, lon in others
    )
    return 2 if closest <= near_km else 1 if closest <= around_km else 0


def closest_km(place: Place, others: Sequence[tuple[float, float]], beyond: float) -> int:
    """Kilometres from a place to the closest of others, `beyond` when none is nearer (a homonym
    near the places of its story wins; far ones say nothing)."""
    cos = math.cos(math.radians(place.latitude))
    closest = min(
        (
            math.hypot(place.latitude - lat, (place.longitude - lon) * cos) * KM_PER_DEGREE
            for lat, lon in others
        ),
        default=beyond,
    )
    return int(min(closest, beyond))
