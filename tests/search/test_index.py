"""The full-text index on SQLite: built from the articles already stored, kept in sync afterwards."""

from __future__ import annotations

from datetime import UTC, datetime
from importlib import resources

from alembic import command
from alembic.config import Config
from sqlalchemy import delete, insert, update

from vigie.records import Article, RawDoc
from vigie.search import ArticleQuery, EventFilter, find_events, search_articles
from vigie.store import Clustered, Store
from vigie.store.packed import pack
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
    # the event keeps its sentence through the renumbering of 0015_stable_ids
    assert [e.location for e in find_events(news_store, EventFilter(text="securite")).items] == ["Boni"]


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
             "encoding": "utf-8", "ingested_at": datetime(2024, 9, 2, tzinfo=UTC), "packed": pack(body), "url": url},
        )  # fmt: skip
        connection.execute(
            insert(ArticleRow),
            {"id": "f" * 40 + ":0", "document_id": "f" * 40, "position": 0, "start_offset": 0,
             "end_offset": len(body), "spans": f"[[0, {len(body)}]]", "kind": "full", "title": "Kidal : un convoi ciblé",
             "published": datetime(2024, 9, 1), "published_has_time": False, "cluster_id": "c"},
        )  # fmt: skip
    page = search_articles(news_store, ArticleQuery(q="convoi"))
    assert [(hit.title, hit.source) for hit in page.hits] == [("Kidal : un convoi ciblé", "maliweb.net")]
    assert [(f.value, f.count) for f in page.facets["section"]] == [("securite", 1)]
    assert search_articles(news_store, ArticleQuery(section="securite", source="maliweb.net")).total == 1
    assert search_articles(news_store, ArticleQuery(q="Boni", section="securite")).total == 0


def _save(store: Store, name: str, title: str, body: str, published: datetime) -> str:
    """Save one document of one article through Store.save_document, as an ingest does."""
    text = f"{title}\n\n{body}\n"
    raw = RawDoc(source=f"/pages/{name}", name=name, sha1=f"{abs(hash(name)):040d}"[-40:], size=len(text),
                 encoding="utf-8", text=text)  # fmt: skip
    start = len(title) + 2
    article = Article(doc_id=raw.sha1, position=0, kind="full", title=title, published=published, author=None,
                      body=body, start=0, end=len(text), spans=((start, start + len(body)),))  # fmt: skip
    store.save_document(raw, [Clustered(article, article.id, None, None)])
    return article.id


def test_a_saved_article_is_in_the_next_answer(news_store: Store) -> None:
    """Issue 5: counts and ranks are kept per query, but never past a change of the index."""
    first = search_articles(news_store, ArticleQuery(q="accrochage"))
    assert search_articles(news_store, ArticleQuery(q="accrochage")) == first  # the kept answer
    assert (first.total, [hit.title for hit in first.hits]) == (1, ["Ségou : accrochage près de Dogofry"])
    saved = _save(news_store, "essor-2024-09-10-niono.txt", "Niono : nouvel accrochage",
                  "Un accrochage a opposé les FAMa à des hommes armés près de Niono.", datetime(2024, 9, 10))  # fmt: skip
    page = search_articles(news_store, ArticleQuery(q="accrochage"))
    assert (page.total, [hit.id for hit in page.hits][0]) == (2, saved)
    assert [(f.value, f.count) for f in page.facets["year"]] == [("2023", 1), ("2024", 1)]
    assert [(f.value, f.count) for f in page.facets["source"]] == [("essor", 1), ("maliweb", 1)]
    with news_store.engine.begin() as connection:
        connection.execute(delete(ArticleRow).where(ArticleRow.id == saved))
    after = search_articles(news_store, ArticleQuery(q="accrochage"))
    assert (after.total, [hit.title for hit in after.hits]) == (1, ["Ségou : accrochage près de Dogofry"])


def test_pages_of_a_kept_ranking_follow_the_full_ranking(news_store: Store) -> None:
    for day in range(1, 6):
        _save(news_store, f"essor-2024-10-0{day}-kati.txt", f"Kati : réunion {day}",
              "Les habitants de Kati ont tenu une réunion" + " à Kati" * day + ".", datetime(2024, 10, day))  # fmt: skip
    whole = [hit.title for hit in search_articles(news_store, ArticleQuery(q="Kati", limit=5)).hits]
    paged = [hit.title for offset in range(5)
             for hit in search_articles(news_store, ArticleQuery(q="Kati", limit=1, offset=offset)).hits]  # fmt: skip
    assert paged == whole == [f"Kati : réunion {day}" for day in range(5, 0, -1)]
