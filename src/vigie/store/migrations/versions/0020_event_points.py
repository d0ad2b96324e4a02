"""event points: the map's points kept whole (count, names, newest event), ordered by their count

Revision ID: 0020_event_points
Revises: 0019_serve_fast
Create Date: 2026-12-07 15:40:00

SQLite only (PostgreSQL groups the events table). `event_points` replaces `event_places` (0019):
one row per point of the map (latitude, longitude, type) with its number of events, the smallest
non-empty location and region names of its events and its newest event, in sync with `events` by
triggers, and two indexes in the map's order (most events first; of one type, or of any). The map of
every event, or of one type, reads its 2,000 largest points from an index (at a million articles
18,000 rows of `event_places` were grouped and sorted, and each point's newest event looked up: 60 ms).
A deleted or moved event whose name or id was the point's own has them found again among the
point's events (`ix_events_place`).
"""
from typing import Sequence, Union

from alembic import op

revision: str = "0020_event_points"
down_revision: Union[str, Sequence[str], None] = "0019_serve_fast"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

TRIGGERS = ("event_points_insert", "event_points_delete", "event_points_update")
OLD_TRIGGERS = ("event_places_insert", "event_places_delete", "event_places_update")
POINT = "latitude = {row}.latitude AND longitude = {row}.longitude AND event_type = {row}.event_type"
AMONG = "FROM events e WHERE e.latitude = old.latitude AND e.longitude = old.longitude AND e.event_type = old.event_type"

ADD = (
    "INSERT INTO event_points (latitude, longitude, event_type, n, location, admin1, event_id) "
    "SELECT new.latitude, new.longitude, new.event_type, 1, nullif(new.location, ''), nullif(new.admin1, ''), "
    "new.id WHERE new.latitude IS NOT NULL AND new.longitude IS NOT NULL "
    "ON CONFLICT (latitude, longitude, event_type) DO UPDATE SET n = n + 1, "
    "location = coalesce(min(location, excluded.location), location, excluded.location), "
    "admin1 = coalesce(min(admin1, excluded.admin1), admin1, excluded.admin1), "
    "event_id = max(event_id, excluded.event_id); "
)
REMOVE = (
    "UPDATE event_points SET n = n - 1, "
    f"location = CASE WHEN location = old.location THEN (SELECT min(nullif(e.location, '')) {AMONG}) "
    "ELSE location END, "
    f"admin1 = CASE WHEN admin1 = old.admin1 THEN (SELECT min(nullif(e.admin1, '')) {AMONG}) ELSE admin1 END, "
    f"event_id = CASE WHEN event_id = old.id THEN coalesce((SELECT max(e.id) {AMONG}), event_id) ELSE event_id END "
    f"WHERE {POINT.format(row='old')}; "
    f"DELETE FROM event_points WHERE {POINT.format(row='old')} AND n <= 0; "
)
# (a point left with no event keeps its id until the DELETE that follows removes it)
# the places of 0019, for the downgrade
PLACES = (
    "INSERT INTO event_places (latitude, longitude, event_type, location, admin1, n) "
    "SELECT {row}.latitude, {row}.longitude, {row}.event_type, coalesce({row}.location, ''), "
    "coalesce({row}.admin1, ''), {sign}1 "
    "WHERE {row}.latitude IS NOT NULL AND {row}.longitude IS NOT NULL "
    "ON CONFLICT (latitude, longitude, event_type, location, admin1) DO UPDATE SET n = n + {sign}1; "
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for trigger in OLD_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS event_places")
    op.execute(
        "CREATE TABLE event_points (latitude FLOAT NOT NULL, longitude FLOAT NOT NULL, "
        "event_type VARCHAR(40) NOT NULL, n INTEGER NOT NULL, location VARCHAR(200), admin1 VARCHAR(80), "
        "event_id INTEGER NOT NULL, PRIMARY KEY (latitude, longitude, event_type)) WITHOUT ROWID"
    )
    op.execute(
        "INSERT INTO event_points (latitude, longitude, event_type, n, location, admin1, event_id) "
        "SELECT latitude, longitude, event_type, count(*), min(nullif(location, '')), min(nullif(admin1, '')), "
        "max(id) FROM events WHERE latitude IS NOT NULL AND longitude IS NOT NULL GROUP BY 1, 2, 3"
    )
    op.execute(
        "CREATE INDEX ix_event_points_count ON event_points "
        "(n DESC, latitude, longitude, event_type, location, admin1, event_id)"
    )
    op.execute(
        "CREATE INDEX ix_event_points_type_count ON event_points "
        "(event_type, n DESC, latitude, longitude, location, admin1, event_id)"
    )
    op.execute(f"CREATE TRIGGER event_points_insert AFTER INSERT ON events BEGIN {ADD}END")
    op.execute(f"CREATE TRIGGER event_points_delete AFTER DELETE ON events BEGIN {REMOVE}END")
    op.execute(
        "CREATE TRIGGER event_points_update AFTER UPDATE OF id, latitude, longitude, event_type, location, admin1 "
        f"ON events BEGIN {REMOVE}{ADD}END"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for trigger in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS event_points")
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
    insert, remove = PLACES.format(row="new", sign="+"), PLACES.format(row="old", sign="-")
    op.execute(f"CREATE TRIGGER event_places_insert AFTER INSERT ON events BEGIN {insert}END")
    op.execute(
        f"CREATE TRIGGER event_places_delete AFTER DELETE ON events BEGIN {remove}"
        "DELETE FROM event_places WHERE n = 0; END"
    )
    op.execute(
        "CREATE TRIGGER event_places_update AFTER UPDATE OF latitude, longitude, event_type, location, admin1 "
        f"ON events BEGIN {remove}{insert}DELETE FROM event_places WHERE n = 0; END"
    )
