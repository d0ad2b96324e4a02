"""weekly counts and search version: events per week kept by triggers, a counter of search changes

Revision ID: 0008_weekly_counts
Revises: 0007_event_filter_indexes
Create Date: 2026-11-23 21:00:00

SQLite only (PostgreSQL groups the events table with the index of 0005):
- `event_weeks` holds the number of events per region, week (its Monday) and type, kept in
  sync with `events` by triggers, so that a region's timeline reads some 400 rows instead of
  grouping thousands of events;
- `search_version` is a one-row counter bumped by every change of `search_rows` (so of the
  FTS index, changed in the same triggers): the search keeps the counts and ranking of a query
  for as long as the counter has not moved, and is never stale;
- the facet index of `search_rows` gains `section` (year, site, section: the facet counts of a
  frequent word scan it instead of sorting the matches).
"""
from typing import Sequence, Union

from alembic import op

revision: str = "0008_weekly_counts"
down_revision: Union[str, Sequence[str], None] = "0007_event_filter_indexes"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

WEEK = "date({row}.event_date, 'weekday 0', '-6 days')"  # the Monday: "2024-08-04" -> "2024-07-29"
VERSION_TRIGGERS = ("search_version_insert", "search_version_delete", "search_version_update")
WEEK_TRIGGERS = ("event_weeks_insert", "event_weeks_delete", "event_weeks_update")


def _count(row: str, step: str) -> str:
    return (
        "INSERT INTO event_weeks (admin1, week, event_type, n) "
        f"SELECT coalesce({row}.admin1, ''), {WEEK.format(row=row)}, {row}.event_type, {step} "
        f"WHERE {row}.event_date IS NOT NULL "
        f"ON CONFLICT (admin1, week, event_type) DO UPDATE SET n = n + {step}; "
    )


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(
        "CREATE TABLE event_weeks (admin1 VARCHAR(80) NOT NULL, week DATE NOT NULL, "
        "event_type VARCHAR(40) NOT NULL, n INTEGER NOT NULL, "
        "PRIMARY KEY (admin1, week, event_type)) WITHOUT ROWID"
    )
    op.execute(
        f"INSERT INTO event_weeks (admin1, week, event_type, n) SELECT coalesce(admin1, ''), "
        f"{WEEK.format(row='events')}, event_type, count(*) FROM events WHERE event_date IS NOT NULL "
        "GROUP BY 1, 2, 3"
    )
    op.execute(f"CREATE TRIGGER event_weeks_insert AFTER INSERT ON events BEGIN {_count('new', '1')}END")
    op.execute(
        f"CREATE TRIGGER event_weeks_delete AFTER DELETE ON events BEGIN {_count('old', '-1')}"
        "DELETE FROM event_weeks WHERE n = 0; END"
    )
    op.execute(
        "CREATE TRIGGER event_weeks_update AFTER UPDATE OF event_date, event_type, admin1 ON events "
        f"BEGIN {_count('old', '-1')}{_count('new', '1')}DELETE FROM event_weeks WHERE n = 0; END"
    )
    op.execute("CREATE TABLE search_version (id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL)")
    op.execute("INSERT INTO search_version (id, version) VALUES (1, 0)")
    for trigger, change in zip(VERSION_TRIGGERS, ("INSERT", "DELETE", "UPDATE")):
        op.execute(
            f"CREATE TRIGGER {trigger} AFTER {change} ON search_rows BEGIN "
            "UPDATE search_version SET version = version + 1; END"
        )
    op.execute("DROP INDEX IF EXISTS ix_search_rows_year_site")
    op.execute("CREATE INDEX ix_search_rows_facets ON search_rows (year, site, section)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("DROP INDEX IF EXISTS ix_search_rows_facets")
    op.execute("CREATE INDEX ix_search_rows_year_site ON search_rows (year, site)")
    for trigger in (*VERSION_TRIGGERS, *WEEK_TRIGGERS):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS search_version")
    op.execute("DROP TABLE IF EXISTS event_weeks")
