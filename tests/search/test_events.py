"""Event and interaction queries: filters shared by the list, the map and the timeline."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import delete, insert, update

from vigie.search import (
    EventFilter,
    InteractionFilter,
    find_events,
    find_interactions,
    get_event,
    map_points,
    pair_counts,
    set_flag,
    weekly_counts,
)
from vigie.store import Store
from vigie.store.schema import EventRow


def test_filters_narrow_the_events(news_store: Store) -> None:
    def ids(filters: EventFilter) -> list[int]:
        return [e.id for e in find_events(news_store, filters).items]

    assert ids(EventFilter()) == [1, 2]
    assert ids(EventFilter(start=date(2024, 1, 1))) == [1]
    assert ids(EventFilter(admin1="Ségou")) == [2]
    assert ids(EventFilter(actor="JNIM", event_type="Battles")) == [1, 2]
    assert ids(EventFilter(bbox=(-3.0, 14.0, -1.0, 16.0))) == [1]
    assert ids(EventFilter(text="securite")) == [1]
    assert ids(EventFilter(sub_event_type="Attack")) == []


def test_event_detail_keeps_the_sentence_offsets(news_store: Store) -> None:
    detail = get_event(news_store, 1)
    assert detail is not None
    source = detail.sources[0]
    text = "".join(p for _, p in detail.articles[source.article_id].paragraphs)
    offset = detail.articles[source.article_id].paragraphs[0][0]
    assert text[source.start - offset : source.end - offset] == source.sentence
    assert get_event(news_store, 99) is None


def test_map_and_timeline_count_the_same_events(news_store: Store) -> None:
    points = map_points(news_store, EventFilter(event_type="Battles"))
    assert sorted((p.location, p.count) for p in points) == [("Boni", 1), ("Ségou", 1)]
    weeks = weekly_counts(news_store, EventFilter())
    assert [(w.week, w.key, w.count) for w in weeks] == [
        (date(2023, 2, 27), "Battles", 1),
        (date(2024, 7, 29), "Battles", 1),
    ]
    assert [(w.key, w.count) for w in weekly_counts(news_store, EventFilter(), by="admin1")] == [
        ("Ségou", 1),
        ("Mopti", 1),
    ]


def test_flag_is_stored(news_store: Store) -> None:
    assert set_flag(news_store, 2, True)
    assert [e.id for e in find_events(news_store, EventFilter(flagged=True)).items] == [2]
    assert not set_flag(news_store, 99, True)


def test_interactions_and_matrix(news_store: Store) -> None:
    assert find_interactions(news_store, InteractionFilter(party="NER")).total == 1
    assert find_interactions(news_store, InteractionFilter(end=date(2023, 1, 1))).total == 0
    assert [(p.party1, p.party2, p.type, p.count) for p in pair_counts(news_store, InteractionFilter())] == [
        ("MLI", "NER", "COOPERATE", 1)
    ]


def test_weekly_counts_follow_saved_changed_and_deleted_events(news_store: Store) -> None:
    """Issue 5: the weeks kept by triggers (event_weeks) answer as the events table would."""

    def event(number: int, day: date, kind: str, admin1: str | None) -> dict[str, object]:
        return {"id": number, "event_date": day, "time_precision": 1, "event_type": kind,
                "sub_event_type": "Armed clash", "actor1": "JNIM", "admin1": admin1, "evidence": ""}  # fmt: skip

    with news_store.engine.begin() as connection:
        connection.execute(insert(EventRow), [event(3, date(2024, 8, 6), "Riots", "Mopti"),
                                              event(4, date(2024, 8, 12), "Battles", "Mopti"),
                                              event(5, date(2024, 8, 18), "Battles", None)])  # fmt: skip
        connection.execute(
            update(EventRow).where(EventRow.id == 4).values(admin1="Ségou", event_type="Riots")
        )
        connection.execute(delete(EventRow).where(EventRow.id == 3))

    def weeks(filters: EventFilter, by: str = "event_type") -> list[tuple[str, str, int]]:
        return [(w.week.isoformat(), w.key, w.count) for w in weekly_counts(news_store, filters, by)]

    assert weeks(EventFilter(admin1="Mopti")) == [("2024-07-29", "Battles", 1)]
    # from a Sunday to a Saturday: the first and last weeks are cut, the one between is whole
    assert weeks(EventFilter(start=date(2024, 8, 4), end=date(2024, 8, 17))) == [
        ("2024-07-29", "Battles", 1),
        ("2024-08-12", "Riots", 1),
    ]
    assert weeks(EventFilter(start=date(2024, 8, 13), end=date(2024, 8, 18)), by="admin1") == [
        ("2024-08-12", "", 1)
    ]
    assert weeks(EventFilter(), by="admin1") == [
        ("2023-02-27", "Ségou", 1),
        ("2024-07-29", "Mopti", 1),
        ("2024-08-12", "", 1),
        ("2024-08-12", "Ségou", 1),
    ]
    assert weeks(EventFilter(event_type="Riots", actor="JNIM")) == [("2024-08-12", "Riots", 1)]


def test_an_actor_s_events_in_a_box_are_counted_and_ordered_as_every_other_filter(store: Store) -> None:
    """An actor's events are read from its two indexes with their dates (migration 0019_serve_fast):
    first or second actor, counted once when both, newest first, ties by id, paged, other filters kept."""

    def event(
        number: int, day: date | None, actor1: str, actor2: str | None, lon: float
    ) -> dict[str, object]:
        return {"id": number, "event_date": day, "time_precision": 1, "event_type": "Battles",
                "sub_event_type": "Armed clash", "actor1": actor1, "actor2": actor2, "latitude": 14.5,
                "longitude": lon, "admin1": "Mopti", "evidence": "Des tirs ont été entendus."}  # fmt: skip

    rows = [event(10, date(2024, 3, 1), "JNIM", "Civilians", -4.2),
            event(11, date(2024, 3, 1), "Military Forces of Mali", "JNIM", -4.1),
            event(12, date(2024, 5, 9), "JNIM", "JNIM", -3.9),  # both actors: counted once
            event(13, None, "JNIM", None, -4.0),  # no date: last
            event(14, date(2024, 6, 2), "JNIM", None, 2.5),  # outside the box
            event(15, date(2024, 7, 7), "Wagner Group", "Civilians", -4.0)]  # fmt: skip
    with store.engine.begin() as connection:
        connection.execute(insert(EventRow), rows)

    def page(filters: EventFilter, limit: int = 50, offset: int = 0) -> tuple[int, list[int]]:
        found = find_events(store, filters, limit, offset)
        return found.total, [e.id for e in found.items]

    box = (-5.0, 14.0, -3.0, 15.0)
    assert page(EventFilter(actor="JNIM", bbox=box)) == (4, [12, 11, 10, 13])
    assert page(EventFilter(actor="JNIM", bbox=box), limit=2, offset=1) == (4, [11, 10])
    assert page(EventFilter(actor="JNIM")) == (5, [14, 12, 11, 10, 13])
    assert page(EventFilter(actor="JNIM", bbox=box, start=date(2024, 4, 1))) == (1, [12])
    assert page(EventFilter(actor="Civilians", admin1="Mopti")) == (2, [15, 10])
    assert page(EventFilter(actor="JNIM", bbox=box, end=date(2024, 3, 31))) == (2, [11, 10])
    assert page(EventFilter(actor="Dozo Militia")) == (0, [])


def test_the_whole_map_read_from_its_counts_is_the_map_of_the_events(store: Store) -> None:
    """The map of every event, or of one type, is read from `event_points` (kept by triggers,
    migration 0020_event_points): the same points, counts, names, newest ids and order as the map
    grouped from the events table (asked here with dates that hold every event)."""

    def event(
        number: int, kind: str, lat: float | None, location: str | None, admin1: str | None
    ) -> dict[str, object]:
        return {"id": number, "event_date": date(2024, 1, number), "time_precision": 1, "event_type": kind,
                "sub_event_type": "Armed clash", "actor1": "JNIM", "latitude": lat,
                "longitude": None if lat is None else -4.0, "location": location, "admin1": admin1,
                "evidence": "Des tirs ont été entendus."}  # fmt: skip

    rows = [event(1, "Battles", 14.5, "Boni", "Mopti"), event(2, "Battles", 14.5, None, "Mopti"),
            event(3, "Battles", 14.5, "Boni", None), event(4, "Riots", 14.5, "Boni", "Mopti"),
            event(5, "Battles", 13.4, "Ségou", "Ségou"), event(6, "Battles", None, "Gao", "Gao"),
            event(7, "Riots", 13.4, None, None), event(8, "Battles", 12.6, "Bamako", "Bamako")]  # fmt: skip
    with store.engine.begin() as connection:
        connection.execute(insert(EventRow), rows)

    def both(kind: str | None = None) -> list[tuple[object, ...]]:
        counted = map_points(store, EventFilter(event_type=kind))
        grouped = map_points(store, EventFilter(event_type=kind, start=date(2000, 1, 1)))
        assert counted == grouped
        return [(p.latitude, p.location, p.admin1, p.event_type, p.count, p.event_id) for p in counted]

    assert both()[:2] == [
        (14.5, "Boni", "Mopti", "Battles", 3, 3),
        (12.6, "Bamako", "Bamako", "Battles", 1, 8),
    ]
    assert len(both()) == 5
    assert both("Riots") == [(13.4, None, None, "Riots", 1, 7), (14.5, "Boni", "Mopti", "Riots", 1, 4)]
    with store.engine.begin() as connection:
        connection.execute(update(EventRow).where(EventRow.id == 3).values(latitude=13.4, location="Markala"))
        connection.execute(delete(EventRow).where(EventRow.id.in_([7, 8])))
    assert both("Riots") == [(14.5, "Boni", "Mopti", "Riots", 1, 4)]
    assert both()[:2] == [
        (13.4, "Markala", "Ségou", "Battles", 2, 5),
        (14.5, "Boni", "Mopti", "Battles", 2, 2),
    ]
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM event_points").scalar() == 3


def test_events_with_words_are_paged_alike_read_in_date_order_or_gathered_first(
    news_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With words in many of the events, the page is found by reading the events in date order and
    looking each one up in events_fts (PROBES); with words in few, by gathering the matches first:
    the same events, count and order either way."""
    from vigie.search import events as searched

    filters = [EventFilter(text="securite"), EventFilter(text="Boni", start=date(2020, 1, 1)),
               EventFilter(text="hommes poste", end=date(2030, 1, 1)), EventFilter(text="introuvable")]  # fmt: skip
    pages = {}
    for probes in (0, 10_000):
        monkeypatch.setattr(searched, "PROBES", probes)
        pages[probes] = [find_events(news_store, f, 1, offset) for f in filters for offset in (0, 1)]
    assert pages[0] == pages[10_000]
    assert [page.total for page in pages[0]][::2] == [1, 1, 1, 0]
