"""Pipeline: run() takes paths through ingest -> segment -> cluster -> store, one document at a time."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from vigie.cluster import Clusterer
from vigie.errors import DocumentError, StoreError
from vigie.events import Extractor, merge_events, merge_interactions
from vigie.frdate import FULL_DATE, fold
from vigie.geo import PATTERNS, Gazetteer, Recording, fold_name
from vigie.ingest import STDIN, Notice, PassedOver, Source, find_sources, read_documents, shown
from vigie.nlp import Analysis, Analyzer
from vigie.page import page_articles
from vigie.records import Article, Event, Interaction, Place, PlaceName, RawDoc, Report, Skip
from vigie.segment import split_articles
from vigie.settings import Settings
from vigie.store import Lookup, Store
from vigie.store.places import user_places

if TYPE_CHECKING:
    from vigie.parallel import Context, Known, Prepared

log = logging.getLogger(__name__)

BATCH = 200  # documents looked up in the store with one query, and analysed by spaCy in one stream
JOB = 50  # sources a worker reads at a time: small enough that N workers share the end of a batch evenly
# what the events stage found in one document: events, interactions, place names met
Found = tuple[list[Event], list[Interaction], list[PlaceName]]
BATCH_BYTES = 50_000_000
# Longest piece of text handed to spaCy at once: it refuses texts over nlp.max_length (1,000,000
# characters, error E088) and needs about 1 GB per 100,000 characters; a paragraph longer than
# this is cut at a sentence end (else at a space) into pieces, never dropped.
NLP_PIECE = 100_000
# Where a long paragraph may be cut: after a sentence ("… à Ségou. Les"), else at a space
SENTENCE_END = re.compile(r"[.!?…»]\s+")
SPACE = re.compile(r"\s+")


@dataclass(slots=True)
class IngestReport(Report):
    """A run's Report, with what reading noticed: warnings about documents kept, files passed over.

    TODO(#12): move into records.py beside Report (left here while records.py is being changed).
    """

    warnings: list[Skip] = field(default_factory=list)  # documents stored, with something to know
    passed_over: list[Skip] = field(default_factory=list)  # files in folders Vigie does not read

    def summary(self) -> str:
        """One line for the end of a batch, with the files passed over when there were some.

        >>> IngestReport(documents=1, articles=1, passed_over=[Skip("a.jpg", "a.jpg: unknown kind")]).summary()
        '1 documents, 1 articles (0 teasers), 0 events, 0 interactions, 0 linked as near-duplicates; 0 unchanged; 0 documents skipped; 1 files of unknown kind passed over (-v lists them)'
        """
        line = Report.summary(self)
        if self.passed_over:
            line += f"; {len(self.passed_over)} files of unknown kind passed over (-v lists them)"
        return line


def run(
    paths: Iterable[str],
    store: Store,
    settings: Settings,
    on_total: Callable[[int], None] = lambda total: None,
    on_document: Callable[[str], None] = lambda source: None,
    on_wait: Callable[[str], None] = lambda message: None,
) -> IngestReport:
    """Ingest, segment, cluster and save. A bad document is skipped with its reason, never fatal:
    whatever goes wrong while reading, segmenting or extracting one document is that document's
    skip line, and the rest of the batch is stored.

    Reading, segmentation and extraction run on `settings.workers` processes (vigie.parallel);
    this process stores what they give back in input order, so that the database is the same
    whatever the number of workers. The documents of a group are saved in a few transactions
    (`Store.batched`), a bad one rolled back alone: Ctrl-C keeps every document saved before it, a
    crash loses at most the batch being written (64 documents or 1 s), and a rerun skips what is
    already stored.
    One run writes to a database at a time (`Store.writing`); another waits, told through `on_wait`.
    """
    # vigie.parallel imports this module's stages
    from vigie.parallel import Setup, Workers, crashed_sources, read_sources, worker_count, worker_database

    report = IngestReport()
    sources = list(find_sources(paths))
    jobs = list(_batches(sources, settings.max_bytes))
    with store.writing(on_wait):
        clusterer = Clusterer.load(store.signatures(), settings.dedup_threshold, settings.dedup_lead_words)
        setup = Setup(
            settings.nlp_model if settings.extract else None,
            tuple(user_places(store)),
            worker_database(store),
            settings.max_bytes,
            logging.getLogger("vigie").getEffectiveLevel(),
        )
        # one job needs one worker: a single file is read in this process, without starting any
        count = min(worker_count(settings.workers), len(jobs)) if setup.db is not None else 1
        on_total(sum(isinstance(source, Source) for source in sources))
        with Workers(setup, count, store) as workers:
            for parts in workers.map(read_sources, jobs, crashed_sources):
                for part in parts:
                    for note in part.notes:
                        if isinstance(note, Notice):
                            report.warnings.append(Skip(note.location, note.message))
                        elif isinstance(note, PassedOver):
                            report.passed_over.append(
                                Skip(note.location, f"{shown(note.location)}: {note.reason}")
                            )
                        elif isinstance(note, Skip):
                            log.debug("skipped %s: %s", shown(note.source), note.reason)
                            report.skipped.append(note)
                        else:
                            on_document(note.location)
                    store_documents(part.documents, store, clusterer, report, workers.local)
    return report


def store_documents(
    documents: Sequence[Prepared | Known | Skip],
    store: Store,
    clusterer: Clusterer,
    report: Report,
    local: Callable[[], Context],
) -> None:
    """Store prepared documents in their order, with one query to know which are stored already.

    `local`: the stages of this process, for a document a worker left unprepared because its
    bytes were stored, and whose stored copy a changed file replaced since. The group is saved in
    one batch of transactions (`Store.batched`), committed when it is stored.
    """
    if not documents:
        return
    with store.batched():
        _store_documents(documents, store, clusterer, report, local)


def _store_documents(
    documents: Sequence[Prepared | Known | Skip],
    store: Store,
    clusterer: Clusterer,
    report: Report,
    local: Callable[[], Context],
) -> None:
    from vigie.parallel import Known, prepare_documents

    known = store.lookup(
        [(item.raw.sha1, item.raw.source) for item in documents if not isinstance(item, Skip)]
    )
    for item in documents:
        if isinstance(item, Known) and item.raw.sha1 not in known.stored:
            [item] = prepare_documents(replace(local(), store=None), [item.raw])
        if isinstance(item, Skip):
            log.debug("skipped %s: %s", shown(item.source), item.reason)
            report.skipped.append(item)
            continue
        raw = item.raw
        prepared = (list(item.articles), item.found) if not isinstance(item, Known) else ([], None)
        try:
            save_document(raw, store, clusterer, report, known, prepared=prepared)
        except DocumentError as err:
            _skip(report, raw.source, err)
        except StoreError:
            raise  # the database itself failed (locked, full, unreachable): no document can be saved
        except Exception as err:
            _skip(report, raw.source, unexpected(shown(raw.source), "saving", err))


def read_safely(source: Source, max_bytes: int) -> Iterator[RawDoc | DocumentError | Notice]:
    """The documents of a source; an unexpected failure of a reader ends this source with a
    DocumentError (the documents read before it are kept), never the batch."""
    try:
        yield from read_documents(source, max_bytes)
    except Exception as err:
        yield unexpected(source.shown, "reading", err)


def unexpected(where: str, stage: str, err: Exception) -> DocumentError:
    """A bug or an input no rule foresaw, as one skip line; -vv logs the traceback."""
    log.debug("%s: %s failed", where, stage, exc_info=err)
    first = (str(err).strip().splitlines() or [""])[0][:300]
    return DocumentError(
        f"{where}: unexpected error while {stage} ({type(err).__name__}: {first}); "
        "the rest of the batch goes on (-vv shows the traceback; please report it)"
    )


def extract_all(
    pending: Sequence[tuple[RawDoc, list[Article]]], stages: Stages | None
) -> list[Found | DocumentError | None]:
    """What each document reports (None when extraction is off), in one spaCy stream; when the
    stream fails, one document at a time, so that only the document that broke it fails."""
    if stages is None:
        return [None] * len(pending)
    limit = min(NLP_PIECE, int(getattr(stages.analyzer.nlp, "max_length", NLP_PIECE)) - 1)
    ready = [
        (raw, [nlp_pieces(article, raw.text, limit) for article in articles]) for raw, articles in pending
    ]
    try:
        return list(stages.extract_many(ready))
    except Exception:
        log.debug("a batch of %d documents failed in extraction; extracting one at a time", len(pending))
    done: list[Found | DocumentError | None] = []
    for raw, one in ready:
        try:
            done.append(stages.extract_many([(raw, one)])[0])
        except Exception as err:
            done.append(unexpected(shown(raw.source), "extracting events", err))
    return done


def nlp_pieces(article: Article, text: str, limit: int = NLP_PIECE) -> Article:
    """The article as the NLP stage takes it: each paragraph over `limit` characters cut into
    pieces at sentence ends (else at spaces), so that spaCy never refuses a text as too long.

    >>> body = "Les FAMa sont à Ségou. Le calme est revenu."
    >>> long = Article("d", 0, "full", None, None, None, body, 0, 43, ((0, 43),))
    >>> [body[s:e] for s, e in nlp_pieces(long, body, limit=30).spans]
    ['Les FAMa sont à Ségou. ', 'Le calme est revenu.']
    """
    title = article.title if len(article.title or "") <= limit else None
    if title == article.title and all(end - start <= limit for start, end in article.spans):
        return article
    spans = tuple(
        (start + a, start + b) for start, end in article.spans for a, b in cut_text(text[start:end], limit)
    )
    return replace(article, spans=spans, title=title)


def cut_text(paragraph: str, limit: int) -> list[tuple[int, int]]:
    """Offsets of pieces of at most `limit` characters, cut after a sentence, else at a space.

    >>> cut_text("Un convoi attaqué. Deux morts. Trois blessés.", 20)
    [(0, 19), (19, 31), (31, 45)]
    """
    pieces: list[tuple[int, int]] = []
    start = 0
    while len(paragraph) - start > limit:
        window = paragraph[start : start + limit]
        ends = [m.end() for m in SENTENCE_END.finditer(window)] or [m.end() for m in SPACE.finditer(window)]
        cut = ends[-1] if ends and ends[-1] < limit else limit
        pieces.append((start, start + cut))
        start += cut
    pieces.append((start, len(paragraph)))
    return pieces


def _skip(report: Report, location: str, err: DocumentError) -> None:
    log.debug("skipped %s: %s", shown(location), err)
    report.skipped.append(skip_of(location, err))


def skip_of(location: str, err: DocumentError) -> Skip:
    """A document's skip line: the error's message on one line."""
    return Skip(location, " ".join(str(err).splitlines()))


def _batches(
    sources: list[Source | DocumentError | PassedOver], max_bytes: int
) -> Iterator[list[Source | DocumentError | PassedOver]]:
    """Groups of sources read together, so that one query tells what is stored already.

    A group holds up to JOB sources, and at most max(BATCH_BYTES, max_bytes) bytes of files.
    """
    batch: list[Source | DocumentError | PassedOver] = []
    size = 0
    for source in sources:
        batch.append(source)
        if isinstance(source, Source) and source.location != STDIN:
            try:
                size += Path(source.location).stat().st_size
            except OSError:
                pass  # read() will name the problem
        if len(batch) >= JOB or size >= max(BATCH_BYTES, max_bytes):
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


@dataclass(frozen=True, slots=True)
class Stages:
    """The loaded stages after segmentation: NLP, events and geocoding."""

    analyzer: Analyzer
    extractor: Extractor
    gazetteer: Gazetteer

    @classmethod
    @lru_cache(maxsize=2)
    def load(cls, nlp_model: str) -> Stages:
        """Load once per process: the spaCy model takes seconds, and the stages hold no run state."""
        return cls(Analyzer.load(nlp_model), Extractor.load(), Gazetteer.load())

    def with_places(self, places: Sequence[Place]) -> Stages:
        """These stages, with a gazetteer that also knows the places users added (`vigie places add`)."""
        return replace(self, gazetteer=_gazetteer_with(tuple(places))) if places else self

    def __call__(self, raw: RawDoc, articles: list[Article]) -> Found:
        """Events and interactions of one document, merged over its articles, and the place names
        the gazetteer was asked about (known or not)."""
        return self.extract_many([(raw, articles)])[0]

    def extract_many(self, documents: Sequence[tuple[RawDoc, list[Article]]]) -> list[Found]:
        """What each document reports; spaCy analyses the articles of all of them in one stream."""
        analysed = self.analyzer.analyse_documents([(articles, raw.text) for raw, articles in documents])
        return [
            self._extract(raw, articles, analyses)
            for (raw, articles), analyses in zip(documents, analysed, strict=True)
        ]

    def _extract(self, raw: RawDoc, articles: list[Article], analyses: list[Analysis]) -> Found:
        # the year the page implies (FORMAT.md): its latest full date, else its articles' publication
        years = [article.published.year for article in articles if article.published is not None]
        year = reference_year(raw.text) or max(years, default=None)
        home = self.extractor.page_country(raw.text)
        events: list[Event] = []
        interactions: list[Interaction] = []
        names: list[PlaceName] = []
        for article, analysis in zip(articles, analyses, strict=True):
            recording = Recording(self.gazetteer, article.id)
            found = self.extractor(article, analysis, recording, year, home)
            events += found.events
            interactions += [_placed(item, recording) for item in found.interactions]
            names += recording.names
        return merge_events(events), merge_interactions(interactions), names


@lru_cache(maxsize=2)
def _gazetteer_with(places: tuple[Place, ...]) -> Gazetteer:
    return Gazetteer.load(extra=places)


def _placed(item: Interaction, gazetteer: Recording) -> Interaction:
    """An interaction with the place of its venue ("à Niamey"), when the gazetteer knows it, else a
    world capital or major city ("à Moscou", "à Abu Dhabi"); a name that is no place ("Barkhane",
    geo_patterns.toml's not_places) is no venue."""
    if item.place is not None or not item.location:
        return item
    if fold_name(item.location) in PATTERNS.not_places:
        return replace(item, location=None)
    sentence = item.evidence[0].sentence
    place = gazetteer.resolve(item.location, sentence) or gazetteer.resolve_abroad(item.location, sentence)
    return replace(item, place=place)


def reference_year(text: str) -> int | None:
    """The latest year of a full date in a document: dates "lundi 18 août" of an undated page.

    >>> reference_year("le 13 septembre 2025 … le 22 septembre 2025 … en 2006")
    2025
    """
    years = [int(m["year"]) for m in FULL_DATE.finditer(fold(text))]
    return max(years) if years else None


def segment(raw: RawDoc) -> list[Article]:
    """The articles of a document: a web page is one, a dump is cut by the segmenter."""
    articles = page_articles(raw, raw.page) if raw.page is not None else split_articles(raw)
    if not articles:
        raise DocumentError(f"{raw.source}: no article text found (only headlines or page furniture)")
    return articles


def save_document(
    raw: RawDoc,
    store: Store,
    clusterer: Clusterer,
    report: Report,
    known: Lookup,
    stages: Stages | None = None,
    prepared: tuple[list[Article], Found | None] | None = None,
) -> None:
    """Segment one document, extract what it reports, and store it, unless the same bytes are stored.

    `prepared`: the articles and extraction `run` already made for a whole batch.
    """
    if raw.sha1 in known.stored:
        report.unchanged += 1
        return
    if prepared is not None:
        articles, found = prepared
    else:
        articles = segment(raw)
        found = stages(raw, articles) if stages is not None else None
    replaces = known.holding.get(raw.source)
    if replaces is not None:
        clusterer.forget(store.article_ids(replaces))
    events, interactions, toponyms = found if found is not None else ([], [], [])
    clustered = clusterer.assign(articles)
    try:
        store.save_document(
            raw, clustered, replaces=replaces, events=events, interactions=interactions, toponyms=toponyms
        )
    except Exception:
        clusterer.forget(a.id for a in articles)
        raise
    known.stored[raw.sha1] = raw.source
    known.holding[raw.source] = raw.sha1
    report.documents += 1
    report.replaced += replaces is not None
    report.articles += len(articles)
    report.teasers += sum(a.kind == "teaser" for a in articles)
    report.linked += sum(item.cluster_id != item.article.id for item in clustered)
    report.events += len(events)
    report.interactions += len(interactions)
