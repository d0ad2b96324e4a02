"""`vigie spark ingest`: the ingest pipeline on a Spark cluster (or Spark's local mode), stored as `vigie ingest` stores."""

from __future__ import annotations

import logging
import sys
import warnings
from typing import TYPE_CHECKING

import click

from vigie.cli.options import build_settings, db_option, print_report, say, verbosity
from vigie.errors import ConfigError

if TYPE_CHECKING:
    from pyspark.sql import SparkSession


@click.group()
def spark() -> None:
    """Run Vigie's pipeline on Apache Spark (pip install 'vigie[spark]'; Java 17 or newer).

    Example: vigie spark ingest hdfs:///crawl/2024/ --db postgresql://vigie@db/vigie --parquet hdfs:///tmp/run1
    """


@spark.command("ingest")
@click.argument("inputs", nargs=-1, required=True)
@db_option
@click.option(
    "--master",
    metavar="URL",
    default=None,
    help="Spark master: local[4], spark://host:7077, yarn, k8s://… (default: spark-submit's, else local[*]).",
)
@click.option(
    "--parquet",
    metavar="PATH",
    default=None,
    help="Folder to write the per-document results to, and keep (required on a cluster: hdfs://, s3a://…).",
)
@click.option(
    "--partitions", type=click.IntRange(min=1), default=None, help="Spark tasks (default: 4 per core)."
)
@click.pass_context
def ingest(
    ctx: click.Context,
    inputs: tuple[str, ...],
    db: str | None,
    master: str | None,
    parquet: str | None,
    partitions: int | None,
) -> None:
    """Ingest files, folders, globs and Hadoop filesystem URIs (hdfs://, s3a://, file://) with Spark:
    executors read, segment and extract events (one spaCy per Python worker) and write one row per
    document to Parquet; the driver then stores the rows in input order with the code `vigie ingest`
    stores with, so the database is the one `vigie ingest` makes of the same documents.

    Under spark-submit, run the module vigie/spark/submit.py with the same arguments (docs/scale.md).

    Example: vigie spark ingest dumps/ --master 'local[4]' --db sqlite:///vigie.db
    """
    from vigie.spark import ingest as spark_ingest
    from vigie.store import Store  # imported here: `vigie --help` starts without the store

    settings = build_settings(ctx, db)
    session = start_session(master)
    try:
        with Store.open(settings.db) as store:
            report = spark_ingest(
                list(inputs), store, settings, session, parquet, partitions, on_wait=say,
                on_step=say if verbosity() else lambda message: None,
            )  # fmt: skip
    finally:
        session.stop()
    print_report(report)
    ctx.exit(0 if report.ok else 1)


def start_session(master: str | None) -> SparkSession:
    """A SparkSession: spark-submit's master when run under it, else `master`, else every local core."""
    try:
        from pyspark import SparkConf
        from pyspark.sql import SparkSession
    except ImportError as err:
        raise ConfigError("PySpark is not installed. Run: pip install 'vigie[spark]'") from err
    # PySpark's own check, printed at the first DataFrame: Vigie uses no pandas with Spark
    warnings.filterwarnings(
        "ignore", message="PySpark does not yet fully support pandas", category=FutureWarning
    )
    conf = SparkConf()
    if master is not None:
        conf.setMaster(master)
    elif not conf.contains("spark.master"):
        conf.setMaster("local[*]")
    conf.setIfMissing("spark.app.name", "vigie spark ingest")
    conf.setIfMissing("spark.ui.showConsoleProgress", "true" if sys.stderr.isatty() else "false")
    logging.getLogger("py4j").setLevel(logging.WARNING)
    try:
        session = SparkSession.builder.config(conf=conf).getOrCreate()
    except Exception as err:  # no Java, or a master that cannot be reached
        first = (str(err).strip().splitlines() or [""])[0][:300]
        raise ConfigError(
            f"cannot start Spark: {first}. Spark needs Java 17 or newer (apt-get install openjdk-17-jre-headless)"
        ) from err
    session.sparkContext.setLogLevel("ERROR")
    return session
