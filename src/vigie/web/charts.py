"""Dashboard drawings: map points, weekly counts and source offsets -> shapes the templates draw as SVG.

Drawn on the server, so the pages need no script and no network: the base map is the packaged
data/mali_regions.geojson (Natural Earth boundaries, GeoNames names), projected equirectangular.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib import resources
from typing import Any

from vigie.search import MapPoint, WeekCount

WEST, EAST, SOUTH, NORTH = -12.6, 4.6, 9.8, 25.3  # Mali and a margin, in degrees
MAP_WIDTH = 640
X_SCALE = math.cos(math.radians((SOUTH + NORTH) / 2))  # metres per degree of longitude shrink northwards
PIXELS_PER_DEGREE = MAP_WIDTH / ((EAST - WEST) * X_SCALE)
MAP_HEIGHT = round((NORTH - SOUTH) * PIXELS_PER_DEGREE)
TIMELINE_WIDTH, TIMELINE_HEIGHT = 900, 180
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
    path: str  # SVG path data
    name: str
    kind: str  # "region" or "country"
    label: tuple[float, float] | None


@dataclass(frozen=True, slots=True)
class Dot:
    x: float
    y: float
    r: float
    colour: str
    point: MapPoint


@dataclass(frozen=True, slots=True)
class MapDrawing:
    width: int
    height: int
    outlines: list[Outline]
    dots: list[Dot]
    attribution: str


@dataclass(frozen=True, slots=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    colour: str
    week: date
    key: str
    count: int


@dataclass(frozen=True, slots=True)
class TimelineDrawing:
    width: int
    height: int
    bars: list[Bar]
    ticks: list[tuple[float, str]]
    peak: int


def project(longitude: float, latitude: float) -> tuple[float, float]:
    """Degrees -> pixels of the map.

    >>> project(WEST, NORTH)
    (0.0, 0.0)
    """
    x = (longitude - WEST) * X_SCALE * PIXELS_PER_DEGREE
    y = (NORTH - latitude) * PIXELS_PER_DEGREE
    return round(x, 1), round(y, 1)


def draw_map(points: list[MapPoint]) -> MapDrawing:
    """The base map and one dot per point, area proportional to its count, largest drawn first."""
    outlines, attribution = _base_map()
    dots = []
    for point in sorted(points, key=lambda p: -p.count):
        x, y = project(point.longitude, point.latitude)
        radius = round(3.5 + 2.5 * math.sqrt(point.count), 1)
        dots.append(Dot(x, y, radius, TYPE_COLOURS.get(point.event_type, OTHER_COLOUR), point))
    return MapDrawing(MAP_WIDTH, MAP_HEIGHT, outlines, dots, attribution)


def draw_timeline(counts: list[WeekCount]) -> TimelineDrawing:
    """Stacked bars, one per week from the first to the last, in a fixed order of types."""
    if not counts:
        return TimelineDrawing(TIMELINE_WIDTH, TIMELINE_HEIGHT, [], [], 0)
    first, last = min(c.week for c in counts), max(c.week for c in counts)
    weeks = (last - first).days // 7 + 1
    per_week: dict[date, dict[str, int]] = defaultdict(dict)
    for item in counts:
        per_week[item.week][item.key] = per_week[item.week].get(item.key, 0) + item.count
    peak = max(sum(values.values()) for values in per_week.values())
    plot_height = TIMELINE_HEIGHT - 20
    step = TIMELINE_WIDTH / weeks
    order = [*TYPE_COLOURS, *sorted({c.key for c in counts} - set(TYPE_COLOURS))]
    bars = []
    for week, values in sorted(per_week.items()):
        x = (week - first).days // 7 * step
        top = float(plot_height)
        for key in order:
            if key in values:
                height = values[key] / peak * (plot_height - 4)
                top -= height
                bars.append(
                    Bar(round(x, 1), round(top, 1), round(max(step - 1, 1), 1), round(height, 1),
                        TYPE_COLOURS.get(key, OTHER_COLOUR), week, key, values[key])
                )  # fmt: skip
    every = max(1, weeks // 8)
    ticks = [(round(i * step, 1), (first + timedelta(weeks=i)).isoformat()) for i in range(0, weeks, every)]
    return TimelineDrawing(TIMELINE_WIDTH, TIMELINE_HEIGHT, bars, ticks, peak)


def highlight(
    paragraphs: list[tuple[int, str]], ranges: list[tuple[int, int]]
) -> list[list[tuple[str, bool]]]:
    """Cut each paragraph into (text, marked) pieces; `ranges` are offsets into the document text.

    >>> highlight([(10, "Les FAMa ont riposté. Bilan lourd.")], [(32, 44)])
    [[('Les FAMa ont riposté. ', False), ('Bilan lourd.', True)]]
    """
    cut: list[list[tuple[str, bool]]] = []
    for offset, text in paragraphs:
        edges = sorted(
            {0, len(text)}
            | {min(max(bound - offset, 0), len(text)) for start, end in ranges for bound in (start, end)}
        )
        pieces = []
        for left, right in zip(edges, edges[1:], strict=False):
            if left < right:
                marked = any(start <= offset + left and offset + right <= end for start, end in ranges)
                pieces.append((text[left:right], marked))
        cut.append(pieces)
    return cut


@cache
def _base_map() -> tuple[list[Outline], str]:
    data = json.loads((resources.files("vigie.data") / "mali_regions.geojson").read_text(encoding="utf-8"))
    outlines = []
    for feature in data["features"]:
        properties = feature["properties"]
        label = properties.get("label")
        outlines.append(
            Outline(
                path=_path(feature["geometry"]),
                name=properties.get("name") or properties.get("iso", ""),
                kind=properties["kind"],
                label=project(label[0], label[1]) if label else None,
            )
        )
    return outlines, str(data.get("attribution", ""))


def _path(geometry: dict[str, Any]) -> str:
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    parts = []
    for polygon in polygons:
        for ring in polygon:
            points = [project(lon, lat) for lon, lat in ring]
            parts.append("M" + "L".join(f"{x:g},{y:g}" for x, y in points) + "Z")
    return "".join(parts)
