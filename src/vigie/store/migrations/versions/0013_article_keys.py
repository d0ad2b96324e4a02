"""article keys: the near-duplicate index in a table, looked up by key instead of loaded whole

Revision ID: 0013_article_keys
Revises: 0015_stable_ids
Create Date: 2026-12-07 10:40:00

`article_keys` holds one row (key, article id) per LSH band of the lead's MinHash of each article
that founded a near-duplicate cluster, and one per title (its folded words, for the first article
with it): a new document finds its candidates with one indexed query instead of an index rebuilt
from every stored article at each run. The band keys depend on the band layout, so on the
`dedup_threshold` setting: the first run after this migration writes them all
(`vigie.store.keys.Signatures.ensure_keys`), as it does after a change of the threshold.
Only founders are ever looked up by their lead: the MinHash of the other articles is cleared.
`articles.title_key` and its index go: the title keys are in `article_keys` (downgrade() folds
the titles again).
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0013_article_keys"
down_revision: Union[str, Sequence[str], None] = "0015_stable_ids"
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
    op.drop_index("ix_articles_title_key", table_name="articles")
    # a plain ALTER TABLE, not a batch copy of the table (see 0012)
    op.execute("ALTER TABLE articles DROP COLUMN title_key")


def downgrade() -> None:
    # the MinHash of non-founders cleared by upgrade() is not needed by the in-memory index either
    from vigie.cluster import Clusterer

    op.drop_table("article_keys")
    op.add_column("articles", sa.Column("title_key", sa.String(length=400), nullable=True))
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT id, title FROM articles WHERE title IS NOT NULL")).all()
    folded = Clusterer(0.5, 30).title_key
    keys = [{"id": row[0], "key": folded(row[1])} for row in rows]
    if keys:
        bind.execute(sa.text("UPDATE articles SET title_key = :key WHERE id = :id"), keys)
    op.create_index("ix_articles_title_key", "articles", ["title_key"])
