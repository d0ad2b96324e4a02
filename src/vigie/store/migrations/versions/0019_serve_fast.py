"""serve fast: an actor's events in a box and the whole map from indexes and counts, not event rows

Revision ID: 0019_serve_fast
Revises: 0014_text_once
Create Date: 2026-12-07 13:00:00

- The actor indexes of 0010 (actor, longitude, latitude) gain the event's date: the list of an
  actor's events in a box (vigie.search.events.find_events) counts them and picks the page's ids in
  date order from the index alone, then reads the page's rows only (at a million articles an actor
  in a box matches some 10,000 events: reading each row to sort them took 200-400 ms).
- SQLite only (PostgreSQL groups the events table): `event_places` holds the number of placed
  events per latitude, longitude, type, location and region ("" when none), in sync with `events`
  by triggers, as `event_months` (0018) keeps the timeline: the map of every event, or of one type,
  reads some 20,000 rows instead of grouping 500,000 events (2.5 s). The newest event of each
  point shown is looked up in `ix_events_place` (latitude, longitude, event_type).
"""
from typing import Sequence, Union

from alembic import op

revision: str = "0019_serve_fast"
down_revision: Union[str, Sequence[str], None] = "0014_text_once"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

ACTOR_INDEXES = (("ix_events_actor1_place", "actor1"), ("ix_events_actor2_place", "actor2"))
TRIGGERS = ("event_places_insert", "event_places_delete", "event_places_update")


def _count(row: str, sign: str) -> str:
    return (
        "INSERT INTO event_places (latitude, longitude, event_type, location, admin1, n) "
        f"SELECT {row}.latitude, {row}.longitude, {row}.event_type, coalesce({row}.location, ''), "
        f"coalesce({row}.admin1, ''), {sign}1 "
        f"WHERE {row}.latitude IS NOT NULL AND {row}.longitude IS NOT NULL "
        f"ON CONFLICT (latitude, longitude, event_type, location, admin1) DO UPDATE SET n = n + {sign}1; "
    )


def upgrade() -> None:
    for name, actor in ACTOR_INDEXES:
        op.drop_index(name, table_name="events")
        op.create_index(name, "events", [actor, "longitude", "latitude", "event_date"])
    if op.get_bind().dialect.name != "sqlite":
        return
    op.create_index("ix_events_place", "events", ["latitude", "longitude", "event_type"])
    op.execute(
        "CREATE TABLE event_places (latitude FLOAT NOT NULL, longitude FLOAT NOT NULL, "
        "event_type VARCHAR(40) NOT NULL, location VARCHAR(200) NOT NULL, admin1 VARCHAR(80) NOT NULL, "
        "n INTEGER NOT NULL, PRIMARY KEY (latitude, longitude, event_type, location, admin1)) WITHOUT ROWID"
    )
    op.execute(
        "INSERT INTO event_places (latitude, longitude, event_type, location, admin1, n) "
        "SELECT latitude, longitude, event_type, coalesce(location, ''), coalesce(admin1, ''), count(*) "
        "FROM events WHERE latitude IS NOT NULL AND longitude IS NOT NULL GROUP BY 1, 2, 3, 4, 5"
    )
    op.execute(f"CREATE TRIGGER event_places_insert AFTER INSERT ON events BEGIN {_count('new', '+')}END")
    op.execute(
        f"CREATE TRIGGER event_places_delete AFTER DELETE ON events BEGIN {_count('old', '-')}"
        "DELETE FROM event_places WHERE n = 0; END"
    )
    op.execute(
        "CREATE TRIGGER event_places_update AFTER UPDATE OF latitude, longitude, event_type, location, admin1 "
        f"ON events BEGIN {_count('old', '-')}{_count('new', '+')}DELETE FROM event_places WHERE n = 0; END"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS event_places")
        op.drop_index("ix_events_place", table_name="events")
    for name, actor in ACTOR_INDEXES:
        op.drop_index(name, table_name="events")
        op.create_index(name, "events", [actor, "longitude", "latitude"])
