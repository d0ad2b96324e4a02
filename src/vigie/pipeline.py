"""Pipeline: run() takes paths through ingest -> segment -> cluster -> store, one document at a time."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from vigie.cluster import Clusterer
from vigie.errors import DocumentError
from vigie.events import Extractor, merge_events, merge_interactions
from vigie.frdate import FULL_DATE, fold
from vigie.geo import Gazetteer, Recording
from vigie.ingest import STDIN, Source, find_sources, read_documents
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


def run(
    paths: Iterable[str],
    store: Store,
    settings: Settings,
    on_total: Callable[[int], None] = lambda total: None,
    on_document: Callable[[str], None] = lambda source: None,
) -> Report:
    """Ingest, segment, cluster and save. A bad document is skipped with its reason, never fatal.

    Each document is saved in its own transaction: a crash loses at most the document being
    written, and a rerun skips what is already stored.
    """
    clusterer = Clusterer.load(store.signatures(), settings.dedup_threshold, settings.dedup_lead_words)
    stages = Stages.load(settings.nlp_model).with_places(user_places(store)) if settings.extract else None
    report = Report()
    sources = list(find_sources(paths))
    on_total(len(sources))
    for batch in _batches(sources, settings.max_bytes):
        docs: list[RawDoc] = []
        for source in batch:
            if isinstance(source, DocumentError):
                report.skipped.append(Skip(str(source).split(":", 1)[0], str(source)))
                on_document("")
                continue
            for found in read_documents(source, settings.max_bytes):
                if isinstance(found, DocumentError):
                    _skip(report, source.location, found)
                else:
                    docs.append(found)
                if len(docs) >= BATCH:  # an archive, a feed or a JSONL file holds many documents
                    _save_all(docs, store, clusterer, report, stages)
                    docs = []
            on_document(source.location)
        _save_all(docs, store, clusterer, report, stages)
    return report


def _save_all(
    docs: list[RawDoc], store: Store, clusterer: Clusterer, report: Report, stages: Stages | None
) -> None:
    """Save documents read together, with one query to know which are stored already, and one
    spaCy stream over all their articles."""
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
    extracted = stages.extract_many(pending) if stages is not None else [None] * len(pending)
    for (raw, articles), extraction in zip(pending, extracted, strict=True):
        try:
            save_document(raw, store, clusterer, report, known, prepared=(articles, extraction))
        except DocumentError as err:
            _skip(report, raw.source, err)


def _skip(report: Report, location: str, err: DocumentError) -> None:
    log.debug("skipped %s: %s", location, err)
    report.skipped.append(Skip(location, str(err)))


def _batches(sources: list[Source | DocumentError], max_bytes: int) -> Iterator[list[Source | DocumentError]]:
    """Groups of sources read together, so that one query tells what is stored already.

    A group holds up to BATCH sources, and at most max(BATCH_BYTES, max_bytes) bytes of files.
    """
    batch: list[Source | DocumentError] = []
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
        events: list[Event] = []
        interactions: list[Interaction] = []
        names: list[PlaceName] = []
        for article, analysis in zip(articles, analyses, strict=True):
            recording = Recording(self.gazetteer, article.id)
            found = self.extractor(article, analysis, recording, year)
            events += found.events
            interactions += [_placed(item, recording) for item in found.interactions]
            names += recording.names
        return merge_events(events), merge_interactions(interactions), names


@lru_cache(maxsize=2)
def _gazetteer_with(places: tuple[Place, ...]) -> Gazetteer:
    return Gazetteer.load(extra=places)


def _placed(item: Interaction, gazetteer: Recording) -> Interaction:
    """An interaction with the place of its venue ("à Niamey"), when the gazetteer knows it."""
    if item.place is not None or not item.location:
        return item
    return replace(item, place=gazetteer.resolve(item.location, item.evidence[0].sentence))


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
