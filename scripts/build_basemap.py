"""Build src/vigie/data/mali_regions.geojson, the dashboard's offline base map, from the shared data.

Usage: python scripts/build_basemap.py --shared ../shared [--out src/vigie/data/mali_regions.geojson]

Needs shapely (a build-time tool only: pip install shapely); the dashboard reads the output
with the standard library. Input (shared/data/gazetteer/SOURCES.md):

- Natural Earth (public domain): 10m land borders and admin-1 boundary lines, 110m countries.
  The lines are polygonized into faces; the faces inside Mali are its regions.
- GeoNames (CC BY 4.0): the ADM1 points of Mali name each face. Natural Earth draws the
  regions before 2016: Taoudénit lies inside Tombouctou and Ménaka inside Gao.

Output: one FeatureCollection, coordinates rounded to 3 decimals (about 100 m) after
simplification; features with `kind` "region" (properties `name`, as events' admin1, and `label`, a point inside) and
"country" (Mali's neighbours, property `iso`), plus an `attribution` member.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from shapely.geometry import Point, mapping, shape
from shapely.geometry.base import BaseGeometry
from shapely.ops import polygonize, unary_union

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "vigie" / "data" / "mali_regions.geojson"
NEIGHBOURS = ("DZA", "NER", "BFA", "CIV", "GIN", "SEN", "MRT")
LATER_REGIONS = ("Taoudénit", "Ménaka")  # carved out in 2016: Natural Earth keeps the older frame
TOLERANCE = 0.01  # degrees, about 1 km
ATTRIBUTION = (
    "Boundaries: Natural Earth (public domain, naturalearthdata.com); "
    "region names: GeoNames (CC BY 4.0, geonames.org)"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    gazetteer = args.shared / "data" / "gazetteer"
    earth = gazetteer / "naturalearth"
    countries = {
        f["properties"]["ADM0_A3"]: shape(f["geometry"])
        for f in _features(earth / "ne_110m_admin_0_countries_westafrica.geojson")
    }
    lines = [
        shape(f["geometry"])
        for name in ("ne_10m_admin_0_boundary_lines_land_sahel.geojson",
                     "ne_10m_admin_1_states_provinces_lines_sahel.geojson")
        for f in _features(earth / name)
    ]  # fmt: skip
    faces = [
        face
        for face in polygonize(unary_union(lines))
        if countries["MLI"].contains(face.representative_point())
    ]
    seats = _region_points(gazetteer / "geonames" / "ML.txt")
    features: list[dict[str, Any]] = []
    for face in sorted(faces, key=lambda f: -f.area):
        names = [name for name, point in seats.items() if face.contains(point)]
        kept = [name for name in names if name not in LATER_REGIONS] or names
        if len(kept) != 1:
            raise SystemExit(f"a region face holds {names or 'no region seat'}; check the input")
        label = face.representative_point()
        features.append(
            _feature(
                face, {"kind": "region", "name": kept[0], "label": [round(label.x, 3), round(label.y, 3)]}
            )
        )
    for iso in NEIGHBOURS:
        features.append(_feature(countries[iso], {"kind": "country", "iso": iso}))
    collection = {"type": "FeatureCollection", "attribution": ATTRIBUTION, "features": features}
    args.out.write_text(
        json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    print(
        f"{args.out}: {len(faces)} regions, {len(NEIGHBOURS)} neighbours, {args.out.stat().st_size:,} bytes"
    )


def _features(path: Path) -> list[dict[str, Any]]:
    features: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["features"]
    return features


def _region_points(path: Path) -> dict[str, Point]:
    """GeoNames ADM1 features of Mali: "Ségou Region" -> its point, named "Ségou"."""
    seats = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        columns = line.split("\t")
        if columns[7] == "ADM1":
            seats[columns[1].removesuffix(" Region")] = Point(float(columns[5]), float(columns[4]))
    return seats


def _feature(geometry: BaseGeometry, properties: dict[str, Any]) -> dict[str, Any]:
    simple = geometry.simplify(TOLERANCE, preserve_topology=True)
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
