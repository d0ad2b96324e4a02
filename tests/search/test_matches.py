"""Bounded search work: exact up to CAP matches, estimated beyond from slices of the index, said so."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import insert

from vigie.search import ArticleQuery, search_articles
from vigie.search import matches as bounded
from vigie.search.rankings import RANKINGS
from vigie.store import Store
from vigie.store.packed import pack
from vigie.store.schema import ArticleRow, DocumentRow

MARKET = "Le marché de Sévaré a rouvert ce lundi après trois jours de fermeture décidée par la mairie."
CONVOY = "Un convoi de ravitaillement est arrivé à Douentza sous escorte de l'armée malienne."


@pytest.fixture
def many(store: Store) -> Store:
    """40 articles that say `marché` (20 of 2023 on essor, 20 of 2024 on maliweb); 2 say `convoi`."""
    documents, articles = [], []
    for number in range(40):
        site, year = ("essor", 2023) if number % 2 else ("maliweb", 2024)
        body = f"{MARKET} {CONVOY}" if number in (7, 30) else MARKET
        title = "Convoi à Douentza" if number == 30 else f"Sévaré : le marché rouvre ({number})"
        doc_id = f"{number:040x}"
        documents.append({"id": doc_id, "source": f"/news/{number}.txt", "name": f"{site}-{year}-{number}.txt",
                          "size": len(body), "encoding": "utf-8", "ingested_at": datetime(2024, 9, 1),
                          "packed": pack(f"{title}\n\n{body}")})  # fmt: skip
        articles.append({"id": f"{doc_id}:0", "document_id": doc_id, "position": 0, "start_offset": 0,
                         "end_offset": len(title) + 2 + len(body), "kind": "full", "title": title,
                         "spans": f"[[{len(title) + 2}, {len(title) + 2 + len(body)}]]",
                         "published": datetime(year, 3, 1 + number % 28),
                         "published_has_time": False, "cluster_id": f"{doc_id}:0"})  # fmt: skip
    with store.engine.begin() as connection:
        connection.execute(insert(DocumentRow), documents)
        connection.execute(insert(ArticleRow), articles)
    return store


def test_a_word_in_more_than_cap_articles_is_counted_from_slices(
    many: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bounded, "CAP", 10)
    monkeypatch.setattr(bounded, "SLICES", 5)
    RANKINGS.kept.clear()
    page = search_articles(many, ArticleQuery(q="marche"))
    # every article matches: each slice's first 2 matches stand for its 8, so the estimate is right
    assert (page.total, page.estimated) == (40, True)
    assert sorted((f.value, f.count) for f in page.facets["year"]) == [("2023", 20), ("2024", 20)]
    assert page.notes and page.notes[0].startswith("about 40 matches: the count and facets are estimated")
    assert [hit.title for hit in page.hits][:2] == [
        "Sévaré : le marché rouvre (39)",
        "Sévaré : le marché rouvre (38)",
    ]
    chosen = search_articles(many, ArticleQuery(q="marche", source="essor"))
    assert (chosen.total, {hit.source for hit in chosen.hits}) == (20, {"essor"})


def test_a_word_in_few_articles_is_counted_and_ranked_exactly(
    many: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bounded, "CAP", 10)
    RANKINGS.kept.clear()
    page = search_articles(many, ArticleQuery(q="convoi"))
    assert (page.total, page.estimated, page.notes) == (2, False, ())
    assert [hit.title for hit in page.hits] == [
        "Convoi à Douentza",
        "Sévaré : le marché rouvre (7)",
    ]  # bm25, title 5x


def test_the_article_list_without_words_reads_the_kept_facet_counts(many: Store) -> None:
    page = search_articles(many, ArticleQuery(q="", year=2023))
    assert (page.total, [(f.value, f.count) for f in page.facets["source"]]) == (20, [("essor", 20)])
    with many.engine.begin() as connection:
        connection.execute(ArticleRow.__table__.delete().where(ArticleRow.id == f"{1:040x}:0"))
    RANKINGS.kept.clear()
    assert search_articles(many, ArticleQuery(q="", year=2023)).total == 19


@pytest.mark.parametrize("cap", [10, 1000])
def test_a_prefix_asked_as_the_words_it_stands_for_finds_the_same_page(
    many: Store, monkeypatch: pytest.MonkeyPatch, cap: int
) -> None:
    """A prefix is asked as the union of the index's words that start with it (expand_prefixes):
    the same count, facets, estimate and page as the prefix itself, estimated (cap 10) or exact."""
    monkeypatch.setattr(bounded, "CAP", cap)
    monkeypatch.setattr(bounded, "SLICES", 5)
    monkeypatch.setattr(RANKINGS, "_shared", lambda connection: None)
    with many.engine.connect() as connection:
        assert (
            bounded.expand_prefixes(connection, '"rouv"* "Sévaré"') == '("rouvert" OR "rouvre") AND "Sévaré"'
        )
        assert (
            bounded.expand_prefixes(connection, '"rouv"* "DOUEN"*')
            == '("rouvert" OR "rouvre") AND ("douentza")'
        )
        assert bounded.expand_prefixes(connection, '"xyz"*') == '"xyz"*'  # no such word: asked as it is

    def page(q: str) -> object:
        RANKINGS.kept.clear()
        return search_articles(many, ArticleQuery(q=q, limit=5, offset=1))

    for q in ("rouv*", "Rouv* sévaré", "conv*", "douen* conv*", "Sév* mair*", "xyz*"):
        expanded = page(q)
        monkeypatch.setattr(bounded, "EXPANDED", 0)  # every prefix asked as it is
        assert page(q) == expanded
        monkeypatch.setattr(bounded, "EXPANDED", 300)
    assert page("rouv*").total == 40
