"""published month: an article whose page prints only the month of publication ("Publié en janvier 2024")

Revision ID: 0009_published_month
Revises: 0008_weekly_counts
Create Date: 2026-12-07 10:00:00

`published` keeps the first of that month; `published_month` says only the month is known, so that
exports write "2024-01" (the gold format's month precision).

A plain ADD COLUMN, not a batch operation: on SQLite a batch operation copies the table, which
drops the triggers that keep the search index in sync (migrations 0005, 0006).
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0009_published_month"
down_revision: Union[str, Sequence[str], None] = "0008_weekly_counts"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.add_column("articles", sa.Column("published_month", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    op.drop_column("articles", "published_month")
