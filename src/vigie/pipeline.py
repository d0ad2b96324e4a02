"""Pipeline: run() takes paths through ingest -> segment -> cluster -> store, one document at a time."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

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

log = logging.getLogger(__name__)

BATCH = 200  # documents looked up in the store with one query, and analysed by spaCy in one stream
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

    Each document is saved in its own transaction: a crash loses at most the document being
    written, and a rerun skips what is already stored. One run writes to a database at a time
    (`Store.writing`); another waits, told through `on_wait`.
    """
    stages = Stages.load(settings.nlp_model) if settings.extract else None
    report = IngestReport()
    sources = list(find_sources(paths))
    with store.writing(on_wait):
        clusterer = Clusterer.load(store.signatures(), settings.dedup_threshold, settings.dedup_lead_words)
        if stages is not None:
            stages = stages.with_places(user_places(store))
        on_total(sum(isinstance(source, Source) for source in sources))
        for batch in _batches(sources, settings.max_bytes):
            docs: list[RawDoc] = []
            for source in batch:
                if isinstance(source, PassedOver):
                    report.passed_over.append(
                        Skip(source.location, f"{shown(source.location)}: {source.reason}")
                    )
                    continue
                if isinstance(source, DocumentError):
                    report.skipped.append(Skip(str(source).split(":", 1)[0], str(source)))
                    continue
                for found in _read_safely(source, settings.max_bytes):
                    if isinstance(found, Notice):
                        report.warnings.append(Skip(found.location, found.message))
                    elif isinstance(found, DocumentError):
                        _skip(report, source.location, found)
                    else:
                        docs.append(found)
                    if len(docs) >= BATCH:  # an archive, a feed or a JSONL file holds many documents
                        _save_all(docs, store, clusterer, report, stages)
                        docs = []
                on_document(source.location)
            _save_all(docs, store, clusterer, report, stages)
    return report


def _read_safely(source: Source, max_bytes: int) -> Iterator[RawDoc | DocumentError | Notice]:
    """The documents of a source; an unexpected failure of a reader ends this source with a
    DocumentError (the documents read before it are kept), never the batch."""
    try:
        yield from read_documents(source, max_bytes)
    except Exception as err:
        yield _unexpected(source.shown, "reading", err)


def _unexpected(where: str, stage: str, err: Exception) -> DocumentError:
    """A bug or an input no rule foresaw, as one skip line; -vv logs the traceback."""
    log.debug("%s: %s failed", where, stage, exc_info=err)
    first = (str(err).strip().splitlines() or [""])[0][:300]
    return DocumentError(
        f"{where}: unexpected error while {stage} ({type(err).__name__}: {first}); "
        "the rest of the batch goes on (-vv shows the traceback; please report it)"
    )


def _save_all(
    docs: list[RawDoc], store: Store, clusterer: Clusterer, report: Report, stages: Stages | None
) -> None:
    """Save documents read together, with one query to know which are stored already, and one
    spaCy stream over all their articles."""
    if not docs:
        return
    known = store.lookup([(raw.sha1, raw.source) for raw in docs])
    pending: list[tuple[RawDoc, list[Article]]] = []
    for raw in docs:  # segment first, so that spaCy gets the whole batch's articles at once
        if raw.sha1 in known.stored:
            report.unchanged += 1
            continue
        try:
            pending.append((raw, segment(raw)))
        except DocumentError as err:
            _skip(report, raw.source, err)
        except Exception as err:
            _skip(report, raw.source, _unexpected(shown(raw.source), "segmenting", err))
    for raw, articles, extraction in _extract_all(pending, stages, report):
        try:
            save_document(raw, store, clusterer, report, known, prepared=(articles, extraction))
        except DocumentError as err:
            _skip(report, raw.source, err)
        except StoreError:
            raise  # the database itself failed (locked, full, unreachable): no document can be saved
        except Exception as err:
            _skip(report, raw.source, _unexpected(shown(raw.source), "saving", err))


def _extract_all(
    pending: list[tuple[RawDoc, list[Article]]], stages: Stages | None, report: Report
) -> list[tuple[RawDoc, list[Article], Found | None]]:
    """What each document reports, in one spaCy stream; when the stream fails, one document at a
    time, so that only the document that broke it is skipped."""
    if stages is None:
        return [(raw, articles, None) for raw, articles in pending]
    limit = min(NLP_PIECE, int(getattr(stages.analyzer.nlp, "max_length", NLP_PIECE)) - 1)
    ready = [
        (raw, [nlp_pieces(article, raw.text, limit) for article in articles]) for raw, articles in pending
    ]
    try:
        found = stages.extract_many(ready)
        return [
            (raw, articles, extraction) for (raw, articles), extraction in zip(pending, found, strict=True)
        ]
    except Exception:
        log.debug("a batch of %d documents failed in extraction; extracting one at a time", len(pending))
    done: list[tuple[RawDoc, list[Article], Found | None]] = []
    for (raw, articles), one in zip(pending, ready, strict=True):
        try:
            done.append((raw, articles, stages.extract_many([one])[0]))
        except Exception as err:
            _skip(report, raw.source, _unexpected(shown(raw.source), "extracting events", err))
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
    report.skipped.append(Skip(location, " ".join(str(err).splitlines())))


def _batches(
    sources: list[Source | DocumentError | PassedOver], max_bytes: int
) -> Iterator[list[Source | DocumentError | PassedOver]]:
    """Groups of sources read together, so that one query tells what is stored already.

    A group holds up to BATCH sources, and at most max(BATCH_BYTES, max_bytes) bytes of files.
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
        if len(batch) >= BATCH or size >= max(BATCH_BYTES, max_bytes):
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
        year = reference_year(raw.text)
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
