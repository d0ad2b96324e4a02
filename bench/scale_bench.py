"""Ingest with extraction on one and on two worker processes: documents/s, speed-up, same database.

Usage: python bench/scale_bench.py [--copies 8] [--workers 2] [--shared ../shared] [--out bench/results/scale.json]

The corpus is every seed, dev and train document and the bundled sample, copied `--copies`
times (each copy made distinct by a reference line), built at run time from ../shared/eval.
Each run is `vigie ingest` with extraction into a fresh SQLite database, in its own process,
from start to end: starting the workers and loading spaCy in them is inside the clock, as a
user sees it. Also reported: the documents/s once the first document is stored (the steady
rate, without the start), the CPU time of the writer and of the workers, with the speed-up they
imply on a machine with a free core per worker (`speedup_cpu_bound`: the one-process CPU time over
the busiest process's), the peak memory of the writer and of each worker, and whether the two
databases hold exactly the same rows (documents, articles, clusters, events, interactions, ids,
the search index); the run fails when they differ. Target: speed-up >= 1.7 with 2 workers.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path
from typing import Any

TARGET_SPEEDUP = 1.7


def build_corpus(shared: Path, folder: Path, copies: int) -> tuple[int, int]:
    sample = Path(str(resources.files("vigie.data") / "sample"))
    sources = [
        path for name in ("seeds", "dev", "train") for path in sorted((shared / "eval" / name).glob("*.txt"))
    ]
    sources += sorted(sample.glob("*.txt"))
    if not sources:
        sys.exit(f"no documents under {shared / 'eval'}; pass --shared")
    count = size = 0
    for copy in range(copies):
        for path in sources:
            data = path.read_bytes() + f"\n\nRéf. {copy:03d}-{count:05d}\n".encode()
            (folder / f"{copy:03d}_{path.parent.name}_{path.name}").write_bytes(data)
            count += 1
            size += len(data)
    return count, size


def phase(corpus: Path, db: Path, workers: int) -> dict[str, Any]:
    """One ingest in this process; its times and the peak memory of the writer and the workers."""
    from vigie.pipeline import run
    from vigie.settings import Settings
    from vigie.store import Store

    settings = Settings(db=f"sqlite:///{db}", workers=workers)
    stored: list[float] = []
    with Store.open(settings.db) as store:
        started = time.perf_counter()
        report = run(
            [str(corpus)], store, settings, on_document=lambda source: stored.append(time.perf_counter())
        )
        elapsed = time.perf_counter() - started
    first = stored[0] - started if stored else elapsed
    rate_after_first = (len(stored) - 1) / (stored[-1] - stored[0]) if len(stored) > 1 else 0.0
    return {
        "seconds": elapsed,
        "first_document_s": first,
        "documents_per_s_after_first": rate_after_first,
        "documents": report.documents,
        "articles": report.articles,
        "events": report.events,
        "interactions": report.interactions,
        "skipped": len(report.skipped),
        "writer_cpu_s": _cpu(resource.RUSAGE_SELF),
        "workers_cpu_s": _cpu(resource.RUSAGE_CHILDREN),  # all of them, the loading of spaCy included
        "writer_peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        # the largest worker process (the pool is shut down and its processes reaped by now)
        "worker_peak_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        if workers > 1
        else 0,
    }


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def rows(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, but the time each document was stored."""
    from vigie.store.packed import register

    with sqlite3.connect(db) as connection:
        register(connection)  # the search index reads the articles' text through vigie_article_text
        names = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        found = {}
        for (table,) in names.fetchall():
            if table == "alembic_version":
                continue
            columns = [
                c[1] for c in connection.execute(f"PRAGMA table_info({table})") if c[1] != "ingested_at"
            ]
            listed = ", ".join(f'"{c}"' for c in columns)
            found[table] = sorted(connection.execute(f"SELECT {listed} FROM {table}").fetchall(), key=repr)
    return found


def _child(corpus: Path, db: Path, workers: int) -> dict[str, Any]:
    command = [sys.executable, __file__, "--phase", str(workers), "--corpus", str(corpus), "--db", str(db)]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"the run with {workers} workers failed:\n{done.stderr}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def _shown(run: dict[str, Any], documents: int) -> dict[str, Any]:
    return {
        "seconds": round(run["seconds"], 1),
        "documents_per_s": round(documents / run["seconds"], 2),
        "first_document_s": round(run["first_document_s"], 1),
        "documents_per_s_after_first": round(run["documents_per_s_after_first"], 2),
        "writer_cpu_s": round(run["writer_cpu_s"], 1),
        "workers_cpu_s": round(run["workers_cpu_s"], 1),
        "writer_peak_rss_mb": round(run["writer_peak_rss_mb"]),
        "worker_peak_rss_mb": round(run["worker_peak_rss_mb"]),
        "articles": run["articles"],
        "events": run["events"],
        "interactions": run["interactions"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).resolve().parent / "results" / "scale.json"
    )
    parser.add_argument("--phase", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase is not None:
        print(json.dumps(phase(args.corpus, args.db, args.phase)))
        return
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="vigie-scale-bench-") as name:
        tmp = Path(name)
        corpus = tmp / "corpus"
        corpus.mkdir()
        documents, size = build_corpus(args.shared, corpus, args.copies)
        one = _child(corpus, tmp / "one.db", 1)
        many = _child(corpus, tmp / "many.db", args.workers)
        identical = rows(tmp / "one.db") == rows(tmp / "many.db")
    speedup = one["seconds"] / many["seconds"]
    # What a machine with a core free for each worker would give: the work of one process, over
    # the busiest process of the parallel run (the jobs are small, so the workers share it evenly).
    # On a machine other processes keep busy, wall times measure the neighbours as much as Vigie.
    busiest = max(many["workers_cpu_s"] / args.workers, many["writer_cpu_s"])
    speedup_cpu = (one["writer_cpu_s"] + one["workers_cpu_s"]) / busiest
    result = {
        "benchmark": f"ingest with extraction, --workers 1 against --workers {args.workers}",
        "documents": documents,
        "corpus_mb": round(size / 1e6, 1),
        "stored": many["documents"],
        "skipped": many["skipped"],
        "workers_1": _shown(one, documents),
        f"workers_{args.workers}": _shown(many, documents),
        "speedup": round(speedup, 2),
        "speedup_after_first": round(
            many["documents_per_s_after_first"] / one["documents_per_s_after_first"], 2
        ),
        "speedup_cpu_bound": round(speedup_cpu, 2),
        "identical_databases": identical,
        "target_speedup": TARGET_SPEEDUP,
        "passed": identical and speedup >= TARGET_SPEEDUP,
        "cores": len(os.sched_getaffinity(0)),
        "load_average_before_and_after": [round(load_before[0], 2), round(os.getloadavg()[0], 2)],
        "machine": f"{platform.machine()} {platform.python_implementation()} {platform.python_version()}",
        "date": time.strftime("%Y-%m-%d"),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))
    if not identical:
        sys.exit(f"--workers {args.workers} stored other rows than --workers 1")
    if speedup < TARGET_SPEEDUP:
        sys.exit(f"speed-up {speedup:.2f} with {args.workers} workers (target >= {TARGET_SPEEDUP})")


if __name__ == "__main__":
    main()
