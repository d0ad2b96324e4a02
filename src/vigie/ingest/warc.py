"""WARC input: a web archive (WARC or WARC.gz) -> one RawDoc per archived HTML page, with URL and capture date.

What an archive may cost is bounded: its gzip members may not expand more than EXPANSION times
(a compression bomb is refused, the pages before it kept), no line may run longer than the
document size limit (warcio reads header lines whole), a record's HTTP headers are read up to
HEADER_BYTES and its page up to `max_bytes`.
"""

from __future__ import annotations

import io
import logging
import zlib
from collections.abc import Iterator
from datetime import datetime
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeadersParser, StatusAndHeadersParserException

from vigie.errors import DocumentError
from vigie.ingest.html import read_html
from vigie.records import RawDoc

log = logging.getLogger(__name__)

HTML_TYPES = ("text/html", "application/xhtml+xml")
GZIP_MAGIC = b"\x1f\x8b"
CHUNK = 1 << 16
EXPANSION = 100  # web pages deflate 5-10 times; a stream of zeros 1,000 times
HEADER_BYTES = 65_536  # HTTP headers of one record: a few hundred bytes in practice


class ArchiveRefused(DocumentError):
    """The rest of an archive costs more than it may: what was read before is kept."""


class BoundedArchive(io.RawIOBase):
    """The bytes of a WARC file, its gzip members inflated, within bounds: inflated bytes at most
    EXPANSION times the compressed ones (plus `max_bytes`), no line longer than `max_bytes`."""

    def __init__(self, raw: IO[bytes], where: str, max_bytes: int) -> None:
        self.raw = raw
        self.where = where
        self.max_bytes = max_bytes
        self.inflater: Any = None
        self.head = b""  # the gzip magic read to tell the format, to inflate first
        head = raw.read(2)
        self.pending = bytearray(head)
        if head == GZIP_MAGIC:
            self.inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
            self.pending = bytearray()
            self.head = head
        self.compressed = len(head)
        self.inflated = 0
        self.run = 0  # bytes since the last line break

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self.pending:
            data = self._next()
            if not data:
                return 0
            self._check(data)
            self.pending += data
        size = min(len(buffer), len(self.pending))
        buffer[:size] = self.pending[:size]
        del self.pending[:size]
        return size

    def _next(self) -> bytes:
        if self.inflater is None:
            return self.raw.read(CHUNK)
        try:
            while True:
                if self.inflater.unconsumed_tail:
                    data: bytes = self.inflater.decompress(self.inflater.unconsumed_tail, CHUNK)
                elif self.inflater.eof:  # one gzip member per record: start the next one
                    rest = self.inflater.unused_data or self._read_compressed()
                    if not rest:
                        return b""
                    self.inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
                    data = self.inflater.decompress(rest, CHUNK)
                else:
                    chunk = self._read_compressed()
                    if not chunk:
                        return b""  # a member cut short: warcio says the archive is truncated
                    data = self.inflater.decompress(chunk, CHUNK)
                if data:
                    return data
        except zlib.error as err:
            raise OSError(f"corrupt gzip data: {err}") from err

    def _read_compressed(self) -> bytes:
        if self.head:
            chunk, self.head = self.head + self.raw.read(CHUNK), b""
        else:
            chunk = self.raw.read(CHUNK)
        self.compressed += len(chunk)
        return chunk

    def _check(self, data: bytes) -> None:
        self.inflated += len(data)
        if self.inflater is not None and self.inflated > EXPANSION * self.compressed + self.max_bytes:
            raise ArchiveRefused(
                f"{self.where}: archive refused after {self.inflated / 1e6:.1f} MB inflated from "
                f"{self.compressed / 1e6:.1f} MB: it expands more than {EXPANSION} times, as a compression "
                "bomb does; the pages before it are kept"
            )
        newline = data.rfind(b"\n")
        self.run = len(data) - newline - 1 if newline >= 0 else self.run + len(data)
        if self.run > self.max_bytes:
            raise ArchiveRefused(
                f"{self.where}: archive refused: a line runs over {self.max_bytes / 1e6:.1f} MB without a "
                "line break (zeros or binary data where headers go); the pages before it are kept"
            )


def read_warc(stream: IO[bytes], where: str, max_bytes: int) -> Iterator[RawDoc | DocumentError]:
    """Each HTML response (status 200) of an archive as a document; other records are passed over.

    A record that cannot be used is yielded as a DocumentError naming the archive and the URL.
    """
    try:
        reader = io.BufferedReader(BoundedArchive(stream, where, max_bytes), CHUNK)
        for record in ArchiveIterator(reader, no_record_parse=True):
            found = _document(record, where, max_bytes)
            if found is not None:
                yield found
    except ArchiveRefused as err:
        yield err
    except ArchiveLoadFailed as err:
        yield DocumentError(f"{where}: not a readable WARC archive: {err}")
    except (OSError, EOFError, ValueError) as err:
        yield DocumentError(
            f"{where}: the archive is truncated or corrupt ({err}); the pages before it are kept"
        )


def _document(record: Any, where: str, max_bytes: int) -> RawDoc | DocumentError | None:
    if record.rec_type not in ("response", "resource"):
        return None
    url = str(record.rec_headers.get_header("WARC-Target-URI") or "").strip("<>")
    if record.rec_type == "response" and "application/http" in str(record.content_type or ""):
        _read_http_headers(record, f"{where}: {url}")
        if record.http_headers is None:
            return DocumentError(f"{where}: {url}: record passed over: its HTTP headers cannot be read")
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
        while record.raw_stream.read(CHUNK):
            pass  # skip the rest here: a bomb is refused as such (ArchiveRefused), in one line
        return DocumentError(
            f"{where}: {url}: page is over the limit of {max_bytes / 1e6:.1f} MB; "
            "raise it with --setting max_bytes N"
        )
    try:
        return read_html(data, f"{where}: {url}", url=url or None, captured=_captured(record), fmt="warc")
    except DocumentError as err:
        return err


def _read_http_headers(record: Any, where: str) -> None:
    """Parse a response record's HTTP headers, reading at most HEADER_BYTES of them; an archive
    with a record whose headers do not end there is refused from that record on."""
    lines: list[bytes] = []
    size = 0
    while True:
        line = record.raw_stream.readline(HEADER_BYTES + 1 - size)
        size += len(line)
        if size > HEADER_BYTES:
            raise ArchiveRefused(
                f"{where}: archive refused from this record on: its HTTP headers run over "
                f"{HEADER_BYTES // 1024} KB (zeros or binary data where the headers go); the pages before it are kept"
            )
        lines.append(line)
        if line in (b"", b"\r\n", b"\n"):
            break
    try:
        parser = StatusAndHeadersParser(["HTTP/1.0", "HTTP/1.1"], verify=False)
        record.http_headers = parser.parse(io.BytesIO(b"".join(lines)))
    except (StatusAndHeadersParserException, ValueError, EOFError):
        record.http_headers = None  # no status line: the record is passed over, named


def _captured(record: Any) -> datetime | None:
    value = record.rec_headers.get_header("WARC-Date")
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00")) if value else None
    except ValueError:
        return None
