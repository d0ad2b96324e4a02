"""interaction direction: who acts on whom in a PLOVER interaction

Revision ID: 0012_interaction_direction
Revises: 0011_map_index
Create Date: 2026-12-08 09:00:00

`source_party` acts on `target_party` ("Bamako accuse Paris": MLI on FRA; "le Mali se retire du
G5 Sahel": MLI on G5S; for symmetric acts such as CONSULT, the order of the text). `party1` and
`party2` stay the sorted pair of the gold format. Interactions stored before this migration keep
null: their direction was not kept.

A plain ADD COLUMN, as in 0009, not a batch operation: on SQLite a batch operation copies the
table and drops the triggers defined on it; the search-index triggers (0005, 0006, 0008) stay as
they are (tests/store/test_schema.py).
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0012_interaction_direction"
down_revision: Union[str, Sequence[str], None] = "0011_map_index"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.add_column("interactions", sa.Column("source_party", sa.String(length=10), nullable=True))
    op.add_column("interactions", sa.Column("target_party", sa.String(length=10), nullable=True))


def downgrade() -> None:
    op.drop_column("interactions", "target_party")
    op.drop_column("interactions", "source_party")
