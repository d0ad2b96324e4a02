"""The search queries on PostgreSQL: French text search, facets, event filters, weekly counts.

Uses the throw-away server of tests/store/test_postgres.py (skipped without PostgreSQL's
binaries, except in CI).
"""

from __future__ import annotations

from datetime import date

from tests.rows import fill
from tests.store.test_postgres import postgres_url  # noqa: F401  (the fixture)
from vigie.search import (
    MARK_END,
    MARK_START,
    ArticleQuery,
    EventFilter,
    find_events,
    search_articles,
    weekly_counts,
)
from vigie.store import Store


def test_search_and_filters_on_postgres(postgres_url: str) -> None:  # noqa: F811
    with Store.open(postgres_url) as store:
        with store.engine.begin() as connection:
            for table in (
                "event_sources",
                "events",
                "interaction_sources",
                "interactions",
                "articles",
                "documents",
            ):
                connection.exec_driver_sql(f"DELETE FROM {table}")
        fill(store)
        page = search_articles(store, ArticleQuery(q="terroristes neutralisés"))
        assert [hit.title for hit in page.hits] == ["Ségou : accrochage près de Dogofry"]
        assert f"{MARK_START}neutralisé{MARK_END}" in page.hits[0].snippet
        assert [(f.value, f.count) for f in page.facets["source"]] == [("maliweb", 1)]
        assert search_articles(store, ArticleQuery(q="", year=2024)).total == 1
        assert [e.id for e in find_events(store, EventFilter(text="sécurité")).items] == [1]
        assert [
            e.id for e in find_events(store, EventFilter(start=date(2024, 1, 1), admin1="Mopti")).items
        ] == [1]
        assert [(w.week, w.count) for w in weekly_counts(store, EventFilter())] == [
            (date(2023, 2, 27), 1),
            (date(2024, 7, 29), 1),
        ]
        with store.engine.begin() as connection:
            connection.exec_driver_sql(
                "UPDATE documents SET url = 'https://www.maliweb.net/securite/segou-accrochage.html' "
                "WHERE name = 'maliweb-2023-03-02-segou.txt'"
            )
        page = search_articles(store, ArticleQuery(q="Ségou"))
        assert [(f.value, f.count) for f in page.facets["source"]] == [("maliweb.net", 1)]
        assert [(f.value, f.count) for f in page.facets["section"]] == [("securite", 1)]
        assert [hit.source for hit in page.hits] == ["maliweb.net"]
        assert search_articles(store, ArticleQuery(section="securite")).total == 1
