"""event filter indexes: a region's weekly counts and the actor filter without reading event rows

Revision ID: 0007_event_filter_indexes
Revises: 0006_search_sections
Create Date: 2026-11-23 20:32:00

The weekly counts of one region read (admin1, event_date, event_type) from the index alone;
`actor` matches actor1 or actor2, and with both indexed SQLite answers the OR from two indexes.
"""
from typing import Sequence, Union

from alembic import op

revision: str = "0007_event_filter_indexes"
down_revision: Union[str, Sequence[str], None] = "0006_search_sections"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_index("ix_events_region_date_type", "events", ["admin1", "event_date", "event_type"])
    op.create_index("ix_events_actor2", "events", ["actor2"])


def downgrade() -> None:
    op.drop_index("ix_events_actor2", table_name="events")
    op.drop_index("ix_events_region_date_type", table_name="events")
