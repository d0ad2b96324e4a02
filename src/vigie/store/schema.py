"""Store schema: the SQLAlchemy tables of a Vigie database (SQLite or PostgreSQL).

Changes to these tables go through an Alembic migration in store/migrations/versions; every
table and index a migration creates is declared here, so that Alembic's autogenerate proposes
no change on a migrated database (tested), except what SQLAlchemy cannot declare:
- SQLite's FTS5 virtual tables `articles_fts` (migration 0005_search_rows, first 0004_search)
  and `events_fts` (0005_search_rows), with their shadow tables `<name>_data`, `_idx`,
  `_content`, `_docsize`, `_config`, and the triggers that keep them, `search_rows`,
  `event_weeks`, `search_version` and `search_facets` in sync (0005, 0006, 0008, 0017);
- PostgreSQL's GIN index `ix_articles_fts` on an expression (0004_search);
- SQLite's view `article_texts` (0014_text_once), the content of `articles_fts`, and its trigger
  `documents_delete`; SQLite has no `articles.body` (PostgreSQL keeps it, see ArticleRow).
`is_compared` tells autogenerate to leave those alone (see migrations/env.py).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


# Event and interaction ids are stable hashes up to 2^53 (vigie.store.ids, migration 0015_stable_ids):
# BIGINT on PostgreSQL; SQLite's INTEGER holds 64 bits and keeps the rowid alias
STABLE_ID = BigInteger().with_variant(Integer(), "sqlite")


class DocumentRow(Base):
    """One ingested input file; `packed` is its decoded, repaired text that offsets point into,
    compressed (vigie.store.packed, 0014_text_once)."""

    __tablename__ = "documents"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)  # sha1 of the source bytes
    source: Mapped[str] = mapped_column(String(1000), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    size: Mapped[int] = mapped_column(Integer)
    encoding: Mapped[str] = mapped_column(String(40))
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    packed: Mapped[bytes] = mapped_column(LargeBinary)
    url: Mapped[str | None] = mapped_column(String(2000), index=True)  # canonical URL of a web page
    captured_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))  # fetched or archived
    format: Mapped[str] = mapped_column(String(10), default="text")  # text, html, feed, warc, jsonl


class ArticleRow(Base):
    """An article or teaser cut out of a document."""

    __tablename__ = "articles"

    id: Mapped[str] = mapped_column(String(60), primary_key=True)  # "<document id>:<position>"
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    start_offset: Mapped[int] = mapped_column(Integer)
    end_offset: Mapped[int] = mapped_column(Integer)
    spans: Mapped[str] = mapped_column(Text)  # JSON [[start, end], ...] of the body paragraphs
    kind: Mapped[str] = mapped_column(String(8))
    title: Mapped[str | None] = mapped_column(Text)
    # PostgreSQL only (its GIN index and ts_headline read it); on SQLite the body is cut out of the
    # document's text (vigie.store.packed, 0014_text_once): never loaded unless asked for
    body: Mapped[str] = mapped_column(Text, deferred=True)
    published: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    published_has_time: Mapped[bool] = mapped_column(Boolean, default=False)
    published_month: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    author: Mapped[str | None] = mapped_column(String(200))
    cluster_id: Mapped[str] = mapped_column(String(60), index=True)
    # the lead's MinHash (64 x uint32) of an article that founded its cluster, else null (0013)
    minhash: Mapped[bytes | None] = mapped_column(LargeBinary)


class ArticleKeyRow(Base):
    """A look-up key of an article that founded a near-duplicate cluster: one per LSH band of its
    lead's MinHash (0013_article_keys; no foreign key, see vigie.store.keys)."""

    __tablename__ = "article_keys"
    __table_args__ = {"sqlite_with_rowid": False}

    key: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    article_id: Mapped[str] = mapped_column(String(60), primary_key=True)


class MentionRow(Base):
    """An entity mention found by the NLP stage (actor, organisation, place, date)."""

    __tablename__ = "mentions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    start_offset: Mapped[int] = mapped_column(Integer)
    end_offset: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(String(400))
    label: Mapped[str] = mapped_column(String(40))
    canonical: Mapped[str | None] = mapped_column(String(200))


class EventRow(Base):
    """A security event in the ACLED taxonomy, merged over every sentence that reports it."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(STABLE_ID, primary_key=True)  # vigie.store.ids.event_id
    event_date: Mapped[date | None] = mapped_column(Date, index=True)
    time_precision: Mapped[int] = mapped_column(Integer)
    event_type: Mapped[str] = mapped_column(String(40), index=True)
    sub_event_type: Mapped[str] = mapped_column(String(60))
    actor1: Mapped[str] = mapped_column(String(120))
    assoc_actor_1: Mapped[str | None] = mapped_column(String(200))
    actor2: Mapped[str | None] = mapped_column(String(120))
    assoc_actor_2: Mapped[str | None] = mapped_column(String(200))
    location: Mapped[str | None] = mapped_column(String(200))
    country: Mapped[str | None] = mapped_column(String(80))
    iso: Mapped[str | None] = mapped_column(String(3))
    admin1: Mapped[str | None] = mapped_column(String(80), index=True)
    admin2: Mapped[str | None] = mapped_column(String(80))
    admin3: Mapped[str | None] = mapped_column(String(80))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    geo_precision: Mapped[int | None] = mapped_column(Integer)
    fatalities: Mapped[int | None] = mapped_column(Integer)
    evidence: Mapped[str] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
    flagged: Mapped[bool] = mapped_column(Boolean, default=False)


class EventSourceRow(Base):
    """One sentence of one article that reports an event."""

    __tablename__ = "event_sources"

    event_id: Mapped[int] = mapped_column(
        STABLE_ID, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True
    )
    article_id: Mapped[str] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    start_offset: Mapped[int] = mapped_column(Integer, primary_key=True)
    end_offset: Mapped[int] = mapped_column(Integer)
    sentence: Mapped[str] = mapped_column(Text)


class InteractionRow(Base):
    """A diplomatic or cooperation interaction in the PLOVER taxonomy."""

    __tablename__ = "interactions"

    id: Mapped[int] = mapped_column(STABLE_ID, primary_key=True)  # vigie.store.ids.interaction_id
    interaction_date: Mapped[date | None] = mapped_column(Date, index=True)
    type: Mapped[str] = mapped_column(String(20), index=True)
    party1: Mapped[str] = mapped_column(String(10), index=True)
    party2: Mapped[str] = mapped_column(String(10), index=True)
    location: Mapped[str | None] = mapped_column(String(200))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    evidence: Mapped[str] = mapped_column(Text)
    # who acts on whom (PLOVER's source and target; symmetric acts: the order of the text), 0012;
    # null for interactions stored before it. party1/party2 stay the sorted pair of the gold format.
    source_party: Mapped[str | None] = mapped_column(String(10))
    target_party: Mapped[str | None] = mapped_column(String(10))


class InteractionSourceRow(Base):
    """One sentence of one article that reports an interaction."""

    __tablename__ = "interaction_sources"

    interaction_id: Mapped[int] = mapped_column(
        STABLE_ID, ForeignKey("interactions.id", ondelete="CASCADE"), primary_key=True
    )
    article_id: Mapped[str] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    start_offset: Mapped[int] = mapped_column(Integer, primary_key=True)
    end_offset: Mapped[int] = mapped_column(Integer)
    sentence: Mapped[str] = mapped_column(Text)


class PlaceRow(Base):
    """A place added by a user (the bundled gazetteer lives in its own file)."""

    __tablename__ = "places"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(200), index=True)
    latitude: Mapped[float] = mapped_column(Float)
    longitude: Mapped[float] = mapped_column(Float)
    feature_class: Mapped[str | None] = mapped_column(String(4))
    population: Mapped[int | None] = mapped_column(Integer)
    country: Mapped[str] = mapped_column(String(3))
    admin1: Mapped[str | None] = mapped_column(String(80))
    admin2: Mapped[str | None] = mapped_column(String(80))
    admin3: Mapped[str | None] = mapped_column(String(80))
    source: Mapped[str] = mapped_column(String(40))


class ToponymRow(Base):
    """A place name met in an article, with the place it resolved to (null: unresolved)."""

    __tablename__ = "toponyms"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(200), index=True)
    sentence: Mapped[str] = mapped_column(Text)
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)


class CrawlPageRow(Base):
    """What the crawler knows of one URL: validators for conditional GET, and the text it last stored."""

    __tablename__ = "crawl_pages"

    url: Mapped[str] = mapped_column(String(2000), primary_key=True)  # canonical URL
    site: Mapped[str] = mapped_column(String(200), index=True)  # the sources file's name
    status: Mapped[int] = mapped_column(Integer)  # last HTTP status (304 kept as the stored page's 200)
    etag: Mapped[str | None] = mapped_column(String(400))
    last_modified: Mapped[str | None] = mapped_column(String(100))
    content_hash: Mapped[str | None] = mapped_column(String(40))  # sha1 of the extracted text
    document_id: Mapped[str | None] = mapped_column(String(40))
    fetched_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class SearchRow(Base):
    """SQLite only (0005_search_rows): an article's FTS5 rowid, with what the search facets count."""

    __tablename__ = "search_rows"

    # the rowid in articles_fts; "INTEGER PRIMARY KEY" without NOT NULL, as 0005 created it
    id: Mapped[int] = mapped_column(Integer, primary_key=True, nullable=True)
    # UNIQUE in 0005's DDL, inline: SQLite's reflection does not see it, so it is not declared
    article_id: Mapped[str] = mapped_column(String(60))
    year: Mapped[int | None] = mapped_column(Integer)
    site: Mapped[str | None] = mapped_column(String(300))
    section: Mapped[str | None] = mapped_column(String(200))  # 0006_search_sections


class EventWeekRow(Base):
    """SQLite only (0008_weekly_counts): events per region ("" when none), week and type."""

    __tablename__ = "event_weeks"
    __table_args__ = {"sqlite_with_rowid": False}

    admin1: Mapped[str] = mapped_column(String(80), primary_key=True)
    week: Mapped[date] = mapped_column(Date, primary_key=True)  # the Monday
    event_type: Mapped[str] = mapped_column(String(40), primary_key=True)
    n: Mapped[int] = mapped_column(Integer)


class EventMonthRow(Base):
    """SQLite only (0018_event_months): events, their summed fatalities and how many give one, per
    region ("" when none), month (its first day) and type."""

    __tablename__ = "event_months"
    __table_args__ = {"sqlite_with_rowid": False}

    admin1: Mapped[str] = mapped_column(String(80), primary_key=True)
    month: Mapped[date] = mapped_column(Date, primary_key=True)
    event_type: Mapped[str] = mapped_column(String(40), primary_key=True)
    n: Mapped[int] = mapped_column(Integer)
    dead: Mapped[int] = mapped_column(Integer)
    reported: Mapped[int] = mapped_column(Integer)


class EventPointRow(Base):
    """SQLite only (0020_event_points, replacing 0019's event_places): one point of the map
    (latitude, longitude, type) with its number of events, the smallest non-empty location and
    region of its events and its newest event."""

    __tablename__ = "event_points"
    __table_args__ = {"sqlite_with_rowid": False}

    latitude: Mapped[float] = mapped_column(Float, primary_key=True, autoincrement=False)
    longitude: Mapped[float] = mapped_column(Float, primary_key=True, autoincrement=False)
    event_type: Mapped[str] = mapped_column(String(40), primary_key=True)
    n: Mapped[int] = mapped_column(Integer)
    location: Mapped[str | None] = mapped_column(String(200))
    admin1: Mapped[str | None] = mapped_column(String(80))
    event_id: Mapped[int] = mapped_column(Integer)


class SearchFacetRow(Base):
    """SQLite only (0017_search_facets): articles per year, site and section (0 and "" for none)."""

    __tablename__ = "search_facets"
    __table_args__ = {"sqlite_with_rowid": False}

    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    site: Mapped[str] = mapped_column(String(300), primary_key=True)
    section: Mapped[str] = mapped_column(String(200), primary_key=True)
    n: Mapped[int] = mapped_column(Integer)


class SearchVersionRow(Base):
    """SQLite only (0008_weekly_counts): one row, bumped by every change of search_rows."""

    __tablename__ = "search_version"
    __table_args__ = (CheckConstraint("id = 1"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(Integer)


Index("ix_interactions_parties", InteractionRow.party1, InteractionRow.party2)
# the weekly counts by type and region (0005_search_rows), and of one region (0007_event_filter_indexes)
Index("ix_events_date_type_region", EventRow.event_date, EventRow.event_type, EventRow.admin1)
Index("ix_events_region_date_type", EventRow.admin1, EventRow.event_date, EventRow.event_type)
# an actor's events in a map box, counted and ordered by date from the index alone
# (0010_actor_place_indexes, 0019_serve_fast)
Index("ix_events_actor1_place", EventRow.actor1, EventRow.longitude, EventRow.latitude, EventRow.event_date)
Index("ix_events_actor2_place", EventRow.actor2, EventRow.longitude, EventRow.latitude, EventRow.event_date)
# the map's points and the timeline of a type over a period, from the index alone (0011_map_index,
# 0021_timeline_index)
Index("ix_events_type_date_place", EventRow.event_type, EventRow.event_date, EventRow.latitude,
      EventRow.longitude, EventRow.location, EventRow.admin1, EventRow.fatalities)  # fmt: skip
# the newest event of a point of the map (0019_serve_fast; SQLite only, beside event_points)
Index("ix_events_place", EventRow.latitude, EventRow.longitude, EventRow.event_type)
# the map's largest points, of any type or of one (0020_event_points; SQLite only)
Index("ix_event_points_count", EventPointRow.n.desc(), EventPointRow.latitude, EventPointRow.longitude,
      EventPointRow.event_type, EventPointRow.location, EventPointRow.admin1, EventPointRow.event_id)  # fmt: skip
Index("ix_event_points_type_count", EventPointRow.event_type, EventPointRow.n.desc(), EventPointRow.latitude,
      EventPointRow.longitude, EventPointRow.location, EventPointRow.admin1, EventPointRow.event_id)  # fmt: skip
# the search facets (0008_weekly_counts; 0005_search_rows had year and site)
Index("ix_search_rows_facets", SearchRow.year, SearchRow.site, SearchRow.section)

FTS_TABLES = ("articles_fts", "events_fts")  # SQLite FTS5 virtual tables, and prefixes of their shadow tables
SQLITE_ONLY = frozenset(
    {
        "search_rows",
        "event_weeks",
        "search_version",
        "event_months",
        "search_facets",
        "event_points",
        "ix_events_place",
        "ix_event_points_count",
        "ix_event_points_type_count",
    }
)
UNDECLARED_INDEXES = frozenset({"ix_articles_fts"})  # PostgreSQL's GIN index on an expression
POSTGRES_ONLY_COLUMNS = frozenset({"body"})  # articles.body (0014_text_once)


def is_compared(dialect: str, name: str | None, kind: str) -> bool:
    """Whether Alembic autogenerate should compare this table or index with the declarations above.

    >>> is_compared("sqlite", "articles_fts_docsize", "table"), is_compared("postgresql", "search_rows", "table")
    (False, False)
    >>> is_compared("sqlite", "body", "column"), is_compared("postgresql", "body", "column")
    (False, True)
    """
    if name is None:
        return True
    if kind == "column":
        return dialect == "postgresql" or name not in POSTGRES_ONLY_COLUMNS
    if kind == "table" and name.startswith(FTS_TABLES):
        return False
    if dialect != "sqlite" and name in SQLITE_ONLY:
        return False
    return name not in UNDECLARED_INDEXES
