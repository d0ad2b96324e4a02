"""Geo stage: resolver throughput on one core, gazetteer load time and memory.

Usage: python bench/geo_bench.py [--mentions 2000] [--repeat 10] [--out bench/results/geo.json]

The mix is drawn from the gazetteer itself (seeded, so every run resolves the same phrases):
bare names of Mali and of its neighbours, relative phrases ("à 30 km au nord de X", "près de X",
"entre X et Y"), cercles and regions, and unknown names; half of the mentions come with a
sentence of context, as the events stage passes them. The mix is resolved `repeat` times.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import resource
import time
from pathlib import Path

from vigie.geo import Gazetteer
from vigie.records import Place

TARGET_MENTIONS_PER_S = 10_000
TARGET_LOAD_S = 1.0
# phrase forms, weighted as they come out of Malian security news: mostly "à X" and bare names
FORMS = [
    ("{}", 6),
    ("à {}", 6),
    ("dans la localité de {}", 2),
    ("le village de {}", 2),
    ("près de {}", 2),
    ("non loin de {}", 1),
    ("à 30 km au nord de {}", 2),
    ("à une vingtaine de kilomètres de {}", 1),
    ("aux environs de {}", 1),
    ("dans la zone de {}", 1),
    ("entre {} et {}", 1),
]
CONTEXTS = [
    "Les Forces armées maliennes ont neutralisé plusieurs terroristes {}, dans la région de {}.",
    "Des hommes armés non identifiés ont attaqué {} dans la nuit de samedi, selon une source locale.",
    "Un engin explosif improvisé a touché un véhicule de transport {}, cercle de {}, faisant trois blessés.",
    "Les habitants {} dénoncent l'insécurité grandissante, a constaté notre correspondant à {}.",
]
UNKNOWN = ["Tibezas", "Intakabar-Est", "Tahabanatène", "Ouro-Gallel Sud", "Kalabanba", "Tin-Adjar"]


def build_mix(gazetteer: Gazetteer, count: int, seed: int = 2024) -> list[tuple[str, str]]:
    """(mention, context) pairs: names from the gazetteer in the phrase forms above."""
    rng = random.Random(seed)
    mali = [p for p in gazetteer.places if p.country == "MLI" and p.feature_class == "P"]
    neighbours = [p for p in gazetteer.places if p.country != "MLI" and p.feature_class == "P"]
    cercles = [p for p in gazetteer.places if p.source_id.startswith("cercle:")]
    regions = [p for p in gazetteer.places if p.source_id.startswith("region:")]
    forms, weights = zip(*FORMS, strict=True)
    mix = []
    for _ in range(count):
        draw = rng.random()
        if draw < 0.05:
            name = rng.choice(UNKNOWN)
        elif draw < 0.15:
            name = rng.choice(neighbours).name
        else:
            name = rng.choice(mali).name
        roll = rng.random()
        if roll < 0.08:
            mention = f"dans le cercle de {rng.choice(cercles).name}"
        elif roll < 0.14:
            mention = f"dans la région de {rng.choice(regions).name}"
        else:
            mention = rng.choices(forms, weights)[0].format(name, rng.choice(mali).name)
        context = ""
        if rng.random() < 0.5:
            area = _area(rng, regions, cercles)
            context = rng.choice(CONTEXTS).format(f"à {name}", area)
        mix.append((mention, context))
    return mix


def _area(rng: random.Random, regions: list[Place], cercles: list[Place]) -> str:
    return rng.choice(regions).name if rng.random() < 0.5 else rng.choice(cercles).name


def rss_mb() -> float:
    """Resident memory now (Linux /proc), else the peak so far."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentions", type=int, default=2_000)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "results" / "geo.json")
    args = parser.parse_args()
    rss_before = rss_mb()
    started = time.perf_counter()
    gazetteer = Gazetteer.load()
    load_s = time.perf_counter() - started
    rss_loaded = rss_mb()
    reloads = []
    for _ in range(3):
        started = time.perf_counter()
        Gazetteer.load()
        reloads.append(time.perf_counter() - started)
    mix = build_mix(gazetteer, args.mentions)
    bare = [(m, c) for m, c in mix if not c]
    framed = [(m, c) for m, c in mix if c]

    def rate(pairs: list[tuple[str, str]]) -> tuple[float, float, int]:
        found = 0
        started, cpu = time.perf_counter(), time.process_time()
        for _ in range(args.repeat):
            for mention, context in pairs:
                found += gazetteer.resolve(mention, context) is not None
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        return len(pairs) * args.repeat / elapsed, cpu, found // args.repeat

    overall, cpu, found = rate(mix)
    without, _, _ = rate(bare)
    with_context, _, _ = rate(framed)
    result = {
        "benchmark": "geo: Gazetteer.load and resolve",
        "gazetteer": gazetteer.meta.get("version"),
        "places": len(gazetteer.places),
        "load_s": round(load_s, 3),
        "load_s_warm_min": round(min(reloads), 3),
        "rss_before_load_mb": round(rss_before, 1),
        "rss_after_load_mb": round(rss_loaded, 1),
        "rss_delta_mb": round(rss_loaded - rss_before, 1),
        "mentions": len(mix),
        "with_context": len(framed),
        "resolved": found,
        "repeat": args.repeat,
        "cpu_seconds": round(cpu, 2),
        "mentions_per_s": round(overall),
        "mentions_per_s_without_context": round(without),
        "mentions_per_s_with_context": round(with_context),
        "target_mentions_per_s": TARGET_MENTIONS_PER_S,
        "target_load_s": TARGET_LOAD_S,
        "meets_target": overall >= TARGET_MENTIONS_PER_S and load_s <= TARGET_LOAD_S,
        "python": platform.python_version(),
        "machine": platform.machine(),
        "date": time.strftime("%Y-%m-%d"),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
