"""Re-extraction: stored documents -> segmented and extracted again with today's rules and lexicons ->
the same database, changed in place (`vigie reextract`).

After an analyst edits a lexicon (`events/patterns/actors.toml`, `acled.toml`, …) or the page
furniture (`data/page_furniture.toml`), a new ingest of the same files says "unchanged": the bytes
are stored already. `reextract` reads each stored document back, cuts it into articles again and
extracts its events and interactions again, then replaces its stored reading in one transaction
per document (`store.reextract.rewrite_document`): an event found again keeps its id, flag and
notes, an event no longer found is deleted, a new one is added.

One transaction per document, as at ingest: a failure (a crash, a full disk, Ctrl-C) leaves every
document not yet committed exactly as it was and every committed one fully re-read, never half a
document; the write lock of the database is held for the run, but readers (the dashboard) see a
consistent database between two documents; and a document the database refuses is skipped with
its reason while the others go on. A transaction per batch would save a commit per document (a
small part of the time, which goes to spaCy) and lose all this.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import partial

import numpy as np

from vigie.cluster import Clusterer
from vigie.errors import ConfigError, DocumentError, StoreError
from vigie.events import Extractor
from vigie.geo import Gazetteer
from vigie.ingest import shown
from vigie.pipeline import NLP_PIECE, Found, Stages, nlp_pieces, segment
from vigie.records import Article, Skip
from vigie.store import Store
from vigie.store.keys import title_hash
from vigie.store.places import user_places
from vigie.store.reextract import Recut, Rewrite, add_founders, renamed_clusters, rewrite_document
from vigie.store.stored import StoredDocument, articles_by_id, count_documents, stored_documents

log = logging.getLogger(__name__)

BATCH = 50  # documents analysed by spaCy in one stream


@dataclass(slots=True)
class ReextractReport:
    """What one re-extraction changed, for the summary line."""

    documents: int = 0
    resegmented: int = 0  # documents whose articles changed
    events_kept: int = 0
    events_added: int = 0
    events_dropped: int = 0
    interactions_kept: int = 0
    interactions_added: int = 0
    interactions_dropped: int = 0
    skipped: list[Skip] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.skipped

    def add(self, rewrite: Rewrite) -> None:
        self.documents += 1
        self.resegmented += rewrite.resegmented
        self.events_kept += rewrite.events_kept
        self.events_added += rewrite.events_added
        self.events_dropped += rewrite.events_dropped
        self.interactions_kept += rewrite.interactions_kept
        self.interactions_added += rewrite.interactions_added
        self.interactions_dropped += rewrite.interactions_dropped

    def summary(self) -> str:
        """One line for the end of a run.

        >>> ReextractReport(documents=3, resegmented=1, events_kept=4, events_added=1).summary()
        '3 documents read again (1 cut into other articles); events: 4 kept, 1 new, 0 gone; interactions: 0 kept, 0 new, 0 gone; 0 documents skipped'
        """
        return (
            f"{self.documents} documents read again ({self.resegmented} cut into other articles); "
            f"events: {self.events_kept} kept, {self.events_added} new, {self.events_dropped} gone; "
            f"interactions: {self.interactions_kept} kept, {self.interactions_added} new, "
            f"{self.interactions_dropped} gone; {len(self.skipped)} documents skipped"
        )


@dataclass(frozen=True, slots=True)
class Redone:
    """A stored document read again: its articles and what they report."""

    document: StoredDocument
    articles: list[Article]
    found: Found


def resegment(document: StoredDocument) -> list[Article]:
    """The articles of a stored document as today's segmenter cuts them; a web page keeps its one
    article (its title, date and author came from markup that is not stored)."""
    if document.is_page:
        return document.articles
    return segment(document.raw)


def redo_document(document: StoredDocument, stages: Stages) -> Redone:
    """One stored document segmented and extracted again (the unit a worker process can take)."""
    return redo_documents([document], stages)[0]


def redo_documents(documents: Sequence[StoredDocument], stages: Stages) -> list[Redone]:
    """Stored documents segmented and extracted again; spaCy reads all their articles in one stream."""
    cut = [(document, resegment(document)) for document in documents]
    limit = min(NLP_PIECE, int(getattr(stages.analyzer.nlp, "max_length", NLP_PIECE)) - 1)
    found = stages.extract_many(
        [(d.raw, [nlp_pieces(article, d.raw.text, limit) for article in articles]) for d, articles in cut]
    )
    return [Redone(d, articles, one) for (d, articles), one in zip(cut, found, strict=True)]


def reextract(
    store: Store,
    stages: Stages,
    dedup_threshold: float = 0.5,
    dedup_lead_words: int = 30,
    since: date | None = None,
    on_total: Callable[[int], None] = lambda total: None,
    on_document: Callable[[str], None] = lambda source: None,
    on_wait: Callable[[str], None] = lambda message: None,
) -> ReextractReport:
    """Segment and extract again every stored document ingested on or after `since`, in the order
    they were ingested, and replace what is stored of each, one transaction per document.

    `stages`: the NLP, events and geocoding stages, loaded with today's lexicons.
    A document that fails is skipped with its reason; a failure of the database stops the run,
    with every document before it committed and every one after it untouched.
    """
    report = ReextractReport()
    with store.writing(on_wait):
        stages = stages.with_places(user_places(store))
        clusterer = Clusterer.load(store.signatures(), dedup_threshold, dedup_lead_words)
        on_total(count_documents(store, since))
        renamed: dict[str, str] = {}  # clusters renamed during the run
        batch: list[StoredDocument] = []
        for document in stored_documents(store, since):
            batch.append(document)
            if len(batch) >= BATCH:
                _redo_batch(batch, store, stages, (clusterer, renamed), report, on_document)
                batch = []
        _redo_batch(batch, store, stages, (clusterer, renamed), report, on_document)
    return report


def load_stages(nlp_model: str) -> Stages:
    """Stages with the lexicons read from their files now (not those this process loaded before);
    the spaCy model, which no lexicon changes, is loaded once per process."""
    try:
        return Stages(Stages.load(nlp_model).analyzer, Extractor.load(), Gazetteer.load())
    except ConfigError:
        raise
    except (KeyError, TypeError, ValueError) as err:  # a lexicon file of the wrong shape
        raise ConfigError(f"a lexicon cannot be read ({type(err).__name__}: {err}); fix the file") from err


def _redo_batch(
    batch: list[StoredDocument],
    store: Store,
    stages: Stages,
    clusters: tuple[Clusterer, dict[str, str]],
    report: ReextractReport,
    on_document: Callable[[str], None],
) -> None:
    if not batch:
        return
    try:
        redone: list[Redone | DocumentError] = list(redo_documents(batch, stages))
    except Exception:
        log.debug("a batch of %d documents failed; reading them one at a time", len(batch))
        redone = [_redo_one(document, stages) for document in batch]
    for document, item in zip(batch, redone, strict=True):
        try:
            if isinstance(item, DocumentError):
                raise item
            report.add(_save(item, store, *clusters))
        except DocumentError as err:
            report.skipped.append(Skip(document.raw.source, " ".join(str(err).splitlines())))
        except StoreError:
            raise  # the database itself failed (locked, full, unreachable): no document can be saved
        except Exception as err:  # a bug: its transaction is rolled back, the document left as it was
            log.debug("%s: saving failed", document.raw.source, exc_info=err)
            report.skipped.append(Skip(document.raw.source, _unexpected(document, "saving it", err)))
        on_document(document.raw.source)


def _redo_one(document: StoredDocument, stages: Stages) -> Redone | DocumentError:
    try:
        return redo_document(document, stages)
    except DocumentError as err:
        return err
    except Exception as err:
        log.debug("%s: re-extraction failed", document.raw.source, exc_info=err)
        return DocumentError(_unexpected(document, "reading it again", err))


def _unexpected(document: StoredDocument, doing: str, err: Exception) -> str:
    first = (str(err).strip().splitlines() or [""])[0][:300]
    return (
        f"{shown(document.raw.source)}: unexpected error while {doing} ({type(err).__name__}: {first}); "
        "it is left as it was (-vv shows the traceback; please report it)"
    )


def _save(redone: Redone, store: Store, clusterer: Clusterer, renamed: dict[str, str]) -> Rewrite:
    """Replace one document's stored reading; its articles only when the segmentation changed.

    `renamed`: the clusters renamed during this run (old name -> new), for the clusterer, which
    may still know a cluster by its old name.
    """
    document = redone.document
    events, interactions, toponyms = redone.found
    if redone.articles == document.articles:
        return rewrite_document(store, document.raw, None, events, interactions, toponyms)
    mine = renamed_clusters(store, document.raw.sha1)
    renamed.update(mine)
    add_founders(store, _founders(store, clusterer, mine.values()))
    clusterer.forget(article.id for article in document.articles)
    clustered = [
        replace(item, cluster_id=_current(item.cluster_id, renamed))
        for item in clusterer.assign(redone.articles)
    ]
    recut = Recut(clustered, mine, partial(_keys_of, clusterer))
    return rewrite_document(store, document.raw, recut, events, interactions, toponyms)


def _founders(
    store: Store, clusterer: Clusterer, article_ids: Iterable[str]
) -> dict[str, tuple[bytes, tuple[int, ...]]]:
    """The articles that clusters are renamed after -> the MinHash and band keys of their leads."""
    founders = {}
    for article_id, article in articles_by_id(store, article_ids).items():
        minhash = clusterer.lead_hash(article.body)
        if minhash is not None:
            founders[article_id] = (minhash.tobytes(), clusterer.band_keys(minhash))
    return founders


def _keys_of(clusterer: Clusterer, minhash: bytes | None, title: str | None) -> list[int]:
    """The look-up keys a stored article may hold: the band keys of its MinHash, its title's key."""
    keys = list(clusterer.band_keys(np.frombuffer(minhash, dtype=np.uint32))) if minhash else []
    folded = clusterer.title_key(title)
    return [*keys, title_hash(folded)] if folded is not None else keys


def _current(cluster: str, renamed: dict[str, str]) -> str:
    """A cluster's name now, after the renamings of this run.

    >>> _current("a:0", {"a:0": "b:2", "b:2": "c:1"})
    'c:1'
    """
    seen = {cluster}
    while cluster in renamed and renamed[cluster] not in seen:
        cluster = renamed[cluster]
        seen.add(cluster)
    return cluster
