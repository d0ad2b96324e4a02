"""The same store on PostgreSQL: migrations, ingest, idempotence and exports equal to SQLite's.

The test starts its own throw-away PostgreSQL server (initdb + pg_ctl, Unix socket only).
It is skipped where no PostgreSQL server binaries are installed, except in CI, where
`.ci/run` installs them and a missing server is a failure.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, make_url, select, text

from tests.conftest import EVAL, FIXTURES
from tests.rows import fill
from tests.store.test_direction import migrate_to
from vigie.export import document_records, interaction_rows
from vigie.pipeline import run
from vigie.settings import Settings
from vigie.store import Store, ids
from vigie.store.events import read_events, read_interactions
from vigie.store.schema import Base, InteractionRow, is_compared

PORT = 55432


def _bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


def _as_postgres(command: list[str]) -> list[str]:
    # initdb refuses to run as root: run the server as the "postgres" system user then
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@pytest.fixture(scope="module")
def postgres_url() -> Iterator[str]:
    initdb, pg_ctl = _bin("initdb"), _bin("pg_ctl")
    if initdb is None or pg_ctl is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL server binaries are missing; .ci/run should have installed them")
        pytest.skip("PostgreSQL server binaries are not installed (apt-get install postgresql)")
    root = Path(tempfile.mkdtemp(prefix="vigie-pg-"))
    root.chmod(0o777)
    data, socket = root / "data", root / "socket"
    socket.mkdir()
    socket.chmod(0o777)
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        shutil.chown(socket, "postgres")
    subprocess.run(
        _as_postgres([initdb, "-D", str(data), "-U", "postgres", "-A", "trust"]),
        check=True,
        capture_output=True,
    )
    options = f"-k {socket} -p {PORT} -c listen_addresses=''"
    subprocess.run(
        _as_postgres([pg_ctl, "-D", str(data), "-o", options, "-l", str(root / "log"), "-w", "start"]),
        check=True,
        capture_output=True,
    )
    try:
        subprocess.run(
            _as_postgres(["createdb", "-h", str(socket), "-p", str(PORT), "-U", "postgres", "vigie"]),
            check=True,
            capture_output=True,
        )
        yield f"postgresql+psycopg://postgres@/vigie?host={socket}&port={PORT}"
    finally:
        subprocess.run(
            _as_postgres([pg_ctl, "-D", str(data), "-m", "immediate", "stop"]), capture_output=True
        )
        shutil.rmtree(root, ignore_errors=True)


def test_ingest_on_postgres_matches_sqlite(postgres_url: str, tmp_path: Path) -> None:
    settings = Settings(db=postgres_url)
    with Store.open(postgres_url) as store:
        first = run([str(EVAL / "seeds")], store, settings)
        again = run([str(EVAL / "seeds")], store, settings)
        on_postgres = list(document_records(store.articles()))
        assert store.counts() == {"documents": 5, "articles": 49, "teasers": 45}
    assert (first.documents, first.articles, again.documents, again.unchanged) == (5, 49, 0, 5)
    with Store.open(f"sqlite:///{tmp_path / 'v.db'}") as store:
        run([str(EVAL / "seeds")], store, settings)
        on_sqlite = list(document_records(store.articles()))
    assert on_postgres == on_sqlite


def test_reopening_a_migrated_postgres_database_keeps_its_data(postgres_url: str) -> None:
    with Store.open(postgres_url) as store:
        before = store.counts()
    with Store.open(postgres_url) as store:
        assert store.counts() == before


def test_postgres_matches_the_declared_schema(postgres_url: str) -> None:
    """Issue 5: on PostgreSQL too, autogenerate finds nothing to add or drop after the migrations."""

    def include_object(
        item: object, name: str | None, kind: str, reflected: bool, compare_to: object
    ) -> bool:
        return is_compared("postgresql", name, kind)

    with Store.open(postgres_url) as store, store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_object": include_object})
        assert compare_metadata(context, Base.metadata) == []


def _new_database(postgres_url: str, name: str) -> str:
    """A new, empty database on the test server; its URL."""
    engine = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name}"))
    engine.dispose()
    return make_url(postgres_url).set(database=name).render_as_string(hide_password=False)


def test_an_older_postgres_database_upgraded_keeps_its_interactions(postgres_url: str) -> None:
    """Issue 13, migration 0012 on PostgreSQL: the rows of 0011 stay, their direction null."""
    url = _new_database(postgres_url, "vigie_0011")
    migrate_to(url, "0011_map_index")
    old = Store(create_engine(url))
    fill(old)
    old.close()
    with Store.open(url) as store:
        with store.engine.connect() as connection:
            rows = connection.execute(select(InteractionRow.__table__)).all()
        assert [(r.type, r.party1, r.party2, r.source_party, r.target_party) for r in rows] == [
            ("COOPERATE", "MLI", "NER", None, None)
        ]
        assert store.counts() == {"documents": 2, "articles": 2, "teasers": 0}
        # 0015_stable_ids: BIGINT ids, renumbered as a new database numbers them
        assert [r.id for r in rows] == [ids.interaction_id(f"{1:040d}:0", 0, "COOPERATE", ("MLI", "NER"))]
        assert all(event.id > 2**32 and len(event.sources) == 1 for event in read_events(store))


def test_direction_on_postgres_matches_sqlite(postgres_url: str, tmp_path: Path) -> None:
    """The pages of tests/fixtures/direction give the same interaction rows, direction included."""
    pages = [str(path) for path in sorted((FIXTURES / "direction").glob("*.txt"))]
    url = _new_database(postgres_url, "vigie_direction")
    with Store.open(url) as store:
        run(pages, store, Settings(db=url))
        on_postgres = list(interaction_rows(read_interactions(store)))
    with Store.open(f"sqlite:///{tmp_path / 'v.db'}") as store:
        run(pages, store, Settings(db=f"sqlite:///{tmp_path / 'v.db'}"))
        on_sqlite = list(interaction_rows(read_interactions(store)))
    assert on_postgres == on_sqlite
    assert ("ACCUSE", "FRA", "MLI", "MLI", "FRA", "Verbal conflict") in [
        (r["type"], r["party1"], r["party2"], r["source_party"], r["target_party"], r["quad_class"])
        for r in on_postgres
    ]
