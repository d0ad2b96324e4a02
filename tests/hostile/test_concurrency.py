"""Two real processes writing to one database at once store what two runs one after the other store.

Issue 12: two ingests of different folders stored 50 duplicate events and 42 duplicate interactions
(each process held its own near-duplicate index and merged against a stale view of the other's
writes), on a new database one of them failed with "table documents already exists", and the same
folder ingested twice at once aborted one run with a multi-line IntegrityError.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EVAL, _need_shared
from vigie.pipeline import run
from vigie.settings import Settings
from vigie.store import Store

DOCUMENTS = 12  # dev documents per folder: enough events, interactions and near-duplicates
COPIES = 600  # pages of one folder ingested twice at once: long enough for the two runs to overlap


def _folders(tmp_path: Path) -> tuple[Path, Path]:
    """Two folders: dev documents, and reprints of the same ones on another site (near-duplicates)."""
    _need_shared()
    first, second = tmp_path / "essor", tmp_path / "maliweb"
    first.mkdir()
    second.mkdir()
    for path in sorted((EVAL / "dev").glob("*.txt"))[:DOCUMENTS]:
        text = path.read_text(encoding="utf-8")
        (first / path.name).write_text(text, encoding="utf-8")
        (second / f"reprise-{path.name}").write_text(text + "\nSource : L'Essor\n", encoding="utf-8")
    return first, second


def _counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as connection:
        return {
            name: int(connection.execute(query).fetchone()[0])
            for name, query in {
                "documents": "SELECT count(*) FROM documents",
                "articles": "SELECT count(*) FROM articles",
                "clusters": "SELECT count(DISTINCT cluster_id) FROM articles",
                "events": "SELECT count(*) FROM events",
                "event_sources": "SELECT count(*) FROM event_sources",
                "interactions": "SELECT count(*) FROM interactions",
            }.items()
        }


def _ingest(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "vigie", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def _finish(process: subprocess.Popen[str]) -> tuple[int, str]:
    _, stderr = process.communicate(timeout=600)
    return process.returncode, stderr


def test_two_ingests_at_once_store_what_two_in_turn_store(tmp_path: Path) -> None:
    first, second = _folders(tmp_path)
    in_turn = tmp_path / "in-turn.db"
    with Store.open(f"sqlite:///{in_turn}") as store:
        for folder in (first, second):
            assert run([str(folder)], store, Settings()).skipped == []
    expected = _counts(in_turn)
    assert expected["documents"] == 2 * DOCUMENTS
    assert expected["clusters"] < expected["articles"]  # the reprints joined their originals
    assert expected["event_sources"] > expected["events"] > 0  # events told by both folders, stored once
    assert expected["interactions"] > 0

    at_once = tmp_path / "at-once.db"  # a new database: both processes create it
    processes = [_ingest("ingest", str(folder), "--db", str(at_once)) for folder in (first, second)]
    results = [_finish(process) for process in processes]
    assert [code for code, _ in results] == [0, 0], [stderr for _, stderr in results]
    assert _counts(at_once) == expected
    assert any("waiting: vigie ingest (process " in stderr for _, stderr in results)


def test_the_same_folder_twice_at_once_is_stored_once_without_errors(tmp_path: Path) -> None:
    _need_shared()
    folder = tmp_path / "pages"
    folder.mkdir()
    texts = [path.read_text(encoding="utf-8") for path in sorted((EVAL / "dev").glob("*.txt"))]
    for number in range(COPIES):
        (folder / f"page-{number:04d}.txt").write_text(
            f"{texts[number % len(texts)]}\nRéf. {number}\n", "utf-8"
        )
    db = tmp_path / "twice.db"
    processes = [
        _ingest("--setting", "extract", "false", "ingest", str(folder), "--db", str(db)) for _ in range(2)
    ]
    results = [_finish(process) for process in processes]
    assert [code for code, _ in results] == [0, 0], [stderr for _, stderr in results]
    assert all("Traceback" not in stderr and "IntegrityError" not in stderr for _, stderr in results)
    summaries = sorted(stderr.splitlines()[-1] for _, stderr in results)
    assert summaries[0].startswith("0 documents, 0 articles")
    assert summaries[0].endswith(f"{COPIES} unchanged; 0 documents skipped")
    assert summaries[1].startswith(f"{COPIES} documents, ")
    assert _counts(db)["documents"] == COPIES


def test_a_writer_waits_for_the_lock_and_says_so(tmp_path: Path) -> None:
    first, _ = _folders(tmp_path)
    db = tmp_path / "locked.db"
    with Store.open(f"sqlite:///{db}") as store, store.writing():
        process = _ingest("--setting", "extract", "false", "ingest", str(first), "--db", str(db))
        assert process.stderr is not None
        # the first thing it says, however long it takes to start on a loaded machine
        first_line = process.stderr.readline().rstrip("\n")
        assert process.poll() is None  # waiting, not failing
        assert _counts(db)["documents"] == 0
    code, stderr = _finish(process)
    assert code == 0, stderr
    assert first_line == (
        f"waiting: vigie {Path(sys.argv[0]).name} (process {os.getpid()}) is writing to {db}; "
        "this one goes on when it is done"
    )
    assert _counts(db)["documents"] == DOCUMENTS


@pytest.mark.parametrize("creators", [4])
def test_processes_creating_one_database_at_once_all_succeed(tmp_path: Path, creators: int) -> None:
    db = tmp_path / "new.db"
    code = "import sys; from vigie.store import Store; Store.open(sys.argv[1]).close()"
    processes = [
        subprocess.Popen([sys.executable, "-c", code, f"sqlite:///{db}"], stderr=subprocess.PIPE, text=True)
        for _ in range(creators)
    ]
    errors = [process.communicate(timeout=120)[1] for process in processes]
    assert [process.returncode for process in processes] == [0] * creators, errors
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT count(*) FROM alembic_version").fetchone() == (1,)
