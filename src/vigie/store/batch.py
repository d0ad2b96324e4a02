"""Store, writing side: several documents saved in one transaction.

A commit costs more than saving a small document's rows: SQLite writes the WAL and the full-text
index flushes its pending terms into a new segment at every commit (and at every SAVEPOINT, so a
savepoint per document would cost nearly as much). `vigie ingest` therefore saves the documents of
a group in one transaction, committed every `BATCH_DOCUMENTS` documents or `BATCH_SECONDS`
seconds, and when the group is stored.

One bad document still fails alone: when its rows are refused (or Ctrl-C comes while it is
written), the transaction is rolled back, the documents saved before it in the batch are written
again, in order, on the same state, and committed; then the error goes on to the caller, which
makes it that document's skip line (or stops, keeping what was stored). A crash (`kill -9`) loses
the documents of the batch not yet committed: at most `BATCH_DOCUMENTS`, or `BATCH_SECONDS` of
saving; the same command stores them again.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from sqlalchemy import Connection

BATCH_DOCUMENTS = 64  # documents saved in one transaction at most
BATCH_SECONDS = 1.0  # a transaction is committed after the document that ends this long a batch

Write = Callable[[Connection], None]  # the statements that save one document


class Batch:
    """An open write transaction holding the documents saved since its last commit."""

    def __init__(
        self, connection: Connection, documents: int = BATCH_DOCUMENTS, seconds: float = BATCH_SECONDS
    ) -> None:
        self.connection = connection
        self.documents = documents
        self.seconds = seconds
        self.writes: list[Write] = []  # the documents saved since the last commit, in order
        self.started = time.monotonic()

    def write(self, write: Write) -> None:
        """Save one document; commit when the batch is full or old enough. A failure rolls back
        this document only (the others are written again and committed) and is raised."""
        try:
            write(self.connection)
        except BaseException:
            self._undo()
            raise
        self.writes.append(write)
        if len(self.writes) >= self.documents or time.monotonic() - self.started >= self.seconds:
            self.commit()

    def commit(self) -> None:
        self.connection.commit()
        self.writes.clear()
        self.started = time.monotonic()

    def _undo(self) -> None:
        """Roll back the transaction, then write again and commit the documents it held before."""
        writes, self.writes = self.writes, []
        self.connection.rollback()
        try:
            for earlier in writes:
                earlier(self.connection)
            self.commit()
        except BaseException:
            self.connection.rollback()  # never half a document: the database failed, the run stops
            raise
