"""search facets: the number of articles per year, site and section, kept by triggers

Revision ID: 0017_search_facets
Revises: 0018_event_months
Create Date: 2026-12-07 10:10:00

SQLite only: `search_facets` holds how many rows of `search_rows` have each (year, site,
section), 0 and "" standing for none (a primary key cannot hold NULL), kept in sync by triggers
on `search_rows`. The article list without words, and its facets, read a few hundred rows
instead of grouping every article (a million of them: some 300 ms).
"""
from typing import Sequence, Union

from alembic import op

revision: str = "0017_search_facets"
down_revision: Union[str, Sequence[str], None] = "0018_event_months"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

TRIGGERS = ("search_facets_insert", "search_facets_delete", "search_facets_update")
KEY = "coalesce({row}.year, 0), coalesce({row}.site, ''), coalesce({row}.section, '')"


def _count(row: str, step: str) -> str:
    return (
        f"INSERT INTO search_facets (year, site, section, n) SELECT {KEY.format(row=row)}, {step} WHERE true "
        f"ON CONFLICT (year, site, section) DO UPDATE SET n = n + {step}; "
    )


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(
        "CREATE TABLE search_facets (year INTEGER NOT NULL, site VARCHAR(300) NOT NULL, "
        "section VARCHAR(200) NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (year, site, section)) WITHOUT ROWID"
    )
    op.execute(
        f"INSERT INTO search_facets (year, site, section, n) SELECT {KEY.format(row='search_rows')}, count(*) "
        "FROM search_rows GROUP BY 1, 2, 3"
    )
    op.execute(f"CREATE TRIGGER search_facets_insert AFTER INSERT ON search_rows BEGIN {_count('new', '1')}END")
    op.execute(
        f"CREATE TRIGGER search_facets_delete AFTER DELETE ON search_rows BEGIN {_count('old', '-1')}"
        "DELETE FROM search_facets WHERE n = 0; END"
    )
    op.execute(
        "CREATE TRIGGER search_facets_update AFTER UPDATE OF year, site, section ON search_rows "
        f"BEGIN {_count('old', '-1')}{_count('new', '1')}DELETE FROM search_facets WHERE n = 0; END"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for trigger in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS search_facets")
