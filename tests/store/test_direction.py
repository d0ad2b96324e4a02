"""Interaction direction (issue 13): migration 0012 on an older database, saving and reading it back,
and one direction kept when near-duplicates of two documents disagree."""

from __future__ import annotations

from datetime import date
from importlib import resources
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, select

from tests.rows import DOCUMENTS, fill
from vigie import export as exporting
from vigie.records import Article, Evidence, Interaction, RawDoc
from vigie.search import ArticleQuery, EventFilter, find_events, find_interactions, search_articles
from vigie.search.interactions import InteractionFilter
from vigie.store import Clustered, Store, ids
from vigie.store.events import read_interactions
from vigie.store.schema import InteractionRow

BONI = "essor-2024-08-05-boni.txt"
ARTICLE_BONI = f"{0:040d}:0"  # tests.rows.fill: the first document's article
ARTICLE_SEGOU = f"{1:040d}:0"
SEARCH_TRIGGERS = {
    "search_insert", "search_delete", "search_update", "events_fts_insert", "events_fts_delete",
    "event_weeks_insert", "event_weeks_delete", "event_weeks_update", "search_version_insert",
}  # fmt: skip


def migrate_to(url: str, revision: str) -> None:
    """Bring the database at `url` to `revision`, as an older Vigie left it."""
    config = Config()
    config.set_main_option("script_location", str(resources.files("vigie.store") / "migrations"))
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
    finally:
        engine.dispose()


def _triggers(store: Store) -> set[str]:
    with store.engine.connect() as connection:
        rows = connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        return {row[0] for row in rows}


def test_an_older_database_upgraded_keeps_its_interactions_without_a_direction(tmp_path: Path) -> None:
    """A database of migration 0011 (before 0012_interaction_direction) with rows: upgrading keeps
    every row, leaves the new columns null, and the search triggers and index still work."""
    url = f"sqlite:///{tmp_path / 'old.db'}"
    migrate_to(url, "0011_map_index")
    old = Store(create_engine(url))
    fill(old)  # two articles, two events, one COOPERATE interaction MLI-NER
    before = _triggers(old)
    old.close()
    assert SEARCH_TRIGGERS <= before

    with Store.open(url) as store:
        with store.engine.connect() as connection:
            columns = {row[1] for row in connection.exec_driver_sql("PRAGMA table_info(interactions)")}
            [row] = connection.execute(select(InteractionRow.__table__)).all()
        assert {"source_party", "target_party"} <= columns
        # renumbered by 0015_stable_ids from the sentence that told it (tests/store/test_ids.py)
        told_at = ids.interaction_id(ARTICLE_SEGOU, 0, "COOPERATE", ("MLI", "NER"))
        assert (row.id, row.type, row.party1, row.party2) == (told_at, "COOPERATE", "MLI", "NER")
        assert (row.source_party, row.target_party) == (None, None)
        # ADD COLUMN, not a copy of the table: no trigger lost (later migrations add their own)
        assert _triggers(store) - before == {
            "event_months_insert",
            "event_months_delete",
            "event_months_update",
            "search_facets_insert",  # 0017_search_facets
            "search_facets_delete",
            "search_facets_update",
            "documents_delete",  # 0014_text_once
            "event_points_insert",  # 0020_event_points (0019_serve_fast's event_places before)
            "event_points_delete",
            "event_points_update",
        }
        assert store.counts() == {"documents": 2, "articles": 2, "teasers": 0}
        assert [hit.source for hit in search_articles(store, ArticleQuery(q="SEGOU")).hits] == ["maliweb"]
        boni = ids.event_id(ARTICLE_BONI, len(DOCUMENTS[BONI][0]) + 2, "Battles", "Boni")
        assert [e.id for e in find_events(store, EventFilter(text="securite")).items] == [boni]
        [stored] = read_interactions(store)
        [exported] = exporting.interaction_rows([stored])
        [listed] = find_interactions(store, InteractionFilter()).items
    assert (exported["party1"], exported["party2"], exported["source_party"], exported["target_party"]) == (
        "MLI", "NER", None, None
    )  # fmt: skip
    assert exported["quad_class"] == "Material cooperation"  # derived from the type, old rows too
    assert (listed.source_party, listed.quad_class) == (None, "Material cooperation")


def test_downgrading_0012_keeps_the_rows(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'vigie.db'}"
    with Store.open(url) as store:
        fill(store)
        before = _triggers(store)
    config = Config()
    config.set_main_option("script_location", str(resources.files("vigie.store") / "migrations"))
    engine = create_engine(url)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0011_map_index")
        columns = {row[1] for row in connection.exec_driver_sql("PRAGMA table_info(interactions)")}
        count = connection.exec_driver_sql("SELECT count(*) FROM interactions").scalar()
    engine.dispose()
    assert "source_party" not in columns and count == 1
    with Store.open(url) as store:  # and up again
        assert _triggers(store) == before
        assert [i.parties for i in read_interactions(store)] == [("MLI", "NER")]


ACCUSATION = "Bamako accuse Paris de violations répétées de l'espace aérien malien."
REPRINT = "Paris, accusé par Bamako de violations de l'espace aérien malien, dément."


def _page(sha1: str, sentence: str, cluster: str) -> tuple[RawDoc, list[Clustered]]:
    raw = RawDoc(source=f"/pages/{sha1[:8]}.txt", name=f"{sha1[:8]}.txt", sha1=sha1, size=len(sentence),
                 encoding="utf-8", text=sentence)  # fmt: skip
    article = Article(doc_id=sha1, position=0, kind="full", title=None, published=date(2022, 8, 17),
                      author=None, body=sentence, start=0, end=len(sentence),
                      spans=((0, len(sentence)),))  # fmt: skip
    return raw, [Clustered(article, cluster, None, None)]


def _accusation(doc_id: str, sentence: str, source: str | None, target: str | None) -> Interaction:
    return Interaction(
        type="ACCUSE", parties=("FRA", "MLI"), date=date(2022, 8, 15), location=None, place=None,
        evidence=(Evidence(f"{doc_id}:0", sentence, 0, len(sentence)),), source=source, target=target,
    )  # fmt: skip


def test_near_duplicates_that_disagree_on_direction_keep_the_first_stored(tmp_path: Path) -> None:
    """The reprint's roles read the other way (FRA -> MLI): one interaction, both sentences, MLI -> FRA."""
    first, second = "a" * 40, "b" * 40
    with Store.open(f"sqlite:///{tmp_path / 'vigie.db'}") as store:
        raw, articles = _page(first, ACCUSATION, f"{first}:0")
        store.save_document(raw, articles, interactions=[_accusation(first, ACCUSATION, "MLI", "FRA")])
        raw, articles = _page(second, REPRINT, f"{first}:0")  # the same near-duplicate cluster
        store.save_document(raw, articles, interactions=[_accusation(second, REPRINT, "FRA", "MLI")])
        [stored] = read_interactions(store)
        records = store.document_extractions()
    assert (stored.parties, stored.source_party, stored.target_party) == (("FRA", "MLI"), "MLI", "FRA")
    assert [s.sentence for s in stored.sources] == [ACCUSATION, REPRINT]
    assert {(i["source_party"], i["target_party"]) for _, told in records.values() for i in told} == {
        ("MLI", "FRA")
    }


def test_an_interaction_stored_without_direction_takes_the_next_reports(tmp_path: Path) -> None:
    first, second = "c" * 40, "d" * 40
    with Store.open(f"sqlite:///{tmp_path / 'vigie.db'}") as store:
        raw, articles = _page(first, ACCUSATION, f"{first}:0")
        store.save_document(raw, articles, interactions=[_accusation(first, ACCUSATION, None, None)])
        assert [(i.source_party, i.target_party) for i in read_interactions(store)] == [(None, None)]
        raw, articles = _page(second, REPRINT, f"{first}:0")
        store.save_document(raw, articles, interactions=[_accusation(second, REPRINT, "MLI", "FRA")])
        assert [(i.source_party, i.target_party, len(i.sources)) for i in read_interactions(store)] == [
            ("MLI", "FRA", 2)
        ]


def test_reports_of_other_clusters_stay_apart(tmp_path: Path) -> None:
    """Reports in different clusters are different interactions, each with its own direction."""
    first, second = "e" * 40, "f" * 40
    with Store.open(f"sqlite:///{tmp_path / 'vigie.db'}") as store:
        raw, articles = _page(first, ACCUSATION, f"{first}:0")
        store.save_document(raw, articles, interactions=[_accusation(first, ACCUSATION, "MLI", "FRA")])
        raw, articles = _page(second, REPRINT, f"{second}:0")
        store.save_document(raw, articles, interactions=[_accusation(second, REPRINT, "FRA", "MLI")])
        # one day: listed by (stable) id, not by the order they were stored in
        assert sorted((i.source_party, i.target_party) for i in read_interactions(store)) == [
            ("FRA", "MLI"), ("MLI", "FRA")
        ]  # fmt: skip
