"""article keys: the near-duplicate index in a table, looked up by key instead of loaded whole

Revision ID: 0013_article_keys
Revises: 0018_event_months
Create Date: 2026-12-07 10:40:00

`article_keys` holds one row (key, article id) per LSH band of the lead's MinHash of each article
that founded a near-duplicate cluster: a new article finds its candidates with one indexed query
instead of an index rebuilt from every stored article at each run. The keys depend on the band
layout, so on the `dedup_threshold` setting: the first run after this migration writes them
(`vigie.store.keys.Signatures.ensure_keys`), as it does after a change of the threshold.
Only founders are ever looked up by their lead: the MinHash of the other articles is cleared.
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0013_article_keys"
down_revision: Union[str, Sequence[str], None] = "0018_event_months"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "article_keys",
        sa.Column("key", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("article_id", sa.String(length=60), nullable=False),
        sa.PrimaryKeyConstraint("key", "article_id"),
        sqlite_with_rowid=False,
    )
    op.execute("UPDATE articles SET minhash = NULL WHERE minhash IS NOT NULL AND cluster_id <> id")


def downgrade() -> None:
    # the MinHash of non-founders cleared by upgrade() is not needed by the in-memory index either
    op.drop_table("article_keys")
