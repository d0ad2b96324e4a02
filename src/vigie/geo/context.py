"""Geo stage, context: what a sentence says about where, once folded (areas, countries, toponyms)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Hint:
    """An area or country a text puts a name in: "(Région de Kidal)" is admin1 Kidal."""

    field: str  # "admin1", "admin1_2023", "admin2", "admin3" or "country"
    value: str  # folded, or an ISO3 code
    area: int = -1  # index of the area's own place; -1 for a country
    position: int = 0  # offset in the folded context


@dataclass(frozen=True, slots=True)
class Reading:
    """What a context says once folded: its text, the areas and countries it names, its toponyms."""

    text: str  # folded words joined by single spaces, with a space at each end
    areas: tuple[Hint, ...]
    countries: tuple[Hint, ...]
    toponyms: tuple[tuple[int, str], ...]  # (offset, key) of the capitalised names found
    points: tuple[tuple[str, float, float, str], ...]  # (key, latitude, longitude, country) of their places


@dataclass(frozen=True, slots=True)
class Parsed:
    """A mention split into the roles of the words before its name, the name, and what follows."""

    roles: tuple[str, ...]
    key: str  # folded name as found in the gazetteer ("" when unknown)
    ids: tuple[int, ...]
    rest: str  # folded words after the name: "et de lambatara", "region de kidal"
