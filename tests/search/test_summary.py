"""Summaries for the timeline and the reports: periods chosen from the span, counts and fatalities
per period and type, totals per region and type, the deadliest events (issue 13)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from vigie.search import (
    EventFilter,
    choose_unit,
    count_articles,
    deadliest_events,
    event_span,
    period_counts,
    totals,
)
from vigie.store import Store


@pytest.mark.parametrize(
    ("first", "last", "unit"),
    [
        (date(2024, 8, 1), date(2024, 8, 31), "week"),
        (date(2024, 1, 1), date(2024, 6, 30), "week"),  # 181 days: 26 weekly bars
        (date(2024, 1, 1), date(2024, 7, 31), "month"),
        (date(2021, 1, 1), date(2024, 12, 31), "month"),
        (date(2012, 1, 1), date(2026, 1, 1), "year"),  # fourteen years: fourteen bars, not 730
    ],
)
def test_the_period_follows_the_span(first: date, last: date, unit: str) -> None:
    assert choose_unit(first, last) == unit


def test_counts_and_fatalities_per_period(news_store: Store) -> None:
    assert event_span(news_store, EventFilter()) == (date(2023, 2, 27), date(2024, 8, 4))
    assert event_span(news_store, EventFilter(admin1="Kidal")) is None
    months = period_counts(news_store, EventFilter(), "month")
    assert [(row.start, row.key, row.count, row.fatalities, row.reported) for row in months] == [
        (date(2023, 2, 1), "Battles", 1, 3, 1),
        (date(2024, 8, 1), "Battles", 1, 3, 1),
    ]
    weeks = period_counts(news_store, EventFilter(start=date(2024, 1, 1)), "week")
    assert [(row.start, row.count) for row in weeks] == [(date(2024, 7, 29), 1)]  # the Monday of 4 August
    years = period_counts(news_store, EventFilter(), "year")
    assert [row.start for row in years] == [date(2023, 1, 1), date(2024, 1, 1)]


def test_totals_and_deadliest(news_store: Store) -> None:
    by_region = totals(news_store, EventFilter(), "admin1")
    assert sorted((row.key, row.count, row.fatalities) for row in by_region) == [
        ("Mopti", 1, 3),
        ("Ségou", 1, 3),
    ]
    [everything] = totals(news_store, EventFilter(iso="MLI"), "all")
    assert (everything.count, everything.fatalities, everything.reported) == (2, 6, 2)
    [none] = totals(news_store, EventFilter(iso="NER"), "all")
    assert (none.count, none.fatalities) == (0, 0)
    assert [event.id for event in deadliest_events(news_store, EventFilter(), 5)] == [
        1,
        2,
    ]  # equal tolls: newest
    assert count_articles(news_store, date(2024, 8, 1), date(2024, 8, 5)) == 1
    assert count_articles(news_store, date(2024, 8, 6), date(2024, 8, 31)) == 0


def test_months_kept_by_triggers_give_the_same_counts(store: Store) -> None:
    """0018_event_months: the SQLite table the timeline reads by month and year agrees with the
    events table (read through the flagged filter, which it cannot answer), after inserts, updates
    and deletes, whatever the dates cut."""
    from sqlalchemy import delete, insert, update

    from vigie.store.schema import EventRow

    rows = [
        {"id": n, "event_date": date(2023, 1, 1 + n % 28).replace(month=1 + n % 12), "time_precision": 1,
         "event_type": ("Battles", "Protests", "Riots")[n % 3], "sub_event_type": "Armed clash",
         "actor1": "Military Forces of Mali", "admin1": ("Mopti", "Gao", None)[n % 3 - 1 if n % 5 else 2],
         "fatalities": None if n % 4 == 0 else n % 7, "evidence": "Des hommes armés ont attaqué.", "flagged": False}
        for n in range(1, 120)
    ]  # fmt: skip
    with store.engine.begin() as connection:
        connection.execute(insert(EventRow), rows)
        connection.execute(update(EventRow).where(EventRow.id < 10).values(fatalities=40, admin1="Kidal"))
        connection.execute(update(EventRow).where(EventRow.id == 11).values(event_date=date(2024, 2, 29)))
        connection.execute(delete(EventRow).where(EventRow.id.in_([12, 13, 14])))
    for filters in (
        EventFilter(),
        EventFilter(admin1="Kidal"),
        EventFilter(event_type="Protests", start=date(2023, 3, 15), end=date(2023, 10, 9)),
        EventFilter(start=date(2023, 2, 1), end=date(2023, 11, 30)),
        EventFilter(start=date(2023, 5, 3), end=date(2023, 5, 20)),
    ):
        for unit in ("month", "year"):
            fast = period_counts(store, filters, unit)
            slow = period_counts(store, replace(filters, flagged=False), unit)
            assert fast == slow and sum(row.count for row in fast) > 0, (filters, unit)
    [kidal] = totals(store, EventFilter(admin1="Kidal"), "all")
    assert (
        sum(row.fatalities for row in period_counts(store, EventFilter(admin1="Kidal"), "year"))
        == kidal.fatalities
    )


def test_an_older_database_gets_its_months_counted(tmp_path: Path) -> None:
    """0018_event_months fills the table from the events an older Vigie stored."""
    from sqlalchemy import create_engine

    from tests.rows import fill
    from tests.store.test_direction import migrate_to

    url = f"sqlite:///{tmp_path / 'old.db'}"
    migrate_to(url, "0012_interaction_direction")
    old = Store(create_engine(url))
    fill(old)
    old.close()
    with Store.open(url) as store:
        months = period_counts(store, EventFilter(), "month")
        assert months == period_counts(store, EventFilter(flagged=False), "month")
        assert [(row.start, row.count, row.fatalities) for row in months] == [
            (date(2023, 2, 1), 1, 3),
            (date(2024, 8, 1), 1, 3),
        ]


def test_a_types_weeks_are_counted_from_the_maps_index_alone(news_store: Store) -> None:
    """0021_timeline_index: the fatalities end the map's index, so the timeline of a type over a
    period (weekly bars, or the months its dates cut) reads no event row; the same counts as before."""
    from sqlalchemy import text

    from vigie.search.summary import _grouped

    battles = EventFilter(event_type="Battles", start=date(2024, 7, 1), end=date(2024, 9, 30))
    weeks = period_counts(news_store, battles, "week")
    assert [(row.start, row.count, row.fatalities, row.reported) for row in weeks] == [
        (date(2024, 7, 29), 1, 3, 1)
    ]
    with news_store.engine.connect() as connection:
        statement = _grouped(connection, battles, "week").compile(
            connection, compile_kwargs={"literal_binds": True}
        )
        plan = " ".join(row[-1] for row in connection.execute(text(f"EXPLAIN QUERY PLAN {statement}")))
    assert "COVERING INDEX ix_events_type_date_place" in plan
