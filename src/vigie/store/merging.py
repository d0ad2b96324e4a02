"""Store, write side: one real-world event reported by near-duplicate articles of several documents.

Within a document the events stage merges repeated mentions (`vigie.events.merge_events`).
Across documents, a new event joins a stored one when an article of the same near-duplicate
cluster already reports it: same event type, same day (or both undated) and the same place
(same name, or `vigie.events.same_area`: within 25 km, or the same region when either is known
only by its region). The
stored event then lists the new sentences among its sources; nothing is stored twice.
Interactions join on type, parties (the sorted pair) and a day apart at most, whatever their
direction; the stored interaction keeps the direction it was stored with (`keep_direction`).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from sqlalchemy import Connection, select, update

from vigie.records import Event, Interaction
from vigie.store.schema import ArticleRow, EventRow, EventSourceRow, InteractionRow, InteractionSourceRow

TOLERANCE_DAYS = 1


def reported_event(
    connection: Connection,
    event: Event,
    clusters: Collection[str],
    document_id: str,
    taken: Collection[int] = (),
) -> int | None:
    """The id of a stored event that another document of these clusters reports and `event` repeats.

    `taken`: stored events another event of this document already joined (one joins each at most).
    """
    return joined_event(stored_events(connection, clusters, document_id), event, taken)


def stored_events(connection: Connection, clusters: Collection[str], document_id: str) -> list[Any]:
    """The events other documents of these clusters report, by id (a row per source sentence): the
    candidates every event of the document is compared with, read in one query per document."""
    if not clusters:
        return []
    query = (
        select(
            EventRow.id,
            EventRow.event_type,
            EventRow.event_date,
            EventRow.location,
            EventRow.latitude,
            EventRow.longitude,
            EventRow.geo_precision,
            EventRow.admin1,
        )
        .join(EventSourceRow, EventSourceRow.event_id == EventRow.id)
        .join(ArticleRow, ArticleRow.id == EventSourceRow.article_id)
        .where(ArticleRow.cluster_id.in_(list(clusters)), ArticleRow.document_id != document_id)
        .order_by(EventRow.id)
    )
    return list(connection.execute(query).all())


def joined_event(stored: Sequence[Any], event: Event, taken: Collection[int] = ()) -> int | None:
    """The first of `stored_events` that `event` repeats: same type, same day (or both undated),
    same place; one not `taken` by another event of the document."""
    for row in stored:
        if (
            row.event_type == event.event_type
            and row.event_date == event.date
            and row.id not in taken
            and _same_place(row, event)
        ):
            return int(row.id)
    return None


def reported_interaction(
    connection: Connection,
    told: Interaction,
    clusters: Collection[str],
    document_id: str,
    taken: Collection[int] = (),
) -> int | None:
    """The id of a stored interaction that another document of these clusters reports and `told` repeats."""
    return joined_interaction(stored_interactions(connection, clusters, document_id), told, taken)


def stored_interactions(connection: Connection, clusters: Collection[str], document_id: str) -> list[Any]:
    """The interactions other documents of these clusters report, by id (a row per source sentence),
    read in one query per document."""
    if not clusters:
        return []
    query = (
        select(
            InteractionRow.id,
            InteractionRow.type,
            InteractionRow.party1,
            InteractionRow.party2,
            InteractionRow.interaction_date,
        )
        .join(InteractionSourceRow, InteractionSourceRow.interaction_id == InteractionRow.id)
        .join(ArticleRow, ArticleRow.id == InteractionSourceRow.article_id)
        .where(ArticleRow.cluster_id.in_(list(clusters)), ArticleRow.document_id != document_id)
        .order_by(InteractionRow.id)
    )
    return list(connection.execute(query).all())


def joined_interaction(stored: Sequence[Any], told: Interaction, taken: Collection[int] = ()) -> int | None:
    """The first of `stored_interactions` that `told` repeats: same type and parties, a day apart at
    most (or either undated); one not `taken` by another interaction of the document."""
    for row in stored:
        if row.type != told.type or (row.party1, row.party2) != tuple(told.parties) or row.id in taken:
            continue
        day = row.interaction_date
        if day is None or told.date is None or abs((day - told.date).days) <= TOLERANCE_DAYS:
            return int(row.id)
    return None


def keep_direction(connection: Connection, stored_id: int, told: Interaction) -> None:
    """Give a stored interaction that `told` joined the direction of `told`, only if it has none.

    Two reports of one interaction may disagree on who acted on whom: a reprint rewrites "Bamako
    accuse Paris de …" as "Paris, accusé par Bamako de …" and the roles are read otherwise, or it names
    the parties of a consultation in the other order. They join as one interaction (same type, sorted
    pair and day), and the first stored direction is kept: the later report adds its sentence, not a
    second direction. Only an interaction stored without one (before migration 0012) takes the later
    report's. A reply in kind told in the same cluster on the same day (Paris accusing Bamako back)
    joins too, and keeps the first direction.
    """
    if told.source is None or told.target is None:
        return
    connection.execute(
        update(InteractionRow)
        .where(
            InteractionRow.id == stored_id,
            InteractionRow.source_party.is_(None),
            InteractionRow.target_party.is_(None),
        )
        .values(source_party=told.source, target_party=told.target)
    )


def _same_place(row: Any, event: Event) -> bool:  # a Row of the columns selected above
    from vigie.events import same_area  # the events stage, imported when an event is stored
    from vigie.events.lexicon import fold_text

    if fold_text(row.location or "") == fold_text(event.location or ""):
        return True
    place = event.place
    if place is None or row.latitude is None or row.longitude is None:
        return False
    return same_area(
        (place.geo_precision, place.admin1, place.latitude, place.longitude),
        (row.geo_precision or 1, row.admin1, row.latitude, row.longitude),
    )
