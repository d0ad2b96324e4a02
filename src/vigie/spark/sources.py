"""Spark inputs: paths and Hadoop filesystem URIs -> the run's sources, in the order `vigie ingest` takes them.

A local path (file, folder, glob) is expanded by `ingest.find_sources`, exactly as `vigie ingest`
expands it; a URI ("hdfs://nn/crawl/", "s3a://bucket/2024/*.warc.gz", "file:///data/pages/") is
listed through Hadoop's FileSystem on the driver, with the same rules: folders recursively, hidden
files left out (and Hadoop's "_SUCCESS" markers), files of unknown kinds passed over, sorted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from vigie.errors import DocumentError
from vigie.ingest import TEXT_SUFFIXES, WEB_SUFFIXES, PassedOver, Source, find_sources, shown

if TYPE_CHECKING:
    from pyspark import SparkContext

# "hdfs://namenode:8020/crawl", "s3a://bucket/pages", "file:///data": read through Hadoop's FileSystem
URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


@dataclass(frozen=True, slots=True)
class HadoopFile:
    """A file listed through Hadoop's FileSystem ("hdfs://nn:8020/crawl/a.warc.gz"): Spark reads its bytes."""

    location: str


def is_uri(given: str) -> bool:
    """Whether an input is read through Hadoop's FileSystem rather than as a local path.

    >>> is_uri("hdfs://nn/crawl/2024"), is_uri("dumps/maliweb.txt"), is_uri("C:/dumps")
    (True, False, False)
    """
    return URI.match(given) is not None


def list_sources(
    inputs: Iterable[str], context: SparkContext | None
) -> Iterator[Source | HadoopFile | DocumentError | PassedOver]:
    """Every input's sources, in order; `context` lists the URIs (None when there are none)."""
    for given in inputs:
        if not is_uri(given):
            yield from find_sources([given])
        elif context is None:
            raise ValueError("a SparkContext is needed to list URIs")
        else:
            yield from _hadoop_sources(given, context)


def _hadoop_sources(given: str, context: SparkContext) -> Iterator[HadoopFile | DocumentError | PassedOver]:
    jvm: Any = context._jvm
    path = jvm.org.apache.hadoop.fs.Path(given)
    try:
        filesystem = path.getFileSystem(context._jsc.hadoopConfiguration())
        statuses = filesystem.globStatus(path)
    except Exception as err:  # py4j's Java exception: no filesystem for this scheme, unreachable host
        first = (str(err).strip().splitlines() or [""])[0][:300]
        yield DocumentError(f"{shown(given)}: cannot list: {first}")
        return
    if not statuses:
        yield DocumentError(f"{shown(given)}: no such file, folder or glob match")
        return
    for status in statuses:
        if not status.isDirectory():
            yield HadoopFile(status.getPath().toString())
            continue
        root = status.getPath().toString().rstrip("/")
        found: list[str] = []
        files = filesystem.listFiles(status.getPath(), True)
        while files.hasNext():
            found.append(files.next().getPath().toString())
        for location in sorted(found, key=lambda name: name.split("/")):
            yield from _kept(location, root)


def _kept(location: str, root: str) -> Iterator[HadoopFile | PassedOver]:
    """A file found in a listed folder, as `find_sources` takes a file in a local folder."""
    relative = PurePosixPath(location[len(root) :].lstrip("/"))
    if any(part.startswith((".", "_")) for part in relative.parts):
        return  # hidden files and folders (".git/"), and Hadoop's own ("_SUCCESS", "_temporary/")
    if relative.suffix.lower() in TEXT_SUFFIXES | WEB_SUFFIXES or relative.name.lower().endswith(".warc.gz"):
        yield HadoopFile(location)
    else:
        yield PassedOver(location, f"unknown kind of file ({relative.suffix.lower()})")


def holds_files(folder: str, context: SparkContext) -> bool:
    """Whether a results folder (a local path or a URI) exists already: Spark would refuse to write it."""
    jvm: Any = context._jvm
    path = jvm.org.apache.hadoop.fs.Path(folder)
    return bool(path.getFileSystem(context._jsc.hadoopConfiguration()).exists(path))
