"""Spark executors' work: input files -> result rows (read, segment, NLP, events), no Spark needed.

`analyse_partition` runs inside `mapPartitions` on each executor core: the stages are loaded
once per Python worker (`Stages.load` caches them, and Spark reuses its workers from one task to
the next), then the documents go through spaCy in batches, as `vigie ingest` sends them.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from vigie.errors import DocumentError
from vigie.ingest import Notice, Source, read_data, read_documents, shown
from vigie.pipeline import BATCH, NLP_PIECE, Stages, nlp_pieces, segment
from vigie.records import Article, Place, RawDoc
from vigie.spark.rows import Found, document_row, report_row

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Task:
    """One input file for an executor: its place in the run, and its bytes when Spark read them."""

    source_index: int
    location: str
    remote: bool = False  # a file on a Hadoop filesystem: Spark reads it (local paths: the executor)
    data: bytes = b""  # a remote file's bytes


@dataclass(frozen=True, slots=True)
class Options:
    """What the executors need of the run's settings (Settings stays on the driver)."""

    nlp_model: str | None  # None: no extraction (--setting extract false)
    max_bytes: int
    places: tuple[Place, ...] = ()  # the places users added to the database (`vigie places add`)


Pending = tuple[int, int, str, RawDoc, list[Article]]  # source and item index, location, document, articles


def analyse_partition(tasks: Iterable[Task], options: Options) -> Iterator[tuple[Any, ...]]:
    """Result rows (spark/rows.py COLUMNS) of the documents in `tasks`, in any order: the driver
    sorts them by (source_index, item_index)."""
    stages = None
    if options.nlp_model is not None:
        stages = Stages.load(options.nlp_model).with_places(options.places)
    pending: list[Pending] = []
    for task in tasks:
        source = Source(task.location)
        for item_index, found in enumerate(_read(source, task, options.max_bytes)):
            if isinstance(found, Notice):
                yield report_row(task.source_index, item_index, "warning", found.location, found.message)
            elif isinstance(found, DocumentError):
                yield report_row(task.source_index, item_index, "skipped", source.location, _line(found))
            else:
                try:
                    pending.append((task.source_index, item_index, found.source, found, segment(found)))
                except DocumentError as err:
                    yield _skipped(task.source_index, item_index, found, err)
                except Exception as err:
                    yield _skipped(
                        task.source_index, item_index, found, _unexpected(found, "segmenting", err)
                    )
                if len(pending) >= BATCH:
                    yield from _extract(pending, stages)
                    pending = []
    yield from _extract(pending, stages)


def _read(source: Source, task: Task, max_bytes: int) -> Iterator[RawDoc | DocumentError | Notice]:
    """The documents of one input; a reader that fails ends this input with a skip, never the task."""
    try:
        if not task.remote:
            yield from read_documents(source, max_bytes)
        else:
            yield from read_data(source, task.data, max_bytes)
    except Exception as err:
        log.debug("%s: reading failed", source.shown, exc_info=err)
        yield DocumentError(_unexpected_text(source.shown, "reading", err))


def _extract(pending: list[Pending], stages: Stages | None) -> Iterator[tuple[Any, ...]]:
    """Document rows, with what each document reports found in one spaCy stream; when the stream
    fails, one document at a time, so that only the document that broke it is skipped."""
    if stages is None:
        for source_index, item_index, location, raw, articles in pending:
            yield document_row(source_index, item_index, location, raw, articles, None)
        return
    limit = min(NLP_PIECE, int(getattr(stages.analyzer.nlp, "max_length", NLP_PIECE)) - 1)
    ready = [(raw, [nlp_pieces(article, raw.text, limit) for article in articles])
             for _, _, _, raw, articles in pending]  # fmt: skip
    found: list[Found | DocumentError]
    try:
        found = list(stages.extract_many(ready))
    except Exception:
        log.debug("a batch of %d documents failed in extraction; extracting one at a time", len(pending))
        found = [_extract_one(stages, one) for one in ready]
    for (source_index, item_index, location, raw, articles), result in zip(pending, found, strict=True):
        if isinstance(result, DocumentError):
            yield _skipped(source_index, item_index, raw, result)
        else:
            yield document_row(source_index, item_index, location, raw, articles, result)


def _extract_one(stages: Stages, one: tuple[RawDoc, list[Article]]) -> Found | DocumentError:
    try:
        return stages.extract_many([one])[0]
    except Exception as err:
        return _unexpected(one[0], "extracting events", err)


def _skipped(source_index: int, item_index: int, raw: RawDoc, err: DocumentError) -> tuple[Any, ...]:
    # the document's fields go with its skip: the store counts it unchanged when it holds these bytes
    return report_row(source_index, item_index, "skipped", raw.source, _line(err), raw)


def _unexpected(raw: RawDoc, stage: str, err: Exception) -> DocumentError:
    log.debug("%s: %s failed", shown(raw.source), stage, exc_info=err)
    return DocumentError(_unexpected_text(shown(raw.source), stage, err))


def _unexpected_text(where: str, stage: str, err: Exception) -> str:
    """A bug or an input no rule foresaw, worded as `vigie ingest` words it."""
    first = (str(err).strip().splitlines() or [""])[0][:300]
    return (
        f"{where}: unexpected error while {stage} ({type(err).__name__}: {first}); "
        "the rest of the batch goes on (-vv shows the traceback; please report it)"
    )


def _line(err: DocumentError) -> str:
    return " ".join(str(err).splitlines())
