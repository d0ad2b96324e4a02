"""WARC input: a web archive (WARC or WARC.gz) -> one RawDoc per archived HTML page, with URL and capture date."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import datetime
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from vigie.errors import DocumentError
from vigie.ingest.html import read_html
from vigie.records import RawDoc

log = logging.getLogger(__name__)

HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(stream: IO[bytes], where: str, max_bytes: int) -> Iterator[RawDoc | DocumentError]:
    """Each HTML response (status 200) of an archive as a document; other records are passed over.

    A record that cannot be used is yielded as a DocumentError naming the archive and the URL.
    """
    try:
        for record in ArchiveIterator(stream):
            found = _document(record, where, max_bytes)
            if found is not None:
                yield found
    except ArchiveLoadFailed as err:
        yield DocumentError(f"{where}: not a readable WARC archive: {err}")
    except (OSError, EOFError) as err:
        yield DocumentError(
            f"{where}: the archive is truncated or corrupt ({err}); the pages before it are kept"
        )


def _document(record: Any, where: str, max_bytes: int) -> RawDoc | DocumentError | None:
    if record.rec_type not in ("response", "resource"):
        return None
    url = str(record.rec_headers.get_header("WARC-Target-URI") or "").strip("<>")
    if record.http_headers is not None:
        status = record.http_headers.get_statuscode()
        kind = record.http_headers.get_header("Content-Type") or ""
    else:
        status, kind = "200", record.rec_headers.get_header("Content-Type") or ""
    if status != "200" or not kind.lower().startswith(HTML_TYPES):
        log.debug("%s: %s passed over: status %s, %s", where, url, status, kind or "no content type")
        return None
    data = record.content_stream().read(max_bytes + 1)
    if len(data) > max_bytes:
        return DocumentError(
            f"{where}: {url}: page is over the limit of {max_bytes / 1e6:.1f} MB; "
            "raise it with --setting max_bytes N"
        )
    try:
        return read_html(data, f"{where}: {url}", url=url or None, captured=_captured(record), fmt="warc")
    except DocumentError as err:
        return err


def _captured(record: Any) -> datetime | None:
    value = record.rec_headers.get_header("WARC-Date")
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00")) if value else None
    except ValueError:
        return None
