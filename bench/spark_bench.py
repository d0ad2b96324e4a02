"""`vigie spark ingest` in local mode against `vigie ingest`, with extraction, on the same documents.

Usage: nice -n 10 python bench/spark_bench.py [--docs 400] [--master 'local[2]'] [--shared ../shared]
       [--out bench/results/spark.json]

The corpus is the dev documents, each with a numbered reference line appended so that all are
distinct bytes (as bench/ingest_bench.py builds it). Both runs write a fresh SQLite database;
the benchmark asserts that the two databases hold the same events and interactions, then reports
documents/s (wall clock) of each run, the CPU time per document of the single-process run (the
per-core figure docs/scale.md projects from), how the Spark run splits between the executors
(read, segment, NLP, events) and the driver's store, and the CPU time per document of the
writer alone (the kept Parquet rows stored again into a fresh database: the bound of one writer).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
from sqlalchemy import MetaData, create_engine, select

from vigie.cli.spark import start_session
from vigie.pipeline import Stages, run
from vigie.settings import Settings
from vigie.spark import ingest as spark_ingest
from vigie.spark import store_results
from vigie.spark.rows import read_row
from vigie.store import Store


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


def extractions(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """The rows of the events and interactions tables and their sources, sorted."""
    engine = create_engine(url)
    tables = MetaData()
    tables.reflect(engine)
    names = ("events", "event_sources", "interactions", "interaction_sources", "articles")
    with engine.connect() as connection:
        rows = {
            name: sorted((tuple(row) for row in connection.execute(select(tables.tables[name]))), key=repr)
            for name in names
        }
    engine.dispose()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=400)
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).resolve().parent / "results" / "spark.json"
    )
    args = parser.parse_args()
    load_at_start = round(os.getloadavg()[0], 1)
    with tempfile.TemporaryDirectory(prefix="vigie-spark-bench-") as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        size = build_corpus(args.shared, corpus, args.docs)
        settings = Settings(db=f"sqlite:///{Path(tmp) / 'local.db'}")

        started, cpu_started = time.perf_counter(), time.process_time()
        Stages.load(settings.nlp_model)
        load_s, load_cpu_s = time.perf_counter() - started, time.process_time() - cpu_started
        with Store.open(settings.db) as store:
            report = run([str(corpus)], store, settings)
        local_s = time.perf_counter() - started
        local_cpu_s = time.process_time() - cpu_started

        spark_db = f"sqlite:///{Path(tmp) / 'spark.db'}"
        steps: list[tuple[float, str]] = []
        started = time.perf_counter()
        session = start_session(args.master)
        cores = session.sparkContext.defaultParallelism
        session_s = time.perf_counter() - started
        try:
            with Store.open(spark_db) as store:
                spark_report = spark_ingest(
                    [str(corpus)],
                    store,
                    settings,
                    session,
                    parquet=str(Path(tmp) / "results.parquet"),
                    on_step=lambda message: steps.append((time.perf_counter(), message)),
                )
        finally:
            session.stop()
        spark_s = time.perf_counter() - started
        # the writer alone: the kept rows stored again into a fresh database, on one core, no Spark
        rows = sorted(
            pq.read_table(Path(tmp) / "results.parquet").to_pylist(),
            key=lambda row: (row["source_index"], row["item_index"]),
        )
        results = [read_row(row) for row in rows]
        with Store.open(f"sqlite:///{Path(tmp) / 'writer.db'}") as store:
            writer_started = time.process_time()
            store_results(results, store, settings)
            writer_cpu_s = time.process_time() - writer_started
        same = extractions(settings.db) == extractions(spark_db)
        assert same, "the Spark run stored other events or interactions than vigie ingest"
        assert spark_report.summary() == report.summary(), (spark_report.summary(), report.summary())
    analyse_s = steps[0][0] - started - session_s
    store_s = steps[1][0] - steps[0][0]
    result = {
        "documents": report.documents,
        "articles": report.articles,
        "events": report.events,
        "interactions": report.interactions,
        "input_bytes": size,
        "same_events_and_interactions": same,
        "ingest_seconds": round(local_s, 1),
        "ingest_spacy_load_seconds": round(load_s, 1),
        "ingest_docs_per_s": round(report.documents / local_s, 2),
        "ingest_spacy_load_cpu_seconds": round(load_cpu_s, 1),
        # one core's work per document, stages and store, the model's loading left out
        "ingest_cpu_ms_per_doc": round(1000 * (local_cpu_s - load_cpu_s) / report.documents, 1),
        "per_core_docs_per_s_cpu": round(report.documents / (local_cpu_s - load_cpu_s), 2),
        "spark_master": args.master,
        "spark_cores": cores,
        "spark_seconds": round(spark_s, 1),
        "spark_session_seconds": round(session_s, 1),
        "spark_analyse_seconds": round(analyse_s, 1),
        "spark_store_seconds": round(store_s, 1),
        "spark_store_ms_per_doc": round(1000 * store_s / report.documents, 1),
        "writer_cpu_ms_per_doc": round(1000 * writer_cpu_s / report.documents, 1),
        "spark_docs_per_s": round(report.documents / spark_s, 2),
        "speedup_wall": round(local_s / spark_s, 2),
        "load_average_1min_at_start": load_at_start,
        "load_average_1min_at_end": round(os.getloadavg()[0], 1),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
    }
    print(json.dumps(result, indent=2))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
