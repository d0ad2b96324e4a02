"""web sources: documents keep their URL, capture time and input format; crawl state per URL

Revision ID: 0002_web_sources
Revises: 0001
Create Date: 2026-11-23 19:50:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_web_sources"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("url", sa.String(length=2000), nullable=True))
        batch_op.add_column(sa.Column("captured_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("format", sa.String(length=10), nullable=False, server_default="text"))
        batch_op.create_index(batch_op.f("ix_documents_url"), ["url"], unique=False)
    op.create_table(
        "crawl_pages",
        sa.Column("url", sa.String(length=2000), nullable=False),
        sa.Column("site", sa.String(length=200), nullable=False),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("etag", sa.String(length=400), nullable=True),
        sa.Column("last_modified", sa.String(length=100), nullable=True),
        sa.Column("content_hash", sa.String(length=40), nullable=True),
        sa.Column("document_id", sa.String(length=40), nullable=True),
        sa.Column("fetched_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("url"),
    )
    with op.batch_alter_table("crawl_pages", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_crawl_pages_site"), ["site"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("crawl_pages", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_crawl_pages_site"))
    op.drop_table("crawl_pages")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_documents_url"))
        batch_op.drop_column("format")
        batch_op.drop_column("captured_at")
        batch_op.drop_column("url")
