"""`vigie spark ingest` in Spark's local mode makes the database `vigie ingest` makes (issue 14).

One Spark run (local[2]) over the demo sample, the text, HTML, feed and near-duplicate fixtures,
and a folder holding a WARC archive, a JSONL file and a photo, given as a file:// URI so that
Spark's Hadoop filesystem reads it. The rows it keeps in Parquet are also stored, without Spark,
into a fresh SQLite database and into a throw-away PostgreSQL. Skipped where Java or PySpark is
missing, except in CI, where scripts/test.sh installs them and a missing one is a failure.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from sqlalchemy import MetaData, create_engine, event, select

from tests.conftest import FIXTURES, ROOT
from tests.ingest.test_web_formats import GAO, GAO_URL, MOPTI, MOPTI_URL, write_warc
from tests.store.test_postgres import postgres_url  # noqa: F401 (a fixture: a throw-away PostgreSQL)
from vigie.cli import cli
from vigie.export import document_records, interaction_rows
from vigie.settings import Settings
from vigie.spark import store_results
from vigie.spark.rows import read_row
from vigie.store import Store
from vigie.store.events import read_interactions
from vigie.store.packed import register

pytestmark = pytest.mark.slow
SAMPLE = ROOT / "src" / "vigie" / "data" / "sample"
BONI = FIXTURES / "nearduplicates" / "maliweb-2024-03-06-boni.txt"
# when each document was ingested: the one column two runs on the same documents cannot share
LEFT_OUT = ("ingested_at",)
LINKED = re.compile(r", [1-9]\d* linked as near-duplicates;")


@dataclass(frozen=True)
class Runs:
    local: Any  # click Results
    spark: Any
    local_db: str
    spark_db: str
    parquet: Path
    web: Path


def _need_spark() -> None:
    missing = []
    try:
        import pyspark  # noqa: F401
    except ImportError:
        missing.append("PySpark (pip install 'vigie[spark]')")
    java = shutil.which("java")
    if java is None or subprocess.run([java, "-version"], capture_output=True).returncode != 0:
        missing.append("Java (apt-get install openjdk-17-jre-headless)")
    if missing:
        message = f"the Spark test needs {' and '.join(missing)}"
        if os.environ.get("CI"):
            pytest.fail(f"{message}; scripts/test.sh should have installed it")
        pytest.skip(message)


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Runs]:
    _need_spark()
    tmp = tmp_path_factory.mktemp("spark")
    web = tmp / "web"
    web.mkdir()
    write_warc(web / "crawl.warc.gz", [(MOPTI_URL, MOPTI.read_bytes(), "200 OK"),
                                        (GAO_URL, GAO.read_bytes(), "200 OK")], compress=True)  # fmt: skip
    text = BONI.read_text(encoding="utf-8")
    lines = [{"url": "https://www.maliweb.net/boni-repris/", "text": text}, {"titre": "sans url"}]
    (web / "pages.jsonl").write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    (web / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    folders = [SAMPLE, *(FIXTURES / name for name in ("text", "html", "feed", "nearduplicates"))]
    inputs = [str(path) for path in folders]
    local_db, spark_db = f"sqlite:///{tmp / 'local.db'}", f"sqlite:///{tmp / 'spark.db'}"
    parquet = tmp / "results.parquet"
    runner = CliRunner()
    local = runner.invoke(cli, ["ingest", *inputs, str(web), "--db", local_db])
    spark = runner.invoke(cli, ["spark", "ingest", *inputs, f"file://{web}", "--master", "local[2]",
                                "--parquet", str(parquet), "--db", spark_db])  # fmt: skip
    yield Runs(local, spark, local_db, spark_db, parquet, web)


def dump(url: str, web: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (times of ingestion left out), sorted; paths read through Hadoop
    ("file:/tmp/…/web/crawl.warc.gz") written as local ones."""
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":  # articles_fts reads its text through vigie_article_text (0014)
        event.listen(engine, "connect", lambda connection, _: register(connection))
    tables = MetaData()
    tables.reflect(engine)
    rows = {}
    with engine.connect() as connection:
        for table in tables.sorted_tables:
            columns = [column for column in table.columns if column.name not in LEFT_OUT]
            rows[table.name] = sorted(
                (tuple(_local(value, web) for value in row) for row in connection.execute(select(*columns))),
                key=repr,
            )
    engine.dispose()
    return rows


def _local(value: Any, web: Path) -> Any:
    return (
        str(web) + value[len(f"file:{web}") :]
        if isinstance(value, str) and value.startswith(f"file:{web}")
        else value
    )


def _report(output: str, web: Path) -> tuple[list[str], str]:
    """The skip and warning lines (sorted: Spark reads the inputs in parallel), and the summary."""
    lines = [line.replace(f"file:{web}", str(web)) for line in output.splitlines()]
    return sorted(line for line in lines if line.startswith(("skipped: ", "warning: "))), lines[-1]


def test_spark_stores_the_same_database_as_ingest(runs: Runs) -> None:
    # 1: sample.gold.jsonl and the JSONL line without a url are skipped
    assert runs.spark.exit_code == runs.local.exit_code == 1, runs.spark.output
    local, spark = dump(runs.local_db, runs.web), dump(runs.spark_db, runs.web)
    assert local.keys() == spark.keys()
    for table in local:
        assert spark[table] == local[table], table
    assert len(local["documents"]) == 29
    # the rules ran (their exact counts change with them, and are compared above)
    assert len(local["events"]) >= 15 and len(local["interactions"]) >= 15


def test_spark_reports_what_ingest_reports(runs: Runs) -> None:
    skips, summary = _report(runs.local.stderr, runs.web)
    assert summary.startswith("29 documents, ")
    assert summary.endswith(
        "2 unchanged; 15 documents skipped; 2 files of unknown kind passed over (-v lists them)"
    )
    assert LINKED.search(summary) is not None  # the near-duplicate fixtures, the JSONL copy of one
    assert (
        f'skipped: {runs.web}/pages.jsonl line 2: expected an object with "url" and "html" or "text"' in skips
    )
    assert _report(runs.spark.stderr, runs.web) == (skips, summary)


def _rows(parquet: Path) -> list[dict[str, Any]]:
    """The kept result rows, in the order the job stores them (read without Spark)."""
    return sorted(
        pq.read_table(parquet).to_pylist(), key=lambda row: (row["source_index"], row["item_index"])
    )


def _extraction(store: Store) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Documents with their events and interactions, and every interaction's row. Two interactions
    told by one sentence come in an order the database chooses (SQLite and PostgreSQL differ):
    a document's events and interactions are compared sorted."""
    records = [
        {**record, "events": _sorted(record["events"]), "interactions": _sorted(record["interactions"])}
        for record in document_records(store.articles(), store.document_extractions())
    ]
    return records, _sorted(interaction_rows(read_interactions(store)))


def _sorted(items: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(items, key=lambda item: json.dumps(item, sort_keys=True, default=str))


def test_the_rows_stored_into_postgresql_give_what_ingest_gives(runs: Runs, postgres_url: str) -> None:  # noqa: F811
    with Store.open(postgres_url) as store:
        report = store_results((read_row(row) for row in _rows(runs.parquet)), store, Settings())
        on_postgres = _extraction(store)
    with Store.open(runs.local_db) as store:
        on_sqlite = _extraction(store)
    assert report.documents == 29
    assert on_postgres == on_sqlite
    assert sum(len(record["events"]) for record in on_sqlite[0]) >= 15


def test_the_parquet_rows_alone_give_the_database_again(runs: Runs, tmp_path: Path) -> None:
    rows = _rows(runs.parquet)
    again = f"sqlite:///{tmp_path / 'again.db'}"
    with Store.open(again) as store:
        store_results((read_row(row) for row in rows), store, Settings())
    with Store.open(runs.spark_db) as store:
        twice = store_results((read_row(row) for row in rows), store, Settings())
    assert dump(again, runs.web) == dump(runs.spark_db, runs.web)
    assert (twice.documents, twice.unchanged) == (0, 31)  # the 29 stored and the 2 copies
