"""Event queries: an EventFilter -> pages of ACLED events, map points, weekly counts, actors, places.

The map, the timeline, the list and the downloads all take the same EventFilter, so that they
show the same events for the same URL.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from itertools import starmap
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Date,
    Select,
    cast,
    func,
    or_,
    select,
    text,
    union,
    update,
)
from sqlalchemy.sql.elements import TextClause

from vigie.search.articles import ArticleView, fts_query, get_article, has_words, published_text
from vigie.store import Store
from vigie.store.schema import ArticleRow, DocumentRow, EventRow, EventSourceRow

BBox = tuple[float, float, float, float]  # west, south, east, north (longitude, latitude)
MAP_POINTS = 2000  # the map's largest points
PROBES = 300  # events read in date order, each looked up in events_fts, to find a page (_probed)


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events: every field left at None does not filter."""

    start: date | None = None
    end: date | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None  # actor1 or actor2, exactly
    admin1: str | None = None
    location: str | None = None
    bbox: BBox | None = None
    text: str | None = None  # words of a sentence reporting the event (any case, any accents)
    flagged: bool | None = None
    iso: str | None = None  # the country's ISO3 code ("MLI")


@dataclass(frozen=True, slots=True)
class EventView:
    """An event with every ACLED field the store holds."""

    id: int
    date: str | None
    date_precision: int
    event_type: str
    sub_event_type: str
    actor1: str
    assoc_actor_1: str | None
    actor2: str | None
    assoc_actor_2: str | None
    location: str | None
    country: str | None
    iso: str | None
    admin1: str | None
    admin2: str | None
    admin3: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    fatalities: int | None
    evidence: str
    notes: str | None
    flagged: bool


@dataclass(frozen=True, slots=True)
class EventPage:
    items: list[EventView]
    total: int
    limit: int
    offset: int


@dataclass(frozen=True, slots=True)
class EventSource:
    """One sentence reporting an event, with offsets into its document's text."""

    article_id: str
    title: str | None
    published: str | None
    doc_name: str
    sentence: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class EventDetail:
    event: EventView
    sources: list[EventSource]
    articles: dict[str, ArticleView]


@dataclass(frozen=True, slots=True)
class MapPoint:
    """Events of one type at one place: the map draws one circle, sized by count."""

    latitude: float
    longitude: float
    location: str | None
    admin1: str | None
    event_type: str
    count: int
    event_id: int  # the newest one, opened by a click when count is 1


@dataclass(frozen=True, slots=True)
class WeekCount:
    week: date  # the Monday
    key: str  # event type or region
    count: int


@dataclass(frozen=True, slots=True)
class NameCount:
    name: str
    count: int


@dataclass(frozen=True, slots=True)
class PlaceCount:
    location: str
    admin1: str | None
    latitude: float | None
    longitude: float | None
    count: int


def find_events(store: Store, filters: EventFilter, limit: int = 50, offset: int = 0) -> EventPage:
    """One page of the matching events, newest first, with how many match in all."""
    with store.engine.connect() as connection:
        if filters.actor:
            total, shown = _actor_page(connection, filters, limit, offset)
            rows = connection.execute(_ordered(select(EventRow).where(EventRow.id.in_(shown))))
        else:
            where = _conditions(connection, filters)
            total = connection.scalar(select(func.count()).select_from(EventRow).where(*where)) or 0
            if total and _probed(connection, filters, total, limit + offset):
                others = _conditions(connection, replace(filters, text=None))
                where = [*others, _told_here(filters.text or "")]
            rows = connection.execute(_ordered(select(EventRow).where(*where)).limit(limit).offset(offset))
        items = [_view(row._mapping) for row in rows]
    return EventPage(items, total, limit, offset)


def _probed(connection: Connection, filters: EventFilter, total: int, wanted: int) -> bool:
    """Whether the page of events reported with words is best found by reading the events in date
    order and asking the index whether each one holds the words (SQLite): yes when the words are in
    so many of the events the other filters keep that some PROBES reads find the page. Else the
    index's matches are gathered first, as for the count: for a word in 40% of the events of a year
    (24,000 of 62,000 at a million articles), the page 70 ms -> 12 ms."""
    if connection.dialect.name != "sqlite" or not has_words(filters.text):
        return False
    others = _conditions(connection, replace(filters, text=None))
    kept = connection.scalar(select(func.count()).select_from(EventRow).where(*others)) or 0
    return wanted * kept <= PROBES * total


def _told_here(words: str) -> ColumnElement[bool]:
    """The event's own row of events_fts holds the words (an index lookup per event read)."""
    return text(
        "EXISTS (SELECT 1 FROM events_fts WHERE events_fts MATCH :probe_words AND events_fts.rowid = events.id)"
    ).bindparams(probe_words=fts_query(words))  # type: ignore[return-value]


def _actor_page(
    connection: Connection, filters: EventFilter, limit: int, offset: int
) -> tuple[int, list[int]]:
    """The count and the page's ids of an actor's events: the union of the events where it is the
    first actor and those where it is the second, each read with its date from the index (actor,
    longitude, latitude, event_date; migration 0019_serve_fast) when the other filters are a box and
    dates, so that neither the count nor the order reads an event row; only the page's are read."""
    others = _conditions(connection, replace(filters, actor=None))
    matched = union(
        *(select(EventRow.id, EventRow.event_date).where(actor == filters.actor, *others)
          for actor in (EventRow.actor1, EventRow.actor2))
    ).subquery()  # fmt: skip
    total = connection.scalar(select(func.count()).select_from(matched)) or 0
    page = (
        select(matched.c.id)
        .order_by(matched.c.event_date.desc().nulls_last(), matched.c.id.desc())
        .limit(limit)
        .offset(offset)
    )
    return total, list(connection.execute(page).scalars())


def list_events(store: Store, filters: EventFilter) -> Iterator[EventView]:
    """Every matching event, newest first (for downloads)."""
    with store.engine.connect() as connection:
        statement = _ordered(select(EventRow).where(*_conditions(connection, filters)))
        for row in connection.execute(statement):
            yield _view(row._mapping)


def get_event(store: Store, event_id: int) -> EventDetail | None:
    """One event, its source sentences and the articles they are in."""
    with store.engine.connect() as connection:
        row = connection.execute(select(EventRow).where(EventRow.id == event_id)).first()
        if row is None:
            return None
        sources = connection.execute(
            select(
                EventSourceRow,
                ArticleRow.title,
                ArticleRow.published,
                ArticleRow.published_has_time,
                DocumentRow.name,
            )
            .join(ArticleRow, ArticleRow.id == EventSourceRow.article_id)
            .join(DocumentRow, DocumentRow.id == ArticleRow.document_id)
            .where(EventSourceRow.event_id == event_id)
            .order_by(ArticleRow.published, EventSourceRow.article_id, EventSourceRow.start_offset)
        ).all()
    found = [
        EventSource(
            article_id=item.article_id,
            title=item.title,
            published=published_text(item.published, item.published_has_time),
            doc_name=item.name,
            sentence=item.sentence,
            start=item.start_offset,
            end=item.end_offset,
        )
        for item in sources
    ]
    articles = {}
    for source in found:
        if source.article_id not in articles:
            article = get_article(store, source.article_id)
            if article is not None:
                articles[source.article_id] = article
    return EventDetail(_view(row._mapping), found, articles)


def map_points(store: Store, filters: EventFilter) -> list[MapPoint]:
    """Placed events grouped by coordinates and type, largest groups first (then by latitude,
    longitude and type)."""
    statement = (
        select(
            EventRow.latitude,
            EventRow.longitude,
            func.min(EventRow.location).label("location"),
            func.min(EventRow.admin1).label("admin1"),
            EventRow.event_type,
            func.count().label("n"),
            func.max(EventRow.id).label("event_id"),
        )
        .where(EventRow.latitude.is_not(None), EventRow.longitude.is_not(None))
        .group_by(EventRow.latitude, EventRow.longitude, EventRow.event_type)
        .order_by(func.count().desc(), EventRow.latitude, EventRow.longitude, EventRow.event_type)
        .limit(MAP_POINTS)
    )
    with store.engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite and replace(filters, event_type=None) == EventFilter():
            found = connection.execute(
                _counted_points(filters.event_type), {"event_type": filters.event_type}
            )
        else:
            found = connection.execute(statement.where(*_conditions(connection, filters)))
        # up to 2,000 rows for the dashboard's map: on SQLite, the driver's own tuples (the
        # columns are floats, text and integers, which SQLAlchemy passes as they are), a third
        # of the time SQLAlchemy's rows took
        rows: Sequence[Any] = found.cursor.fetchall() if sqlite else found.all()
        found.close()
    return list(starmap(MapPoint, rows))


def _counted_points(event_type: str | None) -> TextClause:
    """The map of every event or of one type from `event_points` (kept by triggers, migration
    0020_event_points): its MAP_POINTS largest points read in the order of an index."""
    where = "WHERE event_type = :event_type " if event_type else ""
    return text(
        "SELECT latitude, longitude, location, admin1, event_type, n, event_id FROM event_points "
        f"{where}ORDER BY n DESC, latitude, longitude, event_type LIMIT {MAP_POINTS}"
    )


def weekly_counts(store: Store, filters: EventFilter, by: str = "event_type") -> list[WeekCount]:
    """Events per week (weeks start on Monday) and per type or region (`by="admin1"`)."""
    with store.engine.connect() as connection:
        rows: list[Any]
        if connection.dialect.name == "sqlite" and _only_region_type_dates(filters):
            rows = _counted_weeks(connection, filters, by)
        else:
            rows = list(connection.execute(_grouped_weeks(connection, filters, by)))
    days: dict[object, date] = {}  # a few hundred weeks over thousands of rows: parse each once
    counts = []
    for week, key, n in rows:
        day = days.get(week)
        if day is None:
            day = days[week] = week if isinstance(week, date) else date.fromisoformat(week)
        counts.append(WeekCount(day, key or "", n))
    return sorted(counts, key=lambda row: (row.week, row.key))


def _only_region_type_dates(filters: EventFilter) -> bool:
    """Whether `event_weeks` can answer: it counts events by region, week and type only."""
    return not (
        filters.sub_event_type
        or filters.actor
        or filters.location
        or filters.bbox is not None
        or has_words(filters.text)
        or filters.flagged is not None
        or filters.iso is not None
    )


def _grouped_weeks(connection: Connection, filters: EventFilter, by: str) -> Select[Any]:
    """Group the events table itself: any filter."""
    key = EventRow.admin1 if by == "admin1" else EventRow.event_type
    if connection.dialect.name == "postgresql":
        week: ColumnElement[Any] = cast(func.date_trunc("week", EventRow.event_date), Date)
    else:  # the Sunday on or after the day, less six days: "2024-08-04" -> "2024-07-29"
        week = func.date(EventRow.event_date, "weekday 0", "-6 days")
    return (
        select(week.label("week"), key.label("key"), func.count().label("n"))
        .where(EventRow.event_date.is_not(None), *_conditions(connection, filters))
        .group_by(week, key)
    )


def _counted_weeks(connection: Connection, filters: EventFilter, by: str) -> list[Any]:
    """Read the weeks wholly between the dates from `event_weeks` (kept by triggers, migration
    0008_weekly_counts); group the events of a first or last week that the dates cut."""
    start, end = filters.start, filters.end
    first = None if start is None else start + timedelta(days=-start.weekday() % 7)  # a Monday
    last = None if end is None else end - timedelta(days=(end.weekday() + 1) % 7)  # a Sunday
    if first is not None and last is not None and first > last:  # no whole week
        return list(connection.execute(_grouped_weeks(connection, filters, by)))
    key = "admin1" if by == "admin1" else "event_type"
    params = {
        "admin1": filters.admin1,
        "event_type": filters.event_type,
        "first": first.isoformat() if first else None,
        "last_monday": (last - timedelta(days=6)).isoformat() if last else None,
    }
    conditions = ["n > 0"] + [f"{name} = :{name}" for name in ("admin1", "event_type") if params[name]]
    conditions += [sql for sql, name in (("week >= :first", "first"), ("week <= :last_monday", "last_monday"))
                   if params[name]]  # fmt: skip
    rows = list(
        connection.execute(
            text(
                f"SELECT week, {key} AS key, sum(n) AS n FROM event_weeks WHERE {' AND '.join(conditions)} "
                f"GROUP BY week, {key}"
            ),
            params,
        )
    )
    if start is not None and first is not None and start < first:
        head = replace(filters, end=first - timedelta(days=1))
        rows += connection.execute(_grouped_weeks(connection, head, by)).all()
    if end is not None and last is not None and last < end:
        tail = replace(filters, start=last + timedelta(days=1))
        rows += connection.execute(_grouped_weeks(connection, tail, by)).all()
    return rows


def count_actors(store: Store, filters: EventFilter, limit: int = 200) -> list[NameCount]:
    """Actors (first or second) of the matching events, by number of events."""
    counts: dict[str, int] = {}
    with store.engine.connect() as connection:
        where = _conditions(connection, filters)
        # one grouping per column, each read in the order of its index (actor, longitude, latitude;
        # migration 0010), merged here: no sort of a million names as a union of both columns needs
        for column in (EventRow.actor1, EventRow.actor2):
            grouped = select(column, func.count()).where(column.is_not(None), *where).group_by(column)
            for name, n in connection.execute(grouped):
                if name is not None:
                    counts[name] = counts.get(name, 0) + n
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]
    return [NameCount(name, n) for name, n in ranked]


def count_places(store: Store, filters: EventFilter, limit: int = 500) -> list[PlaceCount]:
    """Places of the matching events with their region, coordinates and number of events."""
    statement = (
        select(
            EventRow.location,
            EventRow.admin1,
            func.min(EventRow.latitude).label("latitude"),
            func.min(EventRow.longitude).label("longitude"),
            func.count().label("n"),
        )
        .where(EventRow.location.is_not(None))
        .group_by(EventRow.location, EventRow.admin1)
        .order_by(func.count().desc(), EventRow.location)
        .limit(limit)
    )
    with store.engine.connect() as connection:
        rows: list[Any] = list(connection.execute(statement.where(*_conditions(connection, filters))))
    return [PlaceCount(r.location, r.admin1, r.latitude, r.longitude, r.n) for r in rows]


def set_flag(store: Store, event_id: int, flagged: bool) -> bool:
    """Flag an event as wrong (or clear the flag); False when there is no such event."""
    with store.engine.begin() as connection:
        done = connection.execute(update(EventRow).where(EventRow.id == event_id).values(flagged=flagged))
    return bool(done.rowcount)


def _conditions(connection: Connection, filters: EventFilter) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    if filters.start is not None:
        where.append(EventRow.event_date >= filters.start)
    if filters.end is not None:
        where.append(EventRow.event_date <= filters.end)
    if filters.event_type:
        where.append(EventRow.event_type == filters.event_type)
    if filters.sub_event_type:
        where.append(EventRow.sub_event_type == filters.sub_event_type)
    if filters.admin1:
        where.append(EventRow.admin1 == filters.admin1)
    if filters.location:
        where.append(EventRow.location == filters.location)
    if filters.iso:
        where.append(EventRow.iso == filters.iso)
    box: list[ColumnElement[bool]] = []
    if filters.bbox is not None:
        west, south, east, north = filters.bbox
        if west <= east:
            box.append(EventRow.longitude.between(west, east))
        else:  # the box crosses the antimeridian (RFC 7946, 5.2): east of west, or west of east
            box.append(or_(EventRow.longitude >= west, EventRow.longitude <= east))
        box.append(EventRow.latitude.between(south, north))  # south > north: an empty box
    if filters.actor:
        # first or second actor: the union of two index-only searches (actor, longitude, latitude;
        # migration 0010), rather than reading every event of the actor to test its place
        where.append(
            EventRow.id.in_(
                select(EventRow.id)
                .where(EventRow.actor1 == filters.actor, *box)
                .union(select(EventRow.id).where(EventRow.actor2 == filters.actor, *box))
            )
        )
    else:
        where += box
    if filters.flagged is not None:
        where.append(EventRow.flagged.is_(filters.flagged))
    if has_words(filters.text):  # punctuation alone ("«»") holds no word to search: no filter
        reported = _reported_with(connection, filters.text or "")
        # with dates, the events of the period are read from the date index and looked up among
        # those reported with the words ("+": not the other way round, one row read per match)
        dated = filters.start is not None or filters.end is not None
        where.append((EventRow.id + 0 if dated else EventRow.id).in_(reported))
    return where


def _reported_with(connection: Connection, words: str) -> Any:
    """Ids of the events one of whose sentences holds every word (any case, any accents)."""
    if connection.dialect.name == "postgresql":
        query = func.plainto_tsquery("french", words)
        return select(EventSourceRow.event_id).where(
            func.to_tsvector("french", EventSourceRow.sentence).op("@@")(query)
        )
    return text("SELECT rowid FROM events_fts WHERE events_fts MATCH :words").bindparams(
        words=fts_query(words)
    )


def _ordered(statement: Select[Any]) -> Select[Any]:
    return statement.order_by(EventRow.event_date.desc().nulls_last(), EventRow.id.desc())


def _view(row: Any) -> EventView:
    day = row["event_date"]
    return EventView(
        id=row["id"],
        date=day.isoformat() if day is not None else None,
        date_precision=row["time_precision"],
        event_type=row["event_type"],
        sub_event_type=row["sub_event_type"],
        actor1=row["actor1"],
        assoc_actor_1=row["assoc_actor_1"],
        actor2=row["actor2"],
        assoc_actor_2=row["assoc_actor_2"],
        location=row["location"],
        country=row["country"],
        iso=row["iso"],
        admin1=row["admin1"],
        admin2=row["admin2"],
        admin3=row["admin3"],
        latitude=row["latitude"],
        longitude=row["longitude"],
        geo_precision=row["geo_precision"],
        fatalities=row["fatalities"],
        evidence=row["evidence"],
        notes=row["notes"],
        flagged=bool(row["flagged"]),
    )
