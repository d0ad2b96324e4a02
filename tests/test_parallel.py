"""Worker processes (issue 14): N workers store exactly what one stores; a bad document or a dead
worker costs its own lines only; Ctrl-C keeps what was stored."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FIXTURES, ROOT, read_doc
from vigie import pipeline
from vigie.parallel import CRASHED, Prepared, Setup, extract_in_order
from vigie.pipeline import IngestReport, run
from vigie.settings import Settings
from vigie.store import Store
from vigie.store.packed import register

SAMPLE = ROOT / "src" / "vigie" / "data" / "sample"


def _inputs(folder: Path) -> list[str]:
    """The fixture pages, the sample, near-duplicates, web pages and a feed, and three bad inputs."""
    folder.mkdir()
    (folder / "vide.txt").write_bytes(b"")
    (folder / "binaire.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    (folder / "menu.txt").write_text("Accueil\nPolitique\nSécurité\nS'abonner\n", encoding="utf-8")
    pages = sorted(str(p) for p in (FIXTURES / "pages").glob("*.txt"))
    sample = sorted(str(p) for p in SAMPLE.glob("*.txt"))
    return [
        *pages[:7],
        str(folder),
        *pages[7:],
        *sample,
        str(FIXTURES / "nearduplicates"),
        str(FIXTURES / "html"),
        str(FIXTURES / "feed"),
    ]


def _ingest(paths: list[str], db: Path, workers: int) -> tuple[IngestReport, list[str]]:
    done: list[str] = []
    with Store.open(f"sqlite:///{db}") as store:
        report = run(paths, store, Settings(db=f"sqlite:///{db}", workers=workers), on_document=done.append)
    return report, done


def _rows(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (the FTS index's included), but the time each document was stored."""
    with sqlite3.connect(db) as connection:
        register(connection)  # articles_fts reads its text through vigie_article_text (0014_text_once)
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
            if name != "alembic_version"
        ]
        rows = {}
        for table in tables:
            columns = [
                c[1] for c in connection.execute(f"PRAGMA table_info({table})") if c[1] != "ingested_at"
            ]
            listed = ", ".join(f'"{c}"' for c in columns)
            rows[table] = sorted(connection.execute(f"SELECT {listed} FROM {table}").fetchall(), key=repr)
        linked = connection.execute("SELECT id, cluster_id FROM articles WHERE cluster_id != id ORDER BY id")
        rows["linked"] = linked.fetchall()
    return rows


def test_two_workers_store_exactly_what_one_stores(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "JOB", 4)  # 4 sources per job: 10 jobs over the two workers
    paths = _inputs(tmp_path / "bad")
    one, progress_one = _ingest(paths, tmp_path / "one.db", workers=1)
    two, progress_two = _ingest(paths, tmp_path / "two.db", workers=2)
    assert (one.documents, one.articles, one.events, one.interactions, one.linked) == (
        two.documents,
        two.articles,
        two.events,
        two.interactions,
        two.linked,
    )
    assert (one.documents, one.linked) == (36, 3)
    assert one.events >= 30 and one.interactions >= 30  # exact counts move with the events stage
    assert one.skipped == two.skipped
    assert sorted(skip.reason.split(": ", 1)[1] for skip in two.skipped)[:3] == [
        "binary file (NUL bytes); give a text, HTML or feed file",
        "empty file, nothing to ingest",
        "no article text found (only headlines or page furniture)",
    ]
    assert progress_one == progress_two and len(progress_two) == 38
    first, second = _rows(tmp_path / "one.db"), _rows(tmp_path / "two.db")
    for table in ("documents", "articles", "events", "event_sources", "interactions", "toponyms"):
        assert first[table], table
    assert len(first["linked"]) == 3  # near-duplicates, in the same clusters on both sides
    assert first == second


def test_a_worker_that_dies_costs_its_files_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker killed (out of memory, a crash in a library): its job is run again alone; the
    rest of the batch is stored, and a rerun stores whatever the dead worker held."""
    monkeypatch.setattr(pipeline, "JOB", 3)
    paths = sorted(str(p) for p in (FIXTURES / "pages").glob("*.txt"))
    killed: list[int] = []

    def kill_a_worker(source: str) -> None:
        if not killed:
            worker = multiprocessing.active_children()[0]
            assert worker.pid is not None
            os.kill(worker.pid, signal.SIGKILL)
            killed.append(worker.pid)

    db = tmp_path / "crash.db"
    settings = Settings(db=f"sqlite:///{db}", workers=2, extract=False)
    with Store.open(settings.db) as store:
        report = run(paths, store, settings, on_document=kill_a_worker)
        assert killed
        assert all(skip.reason.endswith(CRASHED) for skip in report.skipped)
        assert report.documents + len(report.skipped) == 14
        rerun = run(paths, store, settings)
        assert (rerun.documents, rerun.unchanged, rerun.skipped) == (
            len(report.skipped),
            report.documents,
            [],
        )
        assert store.counts()["documents"] == 14


def test_extract_in_order_gives_what_one_process_gives() -> None:
    """The path re-extraction reuses: RawDocs -> articles and findings, in order, on N workers."""
    docs = [read_doc(path) for path in sorted(SAMPLE.glob("*.txt"))]
    setup = Setup(Settings().nlp_model)
    here = list(extract_in_order(docs, setup, workers=1))
    there = list(extract_in_order(docs, setup, workers=2, batch=2))
    assert here == there
    assert [item.raw.name for item in there if isinstance(item, Prepared)] == [raw.name for raw in docs]
    events = sum(len(item.found[0]) for item in there if isinstance(item, Prepared) and item.found)
    assert events >= 10


def _count(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=30) as connection:
            return int(connection.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.OperationalError:
        return 0  # tables not created yet


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _running(pids: list[int], wait: float) -> list[str]:
    """The command lines of the processes still running (not zombies) after up to `wait` seconds."""
    deadline = time.monotonic() + wait
    while True:
        running = []
        for pid in pids:
            try:
                state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
                command = Path(f"/proc/{pid}/cmdline").read_text().replace("\0", " ")
            except OSError:
                continue
            if state != "Z":
                running.append(command)
        if not running or time.monotonic() > deadline:
            return running
        time.sleep(0.2)


def test_ctrl_c_stops_the_workers_and_keeps_what_was_stored(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    pages = sorted((FIXTURES / "pages").glob("*.txt"))
    for i in range(1500):
        text = pages[i % len(pages)].read_text(encoding="utf-8")
        (corpus / f"page_{i:05d}.txt").write_text(f"{text}\nRéf. {i}\n", encoding="utf-8")
    db = tmp_path / "stop.db"
    command = [sys.executable, "-m", "vigie", "--setting", "extract", "false", "ingest", str(corpus)]
    command += ["--db", str(db), "--workers", "2"]
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and child.poll() is None and _count(db) < 100:
        time.sleep(0.05)
    assert child.poll() is None, "the ingest ended before it could be stopped"
    workers = _children(child.pid)
    assert len(workers) >= 2  # the two workers (and the resource tracker of multiprocessing)
    child.send_signal(signal.SIGINT)
    _, stderr = child.communicate(timeout=120)
    assert child.returncode == 130, stderr
    assert stderr.strip().endswith(
        "Interrupted: the documents stored so far are kept; the same command goes on from there."
    )
    assert _running(workers, wait=10) == []
    stored = _count(db)
    assert 100 <= stored < 1500
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{1500 - stored} documents," in rerun.stderr and f"{stored} unchanged" in rerun.stderr


def test_workers_option_is_checked(tmp_path: Path) -> None:
    shutil.copy(SAMPLE / "essor-2023-09-13-bourem.txt", tmp_path / "bourem.txt")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "vigie",
            "ingest",
            str(tmp_path),
            "--db",
            str(tmp_path / "x.db"),
            "--workers",
            "-1",
        ],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert "Invalid value for '--workers': -1 is not in the range x>=0." in done.stderr
