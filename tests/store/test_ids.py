"""Stable ids (issue 13, item 3): the same documents ingested into two new databases give the same
event and interaction ids, whatever the order; migration 0015 renumbers an older database's rows."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, update

from tests.rows import DOCUMENTS, fill
from tests.store.test_direction import migrate_to
from vigie.pipeline import run
from vigie.search import EventFilter, find_events
from vigie.settings import Settings
from vigie.store import Store, ids
from vigie.store.events import read_events, read_interactions
from vigie.store.schema import EventRow

ROOT = Path(__file__).resolve().parents[2]
PAGES = [
    *sorted((ROOT / "tests" / "fixtures" / "direction").glob("*.txt")),
    *sorted((ROOT / "src" / "vigie" / "data" / "sample").glob("*.txt")),
]


def _ingest(db: Path, paths: list[Path]) -> tuple[dict[int, str], dict[int, str]]:
    """Event and interaction ids of a new database, each with its first sentence."""
    with Store.open(f"sqlite:///{db}") as store:
        run([str(path) for path in paths], store, Settings())
        events = {e.id: e.sources[0].sentence for e in read_events(store)}
        interactions = {i.id: i.sources[0].sentence for i in read_interactions(store)}
    return events, interactions


@pytest.fixture(scope="module")
def first(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[int, str], dict[int, str]]:
    return _ingest(tmp_path_factory.mktemp("ids") / "first.db", PAGES)


def test_the_same_documents_give_the_same_ids_in_a_new_database(
    first: tuple[dict[int, str], dict[int, str]], tmp_path: Path
) -> None:
    events, interactions = first
    assert len(events) >= 10 and len(interactions) >= 10
    assert all(ids.LOWEST <= key < 1 << 53 for key in [*events, *interactions])
    assert _ingest(tmp_path / "again.db", PAGES) == first


def test_links_of_one_database_open_the_same_event_in_another(
    first: tuple[dict[int, str], dict[int, str]], tmp_path: Path
) -> None:
    """A link copied from one dashboard (/events/ID, /api/events/ID) opens the same event in a
    database made again from the same documents."""
    from fastapi.testclient import TestClient

    from vigie.web import create_app

    events, _ = first
    with Store.open(f"sqlite:///{tmp_path / 'other.db'}") as store:
        run([str(path) for path in PAGES], store, Settings())
        client = TestClient(create_app(store))
        for event_id, sentence in list(events.items())[:5]:
            answer = client.get(f"/api/events/{event_id}").json()
            assert answer["sources"][0]["sentence"] == sentence
            assert " ".join(sentence.split())[:40] in answer["item"]["notes"]
            assert client.get(f"/events/{event_id}").status_code == 200


def test_ids_do_not_depend_on_the_order_of_ingest(
    first: tuple[dict[int, str], dict[int, str]], tmp_path: Path
) -> None:
    """These pages share no near-duplicate cluster: each item's id comes from its own document."""
    assert _ingest(tmp_path / "reversed.db", PAGES[::-1]) == first


def test_the_id_ignores_what_a_reextraction_may_correct() -> None:
    """An actor alias or a date rule changes the actors or the date, not the id; the place's
    spelling case and accents neither. The type and the place tell two events of a sentence apart."""
    boni = ids.event_id("9f2c:0", 118, "Battles", "Boni")
    assert boni == ids.event_id("9f2c:0", 118, "Battles", "BONI")
    assert ids.event_id("9f2c:0", 118, "Battles", "Ségou") == ids.event_id("9f2c:0", 118, "Battles", "Segou")
    assert len({boni, ids.event_id("9f2c:0", 118, "Battles", "Dogofry"),
                ids.event_id("9f2c:0", 118, "Violence against civilians", "Boni"),
                ids.event_id("9f2c:1", 118, "Battles", "Boni")}) == 4  # fmt: skip
    assert ids.interaction_id("9f2c:0", 0, "ACCUSE", ("MLI", "FRA")) == ids.interaction_id(
        "9f2c:0", 0, "ACCUSE", ("FRA", "MLI")
    )


def test_migration_0015_renumbers_rows_and_keeps_flags_and_search(tmp_path: Path) -> None:
    """A database of 0017 (the revision before 0015) with rows numbered 1 and 2: upgraded, each
    event takes the id a new database gives it; its flag, its sentences, the word search and the
    weekly and monthly counts follow."""
    url = f"sqlite:///{tmp_path / 'old.db'}"
    migrate_to(url, "0017_search_facets")
    old = Store(create_engine(url))
    fill(old)
    with old.engine.begin() as connection:
        connection.execute(update(EventRow).where(EventRow.id == 1).values(flagged=True))
        weeks = connection.exec_driver_sql("SELECT admin1, week, event_type, n FROM event_weeks").all()
        months = connection.exec_driver_sql("SELECT * FROM event_months").all()
    old.close()

    boni_title = DOCUMENTS["essor-2024-08-05-boni.txt"][0]
    boni = ids.event_id(f"{0:040d}:0", len(boni_title) + 2, "Battles", "Boni")
    segou = ids.event_id(f"{1:040d}:0", len("Ségou : accrochage près de Dogofry") + 2, "Battles", "Ségou")
    with Store.open(url) as store:
        with store.engine.connect() as connection:
            flagged = dict(connection.execute(select(EventRow.id, EventRow.flagged)).all())
            after = connection.exec_driver_sql("SELECT admin1, week, event_type, n FROM event_weeks").all()
            months_after = connection.exec_driver_sql("SELECT * FROM event_months").all()
        assert flagged == {boni: True, segou: False}
        assert sorted(after) == sorted(weeks) and len(weeks) == 2
        assert sorted(months_after) == sorted(months) and len(months) == 2
        assert [e.id for e in find_events(store, EventFilter(text="securite")).items] == [boni]
        assert {e.id: len(e.sources) for e in read_events(store)} == {boni: 1, segou: 1}
