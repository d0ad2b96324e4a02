"""Store, write side of `vigie reextract`: a stored document's articles, events and interactions
replaced in place by a new reading, one transaction per document (read side: `store.stored`).

An event that the new reading finds again keeps its row: its id, its analyst's flag and notes stay,
its fields take the new reading. "The same event" in two readings of one document is the one with
the same stable id (`vigie.store.ids`: the same first sentence, type and place, so a corrected actor,
date or toll keeps it), else the one with the same `event_key` (type, day, place, first actor: the
event now first told by an earlier sentence); an interaction likewise (`interaction_key`).
An event of the new reading that another document of the same near-duplicate cluster reports joins
that document's stored event, as at ingest (`merging`). An event that no stored sentence reports
any more is deleted.

A stored event shared by several documents takes the reading of the first document ingested among
those that report it, as a fresh ingest would give it; the others add their sentences only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from typing import Any

from sqlalchemy import Connection, and_, delete, func, insert, or_, select, tuple_, update
from sqlalchemy.exc import DataError, IntegrityError, SQLAlchemyError

from vigie.errors import DocumentError, StoreError
from vigie.events.lexicon import fold_text
from vigie.records import Event, Interaction, PlaceName, RawDoc
from vigie.store import (
    Store,
    _article_values,
    _event_values,
    _free_id,
    _interaction_values,
    _one_line,
    _shown,
    _source_values,
    _toponym_values,
    ids,
    merging,
)
from vigie.store.keys import Clustered, key_rows
from vigie.store.packed import SHARED, article_text, raise_interrupt
from vigie.store.schema import (
    ArticleKeyRow,
    ArticleRow,
    DocumentRow,
    EventRow,
    EventSourceRow,
    InteractionRow,
    InteractionSourceRow,
    ToponymRow,
)

# columns of a stored event that belong to the analyst, not to the reading: kept on a rewrite
ANALYST_COLUMNS = ("notes", "flagged")
SALTS = 1000  # as many as the store tries for a new id (`_free_id`)


@dataclass(frozen=True, slots=True)
class Recut:
    """A document cut into other articles: what changes of its articles and of their clusters.

    `articles`: the new articles with their clusters and look-up keys (`Clusterer.assign`);
    `renamed`: clusters of other documents' articles named after an article that goes -> their new
    name (`renamed_clusters`); `keys_of`: the look-up keys an article may hold in `article_keys`
    from its stored MinHash and its title (those of the articles that go are deleted).
    """

    articles: Sequence[Clustered]
    renamed: Mapping[str, str]
    keys_of: Callable[[bytes | None, str | None], Iterable[int]]


def add_founders(store: Store, founders: Mapping[str, tuple[bytes, Sequence[int]]]) -> None:
    """Make stored articles founders of their clusters: their MinHash and band keys stored, so that
    a cluster renamed after one of them is still found by its lead.

    Written before the document that renames the clusters is rewritten, in a transaction of its own:
    the keys of an article of a cluster only ever find that cluster.
    """
    if not founders:
        return
    with store.engine.begin() as connection:
        for article_id, (minhash, keys) in founders.items():
            connection.execute(update(ArticleRow).where(ArticleRow.id == article_id).values(minhash=minhash))
            wanted = [(key, article_id) for key in sorted(set(keys))]
            held = set(
                connection.scalars(
                    select(ArticleKeyRow.key).where(
                        tuple_(ArticleKeyRow.key, ArticleKeyRow.article_id).in_(wanted)
                    )
                )
            ) if wanted else set()  # fmt: skip
            rows = [{"key": key, "article_id": article_id} for key, _ in wanted if key not in held]
            if rows:
                connection.execute(insert(ArticleKeyRow), rows)


@dataclass(frozen=True, slots=True)
class Rewrite:
    """What replacing one document's reading changed."""

    resegmented: bool
    events_kept: int
    events_added: int
    events_dropped: int
    interactions_kept: int
    interactions_added: int
    interactions_dropped: int


def event_key(
    event_type: str, day: date | None, location: str | None, admin1: str | None, actor1: str
) -> Any:
    """What makes an event of one document the same event in two readings when its stable id
    changed (an earlier sentence now tells it first): its type, day, place (its name, else its
    region) and first actor.

    >>> event_key("Battles", None, "Boni", "Mopti", "JNIM") == event_key("Battles", None, "BONI", None, "JNIM")
    True
    """
    return (event_type, day, fold_text(location) if location else admin1, actor1)


def interaction_key(kind: str, day: date | None, party1: str, party2: str) -> Any:
    """What makes an interaction of one document the same in two readings: type, day, the sorted pair."""
    return (kind, day, party1, party2)


def renamed_clusters(store: Store, document_id: str) -> dict[str, str]:
    """Near-duplicate clusters named after an article of this document that articles of other
    documents are in -> the name each goes on under without it (the smallest id of those articles)."""
    with store.engine.connect() as connection:
        own = select(ArticleRow.id).where(ArticleRow.document_id == document_id)
        rows = connection.execute(
            select(ArticleRow.cluster_id, func.min(ArticleRow.id).label("first"))
            .where(ArticleRow.cluster_id.in_(own), ArticleRow.document_id != document_id)
            .group_by(ArticleRow.cluster_id)
        ).all()
    return {row.cluster_id: row.first for row in rows}


def rewrite_document(
    store: Store,
    raw: RawDoc,
    recut: Recut | None,
    events: Sequence[Event],
    interactions: Sequence[Interaction],
    toponyms: Sequence[PlaceName],
) -> Rewrite:
    """Replace the stored reading of one document, atomically.

    `recut`: the new articles, when the segmentation changed (None keeps the stored ones).
    """
    for item in recut.articles if recut else ():  # bodies are stored as offsets into the text
        if article_text(raw.text, item.article.spans) != item.article.body:
            raise DocumentError(
                f"{_shown(raw.source)}: article {item.article.position} cannot be saved: its paragraph "
                "offsets do not give its body back (a bug: please report it)"
            )
    try:
        with store.engine.begin() as connection:
            return _rewrite(connection, raw, recut, events, interactions, toponyms)
    except (IntegrityError, DataError) as err:  # a value the database refuses: this document only
        raise DocumentError(f"{_shown(raw.source)}: cannot be saved: {_one_line(err.orig)}") from err
    except ValueError as err:  # the driver refuses a value: PostgreSQL text cannot hold NUL
        raise DocumentError(f"{_shown(raw.source)}: cannot be saved: {_one_line(err)}") from err
    except SQLAlchemyError as err:
        raise_interrupt()  # a Ctrl-C inside SQLite's call of vigie_article_text
        raise StoreError(
            f"cannot save {_shown(raw.source)}: {_one_line(getattr(err, 'orig', None) or err)}"
        ) from err


def _rewrite(
    connection: Connection,
    raw: RawDoc,
    recut: Recut | None,
    events: Sequence[Event],
    interactions: Sequence[Interaction],
    toponyms: Sequence[PlaceName],
) -> Rewrite:
    document_id = raw.sha1
    mine = select(ArticleRow.id).where(ArticleRow.document_id == document_id)
    event_columns = (
        EventRow.id,
        EventRow.event_type,
        EventRow.event_date,
        EventRow.location,
        EventRow.admin1,
    )
    reported = select(EventSourceRow.event_id).where(EventSourceRow.article_id.in_(mine))
    old_events = {
        row.id: event_key(row.event_type, row.event_date, row.location, row.admin1, row.actor1)
        for row in connection.execute(
            select(*event_columns, EventRow.actor1).where(EventRow.id.in_(reported))
        )
    }
    told = select(InteractionSourceRow.interaction_id).where(InteractionSourceRow.article_id.in_(mine))
    interaction_columns = (InteractionRow.id, InteractionRow.type, InteractionRow.interaction_date)
    old_interactions = {
        row.id: interaction_key(row.type, row.interaction_date, row.party1, row.party2)
        for row in connection.execute(
            select(*interaction_columns, InteractionRow.party1, InteractionRow.party2).where(
                InteractionRow.id.in_(told)
            )
        )
    }
    if recut is not None:
        _recut(connection, raw, recut)
    else:
        for table in (EventSourceRow, InteractionSourceRow, ToponymRow):
            connection.execute(delete(table).where(table.article_id.in_(mine)))
    clusters = set(
        connection.scalars(select(ArticleRow.cluster_id).where(ArticleRow.document_id == document_id))
    )
    ingested = connection.scalar(select(DocumentRow.ingested_at).where(DocumentRow.id == document_id))
    first = _first_of(document_id, ingested)

    event_counts = _write_events(connection, document_id, events, clusters, old_events, first)
    interaction_counts = _write_interactions(
        connection, document_id, interactions, clusters, old_interactions, first
    )
    if toponyms:
        connection.execute(insert(ToponymRow), _toponym_values(toponyms))
    return Rewrite(recut is not None, *event_counts, *interaction_counts)


def _recut(connection: Connection, raw: RawDoc, recut: Recut) -> None:
    """Replace a document's articles, their look-up keys and the clusters named after them, as
    `Store.save_document` stores articles (on SQLite the bodies are cut out of the stored text)."""
    document_id = raw.sha1
    for old, new in recut.renamed.items():
        connection.execute(
            update(ArticleRow)
            .where(ArticleRow.cluster_id == old, ArticleRow.document_id != document_id)
            .values(cluster_id=new)
        )
    old_keys = [
        (key, row.id)
        for row in connection.execute(
            select(ArticleRow.id, ArticleRow.title, ArticleRow.minhash).where(
                ArticleRow.document_id == document_id
            )
        )
        for key in recut.keys_of(row.minhash, row.title)
    ]
    if old_keys:  # by the table's key: article_keys has no index on article_id
        connection.execute(
            delete(ArticleKeyRow).where(tuple_(ArticleKeyRow.key, ArticleKeyRow.article_id).in_(old_keys))
        )
    connection.execute(delete(ArticleRow).where(ArticleRow.document_id == document_id))  # cascades
    if recut.articles:
        packed = connection.scalar(select(DocumentRow.packed).where(DocumentRow.id == document_id))
        if packed is not None:
            SHARED.remember(packed, raw.text)  # the search index reads the new bodies out of it
        bodies = connection.dialect.name == "postgresql"  # SQLite cuts them out of the document
        connection.execute(insert(ArticleRow), [_article_values(item, bodies) for item in recut.articles])
        keys = key_rows(recut.articles)
        if keys:
            connection.execute(insert(ArticleKeyRow), keys)


def _write_events(
    connection: Connection,
    document_id: str,
    events: Sequence[Event],
    clusters: set[str],
    old: dict[int, Any],
    first: Any,
) -> tuple[int, int, int]:
    """The new reading's events: each finds its old row, else joins another document's, else is new."""
    joined: set[int] = set()
    kept = added = 0
    for found in events:
        place = found.place
        key = event_key(
            found.event_type, found.date, found.location, place.admin1 if place else None, found.actor1
        )
        target = _survivor(partial(ids.id_of_event, found), key, old, joined)
        if target is None:
            target = merging.reported_event(connection, found, clusters, document_id, joined)
        if target is None:
            target = _free_id(connection, EventRow, partial(ids.id_of_event, found))
            connection.execute(insert(EventRow).values(id=target, **_event_values(found)))
            added += 1
        elif target in old:
            kept += 1
            if _reads_first(connection, EventSourceRow, EventSourceRow.event_id, target, first):
                values = {k: v for k, v in _event_values(found).items() if k not in ANALYST_COLUMNS}
                connection.execute(update(EventRow).where(EventRow.id == target).values(values))
        joined.add(target)
        connection.execute(insert(EventSourceRow), _source_values(found.evidence, "event_id", target))
    gone = [i for i in old if i not in joined]
    dropped = _delete_unreported(connection, EventRow, EventSourceRow, EventSourceRow.event_id, gone)
    return kept, added, dropped


def _write_interactions(
    connection: Connection,
    document_id: str,
    interactions: Sequence[Interaction],
    clusters: set[str],
    old: dict[int, Any],
    first: Any,
) -> tuple[int, int, int]:
    joined: set[int] = set()
    kept = added = 0
    for told in interactions:
        key = interaction_key(told.type, told.date, told.parties[0], told.parties[1])
        target = _survivor(partial(ids.id_of_interaction, told), key, old, joined)
        if target is None:
            target = merging.reported_interaction(connection, told, clusters, document_id, joined)
        if target is None:
            target = _free_id(connection, InteractionRow, partial(ids.id_of_interaction, told))
            connection.execute(insert(InteractionRow).values(id=target, **_interaction_values(told)))
            added += 1
        else:
            kept += target in old
            source = InteractionSourceRow
            if target in old and _reads_first(connection, source, source.interaction_id, target, first):
                connection.execute(
                    update(InteractionRow)
                    .where(InteractionRow.id == target)
                    .values(_interaction_values(told))
                )
            else:
                merging.keep_direction(connection, target, told)
        joined.add(target)
        connection.execute(
            insert(InteractionSourceRow), _source_values(told.evidence, "interaction_id", target)
        )
    gone = [i for i in old if i not in joined]
    source = InteractionSourceRow
    dropped = _delete_unreported(connection, InteractionRow, source, source.interaction_id, gone)
    return kept, added, dropped


def _survivor(derive: Callable[[int], int], key: Any, old: dict[int, Any], joined: set[int]) -> int | None:
    """The stored row of this document that a new item is: the one with its stable id (same first
    sentence, type and place; `vigie.store.ids`, salted on a collision), else the one with its key."""
    for salt in range(SALTS):
        candidate = derive(salt)
        if candidate not in old:
            break
        if candidate not in joined:
            return candidate
    return next((i for i, k in old.items() if k == key and i not in joined), None)


def _first_of(document_id: str, ingested: datetime | None) -> Any:
    """A condition on DocumentRow: documents ingested before this one (ties: smaller id)."""
    if ingested is None:
        return DocumentRow.id < document_id
    return or_(
        DocumentRow.ingested_at < ingested,
        and_(DocumentRow.ingested_at == ingested, DocumentRow.id < document_id),
    )


def _reads_first(connection: Connection, source: Any, owner: Any, row_id: int, earlier: Any) -> bool:
    """Whether no document ingested before this one reports the stored row: its reading is the row's."""
    query = (
        select(func.count())
        .select_from(source)
        .join(ArticleRow, ArticleRow.id == source.article_id)
        .join(DocumentRow, DocumentRow.id == ArticleRow.document_id)
        .where(owner == row_id, earlier)
    )
    return not connection.scalar(query)


def _delete_unreported(connection: Connection, table: Any, source: Any, owner: Any, ids: list[int]) -> int:
    """Delete the rows among `ids` that no stored sentence reports any more; how many."""
    if not ids:
        return 0
    reported = set(connection.scalars(select(owner).where(owner.in_(ids)).distinct()))
    gone = [i for i in ids if i not in reported]
    if gone:
        connection.execute(delete(table).where(table.id.in_(gone)))
    return len(gone)
