"""serve fast: an actor's events in a map box counted and ordered from the index alone

Revision ID: 0019_serve_fast
Revises: 0014_text_once
Create Date: 2026-12-07 13:00:00

The actor indexes of 0010 (actor, longitude, latitude) gain the event's date: the list of an
actor's events in a box (vigie.search.events.find_events) counts them and picks the page's ids in
date order from the index alone, then reads the page's rows only (at a million articles, an actor
in a box matches some 20,000 events: reading each row to sort them took 200-400 ms).
"""
from typing import Sequence, Union

from alembic import op

revision: str = "0019_serve_fast"
down_revision: Union[str, Sequence[str], None] = "0014_text_once"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

ACTOR_INDEXES = (("ix_events_actor1_place", "actor1"), ("ix_events_actor2_place", "actor2"))


def upgrade() -> None:
    for name, actor in ACTOR_INDEXES:
        op.drop_index(name, table_name="events")
        op.create_index(name, "events", [actor, "longitude", "latitude", "event_date"])


def downgrade() -> None:
    for name, actor in ACTOR_INDEXES:
        op.drop_index(name, table_name="events")
        op.create_index(name, "events", [actor, "longitude", "latitude"])
