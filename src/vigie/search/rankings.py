"""Rankings kept: a search's count, facets and best matches -> kept until the index changes.

Counting, faceting and ranking a word found in a third of a million articles takes some 30 ms
within the bounds of search.matches; paging, or coming back to it, reads the kept ranking instead. A ranking is valid while the database's
`search_version` (bumped in the same transaction as every change of the index, migration
0008_weekly_counts) has not moved, so it is never stale. Each process keeps its recent rankings
in memory, and shares them with the other processes of `vigie serve --workers N` through a small
SQLite file beside the system's temporary files: a query ranked by one worker is not ranked again
by the next.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
import tempfile
import threading
import weakref
from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, text

log = logging.getLogger(__name__)

SHARED_ROWS = 20_000  # rankings kept in the shared file, oldest dropped first


@dataclass(frozen=True, slots=True)
class Facet:
    value: str
    count: int


@dataclass(frozen=True, slots=True)
class Ranking:
    """What a query costs most to find: how many match, their facets, the rowids of the best."""

    total: int
    facets: dict[str, list[Facet]]
    keys: list[int]  # search_rows ids, best first, at most RANKED (none without words)
    estimated: bool = False  # total and facets estimated from a sample of the matches (search.matches)


class Rankings:
    """Rankings of recent queries for each database, valid while its search_version has not moved."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.lock = threading.Lock()
        self.kept: weakref.WeakKeyDictionary[Engine, tuple[int, OrderedDict[Hashable, Ranking]]] = (
            weakref.WeakKeyDictionary()
        )
        self.shared: dict[str, Shared] = {}

    def get(self, connection: Connection, key: Hashable) -> tuple[int, Ranking | None]:
        """The database's search version, and the ranking of `key` if kept at that version."""
        version = self.version(connection)
        with self.lock:
            found = self.kept.get(connection.engine)
            if found is None or found[0] != version:
                found = (version, OrderedDict())
                self.kept[connection.engine] = found
            ranking = found[1].get(key)
            if ranking is not None:
                found[1].move_to_end(key)
                return version, ranking
        shared = self._shared(connection)
        ranking = shared.get(key, version) if shared is not None else None
        if ranking is not None:
            self._keep(connection, key, version, ranking)
        return version, ranking

    def put(self, connection: Connection, key: Hashable, version: int, ranking: Ranking) -> None:
        """Keep a ranking found at `version`, unless the index changed while it was found."""
        if self.version(connection) != version:
            return
        self._keep(connection, key, version, ranking)
        shared = self._shared(connection)
        if shared is not None:
            shared.put(key, version, ranking)

    def _keep(self, connection: Connection, key: Hashable, version: int, ranking: Ranking) -> None:
        with self.lock:
            found = self.kept.get(connection.engine)
            if found is None or found[0] != version:
                return
            found[1][key] = ranking
            while len(found[1]) > self.size:
                found[1].popitem(last=False)

    def _shared(self, connection: Connection) -> Shared | None:
        database = connection.engine.url.database
        if connection.dialect.name != "sqlite" or database in (None, "", ":memory:"):
            return None
        with self.lock:
            if database not in self.shared:
                self.shared[database] = Shared.beside(database)
            return self.shared[database]

    @staticmethod
    def version(connection: Connection) -> int:
        return int(connection.scalar(text("SELECT version FROM search_version")) or 0)


class Shared:
    """Rankings shared by the processes serving one database, in an SQLite file of their own.

    A cache: if the file cannot be opened, read or written (a full disk, a lock held too long),
    the ranking is simply computed again.
    """

    def __init__(self, path: Path, database: Path) -> None:
        self.path = path
        self.database = database
        self.local = threading.local()

    @classmethod
    def beside(cls, database: str) -> Shared:
        resolved = Path(database).resolve()
        name = hashlib.sha1(str(resolved).encode()).hexdigest()[:16]
        return cls(Path(tempfile.gettempdir()) / f"vigie-rankings2-{name}.sqlite", resolved)

    def _key(self, key: Hashable) -> str:
        """The query, and which database file it was asked of: a new database at the same path (a
        new inode, a new change time) must not read the rankings of the old one at the same version."""
        info = self.database.stat()
        return json.dumps([info.st_dev, info.st_ino, info.st_ctime_ns, key], ensure_ascii=False, default=str)

    def get(self, key: Hashable, version: int) -> Ranking | None:
        try:
            row = (
                self._connection()
                .execute(
                    "SELECT total, facets, keys, estimated FROM kept WHERE key = ? AND version = ?",
                    (self._key(key), version),
                )
                .fetchone()
            )
        except (sqlite3.Error, OSError) as err:
            log.debug("shared rankings unreadable (%s)", err)
            return None
        if row is None:
            return None
        facets = {
            name: [Facet(value, count) for value, count in items]
            for name, items in json.loads(row[1]).items()
        }
        return Ranking(int(row[0]), facets, list(json.loads(row[2])), bool(row[3]))

    def put(self, key: Hashable, version: int, ranking: Ranking) -> None:
        facets = {
            name: [[facet.value, facet.count] for facet in items] for name, items in ranking.facets.items()
        }
        try:
            connection = self._connection()
            with connection:
                connection.execute(
                    "INSERT OR REPLACE INTO kept (key, version, total, facets, keys, estimated) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        self._key(key),
                        version,
                        ranking.total,
                        json.dumps(facets),
                        json.dumps(ranking.keys),
                        ranking.estimated,
                    ),
                )
                connection.execute(
                    "DELETE FROM kept WHERE version <> ? OR rowid <= (SELECT max(rowid) FROM kept) - ?",
                    (version, SHARED_ROWS),
                )
        except (sqlite3.Error, OSError) as err:
            log.debug("shared rankings unwritable (%s)", err)

    def _connection(self) -> sqlite3.Connection:
        connection: sqlite3.Connection | None = getattr(self.local, "connection", None)
        if connection is None:
            connection = sqlite3.connect(self.path, timeout=0.05, check_same_thread=False)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=OFF")
            connection.execute(
                "CREATE TABLE IF NOT EXISTS kept (key TEXT PRIMARY KEY, version INTEGER, total INTEGER, "
                "facets TEXT, keys TEXT, estimated BOOLEAN)"
            )
            self.local.connection = connection
        return connection


RANKINGS = Rankings(size=256)
