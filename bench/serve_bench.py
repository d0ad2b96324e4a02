"""Dashboard and API latency on a synthetic database of real French sentences, measured on loopback.

Usage: python bench/serve_bench.py [--articles 100000] [--events N] [--requests 400]
                                   [--concurrency 1 4] [--postgres] [--out bench/results/serve.json]
       python bench/serve_bench.py --articles 1000000 --out bench/results/serve-1m.json

1. Fills a database through the store (bench/serve_corpus.py: every migration, the FTS5 index and
   its triggers) with articles // 4 documents of four articles made of sentences of the dev and
   train texts (../shared/eval), dated 2018-2025, `--events` events (default: one per two
   articles) at 3,000 Malian villages of the packaged gazetteer and events // 5 PLOVER
   interactions. A database of 200,000 articles or more is built once under /tmp and reused
   (--rebuild builds it again); --postgres fills a throw-away PostgreSQL server of Debian's
   binaries (/usr/lib/postgresql/*/bin), kept under /tmp the same way.
2. Starts `vigie serve --workers 2` on a free 127.0.0.1 port (one uvicorn process per core), the
   rankings kept by earlier runs deleted: every search starts cold.
3. For each scenario sends a bounded number of requests from a pool of client threads (after a
   warm-up) and records every latency; p50/p95/p99 per scenario go to the JSON file. The words
   searched are drawn at run time from the words of the dev and train texts, as often as they are
   used there ("les", "armée" often, most words once), and none is asked twice in a run: no search
   finds its ranking kept (a realistic vocabulary; a 15-word list would be answered from the cache).
Target: p95 <= 100 ms for event queries, article search and the dashboard page. The machine has 2
cores, shared by the server and the load generator.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path
from typing import IO, Any

import httpx
from serve_corpus import ACTORS, TYPES, fill, load_villages, read_corpus
from serve_postgres import Postgres

from vigie.search.rankings import Shared
from vigie.store import Store

TARGET_P95_MS = 100.0
HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results" / "serve.json"
EVAL = HERE.parent.parent / "shared" / "eval"
KEPT_FROM = 200_000  # articles from which the database is kept under /tmp and reused
CORPUS_VERSION = 2  # bump when serve_corpus.py writes other rows: kept databases are then rebuilt


class Vocabulary:
    """Words of the dev and train texts, drawn as often as they are used there, none twice."""

    def __init__(self, words: Counter[str], rng: random.Random) -> None:
        self.words = list(words)
        self.weights = list(words.values())
        self.rng = rng
        self.asked: set[str] = set()

    def word(self) -> str:
        """A word not asked yet: frequent words come first, as users ask them more."""
        for _ in range(200):
            word = self.rng.choices(self.words, self.weights)[0]
            if word.lower() not in self.asked:
                self.asked.add(word.lower())
                return word
        return self.rare()

    def rare(self) -> str:
        """A word drawn uniformly among the distinct words: most are in a few hundred articles."""
        while True:
            word = self.rng.choice(self.words)
            if word.lower() not in self.asked:
                self.asked.add(word.lower())
                return word

    def prefix(self) -> str:
        while True:
            word = self.word()
            if len(word) >= 5:
                return word[: self.rng.randint(3, min(6, len(word) - 1))] + "*"


def scenarios(rng: random.Random, vocabulary: Vocabulary) -> dict[str, Callable[[], str]]:
    """Each scenario draws the URL of one request."""
    villages = load_villages()
    regions = sorted({place.admin1 for place in villages if place.admin1})

    def window() -> dict[str, str]:
        start = date(2018, 1, 1) + timedelta(days=rng.randrange(2500))
        return {
            "start": start.isoformat(),
            "end": (start + timedelta(days=rng.choice([30, 90, 365]))).isoformat(),
        }

    def url(path: str, params: dict[str, Any]) -> str:
        return path + "?" + str(httpx.QueryParams(params))

    word, rare = vocabulary.word, vocabulary.rare
    return {
        "events: newest page": lambda: url("/api/events", {"offset": rng.randrange(0, 500, 50)}),
        "events: type + region + dates": lambda: url(
            "/api/events", {"event_type": rng.choice(list(TYPES)), "admin1": rng.choice(regions)} | window()
        ),
        "events: actor + bbox": lambda: url(
            "/api/events",
            {
                "actor": rng.choice(ACTORS),
                "bbox": rng.choice(["-6.5,13,-5.5,14.5", "-4,13.5,-1,16", "-1,15,3,18"]),
            },
        ),  # fmt: skip
        "events: words (full text)": lambda: url("/api/events", {"text": word()} | window()),
        "events: map points": lambda: url(
            "/api/events/map", {"event_type": rng.choice(list(TYPES))} | window()
        ),
        "events: weekly stats": lambda: url("/api/stats", {"admin1": rng.choice(regions)}),
        "search: one word": lambda: url("/api/articles", {"q": word()}),
        "search: one rare word": lambda: url("/api/articles", {"q": rare()}),
        "search: two words": lambda: url("/api/articles", {"q": f"{word()} {word()}"}),
        "search: two words + year": lambda: url(
            "/api/articles", {"q": f"{word()} {word()}", "year": rng.randint(2018, 2025)}
        ),
        "search: word + source": lambda: url(
            "/api/articles",
            {"q": word(), "source": rng.choice(["essor", "maliweb.ml", "amap", "sahelien.ml"])},
        ),
        "search: prefix": lambda: url("/api/articles", {"q": vocabulary.prefix()}),
        "search: word, page 3": lambda: url("/api/articles", {"q": word(), "offset": 40}),
        "page: dashboard (map, timeline, list)": lambda: url(
            "/", {"event_type": rng.choice(list(TYPES))} | window()
        ),
        "page: dashboard, no filter (every year)": lambda: url("/", {"offset": rng.randrange(0, 500, 50)}),
        "page: article search": lambda: url("/articles", {"q": word()}),
    }


def measure(base: str, make_url: Callable[[], str], requests: int, concurrency: int) -> dict[str, Any]:
    with httpx.Client(base_url=base, timeout=60) as client:
        for _ in range(5):
            client.get(make_url())  # warm-up: any answer

        def one(_: int) -> tuple[float, int]:
            target = make_url()
            started = time.perf_counter()
            response = client.get(target)
            elapsed = (time.perf_counter() - started) * 1000
            if response.status_code not in (200, 503):  # 503: a query stopped at serve_query_timeout
                response.raise_for_status()
            return elapsed, response.status_code

        started = time.perf_counter()
        with ThreadPoolExecutor(concurrency) as pool:
            answers = list(pool.map(one, range(requests)))
        wall = time.perf_counter() - started
        latencies = sorted(elapsed for elapsed, _ in answers)
    quantiles = statistics.quantiles(latencies, n=100)
    return {
        "requests": requests,
        "p50_ms": round(quantiles[49], 1),
        "p95_ms": round(quantiles[94], 1),
        "p99_ms": round(quantiles[98], 1),
        "max_ms": round(latencies[-1], 1),
        "requests_per_s": round(requests / wall, 1),
        "stopped_503": sum(status == 503 for _, status in answers),
    }


def database(args: argparse.Namespace, postgres: Postgres | None) -> tuple[str, dict[str, Any]]:
    """The URL of a filled database, built now or kept from an earlier run."""
    name = f"vigie-serve-bench-v{CORPUS_VERSION}-{args.articles}a-{args.events}e"
    if postgres is not None:
        url = postgres.url
    else:
        path = args.db or Path("/tmp" if args.articles >= KEPT_FROM else args.scratch) / f"{name}.db"
        url = f"sqlite:///{path}"
        if args.rebuild or not Path(f"{path}.done").exists():
            for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                leftover.unlink(missing_ok=True)
    done = Path(f"{postgres.root}/filled" if postgres is not None else f"{path}.done")
    if done.exists():
        info = json.loads(done.read_text())
        print(f"database kept from {info['built']}: {url}", file=sys.stderr)
        with Store.open(url) as store:  # migrations added since it was built
            store.migrate()
        return url, info | {"reused": True}
    corpus = read_corpus(args.eval)
    started = time.perf_counter()
    with Store.open(url) as store:
        fill(store, corpus, args.articles, args.events,
             progress=lambda n: n % 25_000 == 0 and print(f"{n * 4:,} articles", file=sys.stderr))  # fmt: skip
        counts = store.counts()
        if postgres is not None:
            postgres.analyze()
    info = {
        "backend": "postgresql" if postgres else "sqlite",
        "articles": counts["articles"],
        "documents": counts["documents"],
        "events": args.events,
        "interactions": args.events // 5,
        "sentences": len(corpus.sentences),
        "words": len(corpus.words),
        "build_seconds": round(time.perf_counter() - started, 1),
        "database_mb": postgres.size_mb() if postgres else round(path.stat().st_size / 1e6, 1),
        "built": date.today().isoformat(),
    }
    done.write_text(json.dumps(info))
    return url, info


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--events", type=int, help="Events (default: articles // 2).")
    parser.add_argument("--requests", type=int, default=400, help="Requests per scenario (bounded).")
    parser.add_argument(
        "--concurrency", type=int, nargs="+", default=[1, 4], help="Client threads, one run each."
    )
    parser.add_argument(
        "--workers", type=int, default=2, help="vigie serve --workers (default: 2, one per core)."
    )
    parser.add_argument(
        "--db", type=Path, help="SQLite database to fill or reuse (default: kept under /tmp)."
    )
    parser.add_argument(
        "--postgres", action="store_true", help="Fill and serve a throw-away PostgreSQL server."
    )
    parser.add_argument("--rebuild", action="store_true", help="Build the database again.")
    parser.add_argument(
        "--eval", type=Path, default=EVAL, help="The shared evaluation data (dev and train texts)."
    )
    parser.add_argument("--only", help="Run the scenarios whose name holds this text only.")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()
    args.events = args.articles // 2 if args.events is None else args.events
    args.scratch = Path(os.environ.get("TMPDIR", "/tmp"))
    postgres = Postgres.kept(f"vigie-serve-bench-pg-v{CORPUS_VERSION}-{args.articles}a-{args.events}e",
                             rebuild=args.rebuild) if args.postgres else None  # fmt: skip
    try:
        url, info = database(args, postgres)
        print(f"database: {info}", file=sys.stderr)
        runs = serve_and_measure(args, url)
    finally:
        if postgres is not None:
            postgres.stop()
    report = {
        "benchmark": "vigie serve latency on loopback",
        "database": info,
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
        print(f"{name}: worst p95 {run['worst_p95_ms']} ms ({run['worst']}) -> {args.out}")


def serve_and_measure(args: argparse.Namespace, url: str) -> dict[str, Any]:
    if url.startswith("sqlite:///"):  # rankings kept by an earlier run would answer the searches
        Shared.beside(url.removeprefix("sqlite:///")).path.unlink(missing_ok=True)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = tempfile.TemporaryFile()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "vigie",
            "serve",
            url,
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            str(args.workers),
        ],  # fmt: skip
        stdout=subprocess.DEVNULL,
        stderr=log,  # a file, not a pipe: a pipe nobody reads fills and stalls the server
    )
    base = f"http://127.0.0.1:{port}"
    runs: dict[str, Any] = {}
    vocabulary = Vocabulary(read_corpus(args.eval).words, random.Random(5))  # shared: no word asked twice
    try:
        _wait(base, server, log)
        for concurrency in args.concurrency:
            results = {}
            for name, make_url in scenarios(random.Random(11), vocabulary).items():
                if args.only and args.only not in name:
                    continue
                results[name] = measure(base, make_url, args.requests, concurrency)
                print(f"c={concurrency} {name:40} {results[name]}", file=sys.stderr)
            worst = max(results, key=lambda name: results[name]["p95_ms"])
            runs[f"concurrency {concurrency}"] = {
                "scenarios": results,
                "worst_p95_ms": results[worst]["p95_ms"],
                "worst": worst,
                "meets_target": all(v["p95_ms"] <= TARGET_P95_MS for v in results.values()),
                "load_average": [round(x, 2) for x in os.getloadavg()],  # other work skews figures
            }
    finally:
        server.terminate()
        server.wait(timeout=30)
    return runs


def _wait(base: str, server: subprocess.Popen[bytes], log: IO[bytes]) -> None:
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if server.poll() is not None:
            log.seek(0)
            raise SystemExit(f"vigie serve stopped: {log.read().decode(errors='replace')[-2000:]}")
        try:
            if httpx.get(base + "/api/", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.3)
    raise SystemExit("vigie serve did not answer within 300 s")


if __name__ == "__main__":
    main()
