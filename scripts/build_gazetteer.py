"""Build src/vigie/data/gazetteer.sqlite, the gazetteer of the geo stage, from the shared data.

Usage: python scripts/build_gazetteer.py --shared ../shared [--out src/vigie/data/gazetteer.sqlite]
       python scripts/build_gazetteer.py --shared ../shared --boundaries-only

Input (described in shared/data/gazetteer/SOURCES.md): the GeoNames dumps of Mali and its
neighbours with their admin code tables, the OCHA cercle polygons of Mali (pre-2016 frame), the
OCHA P-codes and the ROWCA admin-1 polygons. Output: one SQLite file (see SCHEMA_SQL):

  meta   key/value: schema, data versions and checksums, attribution, counts
  label  the repeated strings (countries, admin names, feature codes)
  place  one row a place, in the order a bare name prefers them (Mali first, rank, population)
  name   folded keys (exact and loose) -> places, best first

Mali places get admin2 = the OCHA cercle they fall in (ray casting), admin1 = its region, and
admin1_2023 from src/vigie/data/regions_2023.toml. Same input, same rows in the same order.

Beside it, boundaries.json: simplified country outlines (Douglas-Peucker) that vigie.geo.boundary
reads to check that a coordinate lies in the country it names: Mali from the OCHA cercles (the
polygons Mali places are snapped into), Sahel neighbours from the ROWCA admin-1 polygons, farther
neighbours from Natural Earth 1:110m.
Needs numpy (a Vigie dependency); no shapely.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import sqlite3
import sys
import time
import tomllib
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from vigie.geo import PATTERNS, SCHEMA, fold_name, loose_key

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "vigie" / "data"
GAZETTEER = Path("data") / "gazetteer"
# Burkina Faso and Niger share Mali's war and front pages: all their populated places are kept
# ("Solhan, dans la province du Yagha" is a village of population 0 in GeoNames).
ALL_POPULATED = ("BF", "NE")
# Farther neighbours: towns with a population or an administrative role, and admin areas.
NEIGHBOURS = ("SN", "MR", "GN", "CI")
LEVELS = {"ADM1": "admin1", "ADM2": "admin2", "ADM3": "admin3"}
# Spot features of no use to a news geocoder: trig points, astronomical stations, benchmarks.
DROPPED_CODES = frozenset({"TRIG", "ASTR", "BM", "BP", "MSTN"})
TAOUDENIT = "12070575"  # GeoNames admin1 code of Taoudénit, a region without a polygon here
# A Mali point outside every OCHA cercle by up to this much is moved just inside the border
# (GeoNames puts the Guinea border town "Kourémalé" 1 km outside); farther ones are dropped.
SNAP_KM = 12.0
INSIDE_STEP = 0.002  # degrees past the border, about 200 m
KM_PER_DEGREE = 111.2
# "Province du Yagha", "Département de Say", "Tillabéri Region", "Cercle d’ Abeïbara", "Bougouni Cercle"
ADMIN_AFFIX = re.compile(
    r"^(?:Province|D[ée]partement|R[ée]gion|Cercle|Commune|Pr[ée]fecture|District)\s+"
    r"(?:du|de la|des|de|of|d[’']\s?)\s*"
    r"|\s+(?:Province|Department|D[ée]partement|Region|R[ée]gion|District|Cercle|Prefecture)$"
)
# Bamako's communes are "Commune 1" … "Commune 6" in GeoNames, "Commune I" … "Commune VI" in the press
COMMUNE_NUMBER = re.compile(r"^Commune (\d+)$")
ROMAN = ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
# A village split by people is "X-Peulh" and "X-Dogon" in GeoNames, "X" in the press:
# "Ogassagou-Peulh", "Mondoro Foulbe", "Faya-Bamanan" are also keyed "ogassagou", "mondoro", "faya"
QUALIFIER = re.compile(r" (?:peulh?|peuhl|foulbe|dogon|bambara|bamanan|bozo|sonrai|songhai|marka|maure)$")
# Names of other scripts (Arabic, Cyrillic, CJK) never appear in French news: keys are plain Latin
LATIN_KEY = re.compile(r"^[a-z0-9 ]+$")
# Douglas-Peucker tolerance of the boundaries, in degrees: 0.001 is about 110 m (Mali places are
# snapped 200 m inside the cercles, so they stay inside), 0.005 about 550 m
MALI_TOLERANCE = 0.001
ROWCA_TOLERANCE = 0.005
ROWCA_COUNTRIES = ("BFA", "NER", "MRT", "SEN")  # the gazetteer's neighbours that ROWCA draws
BOUNDARY_ATTRIBUTION = (
    "Country outlines simplified from: Mali, OCHA COD-AB cercles via HDX (CC BY-IGO); Burkina Faso, "
    "Niger, Mauritania, Senegal, OCHA ROWCA admin-1 2017 via HDX; other countries, Natural Earth "
    "1:110m (public domain)."
)
ATTRIBUTION = (
    "Place names and coordinates: GeoNames, geonames.org (CC BY 4.0). "
    "Mali cercle boundaries: OCHA Common Operational Datasets, via HDX (CC BY-IGO). "
    "Admin-1 boundaries of the Sahel: OCHA ROWCA, via HDX."
)


@dataclass
class Row:
    """One line of a GeoNames dump."""

    geonameid: str
    name: str
    asciiname: str
    alternates: list[str]
    latitude: float
    longitude: float
    feature_class: str
    feature_code: str
    admin1: str
    admin2: str
    admin3: str
    population: int
    modified: str


@dataclass
class Entry:
    """A place as it will be written: a Place record's fields, its feature code, level and names."""

    source_id: str
    name: str
    latitude: float
    longitude: float
    country: str
    admin1: str | None
    admin1_2023: str | None
    admin2: str | None
    admin3: str | None
    feature_class: str
    feature_code: str
    population: int = 0
    level: str = ""  # "admin1", "admin1_2023", "admin2", "admin3" for area entries
    names: set[str] = field(default_factory=set)
    alternates: int = 0  # how many alternate names GeoNames lists: how well documented the place is


@dataclass
class Area:
    """A polygon area (OCHA cercle or ROWCA region): rings of (lon, lat) as numpy arrays."""

    name: str
    parent: str
    rings: list[np.ndarray]

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        points = np.concatenate(self.rings)
        return points[:, 0].min(), points[:, 1].min(), points[:, 0].max(), points[:, 1].max()


def read_geonames(path: Path) -> list[Row]:
    rows = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            f = line.rstrip("\n").split("\t")
            alternates = [a for a in f[3].split(",") if a]
            rows.append(
                Row(f[0], f[1], f[2], alternates, float(f[4]), float(f[5]), f[6], f[7], f[10], f[11], f[12],
                    int(f[14] or 0), f[18])
            )  # fmt: skip
    return rows


def read_codes(path: Path) -> dict[str, str]:
    """GeoNames admin code table: "ML.03" -> "Kayes"."""
    with path.open(encoding="utf-8") as lines:
        return {f[0]: f[1] for f in (line.rstrip("\n").split("\t") for line in lines) if len(f) > 1}


def read_iso3(path: Path) -> dict[str, str]:
    """GeoNames countryInfo: "ML" -> "MLI"."""
    with path.open(encoding="utf-8") as lines:
        rows = csv.reader((line for line in lines if not line.startswith("#")), delimiter="\t")
        return {row[0]: row[1] for row in rows}


def read_areas(path: Path, name_key: str, parent_key: str) -> list[Area]:
    areas = []
    for feature in json.loads(path.read_text(encoding="utf-8"))["features"]:
        props, geometry = feature["properties"], feature["geometry"]
        polygons = geometry["coordinates"]
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        rings = [np.asarray(ring, dtype=float)[:, :2] for polygon in polygons for ring in polygon]
        areas.append(Area(props[name_key], props[parent_key], rings))
    return areas


def clean_admin(name: str) -> str:
    """The bare name of an admin area: "Province du Yagha" -> "Yagha", "Commune 4" -> "Commune IV"."""
    number = COMMUNE_NUMBER.match(name)
    if number and int(number.group(1)) < len(ROMAN):
        return f"Commune {ROMAN[int(number.group(1))]}"
    return ADMIN_AFFIX.sub("", name).strip() or name


def contains(area: Area, lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """Ray casting, even-odd over all rings (holes included), vectorised over the points."""
    inside = np.zeros(len(lon), dtype=bool)
    west, south, east, north = area.bounds
    box = (lon >= west) & (lon <= east) & (lat >= south) & (lat <= north)
    if not box.any():
        return inside
    x, y = lon[box], lat[box]
    hits = np.zeros(len(x), dtype=bool)
    for ring in area.rings:
        for ax, ay, bx, by in zip(ring[:-1, 0], ring[:-1, 1], ring[1:, 0], ring[1:, 1], strict=True):
            crosses = (ay > y) != (by > y)
            if crosses.any():
                hits ^= crosses & (x < ax + (y - ay) * (bx - ax) / (by - ay if by != ay else 1e-12))
    inside[box] = hits
    return inside


def centroid(areas: Sequence[Area]) -> tuple[float, float]:
    """Area-weighted centroid (lat, lon) of polygons; if it falls outside them (a crescent-shaped
    region), the middle of the widest inside stretch of its parallel."""
    total, cx, cy = 0.0, 0.0, 0.0
    for area in areas:
        for number, ring in enumerate(area.rings):
            x, y = ring[:, 0], ring[:, 1]
            cross = x[:-1] * y[1:] - x[1:] * y[:-1]
            signed = cross.sum() / 2
            if signed == 0:
                continue
            weight = abs(signed) if number == 0 else -abs(signed)  # outer ring first, then holes
            total += weight
            cx += weight * ((x[:-1] + x[1:]) * cross).sum() / (6 * signed)
            cy += weight * ((y[:-1] + y[1:]) * cross).sum() / (6 * signed)
    lon, lat = cx / total, cy / total
    if any(contains(area, np.array([lon]), np.array([lat]))[0] for area in areas):
        return round(lat, 5), round(lon, 5)
    crossings: list[float] = []
    for area in areas:
        for ring in area.rings:
            for ax, ay, bx, by in zip(ring[:-1, 0], ring[:-1, 1], ring[1:, 0], ring[1:, 1], strict=True):
                if (ay > lat) != (by > lat):
                    crossings.append(ax + (lat - ay) * (bx - ax) / (by - ay))
    crossings.sort()
    width, start = max(
        (crossings[i + 1] - crossings[i], crossings[i]) for i in range(0, len(crossings) - 1, 2)
    )
    return round(lat, 5), round(start + width / 2, 5)


def snap_inside(areas: Sequence[Area], lon: float, lat: float) -> tuple[int, float, float] | None:
    """For a point just outside all areas: the nearest area and a point moved just inside it."""
    cos = float(np.cos(np.radians(lat)))
    best: tuple[float, int, float, float] | None = None
    for number, area in enumerate(areas):
        for ring in area.rings:
            a, d = ring[:-1], ring[1:] - ring[:-1]
            length = np.where((d * d).sum(axis=1) > 0, (d * d).sum(axis=1), 1)
            t = np.clip(((lon - a[:, 0]) * d[:, 0] + (lat - a[:, 1]) * d[:, 1]) / length, 0, 1)
            qx, qy = a[:, 0] + t * d[:, 0], a[:, 1] + t * d[:, 1]
            km = np.hypot((qx - lon) * cos, qy - lat) * KM_PER_DEGREE
            i = int(km.argmin())
            if best is None or km[i] < best[0]:
                best = (float(km[i]), number, float(qx[i]), float(qy[i]))
    if best is None or best[0] > SNAP_KM:
        return None
    _, number, x0, y0 = best
    norm = max(float(np.hypot(x0 - lon, y0 - lat)), 1e-9)
    for step in (INSIDE_STEP, 2 * INSIDE_STEP, 5 * INSIDE_STEP):
        x, y = x0 + (x0 - lon) / norm * step, y0 + (y0 - lat) / norm * step
        if contains(areas[number], np.array([x]), np.array([y]))[0]:
            return number, round(x, 5), round(y, 5)
    return None


def names_of(row: Row) -> set[str]:
    """Name, ASCII name and alternate names; codes such as "BKO" or "GABG" are left out."""
    names = {row.name, row.asciiname}
    names.update(a for a in row.alternates if not (a.isupper() and len(a) <= 4 and " " not in a))
    return {n for n in names if n}


def keys_of(names: set[str], populated: bool) -> set[str]:
    """Folded keys of a place's names, plus the names without their head ("Cercle de Macina" ->
    "macina") and, for a populated place, without the people's name ("Ogassagou-Peulh")."""
    keys: set[str] = set()
    for name in names:
        key = fold_name(name)
        if not key or not LATIN_KEY.match(key):
            continue
        keys.add(key)
        if populated and QUALIFIER.search(key):
            keys.add(QUALIFIER.sub("", key))
        match = PATTERNS.rules.match(key)
        while match and match.end() < len(key):
            key = key[match.end() + 1 :]
            keys.add(key)
            match = PATTERNS.rules.match(key)
    return keys


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class Builder:
    """Reads the shared files and collects the entries and the figures for `meta`."""

    def __init__(self, shared: Path) -> None:
        self.root = shared / GAZETTEER
        geonames = self.root / "geonames"
        if not (geonames / "ML.txt").is_file():
            sys.exit(f"no GeoNames dumps under {geonames}: pass --shared <path to the shared/ folder>")
        self.entries: list[Entry] = []
        self.counts: Counter[str] = Counter()
        self.sources: list[dict[str, object]] = []
        self.admin1 = read_codes(geonames / "admin1CodesASCII_westafrica.txt")
        self.admin2 = read_codes(geonames / "admin2Codes_westafrica.txt")
        self.iso3 = read_iso3(geonames / "countryInfo_westafrica.txt")
        cercles_2023 = tomllib.loads((DATA / "regions_2023.toml").read_text(encoding="utf-8"))["cercles"]
        self.regions_2023 = {fold_name(cercle): region for cercle, region in cercles_2023.items()}
        # the spelling of regions_2023.toml wins: "Dioila" is written "Dioïla", "Djénné" "Djenné"
        self.spellings = {fold_name(cercle): cercle for cercle in cercles_2023}
        self.cercles = read_areas(self.root / "ocha" / "mli_adm2_cercles_ocha.geojson", "adm2", "adm1")
        self.rowca = read_areas(
            self.root / "ocha" / "sahel_adm1_rowca_2017.geojson", "ADM1_NAME", "country_code"
        )

    def note(self, relative: str, rows: int, use: str, dump: str | None = None) -> None:
        """Record one input file for `meta`: path, checksum, rows, dump date, what it is used for."""
        path = self.root / relative
        record: dict[str, object] = {"file": relative, "sha256": sha256(path), "rows": rows}
        if dump:
            record["dump_date"] = dump
        self.sources.append({**record, "use": use})

    def build(self) -> None:
        mali = read_geonames(self.root / "geonames" / "ML.txt")
        self.note(
            "geonames/ML.txt",
            len(mali),
            "Mali: every feature but survey marks",
            max(r.modified for r in mali),
        )
        self.add_mali(mali)
        for code in (*ALL_POPULATED, *NEIGHBOURS):
            rows = read_geonames(self.root / "geonames" / f"{code}.txt")
            kept = (
                "all populated places" if code in ALL_POPULATED else "towns with a population or admin role"
            )
            self.note(
                f"geonames/{code}.txt", len(rows), f"{kept}; admin areas", max(r.modified for r in rows)
            )
            self.add_neighbour(code, rows)
        for name in (
            "admin1CodesASCII_westafrica.txt",
            "admin2Codes_westafrica.txt",
            "countryInfo_westafrica.txt",
        ):
            lines = (self.root / "geonames" / name).read_text(encoding="utf-8").splitlines()
            self.note(f"geonames/{name}", len(lines), "admin names, ISO3 codes")
        self.note(
            "ocha/mli_adm2_cercles_ocha.geojson", len(self.cercles),
            "Mali cercles (pre-2016 frame): admin2 and admin1 by point in polygon, area centroids",
        )  # fmt: skip
        self.note(
            "ocha/sahel_adm1_rowca_2017.geojson",
            len(self.rowca),
            "admin1 of BFA, NER, MRT, SEN places, region centroids",
        )
        pcodes = (self.root / "ocha" / "global_pcodes_adm1_2_westafrica.csv").read_text(encoding="utf-8")
        self.note(
            "ocha/global_pcodes_adm1_2_westafrica.csv", len(pcodes.splitlines()) - 1, "Mali regions of 2021"
        )

    def mali_regions_2021(self) -> set[str]:
        with (self.root / "ocha" / "global_pcodes_adm1_2_westafrica.csv").open(encoding="utf-8") as lines:
            rows = csv.DictReader(lines)
            return {fold_name(r["Name"]) for r in rows if r["Location"] == "MLI" and r["Admin Level"] == "1"}

    def add_mali(self, rows: list[Row]) -> None:
        """Mali: every feature, placed in its OCHA cercle; then the regions and cercles as areas."""
        regions = {
            loose_key(fold_name(name)): name for code, name in self.admin1.items() if code.startswith("ML.")
        }
        since_2016 = self.mali_regions_2021()
        cercle_region = []
        for area in self.cercles:  # "Menaka", a cercle of Gao in this frame, is a region since 2016
            own = fold_name(area.name)
            region = area.name if own in since_2016 and own != fold_name(area.parent) else area.parent
            cercle_region.append(regions[loose_key(fold_name(region))])
        lon = np.array([r.longitude for r in rows])
        lat = np.array([r.latitude for r in rows])
        owner = np.full(len(rows), -1)
        for number, area in enumerate(self.cercles):
            owner[contains(area, lon, lat)] = number
        for i in np.flatnonzero(owner < 0):
            snapped = snap_inside(self.cercles, lon[i], lat[i])
            if snapped is None:
                self.counts["mali_dropped_outside"] += 1
            else:
                owner[i], lon[i], lat[i] = snapped
                self.counts["mali_snapped_inside"] += 1
        cercles = self.cercle_names(rows, owner)
        communes = {
            (r.admin1, r.admin3): clean_admin(r.name) for r in rows if r.feature_code == "ADM3" and r.admin3
        }
        areas: dict[str, set[str]] = {}  # names of GeoNames' own ADM1 and ADM2 features, by level:key
        for i, row in enumerate(rows):
            if owner[i] < 0 or row.feature_code in DROPPED_CODES:
                continue
            if row.feature_code in ("ADM1", "ADM2"):  # replaced by the OCHA areas, which take their names
                areas.setdefault(f"{row.feature_code}:{loose_key(fold_name(clean_admin(row.name)))}", set())
                areas[f"{row.feature_code}:{loose_key(fold_name(clean_admin(row.name)))}"].update(
                    names_of(row)
                )
                continue
            cercle = cercles[owner[i]]
            region = self.admin1[f"ML.{TAOUDENIT}"] if row.admin1 == TAOUDENIT else cercle_region[owner[i]]
            if row.feature_class == "A":
                name = clean_admin(row.name)
            else:
                name = self.french_name(row, cercle, region)
            level = LEVELS.get(row.feature_code, "") if row.feature_class == "A" else ""
            self.entries.append(
                Entry(
                    f"geonames:{row.geonameid}",
                    name,
                    round(float(lat[i]), 5),
                    round(float(lon[i]), 5),
                    "MLI",
                    region,
                    self.regions_2023.get(fold_name(cercle), region),
                    cercle,
                    name if level == "admin3" else communes.get((row.admin1, row.admin3)),
                    row.feature_class,
                    row.feature_code,
                    row.population,
                    level,
                    names_of(row) | {name},
                    len(row.alternates),
                )  # fmt: skip
            )
            self.counts["places_MLI"] += 1
        self.add_mali_areas(rows, owner, cercles, cercle_region, areas)

    def french_name(self, row: Row, cercle: str, region: str) -> str:
        """GeoNames' name, unless an alternate is the French name of its own cercle or region
        ("Timbuktu" is "Tombouctou", the name of its cercle)."""
        for own in (cercle, region):
            if fold_name(own) != fold_name(row.name) and any(
                fold_name(a) == fold_name(own) for a in row.alternates
            ):
                return own
        return row.name

    def cercle_names(self, rows: list[Row], owner: np.ndarray) -> list[str]:
        """French names of the OCHA cercles ("Kenieba" -> "Kéniéba"), from the seat or area inside each."""
        names = []
        for number, area in enumerate(self.cercles):
            want = loose_key(fold_name(area.name))
            seats = [
                (PATTERNS.rank_of(r.feature_class, r.feature_code), -r.population, r.name)
                for i, r in enumerate(rows)
                if owner[i] == number
                and r.feature_class in "PA"
                and loose_key(fold_name(clean_admin(r.name))) == want
            ]
            name = clean_admin(min(seats)[2]) if seats else area.name
            names.append(self.spellings.get(fold_name(name), name))
        return names

    def seat(
        self, rows: list[Row], owner: np.ndarray, number: int, cercle: str
    ) -> tuple[float, float] | None:
        """Coordinates of the town that gives the cercle its name ("Timbuktu" for Tombouctou)."""
        want = loose_key(fold_name(cercle))
        seats = [
            (PATTERNS.rank_of(r.feature_class, r.feature_code), -r.population, r.latitude, r.longitude)
            for i, r in enumerate(rows)
            if owner[i] == number
            and r.feature_class == "P"
            and want in {loose_key(fold_name(n)) for n in names_of(r)}
        ]
        return (min(seats)[2], min(seats)[3]) if seats else None

    def add_mali_areas(
        self,
        rows: list[Row],
        owner: np.ndarray,
        cercles: list[str],
        cercle_region: list[str],
        areas: dict[str, set[str]],
    ) -> None:
        """Cercles (at their seat, else centroid) and regions of both layouts (at their centroid)."""
        populations = {
            loose_key(fold_name(clean_admin(r.name))): r.population for r in rows if r.feature_code == "ADM1"
        }
        for number, area in enumerate(self.cercles):
            cercle, region = cercles[number], cercle_region[number]
            lat, lon = self.seat(rows, owner, number, cercle) or centroid([area])
            names = {cercle, area.name} | areas.get(f"ADM2:{loose_key(fold_name(cercle))}", set())
            region_2023 = self.regions_2023.get(fold_name(cercle), region)
            self.entries.append(
                Entry(f"cercle:{cercle}", cercle, lat, lon, "MLI", region, region_2023, cercle, None, "A", "ADM2",
                      level="admin2", names=names)
            )  # fmt: skip
            self.counts["cercles_MLI"] += 1
        layouts: dict[tuple[str, str], list[int]] = {}
        for number, cercle in enumerate(cercles):
            region = cercle_region[number]
            layouts.setdefault(("admin1", region), []).append(number)
            new = self.regions_2023.get(fold_name(cercle), region)
            if fold_name(new) != fold_name(region):
                layouts.setdefault(("admin1_2023", new), []).append(number)
        for (level, region), numbers in sorted(layouts.items()):
            lat, lon = centroid([self.cercles[n] for n in numbers])
            names = {region} | areas.get(f"ADM1:{loose_key(fold_name(region))}", set())
            population = populations.get(loose_key(fold_name(region)), 0) if level == "admin1" else 0
            self.entries.append(
                Entry(f"region:{region}", region, lat, lon, "MLI", cercle_region[numbers[0]], region, None, None,
                      "A", "ADM1", population, level, names)
            )  # fmt: skip
            self.counts["regions_MLI"] += 1
        for row in rows:
            if row.feature_code == "ADM1" and row.admin1 == TAOUDENIT:  # at its GeoNames point
                region = self.admin1[f"ML.{TAOUDENIT}"]
                self.entries.append(
                    Entry(f"region:{region}", region, row.latitude, row.longitude, "MLI", region, region, None,
                          None, "A", "ADM1", row.population, "admin1", names_of(row) | {region})
                )  # fmt: skip
                self.counts["regions_MLI"] += 1

    def add_neighbour(self, code: str, rows: list[Row]) -> None:
        """A neighbour: populated places as ALL_POPULATED/NEIGHBOURS say, and its admin areas.
        admin1 is the ROWCA region a point falls in where there is one (the 2014 Niger dump codes
        Tillabéri villages as Niamey), else GeoNames' admin1 code."""
        iso3 = self.iso3[code]
        kept = [
            row
            for row in rows
            if row.feature_class == "A"
            and row.feature_code in LEVELS
            or row.feature_class == "P"
            and (code in ALL_POPULATED or row.population > 0 or row.feature_code.startswith(("PPLA", "PPLC")))
        ]
        regions = {
            loose_key(fold_name(clean_admin(name))): clean_admin(name)
            for key, name in self.admin1.items()
            if key.startswith(f"{code}.")
        }
        polygons = [a for a in self.rowca if a.parent == iso3]
        owner = np.full(len(kept), -1)
        for number, area in enumerate(polygons):
            owner[
                contains(area, np.array([r.longitude for r in kept]), np.array([r.latitude for r in kept]))
            ] = number
        departments = {
            (r.admin1, r.admin2, r.admin3): clean_admin(r.name) for r in kept if r.feature_code == "ADM3"
        }
        for i, row in enumerate(kept):
            level = LEVELS.get(row.feature_code, "") if row.feature_class == "A" else ""
            admin1 = self.admin1.get(f"{code}.{row.admin1}")
            admin2 = self.admin2.get(f"{code}.{row.admin1}.{row.admin2}")
            admins = {
                "admin1": clean_admin(admin1) if admin1 else None,
                "admin2": clean_admin(admin2) if admin2 else None,
                "admin3": departments.get((row.admin1, row.admin2, row.admin3)) if row.admin3 else None,
            }
            name, lat, lon = row.name, row.latitude, row.longitude
            if level == "admin1":  # at the centroid of its ROWCA polygon, when there is one
                name = admins["admin1"] = admins["admin1"] or clean_admin(row.name)
                polygon = next(
                    (a for a in polygons if loose_key(fold_name(a.name)) == loose_key(fold_name(name))), None
                )
                if polygon is not None:
                    lat, lon = centroid([polygon])
                    self.counts["rowca_centroids"] += 1
            elif owner[i] >= 0:
                rowca = polygons[owner[i]].name
                admins["admin1"] = regions.get(loose_key(fold_name(rowca)), rowca)
                self.counts["rowca_admin1"] += 1
            if level in ("admin2", "admin3"):  # the name of the code table, as its places have it
                name = admins[level] = admins[level] or clean_admin(row.name)
            self.entries.append(
                Entry(
                    f"geonames:{row.geonameid}",
                    name,
                    lat,
                    lon,
                    iso3,
                    admins["admin1"],
                    None,
                    admins["admin2"],
                    admins["admin3"],
                    row.feature_class,
                    row.feature_code,
                    row.population,
                    level,
                    names_of(row) | {name},
                    len(row.alternates),
                )  # fmt: skip
            )
            self.counts[f"places_{iso3}"] += 1

    def ordered(self) -> list[Entry]:
        """Best first for a bare name: Mali, then neighbours; rank of the feature; population."""
        tiers = PATTERNS.country_tier
        capitals = {e.country: e.admin1 for e in self.entries if e.feature_code == "PPLC"}

        def key(e: Entry) -> tuple[int, int, int, int, int, int, str, str]:
            # among equals: a place of the capital's region, where the press is written ("Faladié"
            # is the Bamako quarter before the hamlet of Kati); a namesake of its cercle or region
            # ("Macina" in the cercle of Macina); the better documented, with more alternate names
            # (as geoparsers such as CLAVIN rank GeoNames homonyms): "Sébabougou" of Kati has two
            capital = e.admin1 is not None and capitals.get(e.country) == e.admin1
            namesake = fold_name(e.name) in {fold_name(e.admin2 or ""), fold_name(e.admin1 or "")}
            rank = PATTERNS.rank_of(e.feature_class, e.feature_code)
            tier = tiers.get(e.country, len(tiers))
            name = fold_name(e.name)
            return (tier, rank, -e.population, -capital, -namesake, -e.alternates, name, e.source_id)

        return sorted(self.entries, key=key)


def candidate_order(entry: Entry, key: str, number: int) -> tuple[int, int, int, int, int]:
    """Order of the places of one name: the bundled order (country, rank, population), except that
    among equals a place called so wins over one that has it as an alternate name
    ("Maribougou" over "Konimbabougou", also known as Maribougou)."""
    tiers = PATTERNS.country_tier
    primary = key in {fold_name(entry.name), loose_key(fold_name(entry.name))}
    rank = PATTERNS.rank_of(entry.feature_class, entry.feature_code)
    return (tiers.get(entry.country, len(tiers)), rank, -entry.population, -primary, number)


SCHEMA_SQL = """
PRAGMA page_size = 4096;
PRAGMA journal_mode = OFF;
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE label (id INTEGER PRIMARY KEY, text TEXT NOT NULL);
CREATE TABLE place (
    id INTEGER PRIMARY KEY,       -- order of preference for a bare name
    geonameid INTEGER,            -- source_id "geonames:<geonameid>"
    source TEXT,                  -- other source_id: "region:Kayes", "cercle:Nioro"
    name TEXT NOT NULL,
    lat INTEGER NOT NULL,         -- 1e-5 degree
    lon INTEGER NOT NULL,
    country INTEGER NOT NULL REFERENCES label (id),
    admin1 INTEGER REFERENCES label (id),
    admin1_2023 INTEGER REFERENCES label (id),
    admin2 INTEGER REFERENCES label (id),
    admin3 INTEGER REFERENCES label (id),
    feature_class TEXT NOT NULL,
    feature_code INTEGER NOT NULL REFERENCES label (id),
    population INTEGER NOT NULL,
    level INTEGER NOT NULL REFERENCES label (id)  -- "" for a point, else the area's level
);
CREATE TABLE name (
    loose INTEGER NOT NULL,       -- 0 exact folded key, 1 loose key (vigie.geo.loose_key)
    key TEXT NOT NULL,
    rank INTEGER NOT NULL,        -- 0 the best place of that name, then 1, 2…
    place INTEGER NOT NULL REFERENCES place (id),
    PRIMARY KEY (loose, key, rank)
) WITHOUT ROWID;
CREATE VIEW places AS
SELECT p.id, coalesce(p.source, 'geonames:' || p.geonameid) AS source_id, p.name,
       p.lat / 100000.0 AS latitude, p.lon / 100000.0 AS longitude, c.text AS country,
       a1.text AS admin1, a23.text AS admin1_2023, a2.text AS admin2, a3.text AS admin3,
       p.feature_class, f.text AS feature_code, p.population, l.text AS level
FROM place p
JOIN label c ON c.id = p.country
LEFT JOIN label a1 ON a1.id = p.admin1
LEFT JOIN label a23 ON a23.id = p.admin1_2023
LEFT JOIN label a2 ON a2.id = p.admin2
LEFT JOIN label a3 ON a3.id = p.admin3
JOIN label f ON f.id = p.feature_code
JOIN label l ON l.id = p.level;
"""


def name_rows(entries: list[Entry]) -> Iterator[tuple[int, str, int, int]]:
    """(loose, key, rank, place) for every exact and loose key of every entry."""
    found: dict[tuple[int, str], set[int]] = {}
    for number, entry in enumerate(entries):
        for key in keys_of(entry.names, entry.feature_class == "P"):
            found.setdefault((0, key), set()).add(number)
            found.setdefault((1, loose_key(key)), set()).add(number)
    for (loose, key), numbers in sorted(found.items()):
        ordered = sorted(numbers, key=lambda n: candidate_order(entries[n], key, n))
        for rank, number in enumerate(ordered):
            yield loose, key, rank, number


def write(path: Path, entries: list[Entry], meta: dict[str, str]) -> dict[str, int]:
    """Write the SQLite file afresh (repeated strings once in `label`, coordinates as integers of
    1e-5 degree); returns the row counts."""
    if len({e.source_id for e in entries}) != len(entries):
        sys.exit("two places share a source_id: check the dumps for duplicate rows")
    labels: dict[str | None, int | None] = {None: None}
    for e in entries:
        for text in (e.country, e.admin1, e.admin1_2023, e.admin2, e.admin3, e.feature_code, e.level):
            labels.setdefault(text, len(labels) - 1)
    names = list(name_rows(entries))
    counts = {
        "places": len(entries),
        "names": len({n[1] for n in names if not n[0]}),
        "name_rows": len(names),
    }
    tmp = path.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    con.executescript(SCHEMA_SQL)
    with con:
        con.executemany(
            "INSERT INTO label VALUES (?, ?)", [(n, t) for t, n in labels.items() if t is not None]
        )
        con.executemany(
            "INSERT INTO place VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    n,
                    int(e.source_id[9:]) if e.source_id.startswith("geonames:") else None,
                    None if e.source_id.startswith("geonames:") else e.source_id,
                    e.name,
                    round(e.latitude * 100_000),
                    round(e.longitude * 100_000),
                    labels[e.country],
                    labels[e.admin1],
                    labels[e.admin1_2023],
                    labels[e.admin2],
                    labels[e.admin3],
                    e.feature_class,
                    labels[e.feature_code],
                    e.population,
                    labels[e.level],
                )  # fmt: skip
                for n, e in enumerate(entries)
            ],
        )
        con.executemany("INSERT INTO name VALUES (?, ?, ?, ?)", names)
        rows = {**meta, **{key: str(value) for key, value in counts.items()}}
        con.executemany("INSERT INTO meta VALUES (?, ?)", sorted(rows.items()))
    con.execute("VACUUM")
    con.close()
    tmp.replace(path)
    return counts


def simplify(ring: np.ndarray, tolerance: float) -> np.ndarray:
    """Douglas-Peucker: the ring's points farther than `tolerance` from the chord of the points
    kept around them; the first and last points (the ring is closed) are always kept."""
    if tolerance <= 0 or len(ring) < 5:
        return ring
    keep = np.zeros(len(ring), dtype=bool)
    keep[0] = keep[-1] = True
    far = int(np.argmax(np.hypot(*(ring - ring[0]).T)))  # split a closed ring at its farthest point
    keep[far] = True
    stack = [(0, far), (far, len(ring) - 1)]
    while stack:
        first, last = stack.pop()
        if last - first < 2:
            continue
        a, b = ring[first], ring[last]
        d = b - a
        points = ring[first + 1 : last]
        length = float(np.hypot(*d))
        if length == 0:
            gaps = np.hypot(*(points - a).T)
        else:
            gaps = np.abs(d[0] * (points[:, 1] - a[1]) - d[1] * (points[:, 0] - a[0])) / length
        i = int(np.argmax(gaps))
        if gaps[i] > tolerance:
            middle = first + 1 + i
            keep[middle] = True
            stack += [(first, middle), (middle, last)]
    return ring[keep]


def country_polygons(path: Path, code_key: str, codes: Sequence[str] | None = None) -> dict[str, list]:
    """ISO3 -> polygons (lists of rings of (lon, lat)) of a GeoJSON file, by a property."""
    found: dict[str, list] = {}
    for feature in json.loads(path.read_text(encoding="utf-8"))["features"]:
        code = feature["properties"][code_key]
        if codes is not None and code not in codes:
            continue
        geometry = feature["geometry"]
        polygons = (
            geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        )
        found.setdefault(code, []).extend(polygons)
    return found


def write_boundaries(shared: Path, path: Path) -> dict[str, int]:
    """Write boundaries.json: {"attribution", "countries": {ISO3: [polygon: [ring: [lon, lat, …]]]}}."""
    folder = shared / GAZETTEER
    mali = country_polygons(folder / "ocha" / "mli_adm2_cercles_ocha.geojson", "country_pcode")
    rowca = country_polygons(
        folder / "ocha" / "sahel_adm1_rowca_2017.geojson", "country_code", ROWCA_COUNTRIES
    )
    natural = country_polygons(
        folder / "naturalearth" / "ne_110m_admin_0_countries_westafrica.geojson", "ADM0_A3"
    )
    sources = [(mali, MALI_TOLERANCE), (rowca, ROWCA_TOLERANCE), (natural, 0.0)]
    countries: dict[str, list[list[list[float]]]] = {}
    for polygons, tolerance in sources:
        for code, shapes in sorted(polygons.items()):
            iso = "MLI" if code == "ML" else code
            if iso in countries:
                continue  # Mali from the cercles, not from ROWCA or Natural Earth
            countries[iso] = [
                [
                    [
                        round(float(v), 5)
                        for v in simplify(np.asarray(ring, dtype=float)[:, :2], tolerance).ravel()
                    ]
                    for ring in polygon
                ]
                for polygon in shapes
            ]
    document = {"attribution": BOUNDARY_ATTRIBUTION, "countries": dict(sorted(countries.items()))}
    path.write_text(json.dumps(document, separators=(",", ":")) + "\n", encoding="utf-8")
    return {
        "countries": len(countries),
        "points": sum(len(ring) // 2 for shapes in countries.values() for p in shapes for ring in p),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the shared/ folder")
    parser.add_argument(
        "--out", type=Path, default=DATA / "gazetteer.sqlite", help="the SQLite file to write"
    )
    parser.add_argument(
        "--boundaries-only", action="store_true", help="only write boundaries.json beside --out"
    )
    args = parser.parse_args()
    started = time.perf_counter()
    boundaries = args.out.parent / "boundaries.json"
    args.out.parent.mkdir(parents=True, exist_ok=True)
    outlines = write_boundaries(args.shared, boundaries)
    print(
        f"{boundaries}: {outlines['countries']} countries, {outlines['points']} points, "
        f"{boundaries.stat().st_size / 1e3:.0f} kB"
    )
    if args.boundaries_only:
        return
    builder = Builder(args.shared)
    builder.build()
    dump = next(s["dump_date"] for s in builder.sources if s["file"] == "geonames/ML.txt")
    meta = {
        "schema": SCHEMA,
        "version": f"geonames-ML-{dump}+ocha-cercles-2017",
        "attribution": ATTRIBUTION,
        "licences": "GeoNames CC BY 4.0; OCHA COD-AB and ROWCA boundaries CC BY-IGO",
        "sources": json.dumps(builder.sources, ensure_ascii=False),
        "counts": json.dumps(dict(sorted(builder.counts.items()))),
        "geo_patterns_sha256": sha256(DATA / "geo_patterns.toml"),
        "regions_2023_sha256": sha256(DATA / "regions_2023.toml"),
        "builder": "scripts/build_gazetteer.py --shared <shared/>",
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    counts = write(args.out, builder.ordered(), meta)
    figures = ", ".join(f"{k} {v}" for k, v in sorted(builder.counts.items()))
    print(
        f"{args.out}: {counts['places']} places, {counts['names']} names, "
        f"{args.out.stat().st_size / 1e6:.1f} MB in {time.perf_counter() - started:.1f} s ({figures})"
    )


if __name__ == "__main__":
    main()
