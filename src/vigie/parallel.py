"""Parallel stages: sources or RawDocs -> articles and what they report, on N worker processes, in input order.

Reading, segmentation, NLP and extraction are the costly part of an ingest (some 40 ms a
document, spaCy most of it) and need nothing but the document, so they run in worker
processes; one writer (pipeline.run, the crawler) stores the results in the order of the
input, so that the database is the same whatever the number of workers.

  Setup / Context     what a worker loads once: the stages (spaCy), a store to look up stored bytes
  Workers             the processes: a bounded window of jobs, results in job order, crashes contained
  read_sources        a group of sources -> Parts: what reading met, then the documents prepared
  prepare_documents   RawDocs -> Prepared | Known | Skip, the articles of all in one spaCy stream
  extract_in_order    RawDocs -> Prepared | Skip over N workers, in order (re-extraction)

With one worker everything runs in this process, through the same functions.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import islice
from typing import TypeVar

from vigie.errors import DocumentError, VigieError
from vigie.ingest import Notice, PassedOver, Source, shown
from vigie.pipeline import BATCH, Found, Stages, extract_all, read_safely, segment, skip_of, unexpected
from vigie.records import Article, Place, RawDoc, Skip
from vigie.store import Store

log = logging.getLogger(__name__)

J = TypeVar("J")
R = TypeVar("R")
# Jobs in flight per worker: one running and one waiting, so that no worker idles while the writer stores
WINDOW = 2
CRASHED = (
    "a worker process ended abruptly while preparing it (killed, out of memory, or a crash in a "
    "library); the rest of the batch goes on (run the same command again to retry it)"
)


def cpu_count() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def worker_count(setting: int) -> int:
    """How many worker processes the `workers` setting asks for: 0 is one per core.

    >>> worker_count(3), worker_count(0) == cpu_count()
    (3, True)
    """
    return setting if setting > 0 else cpu_count()


def worker_database(store: Store) -> str | None:
    """The URL worker processes open the store with (to look up stored bytes); None for a database
    only this process can see (SQLite in memory): its documents are then prepared here."""
    url = store.engine.url
    if url.get_backend_name() == "sqlite" and (
        url.database in (None, "", ":memory:") or "mode=memory" in str(url)
    ):
        return None
    return url.render_as_string(hide_password=False)


@dataclass(frozen=True, slots=True)
class Prepared:
    """A document ready to store: its articles, and what extraction found (None: extraction is off)."""

    raw: RawDoc
    articles: tuple[Article, ...]
    found: Found | None


@dataclass(frozen=True, slots=True)
class Known:
    """A document whose bytes the store held when the worker looked: neither segmented nor extracted."""

    raw: RawDoc


@dataclass(frozen=True, slots=True)
class Done:
    """A source read to its end (the progress bar advances)."""

    location: str


Note = Notice | PassedOver | Skip | Done


@dataclass(frozen=True, slots=True)
class Part:
    """What a worker made of a group of sources, in order: what reading met, then the documents read.

    A source holding many documents (an archive, a feed, a JSONL file) gives a Part every BATCH
    documents, so that the writer stores them in the same groups whatever the number of workers.
    """

    notes: tuple[Note, ...]
    documents: tuple[Prepared | Known | Skip, ...]


@dataclass(frozen=True, slots=True)
class Setup:
    """What a worker needs to load its stages; sent once to each worker process."""

    nlp_model: str | None  # None: no extraction (articles only)
    places: tuple[Place, ...] = ()  # places users added (`vigie places add`)
    db: str | None = None  # the database, to leave documents already stored unprepared
    max_bytes: int = 20_000_000
    log_level: int = logging.WARNING


@dataclass(frozen=True, slots=True)
class Context:
    """What a worker holds while it works: the loaded stages, and a store to look up stored bytes."""

    stages: Stages | None
    store: Store | None
    max_bytes: int

    @classmethod
    def load(cls, setup: Setup, store: Store | None = None) -> Context:
        stages = Stages.load(setup.nlp_model).with_places(setup.places) if setup.nlp_model else None
        if store is None and setup.db is not None:
            store = Store.open(setup.db, create=False)
        return cls(stages, store, setup.max_bytes)


def read_sources(context: Context, sources: Sequence[Source | DocumentError | PassedOver]) -> list[Part]:
    """Read a group of sources and prepare their documents; whatever fails in one source or document
    is its skip line, never the group's."""
    parts: list[Part] = []
    notes: list[Note] = []
    docs: list[RawDoc] = []
    for source in sources:
        if isinstance(source, PassedOver):
            notes.append(source)
            continue
        if isinstance(source, DocumentError):
            notes.append(Skip(str(source).split(":", 1)[0], str(source)))
            continue
        for found in read_safely(source, context.max_bytes):
            if isinstance(found, Notice):
                notes.append(found)
            elif isinstance(found, DocumentError):
                notes.append(skip_of(source.location, found))
            else:
                docs.append(found)
            if len(docs) >= BATCH:  # an archive, a feed or a JSONL file holds many documents
                parts.append(Part(tuple(notes), tuple(prepare_documents(context, docs))))
                notes, docs = [], []
        notes.append(Done(source.location))
    parts.append(Part(tuple(notes), tuple(prepare_documents(context, docs))))
    return parts


def crashed_sources(sources: Sequence[Source | DocumentError | PassedOver]) -> list[Part]:
    """What the writer is told of a group of sources whose worker died: one skip line per file."""
    notes: list[Note] = []
    for source in sources:
        if isinstance(source, Source):
            notes += [Skip(source.location, f"{source.shown}: {CRASHED}"), Done(source.location)]
        elif isinstance(source, PassedOver):
            notes.append(source)
        else:
            notes.append(Skip(str(source).split(":", 1)[0], str(source)))
    return [Part(tuple(notes), ())]


def prepare_documents(context: Context, docs: Sequence[RawDoc]) -> list[Prepared | Known | Skip]:
    """Segment documents and extract what they report, their articles in one spaCy stream. A
    document that fails is a Skip in its place; one whose bytes are stored already is Known."""
    if not docs:
        return []
    stored = context.store.lookup([(raw.sha1, raw.source) for raw in docs]).stored if context.store else {}
    out: list[Prepared | Known | Skip | None] = []
    pending: list[tuple[RawDoc, list[Article]]] = []
    for raw in docs:
        if raw.sha1 in stored:
            out.append(Known(raw))
            continue
        try:
            pending.append((raw, segment(raw)))
            out.append(None)  # its place, filled once extracted
        except DocumentError as err:
            out.append(skip_of(raw.source, err))
        except Exception as err:
            out.append(skip_of(raw.source, unexpected(shown(raw.source), "segmenting", err)))
    extracted = iter(zip(pending, extract_all(pending, context.stages), strict=True))
    done: list[Prepared | Known | Skip] = []
    for item in out:
        if item is None:
            (raw, articles), found = next(extracted)
            if isinstance(found, DocumentError):
                item = skip_of(raw.source, found)
            else:
                item = Prepared(raw, tuple(articles), found)
        done.append(item)
    return done


def extract_in_order(
    docs: Iterable[RawDoc], setup: Setup, workers: int, batch: int = BATCH
) -> Iterator[Prepared | Skip]:
    """Segment and extract documents on `workers` processes, yielding each result in input order
    (nothing is looked up in a store: every document is prepared). Memory stays flat: at most
    WINDOW batches per worker are in flight.
    """
    plain = Setup(setup.nlp_model, setup.places, None, setup.max_bytes, setup.log_level)
    waiting = iter(docs)
    batches = iter(lambda: list(islice(waiting, batch)), [])
    with Workers(plain, workers) as pool:
        for results in pool.map(prepare_documents, batches, _crashed_documents):
            for result in results:
                assert not isinstance(result, Known)  # no store to look in
                yield result


def _crashed_documents(docs: Sequence[RawDoc]) -> list[Prepared | Known | Skip]:
    return [Skip(raw.source, f"{shown(raw.source)}: {CRASHED}") for raw in docs]


class Workers:
    """Worker processes, each with its stages loaded once; with one worker, this process itself.

    `map` keeps WINDOW jobs per worker in flight and yields results in job order. When a worker
    dies, the jobs in flight run again one at a time on new workers: the one that kills a worker
    again is reported through `crashed`, the others are done.
    """

    def __init__(self, setup: Setup, count: int, store: Store | None = None) -> None:
        self.setup = setup
        self.count = max(1, count)
        self.store = store
        self._local: Context | None = None
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> Workers:
        if self.count == 1:
            self._local = Context.load(self.setup, self.store)
        else:
            self._pool = self._start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            # the running jobs end (seconds), the waiting ones are dropped; stored results are kept
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def local(self) -> Context:
        """The stages in this process (loaded when first asked for, when the work is on workers)."""
        if self._local is None:
            self._local = Context.load(self.setup, self.store)
        return self._local

    def submit(self, func: Callable[[Context, J], R], job: J) -> Future[R]:
        """Run one job on a worker (a new pool if a worker died); in this process with one worker."""
        if self._pool is None:
            future: Future[R] = Future()
            try:
                future.set_result(func(self.local(), job))
            except Exception as err:
                future.set_exception(err)
            return future
        try:
            return self._pool.submit(_run_job, func, job)
        except BrokenProcessPool:
            self._restart()
            return self._pool.submit(_run_job, func, job)

    def map(
        self, func: Callable[[Context, J], R], jobs: Iterable[J], crashed: Callable[[J], R]
    ) -> Iterator[R]:
        """func(context, job) for each job, in order."""
        if self._pool is None:
            context = self.local()
            for job in jobs:
                yield func(context, job)
            return
        waiting = iter(jobs)
        window: deque[tuple[J, Future[R]]] = deque()
        while True:
            for job in islice(waiting, WINDOW * self.count - len(window)):
                window.append((job, self.submit(func, job)))
            if not window:
                return
            job, future = window[0]
            try:
                result = future.result()
            except BrokenProcessPool:
                log.warning("a worker process ended abruptly; the %d jobs in flight run again", len(window))
                yield from self._recover(func, window, crashed)
                continue
            window.popleft()
            yield result

    def _recover(
        self, func: Callable[[Context, J], R], window: deque[tuple[J, Future[R]]], crashed: Callable[[J], R]
    ) -> Iterator[R]:
        """The jobs of a broken pool, in order: a finished one's result, else the job run alone."""
        self._restart()
        while window:
            job, future = window.popleft()
            if future.done() and not future.cancelled() and future.exception() is None:
                yield future.result()
                continue
            if future.done() and not future.cancelled():
                error = future.exception()
                if not isinstance(error, BrokenProcessPool):
                    raise error  # type: ignore[misc]
            try:
                yield self.submit(func, job).result()
            except BrokenProcessPool:
                self._restart()
                yield crashed(job)

    def _start(self) -> ProcessPoolExecutor:
        # spawn: a fresh interpreter, whatever threads and locks this process holds (a progress bar)
        return ProcessPoolExecutor(
            self.count,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(self.setup, os.getpid()),
        )

    def _restart(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
        self._pool = self._start()


_context: Context | VigieError | None = None  # a worker process's stages, or why they failed to load


def _start_worker(setup: Setup, parent: int) -> None:
    global _context
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the writer's to handle: it stops the workers
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    # as the command set it up: libraries' chatter only with -vv, Vigie's warnings always
    debug = setup.log_level <= logging.DEBUG
    logging.basicConfig(
        level=logging.DEBUG if debug else logging.ERROR, format="%(levelname)s: %(name)s: %(message)s"
    )
    logging.getLogger("vigie").setLevel(setup.log_level)
    try:
        _context = Context.load(setup)
    except VigieError as err:  # told to the writer at the first job: "spaCy model … is not installed"
        _context = err


def _watch_parent(parent: int) -> None:
    """End this worker when the writer is gone (killed): an orphan would hold its spaCy model for ever."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def _run_job(func: Callable[[Context, J], R], job: J) -> R:
    if isinstance(_context, VigieError):
        raise _context
    assert _context is not None, "the worker was not started by Workers"
    return func(_context, job)
