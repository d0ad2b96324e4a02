"""Pipeline: run() takes paths through ingest -> segment -> cluster -> store, one document at a time."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

from vigie.cluster import Clusterer
from vigie.errors import DocumentError
from vigie.ingest import find_sources, read
from vigie.records import RawDoc, Report, Skip
from vigie.segment import split_articles
from vigie.settings import Settings
from vigie.store import Store

log = logging.getLogger(__name__)


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
    report = Report()
    sources = list(find_sources(paths))
    on_total(len(sources))
    for source in sources:
        if isinstance(source, DocumentError):
            report.skipped.append(Skip(str(source).split(":", 1)[0], str(source)))
            on_document("")
            continue
        try:
            raw = read(source, settings.max_bytes)
            save_document(raw, store, clusterer, report)
        except DocumentError as err:
            log.debug("skipped %s: %s", source.location, err)
            report.skipped.append(Skip(source.location, str(err)))
        on_document(source.location)
    return report


def save_document(raw: RawDoc, store: Store, clusterer: Clusterer, report: Report) -> None:
    """Segment one document and store it, unless the same bytes are stored already."""
    if store.find_document(raw.sha1) is not None:
        report.unchanged += 1
        return
    articles = split_articles(raw)
    if not articles:
        raise DocumentError(f"{raw.source}: no article text found (only headlines or page furniture)")
    replaces = store.find_source(raw.source)
    if replaces is not None:
        clusterer.forget(store.article_ids(replaces))
    clustered = clusterer.assign(articles)
    try:
        store.save_document(raw, clustered, replaces=replaces)
    except Exception:
        clusterer.forget(a.id for a in articles)
        raise
    report.documents += 1
    report.replaced += replaces is not None
    report.articles += len(articles)
    report.teasers += sum(a.kind == "teaser" for a in articles)
    report.linked += sum(item.cluster_id != item.article.id for item in clustered)
