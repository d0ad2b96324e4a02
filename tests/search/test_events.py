"""Event and interaction queries: filters shared by the list, the map and the timeline."""

from __future__ import annotations

from datetime import date

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
