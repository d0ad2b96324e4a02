"""Dashboard drawings: map points and source offsets -> shapes the templates draw as SVG.

Drawn on the server, so the pages need no script and no network: the base map is the packaged
data/mali_regions.geojson (scripts/build_basemap.py: OCHA cercles dissolved into the regions events
carry, the 2023 regions inside them, neighbours), projected equirectangular. An event placed only at
a region's centre (ACLED geo precision 3) is drawn as a ring, not a disc: it did not happen there.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from markupsafe import Markup, escape

from vigie.geo import KM_PER_DEGREE
from vigie.search import MapPoint
from vigie.web.i18n import translator, type_label

WEST, EAST, SOUTH, NORTH = -12.6, 4.6, 9.8, 25.3  # Mali and a margin, in degrees
MAP_WIDTH = 640
X_SCALE = math.cos(math.radians((SOUTH + NORTH) / 2))  # metres per degree of longitude shrink northwards
PIXELS_PER_DEGREE = MAP_WIDTH / ((EAST - WEST) * X_SCALE)
MAP_HEIGHT = round((NORTH - SOUTH) * PIXELS_PER_DEGREE)
SCALE_KM = 200
LEGEND_COUNTS = (1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500)
TYPE_COLOURS = {
    "Battles": "#c0392b",
    "Explosions/Remote violence": "#e67e22",
    "Violence against civilians": "#8e44ad",
    "Protests": "#27ae60",
    "Riots": "#795548",
    "Strategic developments": "#2471a3",
}
OTHER_COLOUR = "#7f8c8d"


@dataclass(frozen=True, slots=True)
class Outline:
    path: str  # SVG path data ("" for a seat: a region drawn as a point)
    name: str  # a region's name, or a country's ISO3 code
    kind: str  # "region", "region_2023", "seat" or "country"
    label: tuple[float, float] | None
    within: str = ""  # a 2023 region: the older region it was carved from


@dataclass(frozen=True, slots=True)
class Dot:
    x: float
    y: float
    r: float
    colour: str
    point: MapPoint
    approximate: bool = False  # placed at a region's centre only


@dataclass(frozen=True, slots=True)
class MapDrawing:
    width: int
    height: int
    outlines: list[Outline]
    dots: list[Dot]
    attribution: str
    scale: tuple[float, float, float, int]  # x, y, length in pixels, kilometres
    sizes: list[tuple[int, float]]  # the size legend: (count, radius)

    def of_kind(self, kind: str) -> list[Outline]:
        return [outline for outline in self.outlines if outline.kind == kind]


def project(longitude: float, latitude: float) -> tuple[float, float]:
    """Degrees -> pixels of the map.

    >>> project(WEST, NORTH)
    (0.0, 0.0)
    """
    x = (longitude - WEST) * X_SCALE * PIXELS_PER_DEGREE
    y = (NORTH - latitude) * PIXELS_PER_DEGREE
    return round(x, 1), round(y, 1)


@lru_cache(maxsize=4096)
def radius(count: int) -> float:
    """A dot's radius: its area grows with the number of events.

    >>> radius(1), radius(100)
    (6.0, 28.5)
    """
    return round(3.5 + 2.5 * math.sqrt(count), 1)


@lru_cache(maxsize=16384)
def placed(latitude: float, longitude: float) -> tuple[float, float, bool]:
    """A place's pixels, and whether it is a region's centre (an event placed in a region only):
    kept per place, as the maps of every period draw the same few thousand villages again."""
    x, y = project(longitude, latitude)
    return x, y, (round(latitude, 3), round(longitude, 3)) in region_centres()


def draw_map(points: list[MapPoint], marker: float | None = None) -> MapDrawing:
    """The base map and one dot per point, area proportional to its count, largest drawn first;
    `marker`: one radius for every dot (an event page's small map)."""
    outlines, attribution = _base_map()
    dots = []
    for point in sorted(points, key=lambda p: -p.count):
        x, y, approximate = placed(point.latitude, point.longitude)
        colour = TYPE_COLOURS.get(point.event_type, OTHER_COLOUR)
        dots.append(Dot(x, y, marker or radius(point.count), colour, point, approximate))
    peak = max((p.count for p in points), default=1)
    kept = [n for n in LEGEND_COUNTS if n <= max(peak, 10)]
    chosen = sorted({kept[0], kept[len(kept) // 2], kept[-1]})
    length = round(SCALE_KM / KM_PER_DEGREE * PIXELS_PER_DEGREE, 1)  # true along the middle parallel
    scale = (16.0, float(MAP_HEIGHT - 18), length, SCALE_KM)
    return MapDrawing(MAP_WIDTH, MAP_HEIGHT, outlines, dots, attribution, scale,
                      [(n, radius(n)) for n in chosen])  # fmt: skip


@cache
def region_centres() -> frozenset[tuple[float, float]]:
    """(latitude, longitude) of the regions' centres in the packaged gazetteer, where the geo stage
    puts an event it can place in a region only."""
    with resources.as_file(resources.files("vigie.data").joinpath("gazetteer.sqlite")) as path:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = connection.execute(
                "SELECT latitude, longitude FROM places WHERE level IN ('admin1', 'admin1_2023')"
            ).fetchall()
        finally:
            connection.close()
    return frozenset((round(lat, 3), round(lon, 3)) for lat, lon in rows)


def dots_markup(dots: Sequence[Dot], lang: str, href: Callable[[MapPoint], str] | None = None) -> Markup:
    """The map's dots as SVG, every text escaped: built here in one pass, since a year of events
    draws up to 2,000 dots and ten template expressions each took half the page's time (each
    place's name escaped once per process). A dot at a region's centre is a ring; `href` makes each
    dot a link: it gives the link already escaped for an attribute (`escape_text`)."""
    approximate = " — " + escape_text(translator(lang)("map.approximate"))
    labels: dict[str, str] = {}  # a handful of types and colours over up to 2,000 dots
    colours: dict[str, str] = {}
    parts = []
    for dot in dots:
        point = dot.point
        label = labels.get(point.event_type)
        if label is None:
            label = labels[point.event_type] = escape_text(type_label(point.event_type, lang))
        colour = colours.get(dot.colour)
        if colour is None:
            colour = colours[dot.colour] = escape_text(dot.colour)
        # escaping works character by character: the pieces escaped apart make the title escaped
        title = f"{escape_text(point.location or '')}: {label} ({point.count})"
        if dot.approximate:
            title += approximate
        event = point.event_id if type(point.event_id) is int else escape(point.event_id)
        paint = f'fill="none" stroke="{colour}"' if dot.approximate else f'fill="{colour}"'
        circle = (
            f'<circle class="{"ring" if dot.approximate else "disc"}" {written(dot.x, dot.y, dot.r)} '
            f'{paint} data-event="{event}" data-count="{point.count}"><title>{title}</title></circle>'
        )
        parts.append(
            f'<a class="dot" href="{href(point)}">{circle}</a>' if href else f'<g class="dot">{circle}</g>'
        )
    return Markup("\n".join(parts))


def written(x: float, y: float, r: float) -> str:
    """A dot's centre and radius as attributes, kept: writing three floats took a third of a dot.
    A zero is written apart (0.0 and -0.0 are one key, not one text).

    >>> written(-0.0, 12.5, 6.0), written(0.0, 12.5, 6.0)
    ('cx="-0.0" cy="12.5" r="6.0"', 'cx="0.0" cy="12.5" r="6.0"')
    """
    return _written(x, y, r) if x and y and r else f'cx="{x}" cy="{y}" r="{r}"'


@lru_cache(maxsize=16384)
def _written(x: float, y: float, r: float) -> str:
    return f'cx="{x}" cy="{y}" r="{r}"'


@lru_cache(maxsize=16384)
def escape_text(text: str) -> str:
    """`text` escaped for HTML, kept: a map names the same places, types and colours again."""
    return str(escape(text))


def highlight(
    paragraphs: list[tuple[int, str]],
    ranges: Sequence[tuple[int, int]],
    tolls: Sequence[tuple[int, int]] = (),
) -> list[list[tuple[str, str]]]:
    """Cut each paragraph into (text, mark) pieces, mark "evidence" inside `ranges`, "toll" inside
    `tolls`, else ""; ranges are offsets into the document text.

    >>> highlight([(10, "Les FAMa ont riposté. Bilan lourd.")], [(32, 44)])
    [[('Les FAMa ont riposté. ', ''), ('Bilan lourd.', 'evidence')]]
    """
    marked_ranges = [(start, end, "evidence") for start, end in ranges] + [(s, e, "toll") for s, e in tolls]
    cut: list[list[tuple[str, str]]] = []
    for offset, text in paragraphs:
        edges = sorted(
            {0, len(text)}
            | {
                min(max(bound - offset, 0), len(text))
                for start, end, _ in marked_ranges
                for bound in (start, end)
            }
        )
        pieces = []
        for left, right in zip(edges, edges[1:], strict=False):
            if left < right:
                kinds = [
                    kind
                    for start, end, kind in marked_ranges
                    if start <= offset + left and offset + right <= end
                ]
                pieces.append((text[left:right], kinds[0] if kinds else ""))
        cut.append(pieces)
    return cut


@cache
def _base_map() -> tuple[list[Outline], str]:
    data = json.loads((resources.files("vigie.data") / "mali_regions.geojson").read_text(encoding="utf-8"))
    outlines = []
    for feature in data["features"]:
        properties, geometry = feature["properties"], feature["geometry"]
        label = geometry["coordinates"] if geometry["type"] == "Point" else properties.get("label")
        outlines.append(
            Outline(
                path="" if geometry["type"] == "Point" else _path(geometry),
                name=properties.get("name") or properties.get("iso", ""),
                kind=properties["kind"],
                label=_inside(project(label[0], label[1]), properties["kind"]) if label else None,
                within=properties.get("within", ""),
            )
        )
    return outlines, str(data.get("attribution", ""))


def _inside(point: tuple[float, float], kind: str) -> tuple[float, float]:
    """A neighbour's name kept whole inside the frame ("Sénégal" at the left edge)."""
    if kind != "country":
        return point
    return min(max(point[0], 40.0), MAP_WIDTH - 40.0), min(max(point[1], 14.0), MAP_HEIGHT - 30.0)


def _path(geometry: dict[str, Any]) -> str:
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    parts = []
    for polygon in polygons:
        for ring in polygon:
            points = [project(lon, lat) for lon, lat in ring]
            parts.append("M" + "L".join(f"{x:g},{y:g}" for x, y in points) + "Z")
    return "".join(parts)
