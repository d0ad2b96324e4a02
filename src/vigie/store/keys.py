"""Store, near-duplicate side: the keys the cluster stage looks articles up by, in indexed tables.

`article_keys` (migration 0013) holds one row per LSH band of each article that founded a cluster
(the key of that band of its MinHash); `articles.title_key` is indexed too. Looking up the keys of a
new article reads a few index pages, whatever the number of stored articles: nothing is loaded whole.

Rows of `article_keys` are not tied to `articles` by a foreign key (an index on article_id for the
cascade would double the table): a row whose article was deleted is found by the next look-up that
meets it, ignored and dropped then.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, delete, insert, select, tuple_

from vigie.records import Article
from vigie.store.schema import ArticleKeyRow, ArticleRow

if TYPE_CHECKING:
    import numpy as np

REBUILD_BATCH = 2_000  # founders whose keys are written with one statement
# Plain SQL handed to the driver: compiling a statement for each look-up costs SQLAlchemy more
# than the look-up costs the database
TITLED = (
    "SELECT title_key, cluster_id FROM articles WHERE id IN (SELECT min(id) FROM articles "
    "WHERE title_key IN ({titles}) AND id NOT IN ({excluded}) GROUP BY title_key)"
)
SHARING = (
    "SELECT k.key, k.article_id, a.cluster_id, a.minhash FROM article_keys k "
    "LEFT JOIN articles a ON a.id = k.article_id WHERE k.key IN ({keys})"
)


@dataclass(frozen=True, slots=True)
class Signature:
    """What the near-duplicate look-up returns of a stored article that founded a cluster."""

    article_id: str
    cluster_id: str
    minhash: bytes
    keys: frozenset[int]  # the keys it was found by


@dataclass(frozen=True, slots=True)
class Clustered:
    """An article to save, with its near-duplicate cluster and look-up keys.

    `minhash` and `keys` are set for an article that founds its cluster only (the others are never
    looked up by their lead).
    """

    article: Article
    cluster_id: str
    title_key: str | None
    minhash: bytes | None
    keys: tuple[int, ...] = ()


class Signatures:
    """The stored articles' near-duplicate keys, queried by key (`Store.signatures()`).

    Within `reading()` the look-ups share one connection (one read transaction: a cluster stage
    call sees the store as it was when the call began).
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._connection: Connection | None = None

    @contextmanager
    def reading(self) -> Iterator[None]:
        """Make the look-ups inside the block share one connection."""
        if self._connection is not None:
            yield
            return
        with self.engine.connect() as connection:
            self._connection = connection
            try:
                yield
            finally:
                self._connection = None

    def titled(self, title_keys: Collection[str], excluded: Collection[str] = ()) -> dict[str, str]:
        """For each title key: the cluster of the first stored article (by id) with it."""
        with self._connected() as connection:
            mark = _placeholder(connection)
            rows = _fetch(
                connection,
                TITLED.format(titles=", ".join([mark] * len(title_keys)),
                              excluded=", ".join([mark] * max(1, len(excluded)))),
                (*sorted(title_keys), *(sorted(excluded) or [""])),
            )  # fmt: skip
        return {row[0]: row[1] for row in rows}

    def sharing(self, keys: Collection[int], excluded: Collection[str] = ()) -> list[Signature]:
        """The stored founders that share at least one of these keys (with the keys they share), by id."""
        if not keys:
            return []
        with self._connected() as connection:
            mark = _placeholder(connection)
            rows = _fetch(connection, SHARING.format(keys=", ".join([mark] * len(keys))), tuple(sorted(keys)))
        shared: dict[str, set[int]] = {}
        found: dict[str, tuple[str, bytes]] = {}
        dangling = []
        for key, article_id, cluster_id, minhash in rows:
            if cluster_id is None:  # its article was deleted
                dangling.append((key, article_id))
            elif minhash is not None and article_id not in excluded:
                shared.setdefault(article_id, set()).add(key)
                found[article_id] = (cluster_id, bytes(minhash))
        if dangling:
            with self.engine.begin() as connection:
                connection.execute(
                    delete(ArticleKeyRow).where(
                        tuple_(ArticleKeyRow.key, ArticleKeyRow.article_id).in_(dangling)
                    )
                )
        return [
            Signature(article_id, found[article_id][0], found[article_id][1], frozenset(shared[article_id]))
            for article_id in sorted(found)
        ]

    @contextmanager
    def _connected(self) -> Iterator[Connection]:
        if self._connection is not None:
            yield self._connection
            return
        with self.engine.connect() as connection:
            yield connection

    def ensure_keys(self, band_keys: Callable[[np.ndarray], tuple[int, ...]]) -> None:
        """Write the keys of every founder again when those stored were made for another band layout
        (another threshold) or not at all (a database migrated from before 0013). One founder tells."""
        import numpy as np

        sample = select(ArticleRow.id, ArticleRow.minhash).where(ArticleRow.minhash.is_not(None)).limit(1)
        with self.engine.connect() as connection:
            first = connection.execute(sample).first()
            if first is None:
                return
            key = band_keys(np.frombuffer(first.minhash, dtype=np.uint32))[0]
            present = connection.execute(
                select(ArticleKeyRow.key).where(
                    ArticleKeyRow.key == key, ArticleKeyRow.article_id == first.id
                )
            ).first()
        if present is not None:
            return
        with self.engine.begin() as connection:
            connection.execute(delete(ArticleKeyRow))
            last = ""
            while True:  # a page of founders at a time: memory stays flat on a million articles
                page = connection.execute(
                    select(ArticleRow.id, ArticleRow.minhash)
                    .where(ArticleRow.minhash.is_not(None), ArticleRow.id > last)
                    .order_by(ArticleRow.id)
                    .limit(REBUILD_BATCH)
                ).all()
                if not page:
                    break
                connection.execute(
                    insert(ArticleKeyRow),
                    [
                        {"key": key, "article_id": row.id}
                        for row in page
                        for key in sorted(set(band_keys(np.frombuffer(row.minhash, dtype=np.uint32))))
                    ],
                )
                last = page[-1].id


def _fetch(connection: Connection, sql: str, parameters: tuple[object, ...]) -> list[tuple[Any, ...]]:
    """Rows of a query run on the driver's own cursor: these look-ups run for every document, and
    SQLAlchemy's execution (context, result object) costs more than SQLite answering them."""
    cursor = connection.connection.cursor()
    try:
        cursor.execute(sql, parameters)
        return [tuple(row) for row in cursor.fetchall()]
    finally:
        cursor.close()


def _placeholder(connection: Connection) -> str:
    """The driver's parameter mark: "?" for sqlite3, "%s" for psycopg."""
    return "?" if connection.dialect.paramstyle == "qmark" else "%s"


def key_rows(articles: Iterable[Clustered]) -> list[dict[str, object]]:
    """The article_keys rows of articles about to be saved."""
    return [
        {"key": key, "article_id": item.article.id} for item in articles for key in sorted(set(item.keys))
    ]
