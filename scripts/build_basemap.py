"""Build src/vigie/data/mali_regions.geojson, the dashboard's and the reports' offline base map.

Usage: python scripts/build_basemap.py --shared ../shared [--out src/vigie/data/mali_regions.geojson]

Needs shapely (a build-time tool only: pip install shapely); the dashboard reads the output
with the standard library. Input (shared/data/gazetteer/SOURCES.md):

- OCHA COD-AB Mali cercles (ocha/mli_adm2_cercles_ocha.geojson, CC BY-IGO): the 50 cercles of
  the frame before 2016. Dissolved by region they give the regions events carry as `admin1`
  (the gazetteer's frame): the eight regions and Bamako, and Ménaka, which is the OCHA cercle
  "Menaka" (a region since 2016). Dissolved by src/vigie/data/regions_2023.toml they give the
  regions of 2023 that split an older region (Kita, Nioro, Dioïla, Nara, Bougouni, Koutiala, San,
  Bandiagara, Douentza), each old cercle given whole to the region of its seat.
- Taoudénit: no source here draws it (it was carved from the north of Tombouctou in 2016); it is
  a point at its GeoNames seat (geonames/ML.txt, CC BY 4.0), not an outline.
- Neighbours: src/vigie/data/boundaries.json (OCHA ROWCA for Burkina Faso, Niger, Mauritania and
  Senegal; Natural Earth, public domain, for the others), with a label point inside the map.

Output: one FeatureCollection, coordinates rounded to 3 decimals (about 100 m) after
simplification; features with `kind` "region" (properties `name`, as events' admin1, and `label`,
a point inside), "region_2023" (a 2023 region inside an older one: `name`, `label`, `within`),
"seat" (a region without an outline: `name`, point geometry) and "country" (Mali's neighbours:
`iso`, `label`), plus an `attribution` member.
"""

from __future__ import annotations

import argparse
import json
import tomllib
import unicodedata
from pathlib import Path
from typing import Any

from shapely.geometry import MultiPolygon, Point, Polygon, box, mapping, shape
from shapely.geometry.base import BaseGeometry
from shapely.ops import polylabel, unary_union

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "vigie" / "data"
OUT = DATA / "mali_regions.geojson"
NEIGHBOURS = ("DZA", "NER", "BFA", "CIV", "GIN", "SEN", "MRT")
FRAME = box(-12.6, 9.8, 4.6, 25.3)  # the dashboard map's extent (web/charts.py)
TOLERANCE = 0.01  # degrees, about 1 km
NEIGHBOUR_TOLERANCE = 0.03  # neighbours are background: about 3 km
SLIVER = 0.02  # degrees
ATTRIBUTION = (
    "Régions / regions: OCHA COD-AB Mali cercles (CC BY-IGO) and loi n°2023-006 (2023 regions); "
    "neighbours: OCHA ROWCA, Natural Earth; Taoudénit seat: GeoNames (CC BY 4.0)"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    gazetteer = args.shared / "data" / "gazetteer"
    cercles = json.loads((gazetteer / "ocha" / "mli_adm2_cercles_ocha.geojson").read_text(encoding="utf-8"))
    spelled = _region_names(gazetteer / "geonames" / "ML.txt")
    later = {
        _fold(k): v
        for k, v in tomllib.loads((DATA / "regions_2023.toml").read_text("utf-8"))["cercles"].items()
    }
    old: dict[str, list[BaseGeometry]] = {}
    new: dict[tuple[str, str], list[BaseGeometry]] = {}
    for feature in cercles["features"]:
        properties, geometry = feature["properties"], shape(feature["geometry"]).buffer(0)
        cercle = properties["adm2"]
        region = "Ménaka" if _fold(cercle) == "menaka" else spelled[_fold(properties["adm1"])]
        old.setdefault(region, []).append(geometry)
        new.setdefault((region, later.get(_fold(cercle), region)), []).append(geometry)
    features: list[dict[str, Any]] = []
    for region, parts in sorted(old.items()):
        outline = unary_union(parts)
        features.append(_feature(outline, {"kind": "region", "name": region, "label": _label(outline)}))
    for (region, region_2023), parts in sorted(new.items()):
        if sum(1 for r, _ in new if r == region) > 1:  # an old region split in 2023
            outline = unary_union(parts)
            properties = {
                "kind": "region_2023",
                "name": region_2023,
                "within": region,
                "label": _label(outline),
            }
            features.append(_feature(outline, properties))
    features.append(
        {"type": "Feature", "properties": {"kind": "seat", "name": "Taoudénit"},
         "geometry": mapping(spelled["@taoudenit"])}
    )  # fmt: skip
    outlines = json.loads((DATA / "boundaries.json").read_text(encoding="utf-8"))["countries"]
    for iso in NEIGHBOURS:
        # admin-1 units dissolved; the buffers close the slivers their simplified edges leave between them
        whole = unary_union([_polygon(rings).buffer(SLIVER) for rings in outlines[iso]]).buffer(-SLIVER)
        country = whole & FRAME.buffer(1, join_style="mitre")
        properties = {"kind": "country", "iso": iso, "label": _label(country & FRAME)}
        features.append(_feature(country, properties, NEIGHBOUR_TOLERANCE))
    collection = {"type": "FeatureCollection", "attribution": ATTRIBUTION, "features": features}
    args.out.write_text(
        json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    print(f"{args.out}: {len(old)} regions, {sum(1 for f in features if f['properties']['kind'] == 'region_2023')} "
          f"regions of 2023, {len(NEIGHBOURS)} neighbours, {args.out.stat().st_size:,} bytes")  # fmt: skip


def _fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("-", " ")


def _region_names(path: Path) -> dict[str, Any]:
    """GeoNames ADM1 features of Mali: folded name -> French name ("segou" -> "Ségou"); the seat
    of Taoudénit under "@taoudenit"."""
    names: dict[str, Any] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        columns = line.split("\t")
        if columns[7] == "ADM1":
            name = columns[1].removesuffix(" Region")
            names[_fold(name)] = name
            if _fold(name) == "taoudenit":
                names["@taoudenit"] = Point(round(float(columns[5]), 3), round(float(columns[4]), 3))
    return names


def _polygon(rings: list[list[float]]) -> Polygon:
    """A polygon of boundaries.json: rings of flat [x0, y0, x1, y1, …] lists."""
    points = [list(zip(ring[0::2], ring[1::2], strict=True)) for ring in rings]
    return Polygon(points[0], points[1:]).buffer(0)


def _label(geometry: BaseGeometry) -> list[float]:
    """The point farthest inside the largest part: where a name is most readable."""
    parts = list(geometry.geoms) if isinstance(geometry, MultiPolygon) else [geometry]
    point = polylabel(max(parts, key=lambda p: p.area), tolerance=0.01)
    return [round(point.x, 3), round(point.y, 3)]


def _feature(
    geometry: BaseGeometry, properties: dict[str, Any], tolerance: float = TOLERANCE
) -> dict[str, Any]:
    simple = geometry.simplify(tolerance, preserve_topology=True)
    return {"type": "Feature", "properties": properties, "geometry": _rounded(mapping(simple))}


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 3)
    if isinstance(value, list | tuple):
        return [_rounded(item) for item in value]
    if isinstance(value, dict):
        return {key: _rounded(item) for key, item in value.items()}
    return value


if __name__ == "__main__":
    main()
