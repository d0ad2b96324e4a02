"""Store, read side: stored events and interactions with the sentences and documents that report them.

The exports (`vigie.export`) and the dashboard build their rows from these records; filters
(dates, types, country) are applied in SQL so that a large database is read only where asked.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any, Literal, get_args

from sqlalchemy import CompoundSelect, Select, select, union
from sqlalchemy.orm import InstrumentedAttribute, Session

from vigie.errors import InputError
from vigie.events.lexicon import load_country_names, read_table
from vigie.records import EventType, PloverType, SubEventType
from vigie.store import Store
from vigie.store.schema import (
    ArticleRow,
    DocumentRow,
    EventRow,
    EventSourceRow,
    InteractionRow,
    InteractionSourceRow,
)


@dataclass(frozen=True, slots=True)
class StoredSource:
    """One sentence of one stored article that reports an event or an interaction."""

    article_id: str
    document: str  # the document's name ("essor-2023-09-13-bourem.txt")
    source: str  # path or URL the document was read from
    sentence: str
    start: int  # offsets into the document text
    end: int
    ingested_at: datetime | None
    published: date | None = None  # the article's publication day, else the page's capture day


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """A stored security event (the `events` table) and every sentence that reports it."""

    id: int
    date: date | None
    time_precision: int
    event_type: str
    sub_event_type: str
    actor1: str
    assoc_actor_1: str | None
    actor2: str | None
    assoc_actor_2: str | None
    location: str | None
    country: str | None  # English name: "Mali"
    iso: str | None  # ISO3: "MLI"
    admin1: str | None
    admin2: str | None
    admin3: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    fatalities: int | None
    evidence: str
    sources: tuple[StoredSource, ...]


@dataclass(frozen=True, slots=True)
class StoredInteraction:
    """A stored PLOVER interaction (the `interactions` table) and every sentence that reports it."""

    id: int
    date: date | None
    type: str
    parties: tuple[str, str]  # sorted, as the gold format has them
    location: str | None
    latitude: float | None
    longitude: float | None
    evidence: str
    sources: tuple[StoredSource, ...]
    source_party: str | None = None  # who acts on target_party; None when stored before migration 0012
    target_party: str | None = None


@dataclass(frozen=True, slots=True)
class Filter:
    """Which events or interactions to read: dates inclusive, types (ACLED event or sub-event
    types, or PLOVER types) and countries (ISO3) as alternatives; empty means all."""

    since: date | None = None
    until: date | None = None
    types: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()


def checked_filter(store: Store, where: Filter, kind: Literal["events", "interactions"]) -> Filter:
    """The filter with its types and countries spelled as stored ("battles" -> "Battles"); a value
    that names nothing Vigie knows is refused with the valid ones, rather than matching 0 rows."""
    stored_types: Select[Any] | CompoundSelect[Any]
    stored_codes: Select[Any] | CompoundSelect[Any]
    if kind == "events":
        types = [*get_args(EventType), *get_args(SubEventType)]
        stored_types = union(select(EventRow.event_type), select(EventRow.sub_event_type))
        codes = list(load_country_names())
        stored_codes = select(EventRow.iso)
        what = "event or sub-event type"
    else:
        types = list(get_args(PloverType))
        stored_types = select(InteractionRow.type)
        codes = [str(party["code"]) for party in read_table("countries.toml")["party"]]
        stored_codes = union(select(InteractionRow.party1), select(InteractionRow.party2))
        what = "PLOVER type"
    with store.engine.connect() as connection:
        types += [value for value in connection.scalars(stored_types) if value]
        codes += [value for value in connection.scalars(stored_codes) if value]
    return replace(
        where,
        types=tuple(_known(value, types, what) for value in where.types),
        countries=tuple(_known_country(value, codes) for value in where.countries),
    )


def _known(value: str, known: Iterable[str], what: str) -> str:
    spelled = {item.casefold(): item for item in known}
    if value.casefold() in spelled:
        return spelled[value.casefold()]
    choices = ", ".join(sorted(set(spelled.values())))
    raise InputError(f"unknown {what} {value!r}; use one of: {choices}")


def _known_country(value: str, codes: Iterable[str]) -> str:
    known = sorted(set(codes))
    if value.upper() in known:
        return value.upper()
    by_name = {name.casefold(): code for code, name in load_country_names().items()}
    hint = f" ({value} is {by_name[value.casefold()]})" if value.casefold() in by_name else ""
    raise InputError(
        f"unknown country code {value!r}{hint}; use an ISO3 code or a party code: {', '.join(known)}"
    )


def read_events(store: Store, where: Filter = Filter()) -> Iterator[StoredEvent]:
    """Stored events matching `where`, by date (undated last) then id, each with its sources."""
    query = select(EventRow)
    if where.since is not None:
        query = query.where(EventRow.event_date >= where.since)
    if where.until is not None:
        query = query.where(EventRow.event_date <= where.until)
    if where.types:
        query = query.where(EventRow.event_type.in_(where.types) | EventRow.sub_event_type.in_(where.types))
    if where.countries:
        query = query.where(EventRow.iso.in_([c.upper() for c in where.countries]))
    query = query.order_by(EventRow.event_date.is_(None), EventRow.event_date, EventRow.id)
    with Session(store.engine) as session:
        rows = list(session.scalars(query))
        sources = _sources(session, EventSourceRow, EventSourceRow.event_id, [row.id for row in rows])
    for row in rows:
        yield _stored_event(row, sources.get(row.id, ()))


def read_events_by_id(store: Store, ids: Iterable[int]) -> dict[int, StoredEvent]:
    """The stored events of these ids (those that exist), each with its sources."""
    wanted = sorted(set(ids))
    found: dict[int, StoredEvent] = {}
    with Session(store.engine) as session:
        for chunk in range(0, len(wanted), 500):
            part = wanted[chunk : chunk + 500]
            rows = list(session.scalars(select(EventRow).where(EventRow.id.in_(part))))
            sources = _sources(session, EventSourceRow, EventSourceRow.event_id, [row.id for row in rows])
            found.update((row.id, _stored_event(row, sources.get(row.id, ()))) for row in rows)
    return found


def _stored_event(row: EventRow, sources: Iterable[StoredSource]) -> StoredEvent:
    return StoredEvent(
        id=row.id,
        date=row.event_date,
        time_precision=row.time_precision,
        event_type=row.event_type,
        sub_event_type=row.sub_event_type,
        actor1=row.actor1,
        assoc_actor_1=row.assoc_actor_1,
        actor2=row.actor2,
        assoc_actor_2=row.assoc_actor_2,
        location=row.location,
        country=row.country,
        iso=row.iso,
        admin1=row.admin1,
        admin2=row.admin2,
        admin3=row.admin3,
        latitude=row.latitude,
        longitude=row.longitude,
        geo_precision=row.geo_precision,
        fatalities=row.fatalities,
        evidence=row.evidence,
        sources=tuple(sources),
    )


def read_interactions(store: Store, where: Filter = Filter()) -> Iterator[StoredInteraction]:
    """Stored interactions matching `where` (countries: either party), by date then id."""
    query = select(InteractionRow)
    if where.since is not None:
        query = query.where(InteractionRow.interaction_date >= where.since)
    if where.until is not None:
        query = query.where(InteractionRow.interaction_date <= where.until)
    if where.types:
        query = query.where(InteractionRow.type.in_([t.upper() for t in where.types]))
    if where.countries:
        codes = [c.upper() for c in where.countries]
        query = query.where(InteractionRow.party1.in_(codes) | InteractionRow.party2.in_(codes))
    query = query.order_by(
        InteractionRow.interaction_date.is_(None), InteractionRow.interaction_date, InteractionRow.id
    )
    with Session(store.engine) as session:
        rows = list(session.scalars(query))
        sources = _sources(
            session, InteractionSourceRow, InteractionSourceRow.interaction_id, [row.id for row in rows]
        )
    for row in rows:
        yield StoredInteraction(
            id=row.id,
            date=row.interaction_date,
            type=row.type,
            parties=(row.party1, row.party2),
            location=row.location,
            latitude=row.latitude,
            longitude=row.longitude,
            evidence=row.evidence,
            sources=tuple(sources.get(row.id, ())),
            source_party=row.source_party,
            target_party=row.target_party,
        )


def _sources(
    session: Session,
    table: type[EventSourceRow] | type[InteractionSourceRow],
    owner: InstrumentedAttribute[int],
    owners: Sequence[int],
) -> dict[int, list[StoredSource]]:
    """The sentences of each owner, in document then reading order; queried in chunks of ids."""
    found: dict[int, list[StoredSource]] = {}
    for chunk in range(0, len(owners), 500):
        query = (
            select(
                owner.label("owner"),
                table.article_id,
                DocumentRow.name,
                DocumentRow.source,
                table.sentence,
                table.start_offset,
                table.end_offset,
                DocumentRow.ingested_at,
                ArticleRow.published,
                DocumentRow.captured_at,
            )
            .join(ArticleRow, ArticleRow.id == table.article_id)
            .join(DocumentRow, DocumentRow.id == ArticleRow.document_id)
            .where(owner.in_(owners[chunk : chunk + 500]))
            .order_by(owner, DocumentRow.name, ArticleRow.position, table.start_offset)
        )
        for row in session.execute(query):
            published = row.published or row.captured_at
            found.setdefault(row.owner, []).append(
                StoredSource(
                    row.article_id, row.name, row.source, row.sentence, row.start_offset, row.end_offset,
                    row.ingested_at, published.date() if published is not None else None,
                )
            )  # fmt: skip
    return found
