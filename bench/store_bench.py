"""Adding a few documents to a large database costs what it costs on an empty one (issue 14).

Usage: python bench/store_bench.py [--articles 100000] [--add 10] [--shared ../shared]
                                   [--out bench/results/store.json]

Builds a database of `--articles` synthetic articles (five per document, founders of their own
near-duplicate cluster, words drawn from the dev documents) through the store API (bulk load), then times
`vigie ingest` of `--add` dev documents (no NLP) into it and into an empty database, each in a
fresh process (peak memory is the process's own), five times on fresh copies; the median is kept.
The time ratio is of CPU time (process_time); the wall-clock ratio is reported beside it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import platform
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

TARGET_RATIO = 1.2
REPEATS = 5
ARTICLES_PER_DOCUMENT = 5
BATCH = 500  # documents stored per transaction while building
WORD = re.compile(r"[^\W\d_]{2,}")


def vocabulary(shared: Path) -> list[str]:
    words: list[str] = []
    for path in sorted((shared / "eval" / "dev").glob("*.txt")):
        words.extend(WORD.findall(path.read_text(encoding="utf-8")))
    if not words:
        sys.exit(f"no dev documents under {shared / 'eval' / 'dev'}; pass --shared")
    return words


def build(url: str, articles: int, words: list[str]) -> float:
    """A database of synthetic documents bulk-loaded with Store.save_documents; returns seconds."""
    from vigie.cluster import Clusterer
    from vigie.records import Article, RawDoc
    from vigie.store import Clustered, Store

    rng = random.Random(14)
    clusterer = Clusterer(0.5, 60)  # no stored index: each article founds its cluster, as most do
    started = time.perf_counter()
    batch: list[tuple[RawDoc, list[Clustered]]] = []
    with Store.open(url) as store, store.writing():
        # as an ingest would: the stored keys are marked as made for this band layout (else the first
        # ingest into the copy writes them all again)
        Clusterer.load(store.signatures(), 0.5, 60)
        for number in range(articles // ARTICLES_PER_DOCUMENT):
            parts: list[tuple[str, list[str]]] = []
            for _ in range(ARTICLES_PER_DOCUMENT):
                title = " ".join(rng.choices(words, k=8)).capitalize()
                parts.append(
                    (title, [" ".join(rng.choices(words, k=rng.randint(30, 90))) + "." for _ in range(3)])
                )
            text = ""
            spans_of = []
            for title, paragraphs in parts:
                text += title + "\n\n"
                spans = []
                for paragraph in paragraphs:
                    spans.append((len(text), len(text) + len(paragraph)))
                    text += paragraph + "\n\n"
                spans_of.append(tuple(spans))
            data = text.encode("utf-8")
            sha1 = hashlib.sha1(data).hexdigest()
            raw = RawDoc(
                source=f"/synthetic/doc_{number:07d}.txt", name=f"synth-{number:07d}.txt", sha1=sha1,
                size=len(data), encoding="utf-8", text=text,
            )  # fmt: skip
            records = [
                Article(
                    doc_id=sha1,
                    position=position,
                    kind="full",
                    title=title,
                    published=date(2020 + number % 6, 1 + number % 12, 1 + number % 28),
                    author=None,
                    body="\n\n".join(paragraphs),
                    start=spans[0][0],
                    end=spans[-1][1],
                    spans=spans,
                )  # fmt: skip
                for position, ((title, paragraphs), spans) in enumerate(zip(parts, spans_of, strict=True))
            ]
            batch.append((raw, clusterer.assign(records)))
            if len(batch) == BATCH:
                store.save_documents(batch)
                batch = []
        store.save_documents(batch)
    return time.perf_counter() - started


def peak_rss_kib() -> int:
    """This process's peak resident memory (VmHWM): unlike ru_maxrss, not inherited from the parent
    that started it (Linux keeps ru_maxrss across exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def add(url: str, paths: list[str]) -> dict[str, float]:
    """In this process: ingest `paths` into the database at `url`, time and memory."""
    from vigie.pipeline import run
    from vigie.settings import Settings
    from vigie.store import Store

    with Store.open(url) as store:
        before = peak_rss_kib()
        started, cpu_started = time.perf_counter(), time.process_time()
        report = run(paths, store, Settings(db=url, extract=False))
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    peak = peak_rss_kib()
    return {"seconds": seconds, "cpu_seconds": cpu, "peak_rss_mb": peak / 1024,
            "rss_growth_mb": (peak - before) / 1024, "documents": report.documents}  # fmt: skip


def measure(database: Path | None, folder: Path, paths: list[str]) -> dict[str, float]:
    """Median of REPEATS adds, each in a fresh process on a fresh copy of `database` (None: empty)."""
    runs = []
    for attempt in range(REPEATS):
        target = folder / f"add-{attempt}.db"
        for stale in folder.glob(f"add-{attempt}.db*"):
            stale.unlink()
        if database is not None:
            shutil.copyfile(database, target)
        answer = subprocess.run(
            [sys.executable, __file__, "--child", f"sqlite:///{target}", *paths],
            check=True, capture_output=True, text=True,
        )  # fmt: skip
        runs.append(json.loads(answer.stdout))
        for stale in folder.glob(f"add-{attempt}.db*"):
            stale.unlink()
    return {key: round(statistics.median(run[key] for run in runs), 3) for key in runs[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--add", type=int, default=10)
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).resolve().parent / "results" / "store.json"
    )
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(add(args.child[0], args.child[1:])))
        return
    paths = [str(p) for p in sorted((args.shared / "eval" / "dev").glob("*.txt"))[: args.add]]
    with tempfile.TemporaryDirectory(prefix="vigie-store-bench-") as tmp:
        folder = Path(tmp)
        big = folder / "big.db"
        build_seconds = build(f"sqlite:///{big}", args.articles, vocabulary(args.shared))
        empty = measure(None, folder, paths)
        full = measure(big, folder, paths)
        database_mb = big.stat().st_size / 1e6
    # CPU time is the ratio kept: on a shared machine the wall time of a 0.1 s run mostly measures
    # the other processes (both are reported)
    time_ratio = full["cpu_seconds"] / empty["cpu_seconds"]
    wall_ratio = full["seconds"] / empty["seconds"]
    memory_ratio = full["peak_rss_mb"] / empty["peak_rss_mb"]
    result = {
        "benchmark": f"add {args.add} documents (no NLP) to an empty database and to one of {args.articles} articles",
        "articles": args.articles,
        "build_seconds": round(build_seconds, 1),
        "database_mb": round(database_mb, 1),
        "empty": empty,
        "full": full,
        "time_ratio": round(time_ratio, 2),
        "wall_time_ratio": round(wall_ratio, 2),
        "memory_ratio": round(memory_ratio, 2),
        "target_ratio": TARGET_RATIO,
        "meets_target": time_ratio <= TARGET_RATIO and memory_ratio <= TARGET_RATIO,
        "python": platform.python_version(),
        "machine": platform.machine(),
        "date": time.strftime("%Y-%m-%d"),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
