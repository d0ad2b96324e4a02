"""Dashboard and API latency on a synthetic 100,000-article database, measured on loopback.

Usage: python bench/serve_bench.py [--articles 100000] [--events 50000] [--requests 400]
                                   [--concurrency 4] [--out bench/results/serve.json]

1. Builds a fresh SQLite database through Store.open (so with every migration, the FTS5 index
   and its triggers), then bulk-inserts synthetic French articles (4 per document, 60-140 words
   drawn from a Sahel news vocabulary and 3,000 Malian village names of the packaged gazetteer,
   dated 2018-2025), events (ACLED types, at those villages with their region and coordinates,
   1-3 source sentences each) and PLOVER interactions. The vocabulary is small on purpose: each
   of the words searched is found in 30-60% of the articles, the worst case for ranking and facets.
2. Starts `vigie serve --workers 2` on a free 127.0.0.1 port (one uvicorn process per core).
3. For each scenario (a prefix search among them), sends a bounded number of requests from a pool of client threads
   (after a warm-up) and records every latency; p50/p95/p99 per scenario go to the JSON file.
Target: p95 <= 100 ms for event queries and article search. The machine has 2 cores, shared by
the server and the load generator.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

import httpx

from vigie.store import Store

TARGET_P95_MS = 100.0
RESULTS = Path(__file__).resolve().parent / "results" / "serve.json"
PLACES = {  # place: (admin1, latitude, longitude)
    "Boni": ("Mopti", 15.02, -1.98), "Bankass": ("Mopti", 14.07, -3.52), "Djenné": ("Mopti", 13.91, -4.55),
    "Ségou": ("Ségou", 13.43, -6.26), "Niono": ("Ségou", 14.25, -5.99), "Macina": ("Ségou", 13.96, -5.36),
    "Gao": ("Gao", 16.27, -0.04), "Ansongo": ("Gao", 15.66, 0.50), "Bourem": ("Gao", 16.96, -0.35),
    "Tombouctou": ("Tombouctou", 16.77, -3.01), "Léré": ("Tombouctou", 15.71, -4.91),
    "Kidal": ("Kidal", 18.44, 1.41), "Ménaka": ("Ménaka", 15.92, 2.40), "Kayes": ("Kayes", 14.45, -11.44),
    "Nioro du Sahel": ("Kayes", 15.23, -9.59), "Sikasso": ("Sikasso", 11.32, -5.67),
    "Koutiala": ("Sikasso", 12.39, -5.46), "Bamako": ("Bamako", 12.65, -8.0), "Kati": ("Koulikoro", 12.74, -8.07),
    "Nara": ("Koulikoro", 15.17, -7.29),
}  # fmt: skip
TYPES = {
    "Battles": ["Armed clash"], "Explosions/Remote violence": ["Remote explosive/landmine/IED", "Air/drone strike"],
    "Violence against civilians": ["Attack", "Abduction/forced disappearance"], "Protests": ["Peaceful protest"],
    "Riots": ["Violent demonstration"], "Strategic developments": ["Looting/property destruction", "Arrests"],
}  # fmt: skip
ACTORS = ["Military Forces of Mali", "JNIM", "Islamic State Sahel", "Wagner Group", "Unidentified Armed Group",
          "Civilians", "Protesters (Mali)", "Dozo Militia"]  # fmt: skip
PARTIES = ["MLI", "BFA", "NER", "RUS", "FRA", "DZA", "ECOWAS", "AES", "UN", "CHN", "TUR", "MAR"]
PLOVER = ["AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "REQUEST", "ACCUSE", "REJECT", "SANCTION"]
SUBJECTS = ["Les FAMa", "Des hommes armés", "Le gouverneur", "Les habitants", "Des terroristes présumés",
            "Le ministre de la Défense", "Une patrouille", "Les autorités", "Des jeunes", "Le maire"]  # fmt: skip
VERBS = ["ont attaqué", "ont neutralisé", "ont manifesté contre", "ont sécurisé", "ont enlevé",
         "ont incendié", "ont visité", "ont inauguré", "ont dénoncé", "ont reçu"]  # fmt: skip
OBJECTS = ["le poste de sécurité", "un convoi de ravitaillement", "le marché hebdomadaire", "plusieurs villages",
           "la route nationale", "un camp militaire", "les champs de coton", "une école", "le pont",
           "la délégation"]  # fmt: skip
TAILS = ["dans la nuit de samedi à dimanche", "ce jeudi", "la semaine dernière", "selon une source locale",
         "d'après un communiqué de l'armée", "lors d'une opération de ratissage", "malgré la saison des pluies",
         "sous escorte"]  # fmt: skip
# Prefixes of 3 letters or more (shorter ones are searched as words): each expands to several words
PREFIXES = ["att*", "séc*", "terro*", "manif*", "conv*", "mar*", "pos*", "vil*", "dél*", "cam*"]
WORDS = ["attaque", "Ségou", "Mopti", "FAMa", "drone", "manifestation", "coton", "élections", "CEDEAO",
         "mine", "enlèvement", "Bamako", "convoi", "sécurité", "terroristes"]  # fmt: skip


def load_villages(count: int = 3000) -> list[tuple[str, str, float, float]]:
    """Malian populated places of the packaged gazetteer: (name, admin1, latitude, longitude)."""
    path = Path(str(resources.files("vigie.data") / "gazetteer.sqlite"))
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as gazetteer:
        rows = gazetteer.execute(
            "SELECT p.name, a.text, p.lat / 1e5, p.lon / 1e5 FROM place p JOIN label a ON a.id = p.admin1 "
            "JOIN label k ON k.id = p.country WHERE p.feature_class = 'P' AND k.text = 'MLI' "
            "ORDER BY p.id LIMIT ?",
            (count,),
        ).fetchall()
    return [(str(name), str(admin1), float(lat), float(lon)) for name, admin1, lat, lon in rows]


VILLAGES = load_villages()


def sentence(rng: random.Random, place: str) -> str:
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} à {place} {rng.choice(TAILS)}."


def build(path: Path, articles: int, events: int, seed: int = 7) -> dict[str, Any]:
    """Create the database with every migration, then bulk-insert synthetic rows."""
    Store.open(f"sqlite:///{path}").close()
    rng = random.Random(seed)
    started = time.perf_counter()
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA synchronous=OFF")
    first_day, days = date(2018, 1, 1), (date(2025, 12, 31) - date(2018, 1, 1)).days
    places = list(PLACES)
    sources: list[tuple[str, str, int, int]] = []  # article id, sentence, start, end
    documents, rows = [], []
    sites = ["essor", "maliweb", "journaldumali", "studiotamani", "amap", "sahelien"]
    for number in range(articles // 4):
        doc_id = f"{number:040x}"
        day = first_day + timedelta(days=rng.randrange(days))
        name = f"{rng.choice(sites)}-{day.isoformat()}-{number}.txt"
        text_parts, offset = [], 0
        for position in range(4):
            place = rng.choice(places)
            title = (
                f"{place} : {rng.choice(OBJECTS)} {rng.choice(['visé', 'sécurisé', 'au cœur des débats'])}"
            )
            body_sentences = [
                sentence(rng, rng.choice(VILLAGES)[0] if i % 2 else place) for i in range(rng.randint(5, 11))
            ]
            body = " ".join(body_sentences)
            start = offset + len(title) + 2
            text_parts.append(f"{title}\n\n{body}\n\n")
            article_id = f"{doc_id}:{position}"
            rows.append((article_id, doc_id, position, offset, start + len(body), json.dumps([[start, start + len(body)]]),
                         "full" if position == 0 else "teaser", title, body,
                         datetime(day.year, day.month, day.day, 8 + position).isoformat(sep=" "), True, article_id))  # fmt: skip
            sources.append((article_id, body_sentences[0], start, start + len(body_sentences[0])))
            offset += len(text_parts[-1])
        text = "".join(text_parts)
        documents.append((doc_id, f"/synthetic/{name}", name, len(text.encode()), "utf-8",
                          datetime.now(UTC).isoformat(sep=" "), text))  # fmt: skip
    connection.executemany(
        "INSERT INTO documents (id, source, name, size, encoding, ingested_at, text) VALUES (?,?,?,?,?,?,?)",
        documents,
    )
    connection.executemany(
        "INSERT INTO articles (id, document_id, position, start_offset, end_offset, spans, kind, title, body, "
        "published, published_has_time, cluster_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        rows,
    )
    event_rows, event_sources = [], []
    for event_id in range(1, events + 1):
        kind = rng.choice(list(TYPES))
        place, admin1, lat, lon = rng.choice(VILLAGES)  # 3,000 gazetteer points
        day = first_day + timedelta(days=rng.randrange(days))
        event_rows.append((event_id, day.isoformat(), 1, kind, rng.choice(TYPES[kind]), rng.choice(ACTORS),
                           rng.choice(ACTORS), place, "Mali", "MLI", admin1, lat, lon, 1, rng.choice([None, 0, 1, 3, 12]), "", False))  # fmt: skip
        for _ in range(rng.randint(1, 3)):
            article_id, text, start, end = rng.choice(sources)
            event_sources.append((event_id, article_id, start, end, text))
    connection.executemany(
        "INSERT INTO events (id, event_date, time_precision, event_type, sub_event_type, actor1, actor2, location, "
        "country, iso, admin1, latitude, longitude, geo_precision, fatalities, evidence, flagged) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        event_rows,
    )
    connection.executemany(
        "INSERT OR IGNORE INTO event_sources (event_id, article_id, start_offset, end_offset, sentence) "
        "VALUES (?,?,?,?,?)",
        event_sources,
    )
    connection.execute(
        "UPDATE events SET evidence = (SELECT sentence FROM event_sources WHERE event_id = events.id LIMIT 1)"
    )
    interactions = [
        (i, (first_day + timedelta(days=rng.randrange(days))).isoformat(), rng.choice(PLOVER),
         *rng.sample(PARTIES, 2), sentence(rng, rng.choice(places)))
        for i in range(1, events // 5 + 1)
    ]  # fmt: skip
    connection.executemany(
        "INSERT INTO interactions (id, interaction_date, type, party1, party2, evidence) VALUES (?,?,?,?,?,?)",
        interactions,
    )
    connection.commit()
    connection.execute("ANALYZE")
    connection.close()
    return {
        "articles": len(rows),
        "documents": len(documents),
        "events": len(event_rows),
        "event_sources": len(event_sources),
        "interactions": len(interactions),
        "build_seconds": round(time.perf_counter() - started, 1),
        "database_mb": round(path.stat().st_size / 1e6, 1),
    }


def scenarios(rng: random.Random) -> dict[str, Callable[[], str]]:
    """Each scenario draws the URL of one request."""

    def window() -> dict[str, str]:
        start = date(2018, 1, 1) + timedelta(days=rng.randrange(2500))
        return {
            "start": start.isoformat(),
            "end": (start + timedelta(days=rng.choice([30, 90, 365]))).isoformat(),
        }

    def url(path: str, params: dict[str, Any]) -> str:
        return path + "?" + str(httpx.QueryParams(params))

    return {
        "events: newest page": lambda: url("/api/events", {"offset": rng.randrange(0, 500, 50)}),
        "events: type + region + dates": lambda: url(
            "/api/events",
            {"event_type": rng.choice(list(TYPES)), "admin1": PLACES[rng.choice(list(PLACES))][0]} | window(),
        ),  # fmt: skip
        "events: actor + bbox": lambda: url(
            "/api/events",
            {
                "actor": rng.choice(ACTORS),
                "bbox": rng.choice(["-6.5,13,-5.5,14.5", "-4,13.5,-1,16", "-1,15,3,18"]),
            },
        ),  # fmt: skip
        "events: words (full text)": lambda: url("/api/events", {"text": rng.choice(WORDS)} | window()),
        "events: map points": lambda: url(
            "/api/events/map", {"event_type": rng.choice(list(TYPES))} | window()
        ),
        "events: weekly stats": lambda: url("/api/stats", {"admin1": PLACES[rng.choice(list(PLACES))][0]}),
        "search: one frequent word": lambda: url("/api/articles", {"q": rng.choice(WORDS)}),
        "search: two words + year": lambda: url(
            "/api/articles",
            {"q": f"{rng.choice(WORDS)} {rng.choice(WORDS)}", "year": rng.randint(2018, 2025)},
        ),
        "search: two frequent words": lambda: url(
            "/api/articles", {"q": rng.choice(["incendié pont", "enlevé maire école"])}
        ),
        "search: prefix": lambda: url("/api/articles", {"q": rng.choice(PREFIXES)}),
        "search: village name": lambda: url("/api/articles", {"q": rng.choice(VILLAGES)[0]}),
        "search: village name + frequent word": lambda: url(
            "/api/articles", {"q": f"{rng.choice(VILLAGES)[0]} {rng.choice(WORDS)}"}
        ),
        "page: dashboard (map, timeline, list)": lambda: url(
            "/", {"event_type": rng.choice(list(TYPES))} | window()
        ),
        "page: dashboard, no filter (every year)": lambda: url("/", {"offset": rng.randrange(0, 500, 50)}),
        "page: article search": lambda: url("/articles", {"q": rng.choice(WORDS)}),
    }


def measure(base: str, make_url: Callable[[], str], requests: int, concurrency: int) -> dict[str, Any]:
    with httpx.Client(base_url=base, timeout=30) as client:
        for _ in range(5):
            client.get(make_url()).raise_for_status()

        def one(_: int) -> float:
            target = make_url()
            started = time.perf_counter()
            response = client.get(target)
            elapsed = (time.perf_counter() - started) * 1000
            response.raise_for_status()
            return elapsed

        started = time.perf_counter()
        with ThreadPoolExecutor(concurrency) as pool:
            latencies = sorted(pool.map(one, range(requests)))
        wall = time.perf_counter() - started
    quantiles = statistics.quantiles(latencies, n=100)
    return {
        "requests": requests,
        "p50_ms": round(quantiles[49], 1),
        "p95_ms": round(quantiles[94], 1),
        "p99_ms": round(quantiles[98], 1),
        "max_ms": round(latencies[-1], 1),
        "requests_per_s": round(requests / wall, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--events", type=int, default=50_000)
    parser.add_argument("--requests", type=int, default=400, help="Requests per scenario (bounded).")
    parser.add_argument(
        "--concurrency", type=int, nargs="+", default=[1, 4], help="Client threads, one run each."
    )
    parser.add_argument(
        "--workers", type=int, default=2, help="vigie serve --workers (default: 2, one per core)."
    )
    parser.add_argument("--db", type=Path, help="Keep the database here (default: a temporary folder).")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()
    runs: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="vigie-serve-bench-") as scratch:
        path = args.db or Path(scratch) / "bench.db"
        if path.exists():
            database = {"reused": str(path), "database_mb": round(path.stat().st_size / 1e6, 1)}
        else:
            database = build(path, args.articles, args.events)
        print(f"database: {database}", file=sys.stderr)
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "vigie",
                "serve",
                str(path),
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--workers",
                str(args.workers),
            ],  # fmt: skip
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            _wait(base, server)
            for concurrency in args.concurrency:
                rng = random.Random(11)
                results = {}
                for name, make_url in scenarios(rng).items():
                    results[name] = measure(base, make_url, args.requests, concurrency)
                    print(f"c={concurrency} {name:40} {results[name]}", file=sys.stderr)
                targeted = {k: v for k, v in results.items() if k.startswith(("events", "search"))}
                runs[f"concurrency {concurrency}"] = {
                    "scenarios": results,
                    "worst_p95_ms_events_and_search": max(v["p95_ms"] for v in targeted.values()),
                    "meets_target": all(v["p95_ms"] <= TARGET_P95_MS for v in targeted.values()),
                    "load_average": [round(x, 2) for x in os.getloadavg()],  # other work skews figures
                }
        finally:
            server.terminate()
            server.wait(timeout=30)
    report = {
        "benchmark": "vigie serve latency on loopback",
        "database": database,
        "requests_per_scenario": args.requests,
        "server_workers": args.workers,
        "target_p95_ms": TARGET_P95_MS,
        "runs": runs,
        "cpus": len(os.sched_getaffinity(0)),
        "python": platform.python_version(),
        "date": date.today().isoformat(),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    for name, run in runs.items():
        print(
            f"{name}: worst p95 (events and search) {run['worst_p95_ms_events_and_search']} ms -> {args.out}"
        )


def _wait(base: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"vigie serve stopped: {server.stderr.read().decode() if server.stderr else ''}")
        try:
            if httpx.get(base + "/api/", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.3)
    raise SystemExit("vigie serve did not answer within 120 s")


if __name__ == "__main__":
    main()
