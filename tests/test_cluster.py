"""Near-duplicate clusters: a teaser and its article, one dispatch on two sites, and look-alikes kept apart."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from tests.conftest import EVAL
from vigie.cluster import Clusterer
from vigie.pipeline import run
from vigie.settings import Settings
from vigie.store import Store

TESSIT = (EVAL / "dev" / "dev_025.txt").read_text(encoding="utf-8")
LEAD = TESSIT.split("\n\n")[3]  # "Les unités des Forces armées maliennes (FAMa) stationnées à Tessit…"


def _clusters(store: Store) -> dict[str, str]:
    return {f"{item.doc_name}:{item.article.position}": item.cluster_id for item in store.articles()}


def test_teaser_and_other_site_join_the_article(tmp_path: Path, store: Store) -> None:
    (tmp_path / "a_article.txt").write_text(TESSIT, encoding="utf-8")
    cut = " ".join(LEAD.split()[:28]) + ".."
    (tmp_path / "b_listing.txt").write_text(
        "Sécurité UNE\n\nLire aussi : Tessit : l'armée fait état de 17 soldats et 4 civils tués\n\n"
        f"{cut}\n\nLire aussi : Coton : la campagne s'achève sur un record\n\n"
        "Avec plus de 760 000 tonnes de coton graine, la filière malienne retrouve la premiè..\n",
        encoding="utf-8",
    )
    body = TESSIT.split("\n\n", 3)[3]
    (tmp_path / "c_other_site.txt").write_text(
        "Actualité Sécurité UNE\n\nAttaque complexe contre le camp de Tessit\n\n"
        f"Publié mercredi 10 août 2022 à 07:15\n\n{body}",
        encoding="utf-8",
    )
    report = run([str(tmp_path)], store, Settings(db="unused", extract=False))
    clusters = _clusters(store)
    article = clusters["a_article.txt:0"]
    assert clusters["b_listing.txt:0"] == article
    assert clusters["c_other_site.txt:0"] == article
    assert clusters["b_listing.txt:1"] != article
    assert report.linked == 2


def test_shared_communique_formula_is_not_a_duplicate(store: Store) -> None:
    """Seeds 001 and 004 both open "Dans le cadre des opérations de surveillance du territoire menées le…"."""
    run([str(EVAL / "seeds")], store, Settings(db="unused", extract=False))
    clusters = _clusters(store)
    assert clusters["001_5278eb2115a67db4.txt:2"] != clusters["004_c9958dadaa7a53bb.txt:2"]


def test_index_survives_a_new_run(tmp_path: Path, store: Store) -> None:
    """Clusters are found against articles stored by earlier runs."""
    first, second = tmp_path / "one", tmp_path / "two"
    first.mkdir()
    second.mkdir()
    (first / "article.txt").write_text(TESSIT, encoding="utf-8")
    (second / "teaser.txt").write_text(
        "Lire aussi : Tessit : l'armée fait état de 17 soldats et 4 civils tués\n\n"
        + " ".join(LEAD.split()[:25])
        + "..\n",
        encoding="utf-8",
    )
    run([str(first)], store, Settings(db="unused", extract=False))
    report = run([str(second)], store, Settings(db="unused", extract=False))
    assert report.linked == 1
    clusters = _clusters(store)
    assert clusters["teaser.txt:0"] == clusters["article.txt:0"]


def test_short_leads_have_no_signature() -> None:
    clusterer = Clusterer(threshold=0.5, lead_words=30)
    assert clusterer.lead_hash("-.") is None
    assert clusterer.lead_hash(LEAD) is not None
    assert clusterer.title_key("Sports") is None


def _keys(store: Store, article_id: str | None = None) -> int:
    query = "SELECT count(*) FROM article_keys" + (" WHERE article_id = :id" if article_id else "")
    with store.engine.connect() as connection:
        return int(connection.execute(text(query), {"id": article_id}).scalar() or 0)


def _first_id(store: Store, name: str) -> str:
    return next(item.article.id for item in store.articles() if item.doc_name == name)


def test_a_new_threshold_writes_the_keys_again(tmp_path: Path, store: Store) -> None:
    """Issue 14: the stored band keys follow the layout of the threshold in use (0.5: 14 bands, 0.7: 8),
    beside the article's title key."""
    first, second = tmp_path / "one", tmp_path / "two"
    first.mkdir()
    second.mkdir()
    (first / "article.txt").write_text(TESSIT, encoding="utf-8")
    (second / "copy.txt").write_text("Actualité\n\n" + TESSIT.split("\n\n", 3)[3], encoding="utf-8")
    run([str(first)], store, Settings(db="unused", extract=False))
    article = _first_id(store, "article.txt")
    assert _keys(store, article) == 14 + 1
    report = run([str(second)], store, Settings(db="unused", extract=False, dedup_threshold=0.7))
    assert report.linked == 1
    assert _keys(store, article) == 8 + 1
    clusters = _clusters(store)
    assert clusters["copy.txt:0"] == clusters["article.txt:0"]


def test_keys_of_a_deleted_article_are_dropped_when_met(tmp_path: Path, store: Store) -> None:
    """article_keys has no foreign key: the next look-up that meets a deleted article's keys drops them."""
    (tmp_path / "article.txt").write_text(TESSIT, encoding="utf-8")
    run([str(tmp_path)], store, Settings(db="unused", extract=False))
    with store.engine.begin() as connection:
        connection.execute(text("DELETE FROM documents"))
    assert _keys(store) > 0
    again = tmp_path / "again"
    again.mkdir()
    (again / "reprint.txt").write_text(TESSIT + "\n\nRéf. 2\n", encoding="utf-8")
    report = run([str(again)], store, Settings(db="unused", extract=False))
    assert report.linked == 0  # the deleted founder is not a candidate any more
    with store.engine.connect() as connection:
        dangling = connection.execute(
            text(
                "SELECT count(*) FROM article_keys WHERE article_id NOT IN (SELECT id FROM articles) "
                "AND article_id <> ''"  # the layout's marker row
            )
        ).scalar()
    assert dangling == 0
