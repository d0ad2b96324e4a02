"""The full-text index on SQLite: built from the articles already stored, kept in sync afterwards."""

from __future__ import annotations

from datetime import UTC, datetime
from importlib import resources

from alembic import command
from alembic.config import Config
from sqlalchemy import insert, update

from vigie.search import ArticleQuery, EventFilter, find_events, search_articles
from vigie.store import Store
from vigie.store.schema import ArticleRow, DocumentRow


def _migrate(store: Store, revision: str, up: bool) -> None:
    config = Config()
    config.set_main_option("script_location", str(resources.files("vigie.store") / "migrations"))
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        (command.upgrade if up else command.downgrade)(config, revision)


def test_upgrading_indexes_the_articles_already_stored(news_store: Store) -> None:
    _migrate(news_store, "0002_web_sources", up=False)
    _migrate(news_store, "head", up=True)
    assert [hit.source for hit in search_articles(news_store, ArticleQuery(q="SEGOU")).hits] == ["maliweb"]
    assert [e.id for e in find_events(news_store, EventFilter(text="securite")).items] == [1]


def test_an_edited_title_is_searched_by_its_new_words(news_store: Store) -> None:
    with news_store.engine.begin() as connection:
        connection.execute(
            update(ArticleRow).where(ArticleRow.title.like("Ségou%")).values(title="Niono : marché rouvert")
        )
    assert search_articles(news_store, ArticleQuery(q="Dogofry")).total == 0
    page = search_articles(news_store, ArticleQuery(q="niono"))
    assert [(hit.title, hit.source) for hit in page.hits] == [("Niono : marché rouvert", "maliweb")]


def test_web_pages_facet_by_host_and_section(news_store: Store) -> None:
    url = "https://www.maliweb.net/securite/kidal-un-convoi-cible-3050.html"
    body = "Un convoi de ravitaillement a été ciblé par un engin explosif près de Kidal."
    with news_store.engine.begin() as connection:
        connection.execute(
            insert(DocumentRow),
            {"id": "f" * 40, "source": url, "name": "kidal-un-convoi-cible-3050.html", "size": 90,
             "encoding": "utf-8", "ingested_at": datetime(2024, 9, 2, tzinfo=UTC), "text": body, "url": url},
        )  # fmt: skip
        connection.execute(
            insert(ArticleRow),
            {"id": "f" * 40 + ":0", "document_id": "f" * 40, "position": 0, "start_offset": 0,
             "end_offset": len(body), "spans": f"[[0, {len(body)}]]", "kind": "full", "title": "Kidal : un convoi ciblé",
             "body": body, "published": datetime(2024, 9, 1), "published_has_time": False, "cluster_id": "c"},
        )  # fmt: skip
    page = search_articles(news_store, ArticleQuery(q="convoi"))
    assert [(hit.title, hit.source) for hit in page.hits] == [("Kidal : un convoi ciblé", "maliweb.net")]
    assert [(f.value, f.count) for f in page.facets["section"]] == [("securite", 1)]
    assert search_articles(news_store, ArticleQuery(section="securite", source="maliweb.net")).total == 1
    assert search_articles(news_store, ArticleQuery(q="Boni", section="securite")).total == 0
