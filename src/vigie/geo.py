"""Geo stage: a place name or phrase of French news -> Place (coordinates, regions, ACLED precision).

The gazetteer (data/gazetteer.sqlite, built by scripts/build_gazetteer.py from GeoNames and OCHA
data) is read once into memory by `Gazetteer.load`; `locate` and `resolve` then do no I/O.
Phrases are read with the rules of data/geo_patterns.toml: in "à 30 km à l'est de Tidermène" the
place is Tidermène and the precision 2; in "la localité de Tibezas (Région de Kidal)" the name is
unknown, so the answer is the Kidal region, precision 3.
"""

from __future__ import annotations

import math
import re
import sqlite3
import tomllib
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from rapidfuzz.distance import Levenshtein

from vigie.errors import ConfigError
from vigie.records import Place

SCHEMA = "1"  # data/gazetteer.sqlite layout read here; the build script writes it into `meta`
REBUILD = "Rebuild it: python scripts/build_gazetteer.py --shared ../shared"
MAX_NAME_WORDS = 6  # "Forêt Classée de Bougouni-Foulaboula" folds to 5 words
KM_PER_DEGREE = 111.2  # of latitude: "à 30 km au nord de Ménaka" is 0.27 degree north

# "d’Abeïbara", "Ti-n-Essako", "(Région de Kidal)": all but letters and digits separate words
NON_WORD = re.compile(r"[\W_]+")
# "Kolondiéba, Région de Bougouni", "Tibezas (Région de Kidal)": a comma or bracket ends the name
CLAUSE = re.compile(r"[,;:()\[\]«»\"]")
# "Commune IV" = "Commune 4": Roman numerals after the first word of a name
ROMAN = {
    "i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6",
    "vii": "7", "viii": "8", "ix": "9", "x": "10", "xi": "11", "xii": "12",
}  # fmt: skip
# "région de Bougouni" asks for a region of either layout, "cercle de Koro" or "province du
# Yagha" for an admin2 area (a Burkina department is an admin3)
AREA_LEVELS = {"region": ("admin1", "admin1_2023"), "area2": ("admin2", "admin3")}
# columns in Place order; labels (admin names, codes) are ids into the `label` table, -1 for NULL
SELECT_PLACES = (
    "SELECT name, lat, lon, country, ifnull(admin1, -1), ifnull(admin1_2023, -1), ifnull(admin2, -1),"
    " ifnull(admin3, -1), feature_class, feature_code, population,"
    " coalesce(source, 'geonames:' || geonameid), level FROM place ORDER BY id"
)


def _fold_table() -> dict[int, str]:
    """str.translate table: "É" -> "E", "ï" -> "i", "œ" -> "oe"; combining accents removed."""
    table = {ord("œ"): "oe", ord("Œ"): "OE", ord("æ"): "ae", ord("Æ"): "AE"}
    for code in range(0xC0, 0x250):
        base = "".join(c for c in unicodedata.normalize("NFKD", chr(code)) if not unicodedata.combining(c))
        if base and base != chr(code):
            table[code] = base
    table.update(dict.fromkeys(range(0x300, 0x370), ""))  # combining accents of decomposed text
    return table


FOLD = _fold_table()


def fold_words(text: str) -> list[tuple[str, bool]]:
    """The words of `text` folded (see `fold_name`), each with whether it was capitalised."""
    words: list[tuple[str, bool]] = []
    for raw in NON_WORD.split(unicodedata.normalize("NFC", text)):
        word = raw.translate(FOLD).lower()
        if word:
            words.append((ROMAN.get(word, word) if words else word, raw[0].isupper()))
    return words


def fold_name(text: str) -> str:
    """The key a name is looked up by: case, accents, apostrophes, hyphens and numerals folded.

    >>> fold_name("Nioro-du-Sahel"), fold_name("SÉGOU"), fold_name("d’Abeïbara")
    ('nioro du sahel', 'segou', 'd abeibara')
    >>> fold_name("Commune IV") == fold_name("commune 4")
    True
    """
    return " ".join(word for word, _ in fold_words(text))


@dataclass(frozen=True, slots=True)
class Patterns:
    """The phrase rules and rankings of data/geo_patterns.toml, compiled."""

    rules: re.Pattern[str]  # one alternative per prefix pattern, named r<index>
    roles: tuple[str, ...]  # role of each alternative
    frame_rules: re.Pattern[str]  # the same with the patterns read back from a name only
    frame_roles: tuple[str, ...]
    frame: re.Pattern[str]  # a run of patterns ending a text
    areas: re.Pattern[str]  # "région de", "cercle de" anywhere in a text
    country_hints: tuple[re.Pattern[str], ...]
    countries: dict[str, str]  # folded country name -> ISO3
    former_regions: dict[str, str]  # folded: "menaka" -> "gao"
    country_tier: dict[str, int]  # ISO3 -> preference, Mali first
    feature_rank: tuple[str, ...]
    class_rank: tuple[str, ...]
    precision: dict[str, int]
    role_precision: dict[str, int]
    major_population: int
    major_codes: frozenset[str]
    near_km: float
    around_km: float
    loose: tuple[tuple[re.Pattern[str], str], ...]
    skeleton: re.Pattern[str]
    min_consonants: int
    alone_letters: int
    skips: re.Pattern[str]  # a run of "skip" words: "dans la", "et de"
    attached_chars: int
    frame_window: int
    not_places: frozenset[str]
    name_suffixes: frozenset[str]

    @classmethod
    def load(cls) -> Patterns:
        text = resources.files("vigie.data").joinpath("geo_patterns.toml").read_text(encoding="utf-8")
        table: dict[str, Any] = tomllib.loads(text)
        rules, roles = _alternatives(table["prefix"])
        frame_rules, frame_roles = _alternatives([*table["frame"], *table["prefix"]])
        anything = "|".join(
            f"(?:{p})" for rule in [*table["frame"], *table["prefix"]] for p in rule["patterns"]
        )
        area_parts = [
            f"(?P<{rule['role']}>{'|'.join(rule['patterns'])})"
            for rule in table["prefix"]
            if rule["role"] in AREA_LEVELS
        ]
        skips = "|".join(p for rule in table["prefix"] if rule["role"] == "skip" for p in rule["patterns"])
        countries = table["countries"]
        return cls(
            rules=rules,
            roles=roles,
            frame_rules=frame_rules,
            frame_roles=frame_roles,
            frame=re.compile(f"(?:^| )((?:(?:{anything}) )+)$"),
            areas=re.compile(f"(?<![a-z0-9])(?:{'|'.join(area_parts)}) "),
            country_hints=tuple(re.compile(p) for p in table["country_hints"]),
            countries={name: iso for iso, names in countries.items() for name in names},
            former_regions={fold_name(new): fold_name(old) for new, old in table["former_regions"].items()},
            country_tier={iso: tier for tier, iso in enumerate(countries)},
            feature_rank=tuple(table["feature_rank"]),
            class_rank=tuple(table["class_rank"]),
            precision=dict(table["precision"]),
            role_precision=dict(table["role_precision"]),
            major_population=int(table["major_population"]),
            major_codes=frozenset(table["major_codes"]),
            near_km=float(table["proximity"]["near_km"]),
            around_km=float(table["proximity"]["around_km"]),
            loose=tuple((re.compile(r["pattern"]), r["replace"]) for r in table["loose"]),
            skeleton=re.compile(table["skeleton"]["drop"]),
            min_consonants=int(table["skeleton"]["min_consonants"]),
            alone_letters=int(table["skeleton"]["alone_letters"]),
            skips=re.compile(f" ?(?:(?:{skips}) )*"),
            attached_chars=int(table["attached_chars"]),
            frame_window=int(table["frame_window"]),
            not_places=frozenset(table["not_places"]),
            name_suffixes=frozenset(table["name_suffixes"]),
        )

    def rank_of(self, feature_class: str, feature_code: str) -> int:
        """Position of a feature kind in the ranking (lower is preferred for a bare name)."""
        if feature_code in self.feature_rank:
            return self.feature_rank.index(feature_code)
        if feature_class in self.class_rank:
            return len(self.feature_rank) + self.class_rank.index(feature_class)
        return len(self.feature_rank) + len(self.class_rank)

    def precision_of(self, feature_class: str, feature_code: str) -> int:
        return self.precision.get(feature_code, self.precision.get(feature_class, 2))


def _alternatives(rules: list[dict[str, Any]]) -> tuple[re.Pattern[str], tuple[str, ...]]:
    """One regex trying each pattern in turn (group r<i>), and the role of each group."""
    roles = [rule["role"] for rule in rules for _ in rule["patterns"]]
    parts = [f"(?P<r{i}>{p})" for i, p in enumerate(p for rule in rules for p in rule["patterns"])]
    return re.compile(f"(?:{'|'.join(parts)})(?= |$)"), tuple(roles)


PATTERNS = Patterns.load()


def skeleton_key(loose: str) -> str:
    """Consonants of a loose key, for a last-resort match ("" when too short to be telling).

    >>> skeleton_key(loose_key("ogossagou")) == skeleton_key(loose_key("ogassagou"))
    True
    """
    skeleton = PATTERNS.skeleton.sub("", loose)
    return skeleton if len(skeleton) > PATTERNS.min_consonants else ""


def loose_key(key: str) -> str:
    """A spelling-tolerant key, tried when the exact one is unknown.

    >>> loose_key(fold_name("Ouagadou")) == loose_key(fold_name("Wagadou"))
    True
    """
    for pattern, replacement in PATTERNS.loose:
        key = pattern.sub(replacement, key)
    return key


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


Order = tuple[int, int, int, int, int, int, int, int, int]


class Gazetteer:
    """Place names of Mali and its neighbours, in memory: `locate` a toponym, `resolve` a phrase."""

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
        self._skeletons: dict[str, list[tuple[str, tuple[int, ...]]]] = {}  # consonants -> loose keys
        for key, ids in loose.items():
            if sketch := skeleton_key(key):
                self._skeletons.setdefault(sketch, []).append((key, ids))
        self._read = lru_cache(maxsize=256)(self._read_context)

    @classmethod
    def load(cls, path: Path | None = None, extra: Iterable[Place] = ()) -> Gazetteer:
        """Read the bundled gazetteer (or `path`) into memory; `extra` places win on equal names."""
        if path is None:
            with resources.as_file(resources.files("vigie.data").joinpath("gazetteer.sqlite")) as bundled:
                return cls._read_file(bundled, extra)
        return cls._read_file(path, extra)

    @classmethod
    def _read_file(cls, path: Path, extra: Iterable[Place]) -> Gazetteer:
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

        >>> gazetteer = Gazetteer.load()
        >>> gazetteer.locate("Tombouctou").name, gazetteer.locate("MENAKA").admin1
        ('Tombouctou', 'Ménaka')
        >>> gazetteer.locate("Bougouni", admin1="Tombouctou").latitude
        16.74103
        """
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

    def resolve(self, mention: str, context: str = "") -> Place | None:
        """The place a French location phrase names, with its ACLED precision; `context` picks homonyms.

        >>> gazetteer = Gazetteer.load()
        >>> place = gazetteer.resolve("à 65 Km à l’Est de la ville de Nioro")
        >>> place.name, place.admin1, place.admin1_2023, place.geo_precision
        ('Nioro', 'Kayes', 'Nioro', 2)
        >>> gazetteer.resolve("dans la localité de Tibezas (Région de Kidal)").source_id
        'region:Kidal'
        >>> gazetteer.resolve("dans la localité de Tibezas") is None
        True
        """
        clauses = CLAUSE.split(mention)
        parsed = self._parse(fold_name(clauses[0]))
        reading = self._read(context) if context.strip() else None
        attached = list(self._find_areas(" ".join([parsed.rest, *map(fold_name, clauses[1:])])))
        where = -1
        if reading is not None:
            written = parsed.key or " ".join(fold_name(clauses[0]).split(" ")[-1:])
            where = reading.text.find(f" {written} ") if written else -1
            attached += self._attached(reading, where, len(written))
        ids = parsed.ids or self._sketch(parsed.rest, reading, attached)
        if not ids:
            return self._fallback(attached, reading, where)
        roles = parsed.roles
        if reading is not None and where >= 0 and not _framed(roles):
            roles = self._frame(reading.text[: where + 1])
        best = self._best(self._filter(ids, roles), [], reading, attached, parsed.key)
        if reading is not None and where < 0 and not _framed(roles):
            where = next((at for at, key in reading.toponyms if best in self._names[key]), -1)
            if where >= 0:  # written otherwise in the context: "Nioro du Sahel" as "la ville de Nioro"
                roles = self._frame(reading.text[: where + 1])
                best = self._best(self._filter(ids, roles), [], reading, attached, parsed.key)
        if attached and not any(self._matches(best, h) for h in attached):
            return self._fallback(attached, reading, where)
        place = self.places[best]
        precision = max([place.geo_precision, *(PATTERNS.role_precision.get(r, 0) for r in roles)])
        return place if precision == place.geo_precision else replace(place, geo_precision=precision)

    def _parse(self, folded: str) -> Parsed:
        """Roles of the words before the name, then the longest known name; scan on when unknown."""
        first: Parsed | None = None
        start = 0
        while start >= 0:
            roles, at = self._strip(folded, start)
            found = self._longest(folded, at) or (None if first else self._longest(folded, at, loose=True))
            if found and self._ends_name(folded, found[2]):
                if found[0] not in PATTERNS.not_places or any(r in AREA_LEVELS for r in roles):
                    key, ids, end = found
                    return Parsed(roles, key, ids, folded[end + 1 :])
            first = first or Parsed(roles, "", (), folded[at:])
            start = self._next_phrase(folded, start)
        return first or Parsed((), "", (), "")

    def _ends_name(self, folded: str, end: int) -> bool:
        """Whether a name found up to `end` is whole: what follows opens a phrase ("et de", "dans"),
        is another name ("Gao-Ansongo") or a suffix ("Kidal-Nord"), not more of an unknown name."""
        rest = folded[end + 1 :]
        if not rest or PATTERNS.rules.match(rest):
            return True
        word = rest.split(" ", 1)[0]
        return word in PATTERNS.name_suffixes or self._longest(rest, 0) is not None

    @staticmethod
    def _next_phrase(folded: str, start: int) -> int:
        """Offset of the next word that opens a phrase ("à", "près de"), or -1."""
        while (start := folded.find(" ", start) + 1) > 0:
            if PATTERNS.rules.match(folded, start):
                return start
        return -1

    def _strip(self, folded: str, at: int, back: bool = False) -> tuple[tuple[str, ...], int]:
        """Consume the phrase patterns at `at` (also those read `back` from a name in a context);
        stop where a known name is longer than the pattern ("Mare de Toya")."""
        rules, roles_of = (
            (PATTERNS.frame_rules, PATTERNS.frame_roles) if back else (PATTERNS.rules, PATTERNS.roles)
        )
        roles: list[str] = []
        while match := rules.match(folded, at):
            found = self._longest(folded, at)
            if found and found[2] > match.end():
                break
            roles.append(roles_of[int(str(match.lastgroup)[1:])])
            at = match.end() + 1
        return tuple(roles), at

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

    def _sketch(self, rest: str, reading: Reading | None, attached: Sequence[Hint]) -> tuple[int, ...]:
        """Places whose consonants match an unknown name: all of them when one letter away from a
        long name ("Tidermène"), else those the context supports, by an area it names or a place
        of the same country it names nearby ("Deguessagou" near "Diallassagou")."""
        words = rest.split(" ", MAX_NAME_WORDS)[:MAX_NAME_WORDS]
        hints = [*attached, *(reading.areas if reading else ())]
        points = reading.points if reading else ()
        for count in range(len(words), 0, -1):
            if " ".join(words[:count]) in PATTERNS.not_places:
                return ()  # "Burkina Faso" is not a misspelt "Bourkina"
            loose = loose_key(" ".join(words[:count]))
            similar = self._skeletons.get(skeleton_key(loose), [])
            if len(loose) >= PATTERNS.alone_letters:
                # not in a country the context does not name: "Boulkessi" near "Mondoro" is no "Boulikéssi" of Burkina
                countries = {country for *_, country in points}
                close = [
                    i
                    for key, ids in similar
                    if Levenshtein.distance(key, loose) <= 1
                    for i in ids
                    if not countries or self.places[i].country in countries
                ]
                if close:
                    return tuple(dict.fromkeys(close))
            supported = [
                i
                for _, ids in similar
                for i in ids
                if any(self._matches(i, h) for h in hints) or self._near_compatriot(i, points)
            ]
            if supported:
                return tuple(dict.fromkeys(supported))
        return ()

    def _near_compatriot(self, index: int, points: Sequence[tuple[str, float, float, str]]) -> bool:
        """Whether a place of the same country named in the context is within around_km."""
        place = self.places[index]
        others = [(lat, lon) for _, lat, lon, country in points if country == place.country]
        return bool(others) and _nearness(place, others) > 0

    def _frame(self, before: str) -> tuple[str, ...]:
        """Roles of the phrase that ends `before`: "… à 65 km à l est de la ville de " is near, place."""
        window = before[-PATTERNS.frame_window :]
        match = PATTERNS.frame.search(window[window.find(" ") :])
        return self._strip(match.group(1), 0, back=True)[0] if match else ()

    def _filter(self, ids: tuple[int, ...], roles: Sequence[str]) -> tuple[int, ...]:
        """Keep the areas of the level a "région de" or "cercle de" asks for, when there are some."""
        area = next((r for r in reversed(roles) if r in AREA_LEVELS), None)
        if area is None:
            return ids
        kept = tuple(i for i in ids if self._levels[i] in AREA_LEVELS[area])
        if not kept and area == "region":  # "région de Bourem": no such region, but a cercle
            kept = tuple(i for i in ids if self._levels[i] in AREA_LEVELS["area2"])
        return kept or ids

    def _find_areas(self, folded: str) -> Iterable[Hint]:
        """Areas named as such ("région de Kidal", "cercle de Koro") in a folded text."""
        for match in PATTERNS.areas.finditer(folded):
            found = self._longest(folded, match.end())
            levels = AREA_LEVELS["region" if match.group("region") else "area2"]
            area = next((i for i in found[1] if self._levels[i] in levels), -1) if found else -1
            if area >= 0:
                field = self._levels[area]
                value = _folded(getattr(self.places[area], field) or "")
                yield Hint(field, value, area, match.start())

    def _attached(self, reading: Reading, where: int, length: int) -> list[Hint]:
        """Areas right after the name in the context, only small words between: "Tibezas (Région de Kidal)"."""
        if where < 0:
            return []
        end = where + length + 1
        return [
            h
            for h in reading.areas
            if 0 <= h.position - end <= PATTERNS.attached_chars
            and PATTERNS.skips.fullmatch(reading.text[end : h.position])
        ]

    def _read_context(self, context: str) -> Reading:
        words = fold_words(context)
        text = f" {' '.join(w for w, _ in words)} "
        countries = tuple(
            Hint("country", PATTERNS.countries[m.group("name")], position=m.start())
            for pattern in PATTERNS.country_hints
            for m in pattern.finditer(text)
        )
        areas = tuple(self._find_areas(text))
        named = {m.end() for m in PATTERNS.areas.finditer(text)}  # "région de Ségou": an area, not a point
        toponyms: list[tuple[int, str]] = []
        points: list[tuple[str, float, float, str]] = []
        offset, index = 0, 0
        while index < len(words):
            word, capitalised = words[index]
            found = self._longest(text, offset + 1) if capitalised and offset + 1 not in named else None
            if found and found[0] not in PATTERNS.not_places and len(found[0]) > 2:
                toponyms.append((offset, found[0]))
                points += [
                    (found[0], self.places[i].latitude, self.places[i].longitude, self.places[i].country)
                    for i in found[1][:5]
                    if not self._levels[i]
                ]
                for _ in range(found[0].count(" ") + 1):
                    offset += len(words[index][0]) + 1
                    index += 1
                continue
            offset += len(word) + 1
            index += 1
        return Reading(text, areas, countries, tuple(toponyms), tuple(points))

    def _matches(self, index: int, hint: Hint) -> bool:
        """Whether a place lies in the hinted area (or its former region) or country."""
        value = getattr(self.places[index], hint.field)
        if value is None:
            return False
        if value == hint.value:
            return True
        folded = _folded(value)
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
    ) -> int:
        """The preferred candidate. Order: what the caller or the words right after the name ask
        for, a country the context names, Mali before its neighbours, major places, the areas the
        context names, nearness to the other places it names, then the bundled ranking."""
        if len(ids) == 1 or not wanted and not attached and reading is None:
            return ids[0]
        tiers = PATTERNS.country_tier
        areas = reading.areas if reading else ()
        countries = reading.countries if reading else ()
        others = [(lat, lon) for name, lat, lon, _ in reading.points if name != key] if reading else []

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
                tiers.get(place.country, len(tiers)),
                -major,
                -sum(self._matches(index, h) for h in areas),
                PATTERNS.class_rank.index(place.feature_class) if place.feature_class in "PA" else 2,
                -_nearness(place, others) if others and not major else 0,
                position,
            )

        return min(enumerate(ids), key=order)[1]

    def _fallback(self, attached: Sequence[Hint], reading: Reading | None, where: int) -> Place | None:
        """The area an unknown name is put in: attached to it, else the one area its context names."""
        areas = [h for h in attached if h.area >= 0]
        if not areas and reading is not None and reading.areas:
            distinct = {(h.field, h.value) for h in reading.areas}
            if where < 0 and len(distinct) > 1:
                return None  # several areas and the name is not in the context: no guess
            areas = sorted(reading.areas, key=lambda h: abs(h.position - max(where, 0)))[:1]
        if not areas:
            return None
        return self.places[min(areas, key=lambda h: (self.places[h.area].geo_precision, h.position)).area]


def _framed(roles: Sequence[str]) -> bool:
    """Whether the words before a name say what it is ("cercle de", "près de"), not just "à"."""
    return any(role != "skip" for role in roles)


@lru_cache(maxsize=4096)
def _folded(value: str) -> str:
    return fold_name(value)


def _nearness(place: Place, others: Sequence[tuple[float, float]]) -> int:
    """2 when another place of the context is within near_km, 1 within around_km, else 0."""
    cos = math.cos(math.radians(place.latitude))
    closest = min(
        math.hypot(place.latitude - lat, (place.longitude - lon) * cos) * KM_PER_DEGREE for lat, lon in others
    )
    return 2 if closest <= PATTERNS.near_km else 1 if closest <= PATTERNS.around_km else 0


EARTH_KM = 6371.0


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (latitude, longitude) points, in km.

    >>> round(distance_km((12.6392, -8.0029), (14.4469, -11.4445)))  # Bamako -> Kayes
    423
    """
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_KM * math.asin(math.sqrt(h))
