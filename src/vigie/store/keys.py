"""Store, near-duplicate side: the keys the cluster stage looks articles up by, in indexed tables.

`article_keys` (migration 0013) holds one row per LSH band of each article that founded a cluster
(the key of that band of its MinHash); `articles.title_key` is indexed too. Looking up the keys of a
new article reads a few index pages, whatever the number of stored articles: nothing is loaded whole.

Rows of `article_keys` are not tied to `articles` by a foreign key (an index on article_id for the
cascade would double the table): a row whose article was deleted is found by the next look-up that
meets it, ignored and dropped then.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import Engine, bindparam, delete, insert, select, tuple_

from vigie.records import Article
from vigie.store.schema import ArticleKeyRow, ArticleRow

if TYPE_CHECKING:
    import numpy as np

REBUILD_BATCH = 2_000  # founders whose keys are written with one statement


@dataclass(frozen=True, slots=True)
class Signature:
    """What the near-duplicate look-up returns of a stored article that founded a cluster."""

    article_id: str
    cluster_id: str
    minhash: bytes


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
    """The stored articles' near-duplicate keys, queried by key (`Store.signatures()`)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def titled(self, title_key: str, excluded: Collection[str] = ()) -> str | None:
        """The cluster of the first stored article (by id) with this title key."""
        query = (
            select(ArticleRow.id, ArticleRow.cluster_id)
            .where(ArticleRow.title_key == title_key)
            .order_by(ArticleRow.id)
            .limit(len(excluded) + 1)
        )
        with self.engine.connect() as connection:
            for row in connection.execute(query):
                if row.id not in excluded:
                    return str(row.cluster_id)
        return None

    def sharing(self, keys: Iterable[int], excluded: Collection[str] = ()) -> list[Signature]:
        """The stored founders that share at least one of these keys, by id."""
        wanted = sorted(set(keys))
        if not wanted:
            return []
        query = (
            select(ArticleKeyRow.key, ArticleKeyRow.article_id, ArticleRow.cluster_id, ArticleRow.minhash)
            .outerjoin(ArticleRow, ArticleRow.id == ArticleKeyRow.article_id)
            .where(ArticleKeyRow.key.in_(bindparam("keys", expanding=True)))
        )
        with self.engine.connect() as connection:
            rows = connection.execute(query, {"keys": wanted}).all()
        found: dict[str, Signature] = {}
        dangling = []
        for row in rows:
            if row.cluster_id is None:  # its article was deleted
                dangling.append((row.key, row.article_id))
            elif row.minhash is not None and row.article_id not in excluded:
                found[row.article_id] = Signature(row.article_id, row.cluster_id, row.minhash)
        if dangling:
            with self.engine.begin() as connection:
                connection.execute(
                    delete(ArticleKeyRow).where(
                        tuple_(ArticleKeyRow.key, ArticleKeyRow.article_id).in_(dangling)
                    )
                )
        return [found[article_id] for article_id in sorted(found)]

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


def key_rows(articles: Iterable[Clustered]) -> list[dict[str, object]]:
    """The article_keys rows of articles about to be saved."""
    return [
        {"key": key, "article_id": item.article.id} for item in articles for key in sorted(set(item.keys))
    ]
