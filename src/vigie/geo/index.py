"""Geo stage, index: the bundled gazetteer (and user places) in memory, and the look-up of a bare name.

data/gazetteer.sqlite, built by scripts/build_gazetteer.py from GeoNames and OCHA data, and the
places GeoNames lacks (data/gazetteer_supplement.toml, see supplement.py) are read once by
`PlaceIndex.load`; look-ups then do no I/O. Homonyms are ranked by what the caller or
the context asks for, then Mali before its neighbours, major places, areas, nearness.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Self

from vigie.errors import ConfigError
from vigie.geo.context import Hint, Reading
from vigie.geo.distance import closest_km, nearness
from vigie.geo.names import fold_label, fold_name
from vigie.geo.patterns import MAX_NAME_WORDS, PATTERNS, loose_key
from vigie.geo.supplement import read_supplement
from vigie.records import Place

SCHEMA = "1"  # data/gazetteer.sqlite layout read here; the build script writes it into `meta`
LOCATED_KEPT = 4096  # names whose place `locate` keeps
# How well known a town is, for "entre A et B" (FORMAT.md: the better-known locality): GeoNames
# codes the seats of a capital, a region, a cercle/department/province and a commune; most
# populations are 0, so the code is the signal. A village that gives its name to a cercle or
# department (an admin2 area of its country) is that area's seat.
SEAT_RANKS = {"PPLC": 5, "PPLA": 4, "PPLA2": 3, "PPLA3": 2}
ADMIN2_SEAT = 3
REBUILD = "Rebuild it: python scripts/build_gazetteer.py --shared ../shared"
# columns in Place order; labels (admin names, codes) are ids into the `label` table, -1 for NULL
SELECT_PLACES = (
    "SELECT name, lat, lon, country, ifnull(admin1, -1), ifnull(admin1_2023, -1), ifnull(admin2, -1),"
    " ifnull(admin3, -1), feature_class, feature_code, population,"
    " coalesce(source, 'geonames:' || geonameid), level FROM place ORDER BY id"
)


Order = tuple[int, int, int, bool, int, int, int, int, int, int, int, int]
Points = tuple[tuple[float, float, str], ...]  # (latitude, longitude, country) of places an article names


class PlaceIndex:
    """Places and their names, in memory: `locate` a bare toponym."""

    def __init__(
        self,
        places: list[Place],
        codes: list[str],
        levels: list[str],
        names: dict[str, tuple[int, ...]],
        loose: dict[str, tuple[int, ...]],
        meta: dict[str, str],
    ) -> None:
        self.places = places  # best first for a bare name (Mali, rank, population), then user places
        self.meta = meta  # data versions and attribution, from the sqlite `meta` table
        self._codes = codes  # GeoNames feature code of each place, "" for a user place
        self._levels = levels  # "admin1", "admin1_2023", "admin2", "admin3" for areas, else ""
        self._names = names
        self._loose = loose
        # the events stage asks for every capitalised word of every sentence: the answers are kept
        self._located = lru_cache(maxsize=LOCATED_KEPT)(self._locate)
        self._ranks: dict[str, int] | None = None  # source_id -> prominence, built on first use

    def prominence(self, place: Place) -> int:
        """How well known a place is: 5 a capital, 4 a region's seat, 3 a cercle's (department's,
        province's), 2 a commune's, 1 another inhabited place, 0 anything else or unknown.

        >>> gazetteer = PlaceIndex.load()
        >>> [gazetteer.prominence(gazetteer.locate(n)) for n in ("Bamako", "Kayes", "Macina", "Diboli")]
        [5, 4, 3, 1]
        """
        if self._ranks is None:
            seats = {
                (p.country, fold_name(p.name))
                for p, level in zip(self.places, self._levels, strict=True)
                if level == "admin2"
            }
            self._ranks = {}
            for p, code in zip(self.places, self._codes, strict=True):
                if p.feature_class != "P" or p.source_id in self._ranks:
                    continue
                rank = SEAT_RANKS.get(code, 1)
                if rank < ADMIN2_SEAT and (p.country, fold_name(p.name)) in seats:
                    rank = ADMIN2_SEAT
                self._ranks[p.source_id] = rank
        return self._ranks.get(place.source_id, 0)

    @classmethod
    def load(cls, path: Path | None = None, extra: Iterable[Place] = ()) -> Self:
        """Read the bundled gazetteer (or `path`) into memory; `extra` places win on equal names."""
        if path is None:
            with resources.as_file(resources.files("vigie.data").joinpath("gazetteer.sqlite")) as bundled:
                return cls._read_file(bundled, extra)
        return cls._read_file(path, extra)

    @classmethod
    def _read_file(cls, path: Path, extra: Iterable[Place]) -> Self:
        if not path.is_file():
            raise ConfigError(f"gazetteer {path} is missing. {REBUILD}")
        try:
            with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as con:
                meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
                if meta.get("schema") != SCHEMA:
                    raise ConfigError(
                        f"{path} has gazetteer schema {meta.get('schema')}, not {SCHEMA}. {REBUILD}"
                    )
                label: list[Any] = [text for (text,) in con.execute("SELECT text FROM label ORDER BY id")]
                label.append(None)  # a NULL admin field is read as label -1
                rows = con.execute(SELECT_PLACES).fetchall()
                keys = con.execute("SELECT key, place, loose FROM name ORDER BY loose, key, rank").fetchall()
        except sqlite3.DatabaseError as err:
            raise ConfigError(f"{path} is not a Vigie gazetteer ({err}). {REBUILD}") from err
        places = [
            Place(r[0], r[1] / 100_000, r[2] / 100_000, label[r[3]], label[r[4]], label[r[5]], label[r[6]],
                  label[r[7]], PATTERNS.precision_of(r[8], label[r[9]]), r[8], r[10], r[11])
            for r in rows
        ]  # fmt: skip
        codes: list[str] = [label[r[9]] for r in rows]
        levels: list[str] = [label[r[12]] for r in rows]
        tables: tuple[dict[str, list[int]], dict[str, list[int]]] = ({}, {})
        for key, place, is_loose in keys:
            tables[is_loose].setdefault(key, []).append(place)

        def find(at: str, country: str) -> Place | None:  # a supplement place's reference
            if ":" in at:
                return next((p for p in places if p.source_id == at), None)
            ids = tables[0].get(fold_name(at), [])
            return next((places[i] for i in ids if places[i].country == country), None)

        for supplemented in read_supplement(find):  # after the bundled places of the same name
            places.append(supplemented.place)
            codes.append(supplemented.feature_code)
            levels.append("")
            for name in supplemented.names:
                key = fold_name(name)
                for table, folded in ((tables[0], key), (tables[1], loose_key(key))):
                    if len(places) - 1 not in table.setdefault(folded, []):
                        table[folded].append(len(places) - 1)
        for place in extra:  # user places go first: they win over bundled ones on equal names
            places.append(place)
            codes.append("")
            levels.append("")
            key = fold_name(place.name)
            tables[0].setdefault(key, []).insert(0, len(places) - 1)
            tables[1].setdefault(loose_key(key), []).insert(0, len(places) - 1)
        names = {key: tuple(ids) for key, ids in tables[0].items()}
        loose = {key: tuple(ids) for key, ids in tables[1].items()}
        return cls(places, codes, levels, names, loose, meta)

    def locate(self, name: str, admin1: str | None = None, country: str | None = None) -> Place | None:
        """The best place of that name, preferring the given region and country, then Mali.

        >>> gazetteer = PlaceIndex.load()
        >>> gazetteer.locate("Tombouctou").name, gazetteer.locate("MENAKA").admin1
        ('Tombouctou', 'Ménaka')
        >>> gazetteer.locate("Bougouni", admin1="Tombouctou").latitude
        16.74103
        """
        return self._located(name, admin1, country)

    def _locate(self, name: str, admin1: str | None, country: str | None) -> Place | None:
        key = fold_name(name)
        ids = self._names.get(key) or self._loose.get(loose_key(key), ())
        if not ids or key in PATTERNS.not_places:
            return None
        hints = []
        if admin1:
            hints += [Hint("admin1", fold_name(admin1)), Hint("admin1_2023", fold_name(admin1))]
        if country:
            hints.append(Hint("country", PATTERNS.countries.get(fold_name(country), country.upper())))
        return self.places[self._best(ids, hints)]

    def _longest(self, folded: str, at: int, loose: bool = False) -> tuple[str, tuple[int, ...], int] | None:
        """The longest name starting at `at`: (key, candidates, end offset)."""
        words = folded[at:].split(" ", MAX_NAME_WORDS)[:MAX_NAME_WORDS]
        table = self._loose if loose else self._names
        for count in range(len(words), 0, -1):
            key = " ".join(words[:count])
            ids = table.get(loose_key(key) if loose else key)
            if ids:
                return key, ids, at + len(key)
        return None

    def _matches(self, index: int, hint: Hint) -> bool:
        """Whether a place lies in the hinted area (or its former region) or country."""
        value = getattr(self.places[index], hint.field)
        if value is None:
            return False
        if value == hint.value:
            return True
        folded = fold_label(value)
        return (
            folded == hint.value
            or hint.field == "admin1"
            and PATTERNS.former_regions.get(folded) == hint.value
        )

    def _best(
        self,
        ids: tuple[int, ...],
        wanted: Sequence[Hint],
        reading: Reading | None = None,
        attached: Sequence[Hint] = (),
        key: str = "",
        around: Points = (),
    ) -> int:
        """The preferred candidate. Order: what the caller or the words right after the name ask
        for, a country the context names, a place within near_km of one the rest of the article
        names in its own country (`around`), Mali before its neighbours, major places, the areas the context names,
        nearness to the other places it names, nearness to those of the article, then the bundled
        ranking."""
        if len(ids) == 1 or not wanted and not attached and reading is None and not around:
            return ids[0]
        tiers = PATTERNS.country_tier
        areas = reading.areas if reading else ()
        countries = reading.countries if reading else ()
        others = [(lat, lon) for name, lat, lon, _ in reading.points if name != key] if reading else []
        story = [(lat, lon) for lat, lon, _ in around]

        def order(item: tuple[int, int]) -> Order:
            position, index = item
            place = self.places[index]
            major = (
                self._codes[index] in PATTERNS.major_codes or place.population >= PATTERNS.major_population
            )
            return (
                -sum(self._matches(index, h) for h in [*wanted, *attached]),
                -(not self._codes[index]),  # a user place wins on equal names
                -any(self._matches(index, h) for h in countries),
                # a town abroad before a hill or a pond of Mali: news names places people live in
                place.feature_class not in "PA",
                # within near_km of a place the article names unambiguously: the story's, whatever
                # its country ("Houndé … à Boni" is Boni of Burkina Faso, not of Mali)
                -(
                    closest_km(
                        place, [(lat, lon) for lat, lon, c in around if c == place.country], PATTERNS.near_km
                    )
                    < PATTERNS.near_km
                ),
                tiers.get(place.country, len(tiers)),
                -major,
                -sum(self._matches(index, h) for h in areas),
                PATTERNS.class_rank.index(place.feature_class) if place.feature_class in "PA" else 2,
                -nearness(place, others, PATTERNS.near_km, PATTERNS.around_km) if others and not major else 0,
                closest_km(place, story, PATTERNS.around_km) if story and not major else 0,
                position,
            )

        return min(enumerate(ids), key=order)[1]
