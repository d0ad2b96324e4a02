"""Ingest throughput and peak memory on a 10,000-document corpus built from the dev documents.

Usage: python bench/ingest_bench.py [--docs 10000] [--shared ../shared] [--out bench/results/ingest.json]

Each corpus document is a dev document with a numbered reference line appended, so that all
10,000 are distinct (different bytes) but realistic: page furniture, teasers, mojibake.
The run is single-process (one core) and includes everything `vigie ingest` does: reading,
decoding, repairing, segmenting, near-duplicate clustering and saving to SQLite. No NLP.
It also reports the database's size per input byte and its largest tables.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from vigie.pipeline import run
from vigie.settings import Settings
from vigie.store import Store

TARGET_DOCS_PER_S = 500
TARGET_DB_RATIO = 2.5  # database bytes (with its WAL) per input byte


def table_bytes(database: Path) -> dict[str, float]:
    """The ten largest tables and indexes of a SQLite file, in MB (the dbstat virtual table)."""
    with sqlite3.connect(database) as connection:
        try:
            rows = connection.execute(
                "SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC LIMIT 10"
            ).fetchall()
        except sqlite3.OperationalError:  # a SQLite built without dbstat
            return {}
    return {name: round(size / 1e6, 2) for name, size in rows}


def build_corpus(shared: Path, folder: Path, count: int) -> int:
    texts = [p.read_bytes() for p in sorted((shared / "eval" / "dev").glob("*.txt"))]
    if not texts:
        sys.exit(f"no dev documents under {shared / 'eval' / 'dev'}; pass --shared")
    total = 0
    for i in range(count):
        data = texts[i % len(texts)] + f"\n\nRéf. {i:06d}\n".encode()
        (folder / f"doc_{i:06d}.txt").write_bytes(data)
        total += len(data)
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).resolve().parent / "results" / "ingest.json"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="vigie-bench-") as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        size = build_corpus(args.shared, corpus, args.docs)
        db = f"sqlite:///{Path(tmp) / 'bench.db'}"
        settings = Settings(db=db, extract=False, workers=1)  # one core, as the series before it
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        with Store.open(db) as store:
            started = time.perf_counter()
            cpu_started = time.process_time()
            report = run([str(corpus)], store, settings)
            elapsed = time.perf_counter() - started
            cpu = time.process_time() - cpu_started
            counts = store.counts()
        database = Path(tmp) / "bench.db"
        store_bytes = sum(f.stat().st_size for f in database.parent.glob("bench.db*"))
        tables = table_bytes(database)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {
        "benchmark": "ingest without NLP",
        "documents": args.docs,
        "corpus_mb": round(size / 1e6, 1),
        "articles": counts["articles"],
        "skipped": len(report.skipped),
        "seconds": round(elapsed, 2),
        "cpu_seconds": round(cpu, 2),
        "documents_per_s": round(args.docs / elapsed, 1),
        "articles_per_s": round(counts["articles"] / elapsed, 1),
        "database_mb": round(store_bytes / 1e6, 1),
        "database_per_input": round(store_bytes / size, 2),
        "target_database_per_input": TARGET_DB_RATIO,
        "largest_tables_mb": tables,
        "peak_rss_mb": round(peak_mb, 1),
        "rss_before_run_mb": round(rss_before / 1024, 1),
        "target_documents_per_s": TARGET_DOCS_PER_S,
        "meets_target": args.docs / elapsed >= TARGET_DOCS_PER_S,
        "python": platform.python_version(),
        "machine": platform.machine(),
        "date": time.strftime("%Y-%m-%d"),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
