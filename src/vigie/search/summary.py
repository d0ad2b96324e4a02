"""Event summaries: an EventFilter -> counts and fatalities per period, per region or type, the span
of the dates, the deadliest events; for the dashboard's timeline and the situation report.

Fatalities are summed over the events that report a number (Vigie keeps null where no number is
reported); `reported` says how many did, so that a reader can tell "0 deaths" from "no figure".
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import Any, Literal

from sqlalchemy import ColumnElement, Connection, Date, Select, cast, func, select

from vigie.search.events import EventFilter, EventView, _conditions, _only_region_type_dates, _view
from vigie.store import Store
from vigie.store.schema import ArticleRow, EventMonthRow, EventRow

Unit = Literal["week", "month", "year"]
WEEKLY_UP_TO_DAYS = 182  # half a year of weekly bars (26); beyond, months
MONTHLY_UP_TO_DAYS = 4 * 366  # four years of monthly bars (48); beyond, years


@dataclass(frozen=True, slots=True)
class PeriodCount:
    """Events of one type in one period (its first day: a Monday, the 1st of a month or of January)."""

    start: date
    key: str
    count: int
    fatalities: int  # summed over the events that give a number
    reported: int  # how many of them give a number


@dataclass(frozen=True, slots=True)
class Total:
    """Events of one region, type or in all, with their fatalities."""

    key: str
    count: int
    fatalities: int
    reported: int


def choose_unit(first: date, last: date) -> Unit:
    """Weekly bars for half a year or less, monthly up to four years, yearly beyond.

    >>> choose_unit(date(2024, 1, 1), date(2024, 3, 1)), choose_unit(date(2012, 1, 1), date(2026, 1, 1))
    ('week', 'year')
    """
    days = (last - first).days
    if days <= WEEKLY_UP_TO_DAYS:
        return "week"
    return "month" if days <= MONTHLY_UP_TO_DAYS else "year"


def event_span(store: Store, filters: EventFilter) -> tuple[date, date] | None:
    """The first and last dates of the matching events; None when no dated event matches.
    Two sub-queries: SQLite reads min() or max() from an index only when it is alone (the
    unfiltered dashboard's span of 500,000 events: 120 ms -> under 1 ms)."""
    with store.engine.connect() as connection:
        where = [EventRow.event_date.is_not(None), *_conditions(connection, filters)]
        row = connection.execute(
            select(
                select(func.min(EventRow.event_date)).where(*where).scalar_subquery(),
                select(func.max(EventRow.event_date)).where(*where).scalar_subquery(),
            )
        ).one()
    first, last = (_day(value) for value in row)
    return (first, last) if first is not None and last is not None else None


def period_counts(store: Store, filters: EventFilter, unit: Unit) -> list[PeriodCount]:
    """Events and fatalities per period and event type, oldest period first."""
    with store.engine.connect() as connection:
        rows: list[Any]
        if connection.dialect.name == "sqlite" and unit != "week" and _only_region_type_dates(filters):
            rows = _counted_months(connection, filters, unit)
        else:
            rows = list(connection.execute(_grouped(connection, filters, unit)))
    sums: dict[tuple[date, str], tuple[int, int, int]] = {}
    for start, key, n, dead, reported in rows:
        day = _day(start) or date.min
        if unit == "year":
            day = day.replace(month=1, day=1)
        before = sums.get((day, key), (0, 0, 0))
        sums[day, key] = (before[0] + n, before[1] + (dead or 0), before[2] + reported)
    return [PeriodCount(day, key, *values) for (day, key), values in sorted(sums.items())]


def _grouped(connection: Connection, filters: EventFilter, unit: Unit) -> Select[Any]:
    """Group the events table itself: any filter."""
    period = _period(connection.dialect.name, unit)
    return (
        select(period.label("start"), EventRow.event_type, *_sums())
        .where(EventRow.event_date.is_not(None), *_conditions(connection, filters))
        .group_by(period, EventRow.event_type)
    )


def _counted_months(connection: Connection, filters: EventFilter, unit: Unit) -> list[Any]:
    """Read the months wholly between the dates from `event_months` (kept by triggers, migration
    0018_event_months); group the events of a first or last month that the dates cut."""
    start, end = filters.start, filters.end
    first = None if start is None or start.day == 1 else _next_month(start)
    last = None if end is None or _next_month(end) == end + timedelta(days=1) else end.replace(day=1)
    if first is not None and last is not None and first >= last:  # no whole month
        return list(connection.execute(_grouped(connection, filters, "month")))
    wanted = [EventMonthRow.n > 0]
    if filters.admin1:
        wanted.append(EventMonthRow.admin1 == filters.admin1)
    if filters.event_type:
        wanted.append(EventMonthRow.event_type == filters.event_type)
    if start is not None:
        wanted.append(EventMonthRow.month >= (first or start))
    if end is not None:
        wanted.append(EventMonthRow.month < (last or _next_month(end)))
    statement = select(
        EventMonthRow.month,
        EventMonthRow.event_type,
        func.sum(EventMonthRow.n),
        func.sum(EventMonthRow.dead),
        func.sum(EventMonthRow.reported),
    ).where(*wanted)
    rows = list(connection.execute(statement.group_by(EventMonthRow.month, EventMonthRow.event_type)))
    if start is not None and first is not None:
        rows += connection.execute(
            _grouped(connection, replace(filters, end=first - timedelta(days=1)), "month")
        )
    if end is not None and last is not None:
        rows += connection.execute(_grouped(connection, replace(filters, start=last), "month"))
    return rows


def _next_month(day: date) -> date:
    """The first day of the next month: date(2024, 12, 15) -> date(2025, 1, 1)."""
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def totals(store: Store, filters: EventFilter, by: Literal["admin1", "event_type", "all"]) -> list[Total]:
    """Events and fatalities per region (None: "") or per type, most events first; `all`: one row."""
    column = {"admin1": EventRow.admin1, "event_type": EventRow.event_type}.get(by)
    with store.engine.connect() as connection:
        where = _conditions(connection, filters)
        if column is None:
            n, dead, reported = connection.execute(select(*_sums()).where(*where)).one()
            return [Total("", n, dead or 0, reported or 0)]
        statement = select(column.label("key"), *_sums()).where(*where).group_by(column)
        rows: list[Any] = list(connection.execute(statement))
    found = [Total(key or "", n, dead or 0, reported) for key, n, dead, reported in rows]
    return sorted(found, key=lambda row: (-row.count, -row.fatalities, row.key))


def deadliest_events(store: Store, filters: EventFilter, limit: int = 10) -> list[EventView]:
    """The matching events with the most fatalities (a number given), most first, then newest."""
    with store.engine.connect() as connection:
        statement = (
            select(EventRow)
            .where(EventRow.fatalities > 0, *_conditions(connection, filters))
            .order_by(EventRow.fatalities.desc(), EventRow.event_date.desc().nulls_last(), EventRow.id)
            .limit(limit)
        )
        return [_view(row._mapping) for row in connection.execute(statement)]


def count_articles(store: Store, start: date, end: date) -> int:
    """Articles (teasers included) published from `start` to `end`, inclusive."""
    statement = (
        select(func.count())
        .select_from(ArticleRow)
        .where(
            ArticleRow.published >= datetime.combine(start, time.min),
            ArticleRow.published < datetime.combine(end + timedelta(days=1), time.min),
        )
    )
    with store.engine.connect() as connection:
        return connection.scalar(statement) or 0


def _sums() -> list[ColumnElement[Any]]:
    return [
        func.count().label("n"),
        func.sum(EventRow.fatalities).label("dead"),
        func.count(EventRow.fatalities).label("reported"),
    ]


def _period(dialect: str, unit: Unit) -> ColumnElement[Any]:
    if dialect == "postgresql":
        return cast(func.date_trunc(unit, EventRow.event_date), Date)
    if unit == "week":  # the Sunday on or after the day, less six days: "2024-08-04" -> "2024-07-29"
        return func.date(EventRow.event_date, "weekday 0", "-6 days")
    return func.strftime("%Y-%m-01" if unit == "month" else "%Y-01-01", EventRow.event_date)


def _day(value: object) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))
