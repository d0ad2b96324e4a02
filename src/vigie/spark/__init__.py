"""Spark stage: `vigie spark ingest` -- inputs on any Hadoop filesystem -> the same database as `vigie ingest`.

Executors read, segment and extract (`mapPartitions`, spark/analyse.py: spaCy loaded once per
Python worker) and write one row per document to Parquet (spark/rows.py); the driver reads the
rows back in input order and stores them with `pipeline.save_document`, the code `vigie ingest`
stores with, a group of documents to a few transactions (`Store.batched`) as `vigie ingest` does.

Why the documents are stored in input order by one writer, rather than clustered in Spark and
merged per cluster by many: near-duplicate clusters and events told by several documents depend
on the order documents are stored in (a cluster keeps its first article's id, a repeated event
joins the one stored first, row ids follow), and the store already admits one writer at a time
(`Store.writing`). Storing in input order through the same code gives the same database as
`vigie ingest` by construction, and on one machine it is cheap: the writer takes 5.6 ms of CPU
a document where the stages take 53 ms per core (docs/scale.md), so the executors do the work
worth spreading; past about ten cores the writer is the bound (docs/scale.md: what lifts it).
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from itertools import islice
from typing import TYPE_CHECKING, Any

from vigie.cluster import Clusterer
from vigie.errors import ConfigError, DocumentError, StoreError
from vigie.ingest import PassedOver, shown
from vigie.pipeline import BATCH, IngestReport, save_document
from vigie.records import Skip
from vigie.settings import Settings
from vigie.spark.analyse import Options, Task, analyse_partition
from vigie.spark.rows import SCHEMA, Result, read_row
from vigie.spark.sources import HadoopFile, holds_files, list_sources
from vigie.store import Store
from vigie.store.places import user_places

if TYPE_CHECKING:
    from pyspark import RDD
    from pyspark.sql import SparkSession

PARTITIONS_PER_CORE = 4  # small tasks even out documents of unequal length between cores


def ingest(
    inputs: Iterable[str],
    store: Store,
    settings: Settings,
    spark: SparkSession,
    parquet: str | None = None,
    partitions: int | None = None,
    on_wait: Callable[[str], None] = lambda message: None,
    on_step: Callable[[str], None] = lambda message: None,
) -> IngestReport:
    """Ingest `inputs` (local paths, folders, globs, Hadoop filesystem URIs) on `spark`, keep the
    per-document results in `parquet` (a temporary folder when None, local mode only), and store them."""
    context = spark.sparkContext
    report = IngestReport()
    tasks: list[Task] = []
    for index, source in enumerate(list_sources(inputs, context)):
        if isinstance(source, PassedOver):
            report.passed_over.append(Skip(source.location, f"{shown(source.location)}: {source.reason}"))
        elif isinstance(source, DocumentError):
            report.skipped.append(Skip(str(source).split(":", 1)[0], str(source)))
        else:
            tasks.append(Task(index, source.location, isinstance(source, HadoopFile)))
    if not tasks:
        return report
    local = (context.master or "").startswith("local")
    if parquet is None and not local:
        raise ConfigError(
            f"on a cluster (master {context.master}) the results need a folder every executor can write: "
            "give --parquet hdfs:///tmp/vigie-run (or s3a://…)"
        )
    if parquet is not None and holds_files(parquet, context):
        raise ConfigError(f"{parquet} exists already: give --parquet a new folder, or remove this one")
    folder = parquet or f"{tempfile.mkdtemp(prefix='vigie-spark-')}/results.parquet"
    options = Options(
        settings.nlp_model if settings.extract else None,
        settings.max_bytes,
        tuple(user_places(store)) if settings.extract else (),
    )
    count = partitions or max(1, min(len(tasks), context.defaultParallelism * PARTITIONS_PER_CORE))
    rows = _task_rdd(tasks, context, count).mapPartitions(partial(analyse_partition, options=options))
    try:
        start = time.perf_counter()
        spark.createDataFrame(rows, schema=SCHEMA).write.parquet(folder)
        on_step(f"{len(tasks)} inputs read, segmented and analysed in {time.perf_counter() - start:.1f} s "
                f"({count} Spark tasks); results in {folder}")  # fmt: skip
        start = time.perf_counter()
        results = spark.read.parquet(folder).orderBy("source_index", "item_index").toLocalIterator()
        report = store_results((read_row(row.asDict()) for row in results), store, settings, report, on_wait)
        on_step(f"results sorted and stored in {time.perf_counter() - start:.1f} s")
        return report
    finally:
        if parquet is None:
            shutil.rmtree(folder.rsplit("/", 1)[0], ignore_errors=True)


def _task_rdd(tasks: list[Task], context: Any, count: int) -> RDD[Task]:
    """Local paths as they are (each executor reads its files), URIs read by Spark into bytes."""
    local = [task for task in tasks if not task.remote]
    indexes: dict[str, list[int]] = {}
    for task in tasks:
        if task.remote:
            indexes.setdefault(task.location, []).append(task.source_index)
    rdd: RDD[Task] = context.parallelize(local, max(1, count * len(local) // len(tasks)))
    if indexes:
        known = context.broadcast(indexes)

        def with_index(item: tuple[str, bytes]) -> list[Task]:
            location, data = item
            return [Task(index, location, True, data) for index in known.value[location]]

        read = context.binaryFiles(",".join(indexes), max(1, count * len(indexes) // len(tasks)))
        rdd = rdd.union(read.flatMap(with_index))
    return rdd


def store_results(
    results: Iterable[Result],
    store: Store,
    settings: Settings,
    report: IngestReport | None = None,
    on_wait: Callable[[str], None] = lambda message: None,
) -> IngestReport:
    """Store result rows in their order, through the path `vigie ingest` stores with: the same
    near-duplicate clusters, merged events and ids. A document whose bytes are stored already
    counts as unchanged; a changed file replaces its older version."""
    report = report if report is not None else IngestReport()
    with store.writing(on_wait):
        clusterer = Clusterer.load(store.signatures(), settings.dedup_threshold, settings.dedup_lead_words)
        for batch in _batches(iter(results)):
            with store.batched():  # a few transactions, not a commit per document (as `vigie ingest`)
                _save_batch(batch, store, clusterer, report)
    return report


def _save_batch(batch: list[Result], store: Store, clusterer: Clusterer, report: IngestReport) -> None:
    known = store.lookup([(item.raw.sha1, item.raw.source) for item in batch if item.raw is not None])
    for item in batch:
        if item.kind == "passed_over":
            report.passed_over.append(Skip(item.location, item.message or ""))
        elif item.kind == "warning":
            report.warnings.append(Skip(item.location, item.message or ""))
        elif item.raw is not None and item.raw.sha1 in known.stored:
            report.unchanged += 1  # a skip too: `vigie ingest` never segments bytes it holds
        elif item.kind == "skipped" or item.raw is None or item.articles is None:
            report.skipped.append(Skip(item.location, item.message or ""))
        else:
            _save(item, store, clusterer, report, known)


def _save(item: Result, store: Store, clusterer: Clusterer, report: IngestReport, known: Any) -> None:
    assert item.raw is not None and item.articles is not None
    try:
        save_document(item.raw, store, clusterer, report, known, prepared=(item.articles, item.found))
    except DocumentError as err:
        report.skipped.append(Skip(item.raw.source, " ".join(str(err).splitlines())))
    except StoreError:
        raise  # the database itself failed (locked, full, unreachable): no document can be saved
    except Exception as err:
        first = (str(err).strip().splitlines() or [""])[0][:300]
        report.skipped.append(Skip(item.raw.source, (
            f"{shown(item.raw.source)}: unexpected error while saving ({type(err).__name__}: {first}); "
            "the rest of the batch goes on (-vv shows the traceback; please report it)")))  # fmt: skip


def _batches(results: Iterator[Result]) -> Iterator[list[Result]]:
    """Results looked up in the store with one query."""
    while batch := list(islice(results, BATCH)):
        yield batch
