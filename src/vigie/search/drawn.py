"""What an article gave: an article id -> its near-duplicates and the events and interactions drawn
from it or from them (the article page lists them)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from vigie.search.events import EventView
from vigie.search.events import _view as event_view
from vigie.search.interactions import InteractionView
from vigie.search.interactions import _view as interaction_view
from vigie.store import Store
from vigie.store.schema import (
    ArticleRow,
    DocumentRow,
    EventRow,
    EventSourceRow,
    InteractionRow,
    InteractionSourceRow,
)

MAX_DUPLICATES = 50


@dataclass(frozen=True, slots=True)
class Duplicate:
    """Another article of the same near-duplicate cluster."""

    id: str
    title: str | None
    doc_name: str
    kind: str


@dataclass(frozen=True, slots=True)
class Drawn:
    duplicates: list[Duplicate]
    events: list[EventView]
    interactions: list[InteractionView]


def drawn_from(store: Store, article_id: str) -> Drawn:
    """The article's near-duplicates, and the events and interactions any of them reports, newest first."""
    cluster = select(ArticleRow.cluster_id).where(ArticleRow.id == article_id).scalar_subquery()
    siblings = select(ArticleRow.id).where(ArticleRow.cluster_id == cluster).limit(MAX_DUPLICATES).subquery()
    with store.engine.connect() as connection:
        duplicates = connection.execute(
            select(ArticleRow.id, ArticleRow.title, DocumentRow.name, ArticleRow.kind)
            .join(DocumentRow, DocumentRow.id == ArticleRow.document_id)
            .where(ArticleRow.cluster_id == cluster, ArticleRow.id != article_id)
            .order_by(ArticleRow.published, ArticleRow.id)
            .limit(MAX_DUPLICATES)
        ).all()
        events = connection.execute(
            select(EventRow)
            .where(
                EventRow.id.in_(
                    select(EventSourceRow.event_id).where(EventSourceRow.article_id.in_(select(siblings)))
                )
            )
            .order_by(EventRow.event_date.desc().nulls_last(), EventRow.id)
        ).all()
        interactions = connection.execute(
            select(InteractionRow)
            .where(
                InteractionRow.id.in_(
                    select(InteractionSourceRow.interaction_id).where(
                        InteractionSourceRow.article_id.in_(select(siblings))
                    )
                )
            )
            .order_by(InteractionRow.interaction_date.desc().nulls_last(), InteractionRow.id)
        ).all()
    return Drawn(
        [Duplicate(row.id, row.title, row.name, row.kind) for row in duplicates],
        [event_view(row._mapping) for row in events],
        [interaction_view(row._mapping) for row in interactions],
    )


@dataclass(frozen=True, slots=True)
class SourceLink:
    """An article that reports an interaction."""

    article_id: str
    title: str | None
    doc_name: str


def interaction_sources(store: Store, ids: list[int]) -> dict[int, list[SourceLink]]:
    """The articles reporting each of these interactions, oldest first."""
    if not ids:
        return {}
    statement = (
        select(InteractionSourceRow.interaction_id, ArticleRow.id, ArticleRow.title, DocumentRow.name)
        .join(ArticleRow, ArticleRow.id == InteractionSourceRow.article_id)
        .join(DocumentRow, DocumentRow.id == ArticleRow.document_id)
        .where(InteractionSourceRow.interaction_id.in_(ids))
        .distinct()
        .order_by(InteractionSourceRow.interaction_id, ArticleRow.id)
    )
    found: dict[int, list[SourceLink]] = {}
    with store.engine.connect() as connection:
        for interaction_id, article_id, title, name in connection.execute(statement):
            found.setdefault(interaction_id, []).append(SourceLink(article_id, title, name))
    return found
