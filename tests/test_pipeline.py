"""The whole ingest run: idempotence, replacement, bad inputs in a batch, crash consistency."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import feedparser
import pytest

from tests.conftest import EVAL
from vigie.pipeline import Stages, nlp_pieces, run, segment
from vigie.records import RawDoc
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


# A dispatch whose one paragraph is long; its last sentence reports an attack
LONG_DISPATCH = (
    "Diabaly : une attaque contre le poste militaire\n\nPublié jeudi 01 août 2024 à 19:43\n\n"
    + "Les habitants de la commune ont célébré la fête de l'indépendance dans le calme et la joie. " * 70
    + "Des hommes armés ont attaqué le poste militaire de Diabaly dans la nuit de mercredi à jeudi, "
    "tuant trois soldats.\n"
)


@pytest.fixture
def short_nlp() -> Iterator[Stages]:
    """The loaded stages, with spaCy taking texts of 2,000 characters at most (E088 above)."""
    stages = Stages.load(Settings().nlp_model)
    kept = stages.analyzer.nlp.max_length
    stages.analyzer.nlp.max_length = 2000
    try:
        yield stages
    finally:
        stages.analyzer.nlp.max_length = kept


def test_a_paragraph_longer_than_the_nlp_takes_is_cut_into_pieces_not_dropped(
    tmp_path: Path, store: Store, short_nlp: Stages
) -> None:
    """Issue 12: a paragraph over spaCy's limit raised E088, and nothing of the batch was stored."""
    (tmp_path / "diabaly.txt").write_text(LONG_DISPATCH, encoding="utf-8")
    shutil.copy(SEEDS / "001_5278eb2115a67db4.txt", tmp_path / "autre.txt")
    report = run([str(tmp_path)], store, Settings(db="unused"))
    assert (report.documents, report.skipped) == (2, [])
    with store.engine.connect() as connection:
        evidence = connection.exec_driver_sql("SELECT sentence FROM event_sources").scalars().all()
    assert any(
        sentence.startswith("Des hommes armés ont attaqué le poste militaire de Diabaly")
        for sentence in evidence
    )


def test_nlp_pieces_cover_the_paragraph_at_sentence_ends() -> None:
    text = LONG_DISPATCH
    [article] = segment(RawDoc("d.txt", "d.txt", "ab", len(text), "utf-8", text))
    cut = nlp_pieces(article, text, limit=2000)
    assert all(end - start <= 2000 for start, end in cut.spans)
    assert (
        "".join(text[start:end] for start, end in cut.spans)
        == text[article.spans[0][0] : article.spans[-1][1]]
    )
    assert all(text[start:end].rstrip().endswith(".") for start, end in cut.spans)


class FailingNlp:
    """spaCy, except that it fails on any text naming "Tessalit" (a bug no rule foresaw)."""

    def __init__(self, nlp: Any) -> None:
        self.nlp = nlp
        self.max_length = nlp.max_length

    def pipe(self, texts: Iterable[str], **options: Any) -> Iterator[Any]:
        for doc in self.nlp.pipe(texts, **options):
            if "Tessalit" in doc.text:
                raise ValueError("[E999] something went wrong\nwith a second line")
            yield doc


def test_a_document_that_breaks_extraction_is_skipped_and_the_batch_stored(
    tmp_path: Path, store: Store
) -> None:
    """Issue 12: any exception while extracting one document becomes that document's skip line."""
    stages = Stages.load(Settings().nlp_model)
    (tmp_path / "a-tessalit.txt").write_text(
        "Tessalit : le camp\n\nLe camp de Tessalit a été visé hier.\n", "utf-8"
    )
    (tmp_path / "b-diabaly.txt").write_text(LONG_DISPATCH, encoding="utf-8")
    spacy = stages.analyzer.nlp
    stages.analyzer.nlp = FailingNlp(spacy)
    try:
        report = run([str(tmp_path)], store, Settings(db="unused"))
    finally:
        stages.analyzer.nlp = spacy
    assert [skip.reason for skip in report.skipped] == [
        f"{tmp_path / 'a-tessalit.txt'}: unexpected error while extracting events (ValueError: [E999] something "
        "went wrong); the rest of the batch goes on (-vv shows the traceback; please report it)"
    ]
    assert (report.documents, report.events) == (1, 1)


def test_a_reader_that_fails_costs_its_file_only(tmp_path: Path, store: Store, monkeypatch: Any) -> None:
    """Issue 12: a feed the parser choked on stopped the batch; the later files were never read."""
    (tmp_path / "a-flux.xml").write_text('<?xml version="1.0"?><rss version="2.0"><channel/></rss>', "utf-8")
    shutil.copy(SEEDS / "001_5278eb2115a67db4.txt", tmp_path / "b-page.txt")

    def broken_parse(*args: Any, **kwargs: Any) -> Any:
        raise LookupError("unknown encoding: x-mac-sahel")

    monkeypatch.setattr(feedparser, "parse", broken_parse)  # the outside library fails
    report = run([str(tmp_path)], store, _settings(tmp_path))
    assert [skip.reason for skip in report.skipped] == [
        f"{tmp_path / 'a-flux.xml'}: unexpected error while reading (LookupError: unknown encoding: "
        "x-mac-sahel); the rest of the batch goes on (-vv shows the traceback; please report it)"
    ]
    assert report.documents == 1
