"""event months: events and fatalities per region, month and type, kept by triggers

Revision ID: 0018_event_months
Revises: 0012_interaction_direction
Create Date: 2026-12-07 10:40:00

SQLite only (PostgreSQL groups the events table): `event_months` holds the number of events,
the sum of their fatalities and how many give one, per region, month (its first day) and type,
in sync with `events` by triggers, so that the dashboard's timeline of fourteen years by month or
year reads a few thousand rows instead of grouping every event (50,000 events: the timeline of
the unfiltered dashboard 260 ms -> see README, Benchmarks).
"""
from typing import Sequence, Union

from alembic import op

revision: str = "0018_event_months"
down_revision: Union[str, Sequence[str], None] = "0012_interaction_direction"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

MONTH = "strftime('%Y-%m-01', {row}.event_date)"  # "2024-08-04" -> "2024-08-01"
TRIGGERS = ("event_months_insert", "event_months_delete", "event_months_update")


def _count(row: str, sign: str) -> str:
    n, dead, told = f"{sign}1", f"{sign}coalesce({row}.fatalities, 0)", f"{sign}({row}.fatalities IS NOT NULL)"
    return (
        "INSERT INTO event_months (admin1, month, event_type, n, dead, reported) "
        f"SELECT coalesce({row}.admin1, ''), {MONTH.format(row=row)}, {row}.event_type, {n}, {dead}, {told} "
        f"WHERE {row}.event_date IS NOT NULL "
        f"ON CONFLICT (admin1, month, event_type) DO UPDATE SET n = n + {n}, dead = dead + {dead}, "
        f"reported = reported + {told}; "
    )


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(
        "CREATE TABLE event_months (admin1 VARCHAR(80) NOT NULL, month DATE NOT NULL, "
        "event_type VARCHAR(40) NOT NULL, n INTEGER NOT NULL, dead INTEGER NOT NULL, reported INTEGER NOT NULL, "
        "PRIMARY KEY (admin1, month, event_type)) WITHOUT ROWID"
    )
    op.execute(
        f"INSERT INTO event_months (admin1, month, event_type, n, dead, reported) SELECT coalesce(admin1, ''), "
        f"{MONTH.format(row='events')}, event_type, count(*), coalesce(sum(fatalities), 0), count(fatalities) "
        "FROM events WHERE event_date IS NOT NULL GROUP BY 1, 2, 3"
    )
    op.execute(f"CREATE TRIGGER event_months_insert AFTER INSERT ON events BEGIN {_count('new', '+')}END")
    op.execute(
        f"CREATE TRIGGER event_months_delete AFTER DELETE ON events BEGIN {_count('old', '-')}"
        "DELETE FROM event_months WHERE n = 0; END"
    )
    op.execute(
        "CREATE TRIGGER event_months_update AFTER UPDATE OF event_date, event_type, admin1, fatalities ON events "
        f"BEGIN {_count('old', '-')}{_count('new', '+')}DELETE FROM event_months WHERE n = 0; END"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for trigger in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS event_months")
