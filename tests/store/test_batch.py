"""Several documents saved in one transaction (`Store.batched`): what was saved is kept, a bad
document fails alone, and the store reads what the open batch saved."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from vigie.cluster import Clusterer
from vigie.ingest import Source, read_documents
from vigie.pipeline import IngestReport, run, save_document
from vigie.records import RawDoc
from vigie.settings import Settings
from vigie.store import Store
from vigie.store.batch import BATCH_DOCUMENTS

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"


def _folder(folder: Path, count: int) -> list[Path]:
    """`count` distinct pages (the fixture pages, each copy with its own reference line)."""
    folder.mkdir()
    pages = sorted(PAGES.glob("*.txt"))
    paths = []
    for i in range(count):
        path = folder / f"page_{i:03d}.txt"
        text = pages[i % len(pages)].read_text(encoding="utf-8")
        path.write_text(f"{text}\nRéf. {i}\n", encoding="utf-8")
        paths.append(path)
    return paths


def _raw(path: Path) -> RawDoc:
    [raw] = [doc for doc in read_documents(Source(str(path)), 20_000_000) if isinstance(doc, RawDoc)]
    return raw


def _rows(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """The rows a run leaves: documents (without the time of ingest), articles, their keys, the index."""
    with sqlite3.connect(db) as connection:
        return {
            "documents": connection.execute("SELECT id, name FROM documents ORDER BY id").fetchall(),
            "articles": connection.execute(
                "SELECT id, document_id, position, kind, title, cluster_id, minhash FROM articles ORDER BY id"
            ).fetchall(),
            "keys": connection.execute("SELECT key, article_id FROM article_keys ORDER BY 1, 2").fetchall(),
            "index": connection.execute(  # the full-text index: the articles found by a word
                "SELECT a.id FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
                "WHERE articles_fts MATCH 'mali OR niger OR burkina' ORDER BY a.id"
            ).fetchall(),
        }


def test_a_document_the_database_refuses_in_a_batch_fails_alone(tmp_path: Path) -> None:
    """Its articles are refused after its document row was written: that row goes too, and the
    documents saved before it in the same transaction are stored as if it had never come."""
    paths = _folder(tmp_path / "pages", 8)
    refused = tmp_path / "refused.db"
    with Store.open(f"sqlite:///{refused}") as store:
        with store.engine.begin() as connection:
            connection.exec_driver_sql(
                "CREATE TRIGGER refuse BEFORE INSERT ON articles WHEN new.document_id IN "
                "(SELECT id FROM documents WHERE name = 'page_004.txt') "
                "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"
            )
        report = run([str(tmp_path / "pages")], store, Settings(db=str(store.engine.url), extract=False))
        with store.engine.begin() as connection:
            connection.exec_driver_sql("DROP TRIGGER refuse")
    assert [skip.source for skip in report.skipped] == [str(paths[4])]
    assert "cannot be saved: refused by the test" in report.skipped[0].reason
    assert report.documents == 7
    without = tmp_path / "without"
    without.mkdir()
    for path in paths[:4] + paths[5:]:
        (without / path.name).write_bytes(path.read_bytes())
    alone = tmp_path / "alone.db"
    with Store.open(f"sqlite:///{alone}") as store:
        run([str(without)], store, Settings(db=str(store.engine.url), extract=False))
    assert _rows(refused) == _rows(alone)
    assert len(_rows(refused)["documents"]) == 7


def test_ctrl_c_in_a_batch_keeps_the_documents_saved_before_it(tmp_path: Path, store: Store) -> None:
    paths = _folder(tmp_path / "pages", 5)
    clusterer = Clusterer.load(store.signatures(), 0.5, 60)
    report = IngestReport()
    with pytest.raises(KeyboardInterrupt), store.batched():
        for path in paths[:3]:
            raw = _raw(path)
            save_document(raw, store, clusterer, report, store.lookup([(raw.sha1, raw.source)]))
        raise KeyboardInterrupt
    assert store.counts()["documents"] == 3
    assert store.lookup([(_raw(paths[3]).sha1, str(paths[3]))]).stored == {}


def test_a_batch_is_committed_every_batch_documents(tmp_path: Path, store: Store) -> None:
    """A crash loses at most the documents of the open transaction: another connection sees the
    first BATCH_DOCUMENTS documents once the last of them is saved, before the block ends."""
    paths = _folder(tmp_path / "pages", BATCH_DOCUMENTS + 3)
    clusterer = Clusterer.load(store.signatures(), 0.5, 60)
    report = IngestReport()
    database = store.engine.url.database
    assert database is not None

    def committed() -> int:
        with sqlite3.connect(database) as connection:
            return int(connection.execute("SELECT count(*) FROM documents").fetchone()[0])

    seen = []
    with store.batched(seconds=3600):  # the count alone (a loaded machine may take 1 s for 64)
        for path in paths:
            raw = _raw(path)
            known = store.lookup([(raw.sha1, raw.source)])
            save_document(raw, store, clusterer, report, known)
            assert store.lookup([(raw.sha1, raw.source)]).stored == {raw.sha1: raw.source}  # read back
            seen.append(committed())
    assert seen[0] == 0 and seen[BATCH_DOCUMENTS - 2] == 0
    assert seen[BATCH_DOCUMENTS - 1 :] == [BATCH_DOCUMENTS] * 4
    assert committed() == BATCH_DOCUMENTS + 3


def test_a_transaction_older_than_batch_seconds_is_committed_after_its_document(
    tmp_path: Path, store: Store
) -> None:
    paths = _folder(tmp_path / "pages", 3)
    clusterer = Clusterer.load(store.signatures(), 0.5, 60)
    database = store.engine.url.database
    assert database is not None
    seen = []
    with store.batched(seconds=0):
        for path in paths:
            raw = _raw(path)
            save_document(raw, store, clusterer, IngestReport(), store.lookup([(raw.sha1, raw.source)]))
            with sqlite3.connect(database) as connection:
                seen.append(connection.execute("SELECT count(*) FROM documents").fetchone()[0])
    assert seen == [1, 2, 3]
