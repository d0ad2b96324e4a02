"""The whole ingest run: idempotence, replacement, bad inputs in a batch, crash consistency."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import EVAL
from vigie.pipeline import run
from vigie.settings import Settings
from vigie.store import Store

SEEDS = EVAL / "seeds"


def _settings(tmp_path: Path) -> Settings:
    return Settings(db=f"sqlite:///{tmp_path / 'vigie.db'}", extract=False)


def test_ingesting_twice_adds_nothing(tmp_path: Path, store: Store) -> None:
    first = run([str(SEEDS)], store, _settings(tmp_path))
    assert (first.documents, first.articles, first.teasers) == (5, 49, 45)
    before = store.counts()
    second = run([str(SEEDS)], store, _settings(tmp_path))
    assert (second.documents, second.unchanged, second.articles) == (0, 5, 0)
    assert store.counts() == before == {"documents": 5, "articles": 49, "teasers": 45}


def test_changed_file_replaces_its_old_version(tmp_path: Path, store: Store) -> None:
    page = tmp_path / "page.txt"
    shutil.copy(SEEDS / "002_70e1f76af9e488df.txt", page)
    run([str(page)], store, _settings(tmp_path))
    text = page.read_text(encoding="utf-8")
    cut = text.index("Les articles de l'auteur")
    page.write_text(text[:cut], encoding="utf-8")
    report = run([str(page)], store, _settings(tmp_path))
    assert (report.documents, report.replaced, report.articles) == (1, 1, 7)
    assert store.counts() == {"documents": 1, "articles": 7, "teasers": 6}
    assert all(item.source == str(page) for item in store.articles())


def test_bad_inputs_are_skipped_and_the_batch_goes_on(tmp_path: Path, store: Store) -> None:
    batch = tmp_path / "batch"
    batch.mkdir()
    shutil.copy(SEEDS / "001_5278eb2115a67db4.txt", batch / "good.txt")
    (batch / "empty.txt").write_bytes(b"")
    (batch / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 1000)
    with (batch / "huge.txt").open("wb") as handle:
        handle.truncate(200_000_000)
    (batch / "latin1.txt").write_bytes(
        "Ségou : une attaque repoussée\n\nLes FAMa ont repoussé une attaque à Diabaly, région de Ségou.\n"
        "Un second paragraphe précise le bilan.\n".encode("latin-1")
    )
    (batch / "link.txt").symlink_to(batch / "missing.txt")
    report = run([str(batch)], store, _settings(tmp_path))
    reasons = sorted(skip.reason for skip in report.skipped)
    assert reasons == [
        f"{batch / 'binary.txt'}: binary file (NUL bytes); give a text, HTML or feed file",
        f"{batch / 'empty.txt'}: empty file, nothing to ingest",
        f"{batch / 'huge.txt'}: file is 200.0 MB, above the limit of 20.0 MB; "
        "split it, or raise the limit with --setting max_bytes N",
        f"{batch / 'link.txt'}: cannot read: the link points to a missing file",
    ]
    assert report.documents == 2
    titles = [item.article.title for item in store.articles()]
    assert "Ségou : une attaque repoussée" in titles


def _corpus(folder: Path, copies: int) -> None:
    folder.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in sorted((EVAL / "dev").glob("*.txt"))]
    for i in range(copies):
        (folder / f"doc_{i:05d}.txt").write_text(texts[i % len(texts)] + f"\nRéf. {i}\n", encoding="utf-8")


def _count(db: Path, table: str) -> int:
    with sqlite3.connect(db, timeout=30) as connection:
        return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_kill_during_ingest_leaves_a_consistent_store_and_rerun_completes(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    _corpus(corpus, 3000)
    db = tmp_path / "crash.db"
    command = [
        sys.executable,
        "-m",
        "vigie",
        "--setting",
        "extract",
        "false",
        "ingest",
        str(corpus),
        "--db",
        str(db),
    ]
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if db.exists() and child.poll() is None:
            try:
                if _count(db, "documents") >= 100:
                    break
            except sqlite3.OperationalError:
                pass  # tables not created yet
        time.sleep(0.05)
    assert child.poll() is None, "the ingest ended before it could be killed"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    stored = _count(db, "documents")
    assert 100 <= stored < 3000
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        orphans = connection.execute(
            "SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.document_id = d.id)"
        ).fetchone()
        assert orphans == (0,)
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{3000 - stored} documents," in rerun.stderr
    assert f"{stored} unchanged" in rerun.stderr
    assert _count(db, "documents") == 3000
    with sqlite3.connect(db) as connection:
        duplicates = connection.execute(
            "SELECT count(*) FROM (SELECT source FROM documents GROUP BY source HAVING count(*) > 1)"
        ).fetchone()
        assert duplicates == (0,)
