"""Store, near-duplicate side: the keys the cluster stage looks articles up by, in indexed tables.

`article_keys` (migration 0013) holds one row per LSH band of each article that founded a cluster
(the key of that band of its MinHash), one row per title (the key of its folded words, for the
first article stored with it), and one marker row per band layout (article id "") that says the
keys of that layout are all there. Looking up the keys of a new document reads a few index pages,
whatever the number of stored articles: nothing is loaded whole.

Rows of `article_keys` are not tied to `articles` by a foreign key (an index on article_id for the
cascade would double the table): a row whose article was deleted is found by the next look-up that
meets it, ignored and dropped then.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, delete, insert, select, tuple_

from vigie.records import Article
from vigie.store.schema import ArticleKeyRow, ArticleRow

if TYPE_CHECKING:
    import numpy as np

REBUILD_BATCH = 2_000  # articles whose keys are written with one statement
# Plain SQL handed to the driver: compiling a statement for each look-up costs SQLAlchemy more
# than the look-up costs the database
MATCHING = (
    "SELECT k.key, k.article_id, a.cluster_id, a.minhash FROM article_keys k "
    "LEFT JOIN articles a ON a.id = k.article_id WHERE k.key IN ({keys})"
)


@dataclass(frozen=True, slots=True)
class Signature:
    """What the near-duplicate look-up returns of a stored article: a founder, or the first of a title."""

    article_id: str
    cluster_id: str
    minhash: bytes | None  # of a founder
    keys: frozenset[int]  # the keys it was found by


@dataclass(frozen=True, slots=True)
class Clustered:
    """An article to save, with its near-duplicate cluster and look-up keys.

    `minhash` and the band keys are set for an article that founds its cluster only (the others are
    never looked up by their lead); `keys` holds the title key of the first article of a title.
    """

    article: Article
    cluster_id: str
    title_key: str | None
    minhash: bytes | None
    keys: tuple[int, ...] = ()


class Signatures:
    """The stored articles' near-duplicate keys, queried by key (`Store.signatures()`).

    Within `reading()` the look-ups share one connection (one read transaction: a cluster stage
    call sees the store as it was when the call began). `batch` gives the connection of the store's
    open write batch (`Store.batched`), if any: the look-ups then go through it, and see the
    documents it saved but did not commit yet.
    """

    def __init__(self, engine: Engine, batch: Callable[[], Connection | None] = lambda: None) -> None:
        self.engine = engine
        self._batch = batch
        self._connection: Connection | None = None

    @contextmanager
    def reading(self) -> Iterator[None]:
        """Make the look-ups inside the block share one connection."""
        if self._connection is not None:
            yield
            return
        batch = self._batch()
        with self.engine.connect() if batch is None else nullcontext(batch) as connection:
            self._connection = connection
            try:
                yield
            finally:
                self._connection = None

    def matching(self, keys: Collection[int], excluded: Collection[str] = ()) -> list[Signature]:
        """The stored articles holding at least one of these keys (with the keys they hold), by id:
        founders by their band keys, the first article of a title by its title key."""
        if not keys:
            return []
        with self._connected() as connection:
            mark = _placeholder(connection)
            rows = _fetch(
                connection, MATCHING.format(keys=", ".join([mark] * len(keys))), tuple(sorted(keys))
            )
        held: dict[str, set[int]] = {}
        found: dict[str, tuple[str, bytes | None]] = {}
        dangling = []
        for key, article_id, cluster_id, minhash in rows:
            if cluster_id is None:  # its article was deleted
                dangling.append((key, article_id))
            elif article_id not in excluded:
                held.setdefault(article_id, set()).add(key)
                found[article_id] = (cluster_id, None if minhash is None else bytes(minhash))
        if dangling:
            stale = delete(ArticleKeyRow).where(
                tuple_(ArticleKeyRow.key, ArticleKeyRow.article_id).in_(dangling)
            )
            batch = self._batch()
            if batch is not None:
                batch.execute(stale)  # committed with the batch's documents
            else:
                with self.engine.begin() as connection:
                    connection.execute(stale)
        return [
            Signature(article_id, found[article_id][0], found[article_id][1], frozenset(held[article_id]))
            for article_id in sorted(found)
        ]

    @contextmanager
    def _connected(self) -> Iterator[Connection]:
        if self._connection is not None:
            yield self._connection
            return
        batch = self._batch()
        if batch is not None:
            yield batch
            return
        with self.engine.connect() as connection:
            yield connection

    def ensure_keys(
        self,
        band_keys: Callable[[np.ndarray], tuple[int, ...]],
        title_key: Callable[[str | None], str | None],
        layout: int,
    ) -> None:
        """Write every key again when those stored were made for another band layout (another
        threshold) or not at all (a database migrated from before 0013): the band keys of each
        founder, the title key of the first article (by id) of each title, then the `layout` marker
        row that says they are there."""
        import numpy as np

        marker = select(ArticleKeyRow.key).where(ArticleKeyRow.key == layout, ArticleKeyRow.article_id == "")
        with self.engine.connect() as connection:
            if connection.execute(marker).first() is not None:
                return
        seen: set[int] = set()
        with self.engine.begin() as connection:
            connection.execute(delete(ArticleKeyRow))
            last = ""
            while True:  # a page of articles at a time: memory stays flat but for one int per title
                page = connection.execute(
                    select(ArticleRow.id, ArticleRow.title, ArticleRow.minhash)
                    .where(ArticleRow.id > last)
                    .order_by(ArticleRow.id)
                    .limit(REBUILD_BATCH)
                ).all()
                if not page:
                    break
                rows: list[dict[str, object]] = []
                for row in page:
                    keys: set[int] = set()
                    if row.minhash is not None:
                        keys.update(band_keys(np.frombuffer(row.minhash, dtype=np.uint32)))
                    folded = title_key(row.title)
                    if folded is not None and title_hash(folded) not in seen:
                        seen.add(title_hash(folded))
                        keys.add(title_hash(folded))
                    rows.extend({"key": key, "article_id": row.id} for key in sorted(keys))
                if rows:
                    connection.execute(insert(ArticleKeyRow), rows)
                last = page[-1].id
            connection.execute(insert(ArticleKeyRow), {"key": layout, "article_id": ""})


def title_hash(title_key: str) -> int:
    """The look-up key of a title key (layout-free: titles are compared whole).

    >>> title_hash("kidal un vehicule terroriste neutralise a tibezas") == title_hash("kidal un vehicule terroriste neutralise a tibezas")
    True
    """
    return signed_key(title_key.encode("utf-8"), b"title")


def signed_key(data: bytes, person: bytes) -> int:
    """A signed 64-bit key of `data` (BLAKE2b, personalised: keys of another kind never meet)."""
    return int.from_bytes(hashlib.blake2b(data, digest_size=8, person=person).digest(), "big", signed=True)


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
