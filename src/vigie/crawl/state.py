"""Crawl state: what the crawler knows of each URL, kept in the Vigie database (table crawl_pages).

A page's document is saved first, its state second: a crash in between makes the next crawl
fetch the page again, find the same text stored, and add nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from vigie.crawl.fetch import Validators
from vigie.store import Store
from vigie.store.schema import CrawlPageRow


@dataclass(frozen=True, slots=True)
class PageState:
    """The crawler's memory of one URL."""

    validators: Validators
    content_hash: str | None
    document_id: str | None


class CrawlState:
    """Read and write crawl_pages in a Store's database."""

    def __init__(self, store: Store) -> None:
        self.engine = store.engine

    def known(self, urls: list[str]) -> dict[str, PageState]:
        """The state of the URLs the crawler has seen before."""
        found: dict[str, PageState] = {}
        with Session(self.engine) as session:
            for start in range(0, len(urls), 500):
                query = select(CrawlPageRow).where(CrawlPageRow.url.in_(urls[start : start + 500]))
                for row in session.scalars(query):
                    found[row.url] = PageState(
                        Validators(row.etag, row.last_modified), row.content_hash, row.document_id
                    )
        return found

    def record(
        self,
        url: str,
        site: str,
        status: int,
        fetched: datetime,
        validators: Validators,
        content_hash: str | None = None,
        document_id: str | None = None,
    ) -> None:
        """Remember a URL's last answer (a 304 keeps the stored hash and document)."""
        with Session(self.engine) as session, session.begin():
            row = session.get(CrawlPageRow, url)
            if row is None:
                row = CrawlPageRow(url=url, site=site)
                session.add(row)
            row.status = status
            row.fetched_at = fetched
            if status == 200:  # a 304 leaves the validators of the stored page
                row.etag = validators.etag
                row.last_modified = validators.last_modified
            if content_hash is not None:
                row.content_hash = content_hash
                row.document_id = document_id
