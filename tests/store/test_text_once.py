"""Text stored once (issue 14): documents compressed, article bodies cut out of them, a full-text
index without its own copy; a database of migration 0012 upgraded with its rows."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import MetaData, Table, create_engine, insert, text

from tests.rows import fill
from tests.store.test_direction import migrate_to
from vigie.export import article_rows
from vigie.pipeline import run
from vigie.search import ArticleQuery, get_article, search_articles
from vigie.search.articles import MARK_END, MARK_START
from vigie.settings import Settings
from vigie.store import Store
from vigie.store.packed import unpack

TITLE = "Mopti : la crue du Bani menace les rizières"
FIRST = "Les eaux du Bani ont atteint leur plus haut niveau depuis dix ans à Mopti."
SECOND = "Les riziculteurs de Sofara craignent de perdre la récolte de la saison."
PAGE = f"Accueil | Actualité | Contact\n\n{TITLE}\n\n{FIRST}\n\nPublicité\n\n{SECOND}\n"


def _index_is_whole(store: Store) -> None:
    """FTS5 compares its index with the content it reads through article_texts; raises if they differ."""
    with store.engine.begin() as connection:
        connection.execute(
            text("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")
        )


def _older_page(connection: object, minhash: bytes) -> None:
    """A document of two paragraphs with furniture between them, as a 0012 database held it."""
    documents = Table("documents", MetaData(), autoload_with=connection)  # type: ignore[arg-type]
    articles = Table("articles", MetaData(), autoload_with=connection)  # type: ignore[arg-type]
    first = PAGE.index(FIRST)
    second = PAGE.index(SECOND)
    connection.execute(  # type: ignore[attr-defined]
        insert(documents),
        {"id": "b" * 40, "source": "/pages/mopti.txt", "name": "essor-2024-09-01-mopti.txt", "size": len(PAGE),
         "encoding": "utf-8", "ingested_at": datetime(2024, 9, 1, tzinfo=UTC), "text": PAGE},
    )  # fmt: skip
    connection.execute(  # type: ignore[attr-defined]
        insert(articles),
        {"id": "b" * 40 + ":0", "document_id": "b" * 40, "position": 0, "start_offset": PAGE.index(TITLE),
         "end_offset": second + len(SECOND),
         "spans": json.dumps([[first, first + len(FIRST)], [second, second + len(SECOND)]]), "kind": "full",
         "title": TITLE, "title_key": None, "body": f"{FIRST}\n\n{SECOND}", "published": datetime(2024, 9, 1),
         "published_has_time": False, "author": None, "cluster_id": "b" * 40 + ":0", "minhash": minhash},
    )  # fmt: skip


def test_a_database_of_0012_is_upgraded_with_its_rows(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    migrate_to(url, "0012_interaction_direction")
    old = Store(create_engine(url))
    ids = fill(old)  # two articles, two events, one interaction
    from vigie.cluster import Clusterer

    lead = Clusterer(0.5, 60).lead_hash(FIRST)
    assert lead is not None
    with old.engine.begin() as connection:
        _older_page(connection, lead.tobytes())
    old.close()
    with Store.open(url) as store:
        with store.engine.connect() as connection:
            columns = {row[1] for row in connection.exec_driver_sql("PRAGMA table_info(articles)")}
            [packed] = connection.execute(
                text("SELECT packed FROM documents WHERE id = :id"), {"id": "b" * 40}
            ).one()
        assert "body" not in columns
        assert unpack(packed) == PAGE
        assert store.counts() == {"documents": 3, "articles": 3, "teasers": 0}
        _index_is_whole(store)
        page = search_articles(store, ArticleQuery(q="riziculteurs Sofara"))
        assert [hit.title for hit in page.hits] == [TITLE]
        assert (
            f"Les {MARK_START}riziculteurs{MARK_END} de {MARK_START}Sofara{MARK_END}" in page.hits[0].snippet
        )
        assert [hit.source for hit in search_articles(store, ArticleQuery(q="SEGOU")).hits] == ["maliweb"]
        view = get_article(store, "b" * 40 + ":0")
        assert view is not None and [p for _, p in view.paragraphs] == [FIRST, SECOND]
        bodies = {item.article.id: item.article.body for item in store.articles()}
        assert bodies["b" * 40 + ":0"] == f"{FIRST}\n\n{SECOND}"
        assert bodies[ids["maliweb-2023-03-02-segou.txt"]].startswith("À SEGOU, les FAMa ont neutralisé")
        # the first ingest after the upgrade writes the founders' keys, and finds the old article
        teaser = tmp_path / "teaser.txt"
        teaser.write_text(f"À la une\n\n{FIRST[:60]}..\n", encoding="utf-8")
        report = run([str(teaser)], store, Settings(db=url, extract=False))
        assert report.linked == 1
        with store.engine.connect() as connection:
            keys = connection.execute(text("SELECT count(*) FROM article_keys WHERE article_id = :id"),
                                      {"id": "b" * 40 + ":0"}).scalar()  # fmt: skip
        assert keys == 14 + 1  # its band keys, and the key of its title


def test_a_replaced_page_leaves_no_word_in_the_index(tmp_path: Path, store: Store) -> None:
    """The index gets the old text of a deleted article ("delete" command): nothing of it is left."""
    page = tmp_path / "essor-2024-09-01-mopti.txt"
    page.write_text(PAGE, encoding="utf-8")
    settings = Settings(db="unused", extract=False)
    run([str(page)], store, settings)
    assert search_articles(store, ArticleQuery(q="Sofara")).total == 1
    page.write_text(PAGE.replace("Sofara", "Konna"), encoding="utf-8")
    report = run([str(page)], store, settings)
    assert report.replaced == 1
    assert search_articles(store, ArticleQuery(q="Sofara")).total == 0
    assert [hit.title for hit in search_articles(store, ArticleQuery(q="Konna")).hits] == [TITLE]
    _index_is_whole(store)
    [row] = article_rows(store.articles())
    assert row["body"] == f"{FIRST}\n\n{SECOND.replace('Sofara', 'Konna')}"


def test_a_document_deleted_by_hand_leaves_the_search(tmp_path: Path, store: Store) -> None:
    """Its articles go first (trigger documents_delete), while its text is there for the index."""
    (tmp_path / "essor-2024-09-01-mopti.txt").write_text(PAGE, encoding="utf-8")
    run([str(tmp_path)], store, Settings(db="unused", extract=False))
    with store.engine.begin() as connection:
        connection.execute(text("DELETE FROM documents"))
    assert search_articles(store, ArticleQuery(q="Bani")).total == 0
    assert store.counts() == {"documents": 0, "articles": 0, "teasers": 0}
    _index_is_whole(store)


def test_downgrading_0014_gives_the_text_back(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'vigie.db'}"
    with Store.open(url) as store:
        (tmp_path / "essor-2024-09-01-mopti.txt").write_text(PAGE, encoding="utf-8")
        run([str(tmp_path / "essor-2024-09-01-mopti.txt")], store, Settings(db=url, extract=False))
    config = Config()
    config.set_main_option("script_location", str(resources.files("vigie.store") / "migrations"))
    engine = create_engine(url)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0013_article_keys")
        [(document, body)] = connection.execute(
            text("SELECT d.text, a.body FROM documents d JOIN articles a")
        ).all()
        found = connection.execute(
            text("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'Sofara'")
        ).scalar()
    engine.dispose()
    assert (document, body, found) == (PAGE, f"{FIRST}\n\n{SECOND}", 1)
    with Store.open(url) as store:  # and up again
        assert [hit.title for hit in search_articles(store, ArticleQuery(q="Sofara")).hits] == [TITLE]
        _index_is_whole(store)


def test_a_ctrl_c_inside_the_sql_function_stops_as_a_ctrl_c(monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    from vigie.store import packed

    def interrupted(_: bytes) -> str:
        packed.note_interrupt(2, None)  # as the command's SIGINT handler does
        return ""

    connection = sqlite3.connect(":memory:")
    packed.register(connection)
    monkeypatch.setattr(packed.SHARED, "text", interrupted)
    with pytest.raises(sqlite3.OperationalError, match="user-defined function raised exception"):
        connection.execute("SELECT vigie_article_text(?, '[[0, 5]]')", (packed.pack("Kidal"),)).fetchone()
    with pytest.raises(KeyboardInterrupt):
        packed.raise_interrupt()  # the store raises it again instead of a "cannot save" error
    packed.raise_interrupt()  # once: nothing is left pending
