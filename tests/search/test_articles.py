"""Article search: accent-insensitive FTS5, ranked, marked snippets, facets; the index follows the articles."""

from __future__ import annotations

import pytest
from sqlalchemy import delete

from vigie.search import MARK_END, MARK_START, ArticleQuery, get_article, search_articles
from vigie.store import Store
from vigie.store.schema import ArticleRow


@pytest.mark.parametrize("written", ["Ségou", "SEGOU", "segou", "ségou"])
def test_search_ignores_case_and_accents(news_store: Store, written: str) -> None:
    page = search_articles(news_store, ArticleQuery(q=written))
    assert [hit.title for hit in page.hits] == ["Ségou : accrochage près de Dogofry"]
    assert page.total == 1


def test_snippet_marks_the_words_found(news_store: Store) -> None:
    page = search_articles(news_store, ArticleQuery(q="neutralise terroristes"))
    assert page.hits[0].snippet == (
        f"À SEGOU, les FAMa ont {MARK_START}neutralisé{MARK_END} plusieurs "
        f"{MARK_START}terroristes{MARK_END} lors d'un accrochage. Une cache d'armes a été découverte."
    )


def test_prefix_and_facets(news_store: Store) -> None:
    page = search_articles(news_store, ArticleQuery(q="attaq*"))
    assert [hit.source for hit in page.hits] == ["essor"]
    assert [(f.value, f.count) for f in page.facets["year"]] == [("2024", 1)]
    assert [(f.value, f.count) for f in page.facets["source"]] == [("essor", 1)]
    assert search_articles(news_store, ArticleQuery(q="attaq*", year=2023)).total == 0
    assert search_articles(news_store, ArticleQuery(q="", source="maliweb")).total == 1


def test_query_syntax_in_user_text_is_only_words(news_store: Store) -> None:
    assert search_articles(news_store, ArticleQuery(q='"Boni*')).total == 1
    assert search_articles(news_store, ArticleQuery(q="Boni OR NEAR(")).total == 0  # every word required
    assert search_articles(news_store, ArticleQuery(q="?!")).total == 0


def test_the_index_follows_deleted_articles(news_store: Store) -> None:
    with news_store.engine.begin() as connection:
        connection.execute(delete(ArticleRow).where(ArticleRow.title.like("Ségou%")))
    assert search_articles(news_store, ArticleQuery(q="Ségou")).total == 0


def test_article_paragraphs_carry_document_offsets(news_store: Store) -> None:
    article = get_article(news_store, search_articles(news_store, ArticleQuery(q="Boni")).hits[0].id)
    assert article is not None
    offset, text = article.paragraphs[0]
    assert offset == len("Attaque contre le poste de Boni") + 2
    assert text.startswith("Des hommes armés ont attaqué le poste de sécurité de Boni")


def test_a_prefix_snippet_marks_every_word_it_expands_to(news_store: Store) -> None:
    """Snippets are marked in Python (issue 12: a second MATCH of a prefix cost tens of ms per page)."""
    page = search_articles(news_store, ArticleQuery(q="neutralis* terro*"))
    assert page.hits[0].snippet == (
        f"À SEGOU, les FAMa ont {MARK_START}neutralisé{MARK_END} plusieurs "
        f"{MARK_START}terroristes{MARK_END} lors d'un accrochage. Une cache d'armes a été découverte."
    )
    assert page.hits[0].title_marked == "Ségou : accrochage près de Dogofry"
    titled = search_articles(news_store, ArticleQuery(q="segou"))
    assert titled.hits[0].title_marked == f"{MARK_START}Ségou{MARK_END} : accrochage près de Dogofry"
